using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

public class RemoteProvisioningTests
{
    [Fact]
    public Task Ssh_net_clients_and_remote_processes() => Verify<RemoteProvisioningAnalyzer>.Diagnostics("""
        using System.Diagnostics;
        using Renci.SshNet;

        public static class Patch
        {
            public static void Run()
            {
                using var ssh = {|DI2004:new SshClient("web-1", "ubuntu", "pw")|};
                ssh.Connect();
                ssh.RunCommand("sudo apt-get upgrade -y");
                using var scp = {|DI2004:new ScpClient("web-1", "ubuntu", "pw")|};
                {|DI2004:Process.Start("ssh", "web-1 sudo systemctl restart nginx")|};
                {|DI2004:Process.Start("/usr/bin/ansible-playbook", "site.yml")|};
                var info = {|DI2004:new ProcessStartInfo("rsync")|};
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
