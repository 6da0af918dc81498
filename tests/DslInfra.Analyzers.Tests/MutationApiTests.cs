using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

/// <summary>
/// The mutation vectors real code uses (issue 12 §1), against the real SDK assemblies where the registry serves them
/// (AWSSDK.EC2, KubernetesClient, Azure.ResourceManager.Compute), by name where it does not (RDS, Lambda), each with
/// look-alikes that must stay quiet.
/// </summary>
public class MutationApiTests
{
    [Fact]
    public Task Ec2_security_group_rules_addresses_volumes_and_tags_on_live_resources() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        using Amazon.EC2;
        using Amazon.EC2.Model;

        public static class Open
        {
            public static async System.Threading.Tasks.Task Run(IAmazonEC2 ec2)
            {
                await {|DI2003:ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = "sg-1" })|};
                await {|DI2003:ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = "sg-1" })|};
                await {|DI2003:ec2.ModifySecurityGroupRulesAsync(new ModifySecurityGroupRulesRequest { GroupId = "sg-1" })|};
                await {|DI2003:ec2.AssociateAddressAsync(new AssociateAddressRequest { InstanceId = "i-1" })|};
                await {|DI2003:ec2.AttachVolumeAsync(new AttachVolumeRequest { InstanceId = "i-1", VolumeId = "vol-1" })|};
                await {|DI2003:ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["i-1"] })|};
                // Look-alikes: reading, and creating what replaces.
                await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest());
                await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest());
                await ec2.DescribeTagsAsync(new DescribeTagsRequest());
            }
        }
        """);

    [Fact]
    public Task Rds_and_lambda_updates_by_name() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        namespace Amazon.RDS { public interface IAmazonRDS { System.Threading.Tasks.Task ModifyDBInstanceAsync(object request); System.Threading.Tasks.Task DescribeDBInstancesAsync(object request); } }
        namespace Amazon.Lambda { public interface IAmazonLambda { System.Threading.Tasks.Task UpdateFunctionCodeAsync(object request); System.Threading.Tasks.Task InvokeAsync(object request); } }

        public static class Hotfix
        {
            public static async System.Threading.Tasks.Task Run(Amazon.RDS.IAmazonRDS rds, Amazon.Lambda.IAmazonLambda lambda)
            {
                await {|DI2003:rds.ModifyDBInstanceAsync(new object())|};
                await {|DI2003:lambda.UpdateFunctionCodeAsync(new object())|};
                await rds.DescribeDBInstancesAsync(new object());
                await lambda.InvokeAsync(new object());
            }
        }
        """);

    [Fact]
    public Task Kubernetes_scale_resize_daemon_sets_and_config_maps_in_place() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        using k8s;
        using k8s.Models;

        public static class Tweak
        {
            public static async System.Threading.Tasks.Task Run(IKubernetes kube, V1Patch patch, V1DaemonSet daemons, V1ConfigMap config, V1Scale scale)
            {
                await {|DI2003:kube.AppsV1.PatchNamespacedDeploymentScaleAsync(patch, "web", "prod")|};
                await {|DI2003:kube.AppsV1.ReplaceNamespacedDeploymentScaleAsync(scale, "web", "prod")|};
                await {|DI2003:kube.AppsV1.ReplaceNamespacedDaemonSetAsync(daemons, "agent", "prod")|};
                await {|DI2003:kube.CoreV1.PatchNamespacedPodResizeAsync(patch, "web-1", "prod")|};
                await {|DI2003:kube.CoreV1.PatchNamespacedConfigMapAsync(patch, "settings", "prod")|};
                await {|DI2003:kube.CoreV1.ReplaceNamespacedConfigMapAsync(config, "settings", "prod")|};
                await {|DI2003:kube.CoreV1.ReplaceNamespacedConfigMapWithHttpMessagesAsync(config, "settings", "prod")|};
                await kube.CoreV1.ReadNamespacedConfigMapAsync("settings", "prod");
                await kube.CoreV1.CreateNamespacedConfigMapAsync(config, "prod");
            }
        }
        """);

    [Fact]
    public Task Every_kubernetes_patch_or_replace_of_a_live_object_but_not_a_controller_writing_status() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        using k8s;
        using k8s.Models;

        public static class Ops
        {
            public static async System.Threading.Tasks.Task Run(IKubernetes kube, V1Patch patch, V1Service service, V1Secret secret, V1Node node, V1Deployment deployment)
            {
                await {|DI2003:kube.CoreV1.PatchNamespacedServiceAsync(patch, "web", "prod")|};
                await {|DI2003:kube.CoreV1.ReplaceNamespacedSecretAsync(secret, "db", "prod")|};
                await {|DI2003:kube.CoreV1.PatchNodeAsync(patch, "node-1")|};
                await {|DI2003:kube.BatchV1.PatchNamespacedCronJobAsync(patch, "backup", "prod")|};
                await {|DI2003:kube.CoreV1.PatchNamespacedServiceWithHttpMessagesAsync(patch, "web", "prod")|};
                // A controller reporting what it sees, and reads and creates: no configuration changes in place.
                await kube.AppsV1.PatchNamespacedDeploymentStatusAsync(patch, "web", "prod");
                await kube.AppsV1.ReplaceNamespacedDeploymentStatusAsync(deployment, "web", "prod");
                await kube.CoreV1.ReplaceNamespacedServiceStatusWithHttpMessagesAsync(service, "web", "prod");
                await kube.CoreV1.ReadNamespacedServiceAsync("web", "prod");
                await kube.CoreV1.CreateNamespacedSecretAsync(secret, "prod");
            }
        }
        """);

    [Fact]
    public Task Every_form_of_kubernetes_pod_exec_and_attach() => Verify<RemoteProvisioningAnalyzer>.Diagnostics("""
        using k8s;

        public static class Reach
        {
            public static async System.Threading.Tasks.Task Run(IKubernetes kube, Kubernetes client)
            {
                await {|DI2004:kube.NamespacedPodExecAsync("web-1", "prod", "web", new[] { "sh" }, true, (i, o, e) => System.Threading.Tasks.Task.CompletedTask, default)|};
                await {|DI2004:kube.MuxedStreamNamespacedPodExecAsync("web-1", "prod", new[] { "sh" })|};
                await {|DI2004:kube.WebSocketNamespacedPodAttachAsync("web-1", "prod", "web")|};
                await {|DI2004:kube.CoreV1.ConnectPostNamespacedPodExecAsync("web-1", "prod", "sh")|};
                await {|DI2004:client.WebSocketNamespacedPodExecAsync("web-1", "prod", new[] { "sh" }, "web")|};
                await kube.CoreV1.ReadNamespacedPodLogAsync("web-1", "prod");
            }
        }
        """);

    [Fact]
    public Task Kubernetes_exec_azure_extensions_and_run_commands_are_remote_provisioning() => Verify<RemoteProvisioningAnalyzer>.Diagnostics("""
        using Azure;
        using Azure.ResourceManager.Compute;
        using k8s;

        public static class Reach
        {
            public static async System.Threading.Tasks.Task Run(Kubernetes kube, VirtualMachineExtensionCollection extensions, VirtualMachineExtensionData script,
                VirtualMachineRunCommandCollection runCommands, VirtualMachineRunCommandData command)
            {
                await {|DI2004:kube.WebSocketNamespacedPodExecAsync("web-1", "prod", new[] { "sh", "-c", "apt-get install -y curl" }, "web")|};
                await {|DI2004:extensions.CreateOrUpdateAsync(WaitUntil.Completed, "CustomScript", script)|};
                await {|DI2004:runCommands.CreateOrUpdateAsync(WaitUntil.Completed, "patch", command)|};
                await extensions.GetAsync("CustomScript");
            }
        }
        """);

    [Fact]
    public Task Cloud_clis_that_reach_into_running_machines_and_their_look_alikes() => Verify<RemoteProvisioningAnalyzer>.Diagnostics("""
        using System.Diagnostics;

        public static class Ops
        {
            public static void Run()
            {
                {|DI2004:Process.Start("kubectl", "-n prod exec -it web-1 -- sh")|};
                {|DI2004:Process.Start("kubectl", "cp ./fix.sh prod/web-1:/tmp/fix.sh")|};
                var az = {|DI2004:new ProcessStartInfo("az", "vm run-command invoke -g rg -n vm1 --command-id RunShellScript")|};
                var aws = new ProcessStartInfo { {|DI2004:FileName = "aws"|}, Arguments = "ssm send-command --document-name AWS-RunShellScript" };
                {|DI2004:Process.Start("gcloud", "compute ssh web-1 --zone europe-west1-b")|};
                // Look-alikes: reading, deploying from a manifest, building images.
                Process.Start("kubectl", "get pods -n prod");
                Process.Start("kubectl", "apply -f deployment.yaml");
                Process.Start("az", "vm list");
                Process.Start("aws", "ssm get-parameter --name /app/db");
                Process.Start("gcloud", "compute images list");
            }
        }
        """);

    [Fact]
    public Task An_sftp_client_alone_is_file_exchange_not_provisioning() => Verify<RemoteProvisioningAnalyzer>.Diagnostics("""
        using Renci.SshNet;

        public static class Reports
        {
            public static void Upload(System.IO.Stream report)
            {
                using var sftp = new SftpClient("partner.example.com", "reports", "secret");
                sftp.Connect();
                sftp.UploadFile(report, "/incoming/report.csv");
                using var ssh = new SshClient("web-1", "ubuntu", "secret");
                {|DI2004:ssh.RunCommand("sudo systemctl restart nginx")|};
            }
        }
        """);
}
