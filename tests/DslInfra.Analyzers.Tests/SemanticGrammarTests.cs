using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

/// <summary>
/// DI2003 and DI2004 decide by what a call does: families of clients no list names, the verb grammar, ops CLIs however
/// their command line is put together, and the look-alikes the issue names, which must stay quiet.
/// </summary>
public class SemanticGrammarTests
{
    // Clients of families no built-in list ever named, declared as their SDKs declare them.
    private const string Sdks = """
        namespace Amazon.Route53 { public interface IAmazonRoute53 { System.Threading.Tasks.Task ChangeResourceRecordSetsAsync(object request); System.Threading.Tasks.Task ListHostedZonesAsync(); } }
        namespace Amazon.ECS { public interface IAmazonECS { System.Threading.Tasks.Task UpdateServiceAsync(object request); System.Threading.Tasks.Task ExecuteCommandAsync(object request); System.Threading.Tasks.Task RunTaskAsync(object request); } }
        namespace Amazon.S3 { public interface IAmazonS3 { System.Threading.Tasks.Task PutBucketPolicyAsync(object request); System.Threading.Tasks.Task PutObjectAsync(object request); } }
        namespace Amazon.CloudFormation { public interface IAmazonCloudFormation { System.Threading.Tasks.Task UpdateStackAsync(object request); } }
        namespace Azure.ResourceManager.Sql { public class SqlDatabaseResource { public System.Threading.Tasks.Task UpdateAsync(Azure.WaitUntil wait, object patch) => null; public System.Threading.Tasks.Task GetAsync() => null; } }
        namespace Google.Cloud.Sql.V1 { public class SqlInstancesServiceClient { public object Patch(object request) => null; public object Get(object request) => null; } }
        namespace Google.Cloud.Storage.V1 { public class StorageClient { public object UpdateObject(object o) => null; } }
        namespace Docker.DotNet { public interface IExecOperations { System.Threading.Tasks.Task<object> ExecCreateContainerAsync(string id, object parameters); } public interface IContainerOperations { System.Threading.Tasks.Task<object> CreateContainerAsync(object parameters); System.Threading.Tasks.Task UpdateContainerAsync(string id, object parameters); System.Threading.Tasks.Task StopContainerAsync(string id, object parameters); } public class DockerClient { public IExecOperations Exec { get; } public IContainerOperations Containers { get; } } }
        namespace DotNet.Testcontainers.Containers { public interface IContainer { System.Threading.Tasks.Task ExecAsync(System.Collections.Generic.IList<string> command); } }
        namespace Tamir.SharpSsh { public class SshExec { public SshExec(string host, string user) { } public string RunCommand(string command) => null; } }
        namespace System.Management.Automation { public class PowerShell { public static PowerShell Create() => null; public PowerShell AddScript(string script) => this; public PowerShell AddCommand(string command) => this; public PowerShell AddParameter(string name, object value) => this; } }
        namespace System.Management.Automation.Runspaces { public class WSManConnectionInfo { public WSManConnectionInfo() { } public WSManConnectionInfo(System.Uri uri) { } public WSManConnectionInfo(System.Uri uri, string shellUri, object credential) { } } }
        namespace System.Management { public class ManagementPath { public ManagementPath(string path) { } } public class ManagementClass { public ManagementClass(string path) { } public object InvokeMethod(string name, object inParams, object options) => null; } }
        namespace CliWrap { public static class Cli { public static Command Wrap(string target) => null; } public class Command { public Command WithArguments(string arguments) => this; public Command WithArguments(System.Collections.Generic.IEnumerable<string> arguments) => this; } }

        """;

    [Fact]
    public Task Control_plane_changes_in_families_no_list_names() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        public static class Ops
        {
            public static async System.Threading.Tasks.Task Run(Amazon.Route53.IAmazonRoute53 dns, Amazon.ECS.IAmazonECS ecs, Amazon.S3.IAmazonS3 s3,
                Azure.ResourceManager.Sql.SqlDatabaseResource db, Google.Cloud.Sql.V1.SqlInstancesServiceClient sql, Docker.DotNet.DockerClient docker)
            {
                await {|DI2003:dns.ChangeResourceRecordSetsAsync(new object())|};
                await {|DI2003:ecs.UpdateServiceAsync(new object())|};
                await {|DI2003:s3.PutBucketPolicyAsync(new object())|};
                await {|DI2003:db.UpdateAsync(Azure.WaitUntil.Completed, new object())|};
                _ = {|DI2003:sql.Patch(new object())|};
                await {|DI2003:docker.Containers.UpdateContainerAsync("web", new object())|};
                // Reads, creates, runs of new tasks, and data in a bucket stay quiet.
                await dns.ListHostedZonesAsync();
                await ecs.RunTaskAsync(new object());
                await s3.PutObjectAsync(new object());
                await db.GetAsync();
                _ = sql.Get(new object());
                await docker.Containers.StopContainerAsync("web", new object());
            }
        }
        """ + Sdks);

    [Fact]
    public Task Ops_clis_that_change_live_resources_however_the_command_line_is_built() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        using System.Diagnostics;

        public static class Deploy
        {
            public static void Run(string name, string image, string size)
            {
                {|DI2003:Process.Start("kubectl", $"-n prod set image deployment/{name} web={image}")|};
                {|DI2003:Process.Start("kubectl", "patch deployment web -p '{\"spec\":{\"replicas\":3}}'")|};
                var psi = new ProcessStartInfo { {|DI2003:FileName = "aws"|} };
                psi.ArgumentList.Add("ec2");
                psi.ArgumentList.Add("modify-instance-attribute");
                psi.ArgumentList.Add("--instance-id");
                psi.ArgumentList.Add(name);
                var args = "vm update -g rg -n " + name + " --size " + size;
                {|DI2003:Process.Start("az", args)|};
                _ = {|DI2003:CliWrap.Cli.Wrap("gcloud")|}.WithArguments(new[] { "compute", "instances", "set-machine-type", name, "--machine-type", size });
                {|DI2003:Process.Start("/bin/bash", $"-c \"docker update --memory 2g {name}\"")|};
                {|DI2003:Kubectl($"scale deployment/{name} --replicas=5")|};
                {|DI2003:Az("webapp", "config appsettings set -g rg -n " + name + " --settings A=1")|};
                // Declarative applies, reads, local configuration and pod replacements stay quiet.
                Process.Start("kubectl", "apply -f k8s/");
                Process.Start("kubectl", $"rollout restart deployment/{name}");
                Process.Start("helm", $"upgrade --install {name} ./chart");
                Process.Start("aws", "eks update-kubeconfig --name prod");
                Process.Start("aws", "s3 cp build/ s3://site/ --recursive");
                Process.Start("az", "account set --subscription prod");
                Process.Start("gcloud", "config set project prod");
                Kubectl("get pods");
            }

            // A team's helpers: each forwards its parameters into the process it starts.
            private static void Kubectl(string arguments) => Process.Start(new ProcessStartInfo("kubectl", "--context prod " + arguments));
            private static void Az(string group, string rest) => Process.Start("az", group + " " + rest);
        }
        """ + Sdks);

    [Fact]
    public Task Code_pushed_onto_a_running_app() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        using System.Net.Http;

        public static class Publish
        {
            public static async System.Threading.Tasks.Task Run(HttpClient http, string app, HttpContent zip)
            {
                await {|DI2003:http.PostAsync($"https://{app}.scm.azurewebsites.net/api/zipdeploy", zip)|};
                await http.PostAsync("https://api.example.com/orders", zip);
            }
        }
        """ + Sdks);

    [Fact]
    public Task Remote_execution_beyond_ssh_net() => Verify<RemoteProvisioningAnalyzer>.Diagnostics("""
        using System.Diagnostics;
        using System.IO;
        using Microsoft.Win32;

        public static class Fleet
        {
            public static async System.Threading.Tasks.Task Run(Docker.DotNet.DockerClient docker, Amazon.ECS.IAmazonECS ecs, string host, string script)
            {
                await {|DI2004:docker.Exec.ExecCreateContainerAsync("web", new object())|};
                await {|DI2004:ecs.ExecuteCommandAsync(new object())|};
                _ = new Tamir.SharpSsh.SshExec(host, "ops");
                var ssh = new Tamir.SharpSsh.SshExec(host, "ops");
                _ = {|DI2004:ssh.RunCommand("sudo systemctl restart nginx")|};
                var remote = {|DI2004:new System.Management.Automation.Runspaces.WSManConnectionInfo(new System.Uri($"http://{host}:5985/wsman"))|};
                _ = {|DI2004:System.Management.Automation.PowerShell.Create().AddScript("Invoke-Command -ComputerName " + host + " -ScriptBlock {" + script + "}")|};
                _ = {|DI2004:System.Management.Automation.PowerShell.Create().AddCommand("Invoke-Command")|}.AddParameter("ComputerName", host).AddParameter("ScriptBlock", script);
                var processes = new System.Management.ManagementClass($@"\\{host}\root\cimv2:Win32_Process");
                _ = {|DI2004:processes.InvokeMethod("Create", null, null)|};
                var key = RegistryKey.OpenRemoteBaseKey(RegistryHive.LocalMachine, host).OpenSubKey(@"SOFTWARE\App", true);
                {|DI2004:key.SetValue("Mode", "fast")|};
                {|DI2004:File.Copy("agent.msi", $@"\\{host}\c$\Temp\agent.msi")|};
                {|DI2004:Process.Start("psexec", $@"\\{host} -s msiexec /i C:\Temp\agent.msi")|};
                {|DI2004:Process.Start("pwsh", $"-Command Invoke-Command -ComputerName {host} -FilePath fix.ps1")|};
                {|DI2004:Process.Start("docker", "exec web nginx -s reload")|};
                {|DI2004:Process.Start("aws", $"ssm send-command --instance-ids {host} --document-name AWS-RunShellScript")|};
                Ssh(host, "sudo apt-get upgrade -y");
                {|DI2004:Run("kubectl", $"exec {host} -- nginx -s reload")|};
            }

            // A helper that always starts ssh is reported once, inside it; one whose program comes from its callers is
            // reported at each call, with the caller's command line.
            private static void Ssh(string target, string command) => Process.Start(new ProcessStartInfo { {|DI2004:FileName = "ssh"|}, Arguments = target + " " + command });
            private static void Run(string program, string arguments) => Process.Start(program, arguments);
        }
        """ + Sdks);

    [Fact]
    public Task The_issues_look_alikes_stay_quiet() => Verify<RemoteProvisioningAnalyzer>.Diagnostics("""
        using System.Diagnostics;
        using System.IO;
        using Microsoft.Win32;

        public static class LookAlikes
        {
            // Exec into a container the same code just created: a test fixture, not running infrastructure.
            public static async System.Threading.Tasks.Task Fixture(Docker.DotNet.DockerClient docker, DotNet.Testcontainers.Containers.IContainer redis)
            {
                var created = await docker.Containers.CreateContainerAsync(new object());
                await docker.Exec.ExecCreateContainerAsync("fixture", new object());
                await redis.ExecAsync(new[] { "redis-cli", "FLUSHALL" });
            }

            public static void CliFixture()
            {
                Process.Start("docker", "run -d --name pg-test postgres:16");
                Process.Start("docker", "exec pg-test pg_isready");
            }

            // Sessions to SaaS endpoints and local runspaces.
            public static void Sessions(object credential)
            {
                _ = new System.Management.Automation.Runspaces.WSManConnectionInfo(new System.Uri("https://outlook.office365.com/powershell-liveid/"), "http://schemas.microsoft.com/powershell/Microsoft.Exchange", credential);
                _ = new System.Management.Automation.Runspaces.WSManConnectionInfo();
                _ = System.Management.Automation.PowerShell.Create().AddScript("Get-ChildItem C:\\Logs | Remove-Item");
                _ = System.Management.Automation.PowerShell.Create().AddScript("Invoke-Command -Session $exchange -ScriptBlock { Get-Mailbox }");
            }

            // Power actions and service start/stop, a local registry, a file server share, and a downloaded file.
            public static void Operations(string host)
            {
                Process.Start("az", $"vm restart -g rg -n {host}");
                Process.Start("gcloud", $"compute instances stop {host}");
                new System.Management.ManagementClass("Win32_Share").InvokeMethod("Create", null, null);
                RegistryKey.OpenRemoteBaseKey(RegistryHive.LocalMachine, "").OpenSubKey("SOFTWARE\\App", true).SetValue("Mode", "fast");
                File.Copy("report.csv", $@"\\{host}\reports\report.csv");
                Process.Start("scp", $"deploy@{host}:/var/log/app.log ./app.log");
                Process.Start("rsync", "-a build/ dist/");
                Process.Start("ssh", $"-N -L 5432:db:5432 {host}");
            }
        }
        """ + Sdks);

    [Fact]
    public Task Teams_own_methods_that_share_a_verb_stay_quiet() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        public sealed class OrderRepository { public System.Threading.Tasks.Task UpdateAsync(object order) => null; public void Patch(object order) { } }
        public sealed class JsonPatch { public void ApplyTo(object target) { } public void Replace(string path, object value) { } }

        public static class Orders
        {
            public static async System.Threading.Tasks.Task Run(OrderRepository orders, JsonPatch patch, Amazon.CloudFormation.IAmazonCloudFormation cfn, Google.Cloud.Storage.V1.StorageClient storage)
            {
                await orders.UpdateAsync(new object());
                orders.Patch(new object());
                patch.Replace("/name", "x");
                patch.ApplyTo(new object());
                // A declarative template applied by CloudFormation, and objects in a bucket.
                await cfn.UpdateStackAsync(new object());
                _ = storage.UpdateObject(new object());
            }
        }
        """ + Sdks);

    [Fact]
    public Task The_users_list_silences_a_grammar_verdict() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        public static class Dns
        {
            public static async System.Threading.Tasks.Task Run(Amazon.Route53.IAmazonRoute53 dns) => await dns.ChangeResourceRecordSetsAsync(new object());
        }
        """ + Sdks,
        ("DslInfra.MutationApis.txt", """
            // our DNS failover is reviewed elsewhere
            -M:Amazon.Route53.IAmazonRoute53.ChangeResourceRecordSetsAsync
            """));
}
