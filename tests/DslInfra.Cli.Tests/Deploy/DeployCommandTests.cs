using System.Text.Json;
using System.Text.Json.Nodes;

namespace DslInfra.Cli.Tests.Deploy;

/// <summary>
/// dslinfra deploy with the real Terraform (1.11.4 on PATH), fully offline: two stacks of terraform_data (Terraform's
/// built-in provider, nothing to download) with local state, the second reading the first's outputs through
/// terraform_remote_state, as DslInfra writes a stack that reads another.
/// </summary>
public sealed class DeployCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("dslinfra-deploy-").FullName;

    private string Artifacts => Path.Combine(root, "infra");

    private string State(string stack) => Path.Combine(root, "state", stack + ".tfstate");

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>Writes a stack's main.tf.json and manifest.json; its one terraform_data is replace-only in the manifest.</summary>
    private void Stack(string name, string input, string? reads = null, string? image = null, int applySeconds = 0, string? environment = null)
    {
        // A stack of an environment is written to <environment>/<stack>/ and keeps its own state.
        var folder = environment is null ? Path.Combine(Artifacts, name) : Path.Combine(Artifacts, environment, name);
        var stateName = environment is null ? name : environment + "-" + name;
        var readsState = reads is null ? null : environment is null ? reads : environment + "-" + reads;
        Directory.CreateDirectory(folder);
        var terraform = new JsonObject
        {
            ["terraform"] = new JsonObject { ["backend"] = new JsonObject { ["local"] = new JsonObject { ["path"] = State(stateName) } } },
            ["resource"] = new JsonObject
            {
                ["terraform_data"] = new JsonObject
                {
                    // A slow apply, for the interruption test: the provisioner runs while the resource is created.
                    ["main"] = applySeconds == 0
                        ? new JsonObject { ["input"] = input }
                        : new JsonObject { ["input"] = input, ["provisioner"] = new JsonArray(new JsonObject { ["local-exec"] = new JsonObject { ["command"] = $"sleep {applySeconds}" } }) },
                },
            },
            ["output"] = new JsonObject { ["value"] = new JsonObject { ["value"] = "${terraform_data.main.output}" } },
        };
        if (reads is not null)
            terraform["data"] = new JsonObject
            {
                ["terraform_remote_state"] = new JsonObject
                {
                    [reads] = new JsonObject { ["backend"] = "local", ["config"] = new JsonObject { ["path"] = State(readsState!) } },
                },
            };
        File.WriteAllText(Path.Combine(folder, "main.tf.json"), terraform.ToJsonString());
        var manifest = new JsonObject
        {
            ["format_version"] = "2",
            ["stack"] = name,
            ["class"] = name,
            ["terraform"] = "main.tf.json",
            ["resources"] = new JsonArray(new JsonObject
            {
                ["address"] = "terraform_data.main", ["mode"] = "managed", ["type"] = "terraform_data", ["name"] = "main", ["member"] = "Main",
                ["source"] = null, ["update"] = "replace-only", ["depends_on"] = new JsonArray(), ["images"] = new JsonArray(), ["references"] = new JsonArray(),
            }),
            ["images"] = image is null ? new JsonArray() : new JsonArray(new JsonObject
            {
                ["name"] = "web", ["kind"] = "amazon-ebs", ["hash"] = image, ["published_name"] = "web-" + image,
                ["template"] = "images/web.pkr.json", ["member"] = "Web", ["source"] = null, ["files"] = new JsonArray(), ["dependents"] = new JsonArray("terraform_data.main"),
            }),
            ["variables"] = new JsonArray(),
            ["outputs"] = new JsonArray("value"),
            ["reads_stacks"] = reads is null ? new JsonArray() : new JsonArray(reads),
        };
        if (environment is not null)
        {
            manifest["environment"] = environment;
            manifest["environments"] = new JsonArray("dev", "prod");
        }
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());
        if (image is not null)
        {
            // Packer's null builder stands in for a cloud builder: it "publishes" the AMI name the fake aws then finds.
            Directory.CreateDirectory(Path.Combine(folder, "images"));
            var bake = new JsonObject
            {
                ["source"] = new JsonObject { ["null"] = new JsonObject { ["bake"] = new JsonObject { ["communicator"] = "none" } } },
                ["build"] = new JsonObject
                {
                    ["sources"] = new JsonArray("source.null.bake"),
                    ["provisioner"] = new JsonArray(new JsonObject { ["shell-local"] = new JsonObject { ["inline"] = new JsonArray($"echo web-{image} >> {Baked}", $"touch {Path.Combine(root, "published", "web-" + image)}") } }),
                },
            };
            File.WriteAllText(Path.Combine(folder, "images", "web.pkr.json"), bake.ToJsonString());
        }
    }

    private string Baked => Path.Combine(root, "baked.log");

    /// <summary>A stand-in for the aws CLI: describe-images finds an AMI whose name was published by a bake.</summary>
    private string FakeAws()
    {
        Directory.CreateDirectory(Path.Combine(root, "published"));
        var script = Path.Combine(root, "aws");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            for argument in "$@"; do case "$argument" in Name=name,Values=*) name="${argument#Name=name,Values=}";; esac; done
            if [ -f "{{Path.Combine(root, "published")}}/$name" ]; then echo 1; else echo 0; fi
            """.Replace("\r", ""));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    private (int Exit, string Output, string Error) Deploy(params string[] more) =>
        Cli.Run(["deploy", Artifacts, "--auto-approve", "--locks", Path.Combine(root, "locks"), .. more]);

    private JsonElement Resource(string stack)
    {
        using var state = JsonDocument.Parse(File.ReadAllText(State(stack)));
        return state.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "terraform_data").GetProperty("instances")[0].GetProperty("attributes").Clone();
    }

    private long Serial(string stack)
    {
        using var state = JsonDocument.Parse(File.ReadAllText(State(stack)));
        return state.RootElement.GetProperty("serial").GetInt64();
    }

    [Fact]
    public void Two_stacks_deploy_in_the_order_their_reads_need_and_a_second_run_applies_nothing()
    {
        // "app" sorts before "network" by name; it reads network's outputs, so network must go first.
        Stack("network", "10.0.0.0/16");
        Stack("app", "${data.terraform_remote_state.network.outputs.value}", reads: "network");

        var (exit, output, error) = Deploy();
        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.True(error.IndexOf("[network] apply", StringComparison.Ordinal) < error.IndexOf("[app] init", StringComparison.Ordinal), error);
        Assert.Contains("stack network: applied: 1 create", output);
        Assert.Contains("stack app: applied: 1 create", output);
        // terraform_data keeps its input as a dynamic value: {"value": …, "type": "string"}.
        Assert.Equal("10.0.0.0/16", Resource("app").GetProperty("input").GetProperty("value").GetString());

        var serials = (Serial("network"), Serial("app"));
        var (again, secondOutput, secondError) = Deploy();
        Assert.True(again == 0, $"exit {again}\n{secondOutput}\n{secondError}");
        Assert.Contains("stack network: no changes", secondOutput);
        Assert.Contains("stack app: no changes", secondOutput);
        Assert.DoesNotContain("] apply", secondError);
        Assert.Equal(serials, (Serial("network"), Serial("app")));
    }

    [Fact]
    public void Two_environments_deploy_from_one_command_environment_after_environment_and_a_second_run_applies_nothing()
    {
        foreach (var (environment, cidr) in new[] { ("dev", "10.0.0.0/16"), ("prod", "10.1.0.0/16") })
        {
            Stack("network", cidr, environment: environment);
            Stack("app", "${data.terraform_remote_state.network.outputs.value}", reads: "network", environment: environment);
        }

        var (exit, output, error) = Deploy();
        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        var order = new[] { "[dev/network] apply", "[dev/app] apply", "[prod/network] apply", "[prod/app] apply" }.Select(step => error.IndexOf(step, StringComparison.Ordinal)).ToList();
        Assert.True(order.All(i => i >= 0) && order.SequenceEqual(order.Order()), error);
        // Each environment's app read its own environment's network.
        Assert.Equal("10.0.0.0/16", Resource("dev-app").GetProperty("input").GetProperty("value").GetString());
        Assert.Equal("10.1.0.0/16", Resource("prod-app").GetProperty("input").GetProperty("value").GetString());

        var (again, secondOutput, secondError) = Deploy();
        Assert.True(again == 0, $"exit {again}\n{secondOutput}\n{secondError}");
        Assert.DoesNotContain("] apply", secondError);
        Assert.Contains("stack prod/app: no changes", secondOutput);

        // One environment alone.
        Stack("network", "10.2.0.0/16", environment: "prod");
        foreach (var stack in new[] { "network", "app" })   // terraform_data's input updates in place; let it
            File.WriteAllText(Path.Combine(Artifacts, "prod", stack, "manifest.json"), File.ReadAllText(Path.Combine(Artifacts, "prod", stack, "manifest.json")).Replace("replace-only", "in-place"));
        var (only, onlyOutput, onlyError) = Deploy("--env", "prod");
        Assert.True(only == 0, $"exit {only}\n{onlyOutput}\n{onlyError}");
        Assert.DoesNotContain("[dev/", onlyError);
        Assert.Contains("stack prod/network: applied: 1 update in place", onlyOutput);
        Assert.Contains("stack prod/app: applied: 1 update in place", onlyOutput);
        Assert.Equal("10.0.0.0/16", Resource("dev-app").GetProperty("input").GetProperty("value").GetString());
        Assert.Equal(2, Cli.Run("deploy", Artifacts, "--auto-approve", "--env", "staging").Exit);
    }

    [Fact]
    public void Plan_plans_every_environment_offline_each_reading_its_own_stacks()
    {
        foreach (var (environment, cidr) in new[] { ("dev", "10.0.0.0/16"), ("prod", "10.1.0.0/16") })
        {
            Stack("network", cidr, environment: environment);
            Stack("app", "${data.terraform_remote_state.network.outputs.value}", reads: "network", environment: environment);
        }
        var (exit, output, error) = Cli.Run("plan", Artifacts, "--format", "json");
        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        using var report = JsonDocument.Parse(output);
        Assert.Equal(["dev/network", "dev/app", "prod/network", "prod/app"], report.RootElement.GetProperty("stacks").EnumerateArray().Select(s => s.GetProperty("stack").GetString()));
        var (one, oneOutput, _) = Cli.Run("plan", Artifacts, "--env", "dev", "--format", "json");
        Assert.Equal(0, one);
        using var dev = JsonDocument.Parse(oneOutput);
        Assert.Equal(2, dev.RootElement.GetProperty("stacks").GetArrayLength());
    }

    [Fact]
    public void A_failing_gate_stops_before_apply_and_leaves_the_state_untouched()
    {
        Stack("network", "10.0.0.0/16");
        Stack("app", "${data.terraform_remote_state.network.outputs.value}", reads: "network");
        Assert.Equal(0, Deploy().Exit);
        var before = File.ReadAllText(State("network"));

        // terraform_data's input changes in place; the manifest says the resource is replace-only: the gate fails.
        Stack("network", "10.1.0.0/16");
        var (exit, output, error) = Deploy();
        Assert.True(exit == 1, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("stack network: gate failed", output);
        Assert.Contains("stopped at stack network", output);
        Assert.DoesNotContain("stack app", output);
        Assert.DoesNotContain("[network] apply", error);
        Assert.Equal(before, File.ReadAllText(State("network")));
    }

    [Fact]
    public void An_image_is_baked_once_when_its_name_is_not_yet_published_and_again_only_when_it_changes()
    {
        Stack("network", "10.0.0.0/16");
        Stack("app", "ami-for-web-aaaa", reads: "network", image: "aaaa");
        var aws = FakeAws();

        var (exit, output, error) = Deploy("--aws", aws);
        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Equal(["web-aaaa"], File.ReadAllLines(Baked));
        Assert.True(error.IndexOf("packer build web-aaaa", StringComparison.Ordinal) < error.IndexOf("[app] init", StringComparison.Ordinal), error);

        // Nothing changed: the image is published, nothing is baked or applied.
        var (again, _, againError) = Deploy("--aws", aws);
        Assert.Equal(0, again);
        Assert.Equal(["web-aaaa"], File.ReadAllLines(Baked));
        Assert.Contains("image web-aaaa is published", againError);

        // The image changed: its new name is baked, and the plan rolls what uses it.
        Stack("app", "ami-for-web-bbbb", reads: "network", image: "bbbb");
        File.WriteAllText(Path.Combine(Artifacts, "app", "manifest.json"), File.ReadAllText(Path.Combine(Artifacts, "app", "manifest.json")).Replace("replace-only", "in-place"));
        var (third, thirdOutput, thirdError) = Deploy("--aws", aws);
        Assert.True(third == 0, $"exit {third}\n{thirdOutput}\n{thirdError}");
        Assert.Equal(["web-aaaa", "web-bbbb"], File.ReadAllLines(Baked));
        Assert.Contains("stack app: applied", thirdOutput);
        Assert.Contains("stack network: no changes", thirdOutput);
    }

    [Fact]
    public void A_failed_bake_stops_before_the_plan()
    {
        Stack("app", "x", image: "cccc");
        File.WriteAllText(Path.Combine(Artifacts, "app", "images", "web.pkr.json"), "{ not a template");
        var (exit, output, _) = Deploy("--aws", FakeAws());
        Assert.Equal(3, exit);
        Assert.Contains("packer build of image web failed", output);
        Assert.False(File.Exists(State("app")));
    }

    [Fact]
    public async Task Interrupted_during_apply_it_stops_and_the_next_deploy_continues_from_the_state()
    {
        if (OperatingSystem.IsWindows())
            return; // SIGINT is sent with kill(1)
        Stack("network", "10.0.0.0/16", applySeconds: 4);
        Stack("app", "${data.terraform_remote_state.network.outputs.value}", reads: "network");

        // dslinfra as its own process, as a user runs it, interrupted (SIGINT, what Ctrl-C sends) while network applies.
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "DslInfra.Cli.dll"), "deploy", Artifacts, "--auto-approve", "--locks", Path.Combine(root, "locks") })
            start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            lock (stderr)
                if (stderr.ToString().Contains("[network] apply…", StringComparison.Ordinal))
                    break;
            await Task.Delay(50);
        }
        await Task.Delay(1000);
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            kill.WaitForExit();
        Assert.True(process.WaitForExit(60_000), "deploy did not stop after the interrupt");
        var output = await stdout;
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{output}\n{stderr}");
        Assert.Contains("interrupted", stderr.ToString());
        Assert.DoesNotContain("stack app: applied", output);

        // The next deploy continues from what Terraform kept: network is there, app is created now.
        var (exit, again, againError) = Deploy();
        Assert.True(exit == 0, $"exit {exit}\n{again}\n{againError}");
        Assert.Contains("stack app: applied: 1 create", again);
        Assert.Equal("10.0.0.0/16", Resource("app").GetProperty("input").GetProperty("value").GetString());
    }

    [Fact]
    public void Destroy_takes_the_stacks_down_in_reverse_order_through_the_same_gate()
    {
        Stack("network", "10.0.0.0/16");
        Stack("app", "${data.terraform_remote_state.network.outputs.value}", reads: "network");
        Assert.Equal(0, Deploy().Exit);

        var (exit, output, error) = Cli.Run("destroy", Artifacts, "--auto-approve", "--locks", Path.Combine(root, "locks"));
        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        // What reads a stack goes first: app before network.
        Assert.True(error.IndexOf("[app] apply", StringComparison.Ordinal) < error.IndexOf("[network] init", StringComparison.Ordinal), error);
        Assert.Contains("stack app: destroyed: 1 destroy", output);
        Assert.Contains("stack network: destroyed: 1 destroy", output);
        using var state = JsonDocument.Parse(File.ReadAllText(State("network")));
        Assert.DoesNotContain(state.RootElement.GetProperty("resources").EnumerateArray(), r => r.GetProperty("mode").GetString() == "managed");
    }

    [Fact]
    public void A_terraform_error_names_the_stack_and_stops()
    {
        Stack("network", "10.0.0.0/16");
        File.WriteAllText(Path.Combine(Artifacts, "network", "main.tf.json"), "{\"resource\": {\"terraform_data\": {\"main\": {\"no_such_argument\": 1}}}}");
        var (exit, output, _) = Deploy();
        Assert.Equal(3, exit);
        Assert.Contains("stack network: failed", output);
        Assert.Contains("terraform plan failed", output);
    }

    [Fact]
    public void Without_a_terminal_it_asks_for_auto_approve_instead_of_applying()
    {
        Stack("network", "10.0.0.0/16");
        var (exit, _, error) = Cli.Run("deploy", Artifacts);
        Assert.Equal(2, exit);
        Assert.Contains("--auto-approve", error);
        Assert.False(File.Exists(State("network")));
    }
}
