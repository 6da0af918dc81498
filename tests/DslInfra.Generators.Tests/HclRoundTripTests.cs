using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Generators.Tests;

/// <summary>
/// Every string a stack writes comes back exactly when HashiCorp's own parser (hcl/v2, as Terraform and Packer use
/// it) reads the generated file: as a template where they read templates, literally where they read literals, and
/// every reference stays a reference. The decoder is tests/hcl-decode, built by tests/tools/install.sh.
/// </summary>
public class HclRoundTripTests
{
    /// <summary>Fragments that mean something to HCL templates, JSON, shells or terminals.</summary>
    private static readonly string[] Fragments =
    [
        "${", "%{", "$${", "%%{", "$", "$$", "%", "{", "}", "~}", "\"", "\\", "\\${x}", "'", "`", "$(id)", "\n", "\r\n", "\t",
        "\u0001", "\u001f", "\u007f", "\u2028", "\u2029", "🚀", "\U0001F600", "\u202e", "ü", "日本", " ", ".", "a", "var.env", "${var.env}",
    ];

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6];

    /// <summary>Hostile strings for one seed: fixed edge cases first, then random sequences of fragments.</summary>
    private static List<string> Hostile(int seed)
    {
        var random = new Random(seed);
        var strings = new List<string> { "", "$", "cost $", "$$", "a%", "${not_a_ref}", "%{ if x }y%{ endif }", "$${already}", "C:\\path\\${x}" };
        if (seed == 1)
            strings.Add(new string('x', 50_000) + "${" + new string('é', 50_000)); // a 100 KB string
        while (strings.Count < 40)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 8); n > 0; n--)
                text.Append(Fragments[random.Next(Fragments.Length)]);
            strings.Add(text.ToString());
        }
        return strings;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Terraform_reads_back_every_literal_and_every_reference(int seed)
    {
        var strings = Hostile(seed);
        var source = new StringBuilder(Harness.Usings + "[Stack(\"s\")] public static class S {\n");
        source.Append("public static readonly Variable<string> Env = new(\"env\");\n");
        for (var i = 0; i < strings.Count; i++)
        {
            source.Append($"const string V{i} = {SymbolDisplay.FormatLiteral(strings[i], quote: true)};\n");
            source.Append($"public static readonly Variable<string> Var{i} = new(\"v{i}\") {{ Default = V{i}, Description = V{i} }};\n");
            source.Append($"public static readonly Output Out{i} = new(\"o{i}\") {{ Value = Vpc.Id, Description = V{i} }};\n");
        }
        source.Append("public static readonly AwsVpc Vpc = new(\"main\") { CidrBlock = \"10.0.0.0/16\", Tags = new() {\n");
        for (var i = 0; i < strings.Count; i++)
            source.Append($"[\"v{i}\"] = V{i}, [V{i} + \"#{i}\"] = \"key\", [\"t{i}\"] = $\"{{V{i}}}{{Env}}{{V{i}}}\",\n");
        source.Append("} };\n}\n");

        var json = Harness.Artifacts(Harness.Compile(source.ToString()))["s/main.tf.json"];
        var decoded = HclDecoder.Decode(json, ".tf.json");

        var tagKeys = decoded.Where(d => d.Path == "/resource/aws_vpc/main/tags" && d.IsKey).Select(d => d.TemplateText()).ToHashSet();
        for (var i = 0; i < strings.Count; i++)
        {
            var value = strings[i];
            Assert.Equal(value, decoded.Single(d => d.Path == $"/resource/aws_vpc/main/tags/v{i}").TemplateText());
            Assert.Contains(value + "#" + i, tagKeys);
            Assert.Equal(Parts(value, "var.env", value), decoded.Single(d => d.Path == $"/resource/aws_vpc/main/tags/t{i}").Parts);
            // Terraform reads these as plain strings, never as templates.
            Assert.Equal(value, decoded.Single(d => d.Path == $"/variable/v{i}/default").Literal);
            Assert.Equal(value, decoded.Single(d => d.Path == $"/variable/v{i}/description").Literal);
            Assert.Equal(value, decoded.Single(d => d.Path == $"/output/o{i}/description").Literal);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Packer_reads_back_every_string_and_the_shell_gets_each_value_as_one_argument(int seed)
    {
        var strings = Hostile(seed).Where(s => s.Length < 1000).ToList();
        var source = new StringBuilder(Harness.Usings + "[Stack(\"s\")] public static class S {\n");
        for (var i = 0; i < strings.Count; i++)
            source.Append($"const string V{i} = {SymbolDisplay.FormatLiteral(strings[i], quote: true)};\n");
        source.Append("public static readonly AmazonEbsImage Web = new(\"web\") { SourceAmi = \"ami-1\", InstanceType = \"t3.small\", Region = \"eu-west-1\", SshUsername = \"u\",\n");
        source.Append("Tags = new() {" + string.Concat(strings.Select((_, i) => $"[\"v{i}\"] = V{i}, [V{i} + \"#{i}\"] = \"key\", ")) + "},\n");
        source.Append("Provisioners = [new Shell { Inline = [" + string.Concat(strings.Select((_, i) => $"V{i}, $\"printf %s {{V{i}}}\", ")) + "],\n");
        source.Append("Environment = new() {" + string.Concat(strings.Select((_, i) => $"[\"E{i}\"] = V{i}, ")) + "} }] };\n");
        source.Append("public static readonly AwsLaunchTemplate Lt = new(\"web\") { ImageId = Web.AmiId };\n}\n");

        var json = Harness.Artifacts(Harness.Compile(source.ToString()))["s/images/web.pkr.json"];
        var decoded = HclDecoder.Decode(json, ".pkr.json");

        var tagKeys = decoded.Where(d => d.Path == "/source/amazon-ebs/web/tags" && d.IsKey).Select(d => d.TemplateText()).ToHashSet();
        var inline = decoded.Where(d => d.Path.StartsWith("/build/0/provisioner/0/shell/inline/", StringComparison.Ordinal))
            .OrderBy(d => int.Parse(d.Path.Split('/').Last())).Select(d => d.TemplateText()).ToList();
        var environment = decoded.Where(d => d.Path.StartsWith("/build/0/provisioner/0/shell/environment_vars/", StringComparison.Ordinal))
            .Select(d => d.TemplateText()).ToHashSet();
        for (var i = 0; i < strings.Count; i++)
        {
            Assert.Equal(strings[i], decoded.Single(d => d.Path == $"/source/amazon-ebs/web/tags/v{i}").TemplateText());
            Assert.Contains(strings[i] + "#" + i, tagKeys);
            Assert.Equal(strings[i], inline[2 * i]);
            Assert.Contains($"E{i}=" + strings[i], environment);
            // The shell Packer runs on the build machine receives the value as exactly one argument.
            Assert.Equal(strings[i], Shell.Output(inline[2 * i + 1]));
        }
    }

    private static List<HclDecoder.Part> Parts(string before, string reference, string after)
    {
        var parts = new List<HclDecoder.Part>();
        if (before.Length > 0)
            parts.Add(new HclDecoder.Part(before, null));
        parts.Add(new HclDecoder.Part(null, reference));
        if (after.Length > 0)
            parts.Add(new HclDecoder.Part(after, null));
        return parts;
    }

    /// <summary>Runs a command line with /bin/sh, as Packer's shell provisioner does, and returns what it printed.</summary>
    private static class Shell
    {
        public static string Output(string command)
        {
            var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardInput = true, StandardOutputEncoding = new UTF8Encoding(false) };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(command);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
    }
}

/// <summary>tests/hcl-decode: every string of a generated file as hcl/v2 reads it.</summary>
internal static class HclDecoder
{
    public sealed record Part(string? Lit, string? Expr);

    public sealed record Entry(string Path, bool IsKey, string Literal, List<Part> Parts, string? TemplateError)
    {
        /// <summary>The string read as a template that holds no reference: its text.</summary>
        public string TemplateText()
        {
            Assert.True(TemplateError is null, TemplateError);
            Assert.All(Parts, p => Assert.Null(p.Expr));
            return string.Concat(Parts.Select(p => p.Lit));
        }
    }

    public static string Program =>
        Environment.GetEnvironmentVariable("DSLINFRA_HCLDECODE") is { Length: > 0 } path ? path : Path.Combine(RepoPaths.Root, ".tools", "hcldecode", "hcldecode");

    public static List<Entry> Decode(string content, string extension)
    {
        Assert.True(File.Exists(Program), $"hcldecode not found at {Program}: bash tests/tools/install.sh builds it (as root: it apt-get installs golang-go golang-github-hashicorp-hcl-v2-dev)");
        var file = Path.Combine(Path.GetTempPath(), $"dslinfra-hcl-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(file, content, new UTF8Encoding(false));
        try
        {
            var start = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = new UTF8Encoding(false) };
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var lines = new List<Entry>();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                var root = JsonDocument.Parse(line).RootElement;
                var parts = root.GetProperty("parts").EnumerateArray().Select(p => new Part(
                    p.TryGetProperty("lit", out var lit) ? lit.GetString() : null,
                    p.TryGetProperty("expr", out var expr) ? expr.GetString() : null)).ToList();
                lines.Add(new Entry(root.GetProperty("path").GetString()!, root.TryGetProperty("key", out _), root.GetProperty("literal").GetString()!, parts,
                    root.TryGetProperty("template_error", out var error) ? error.GetString() : null));
            }
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "hcl/v2 rejected the generated file: " + errors.Result);
            return lines;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
