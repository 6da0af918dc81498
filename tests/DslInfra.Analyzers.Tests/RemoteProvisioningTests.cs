using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

public class RemoteProvisioningTests
{
    [Fact]
    public Task Ssh_net_clients_and_remote_processes() => Verify<RemoteProvisioningAnalyzer>.Diagnostics("""
        using System.Diagnostics;
        using System.IO;
        using Renci.SshNet;

        public static class Patch
        {
            public static void Run()
            {
                using var ssh = new SshClient("web-1", "ubuntu", "pw");
                ssh.Connect();
                {|DI2004:ssh.RunCommand("sudo apt-get upgrade -y")|};
                using var command = {|DI2004:ssh.CreateCommand("sudo reboot")|};
                using var shell = {|DI2004:ssh.CreateShellStream("xterm", 80, 24, 800, 600, 1024)|};
                using var scp = new ScpClient("web-1", "ubuntu", "pw");
                {|DI2004:scp.Upload(new FileInfo("nginx.conf"), "/etc/nginx/nginx.conf")|};
                {|DI2004:Process.Start("ssh", "-t web-1 sudo systemctl restart nginx")|};
                {|DI2004:Process.Start("ssh", "web-1 sudo systemctl restart nginx")|};
                {|DI2004:Process.Start("/usr/bin/ansible-playbook", "site.yml")|};
                {|DI2004:Process.Start("kubectl", new[] { "exec", "web-1", "--", "sh" })|};
                var info = {|DI2004:new ProcessStartInfo("rsync", "-az build/ deploy@web-1:/srv/app")|};
                var other = new ProcessStartInfo();
                {|DI2004:other.FileName = "scp"|};
            }
        }
        """);

    [Fact]
    public Task Provisioner_and_connection_blocks_in_a_stack() => Verify<RemoteProvisioningAnalyzer>.Diagnostics("""
        public static class S
        {
            public static readonly CustomResource Box = new("aws_instance", "box")
            {
                Blocks = [{|DI2004:new("provisioner")|}, {|DI2004:new("connection")|}, new("timeouts")],
            };
        }
        """);

    [Fact]
    public Task Tunnels_downloads_and_an_injected_client_used_for_a_command() => Verify<RemoteProvisioningAnalyzer>.Diagnostics("""
        using System.Diagnostics;
        using System.IO;
        using Renci.SshNet;

        public sealed class Deployer(SshClient injected)
        {
            public void Run()
            {
                // A tunnel to a database behind a bastion, and a download: nothing on the machine changes.
                using var bastion = new SshClient("bastion", "ops", "pw");
                bastion.Connect();
                var tunnel = new ForwardedPortLocal("127.0.0.1", 5432, "db.internal", 5432);
                bastion.AddForwardedPort(tunnel);
                tunnel.Start();
                using var scp = new ScpClient("web-1", "ubuntu", "pw");
                scp.Download("/var/log/nginx/error.log", new FileInfo("error.log"));
                using var sftp = new SftpClient("files", "ops", "pw");
                sftp.UploadFile(File.OpenRead("report.csv"), "/incoming/report.csv");
                Process.Start("ssh", "-N -L 5432:db.internal:5432 bastion");
                Process.Start("ssh", "-fNL 8080:web-1:80 bastion");
                Process.Start("ssh", new[] { "-fN", "bastion", "-L", "5432:db:5432" });

                // A client handed in from elsewhere still runs a command on a live machine.
                {|DI2004:injected.RunCommand("sudo systemctl restart nginx")|};
            }
        }
        """);

    [Fact]
    public Task Look_alikes_are_not_flagged() => Verify<RemoteProvisioningAnalyzer>.Diagnostics("""
        using System.Diagnostics;

        public sealed class SshClient { public SshClient(string host) { } }

        public static class Local
        {
            public static void Run()
            {
                _ = new SshClient("not SSH.NET");
                Process.Start("packer", "build web.pkr.json");
                Process.Start("terraform", "apply plan.tfplan");
                var name = "ssh";
                Process.Start(name + "-keygen");
            }
        }
        """);
}
