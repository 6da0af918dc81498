using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

public class InPlaceUpdateTests
{
    [Fact]
    public Task Ec2_modify_calls_through_the_interface_and_the_client() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        using Amazon.EC2;
        using Amazon.EC2.Model;

        public static class Resize
        {
            public static async System.Threading.Tasks.Task Run(IAmazonEC2 ec2, AmazonEC2Client client)
            {
                await {|DI2003:ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = "i-1", InstanceType = "t3.large" })|};
                await {|DI2003:client.ModifyInstanceMetadataOptionsAsync(new ModifyInstanceMetadataOptionsRequest { InstanceId = "i-1" })|};
                await {|DI2003:ec2.ModifyLaunchTemplateAsync(new ModifyLaunchTemplateRequest())|};
                await ec2.DescribeInstancesAsync(new DescribeInstancesRequest());
                await ec2.RunInstancesAsync(new RunInstancesRequest());
            }
        }
        """);

    [Fact]
    public Task Kubernetes_patch_of_a_deployment() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        using k8s;
        using k8s.Models;

        public static class Hotfix
        {
            public static async System.Threading.Tasks.Task Run(IKubernetes kube, V1Patch patch, V1Deployment deployment)
            {
                await {|DI2003:kube.AppsV1.PatchNamespacedDeploymentAsync(patch, "web", "prod")|};
                await {|DI2003:kube.AppsV1.ReplaceNamespacedDeploymentAsync(deployment, "web", "prod")|};
                await kube.AppsV1.ReadNamespacedDeploymentAsync("web", "prod");
            }
        }
        """);

    [Fact]
    public Task Azure_vm_update_and_tags() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        using Azure.ResourceManager.Compute;
        using Azure.ResourceManager.Compute.Models;

        public static class Retag
        {
            public static async System.Threading.Tasks.Task Run(VirtualMachineResource vm, VirtualMachinePatch patch)
            {
                await {|DI2003:vm.UpdateAsync(Azure.WaitUntil.Completed, patch)|};
                await {|DI2003:vm.SetTagsAsync(new Dictionary<string, string>())|};
                await vm.GetAsync();
            }
        }
        """);

    [Fact]
    public Task A_modify_method_on_an_unrelated_type_is_not_flagged() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        public sealed class Document { public void ModifyInstanceAttribute(string name) { } public void UpdateAutoScalingGroup() { } }
        public static class Editor { public static void Run(Document d) { d.ModifyInstanceAttribute("x"); d.UpdateAutoScalingGroup(); } }
        """);

    [Fact]
    public Task The_users_list_extends_and_silences_entries() => Verify<InPlaceUpdateAnalyzer>.Diagnostics("""
        using Amazon.EC2;
        using Amazon.EC2.Model;

        public sealed class Cmdb { public void Patch(string host) { } }

        public static class Ops
        {
            public static async System.Threading.Tasks.Task Run(IAmazonEC2 ec2, Cmdb cmdb)
            {
                {|DI2003:cmdb.Patch("web-1")|};
                await ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest());
            }
        }
        """,
        ("DslInfra.MutationApis.txt", """
            // our own in-place updates
            M:Cmdb.Patch(System.String);patch the CMDB record through the stack instead
            -M:Amazon.EC2.IAmazonEC2.ModifyInstanceAttributeAsync
            """));
}
