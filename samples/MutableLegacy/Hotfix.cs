using System.Diagnostics;
using Amazon.EC2;
using Amazon.EC2.Model;
using Renci.SshNet;

namespace MutableLegacy;

/// <summary>The deploy script every legacy shop has: patch what is running.</summary>
public static class Hotfix
{
    public static async Task Apply(IAmazonEC2 ec2, Cmdb cmdb, LogGroup logs)
    {
        // DI2003: resized in place.
        await ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = "i-0abc", InstanceType = "t3.large" });

        // DI2004: a command run on the live machine over SSH, and ansible against it.
        using var ssh = new SshClient("web-1", "ubuntu", "password");
        ssh.Connect();
        ssh.RunCommand("sudo systemctl restart nginx");
        Process.Start("ansible-playbook", "-i web-1, site.yml");

        // DI2002: a resource changed after it was declared.
        logs.GroupName = "/patched";
        logs.Subscribers.Add("ops@example.com");

        // DI2003 from this team's own list (DslInfra.MutationApis.txt).
        cmdb.PatchHost("web-1");
    }
}

/// <summary>A stand-in for a configuration database client.</summary>
public sealed class Cmdb
{
    public void PatchHost(string host) => Console.WriteLine("patched " + host);
}
