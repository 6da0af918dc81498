using System.Collections.Immutable;
using DslInfra;
using DslInfra.Aws;

namespace Platform;

/// <summary>
/// An EKS cluster in the registry's VPC module, one managed node group per entry of a map(object) variable, and the
/// registry's ALB module sending its "api" target group to the general node group. Deployed through a role it assumes.
/// </summary>
[Stack("cluster", TerraformVersion = ">= 1.10.0")]
public static class ClusterStack
{
    public static readonly Variable<string> DeployRole = new("deploy_role_arn")
    {
        Description = "The role every change is made through (CI assumes it; nobody holds it).",
        Default = "arn:aws:iam::123456789012:role/platform-deploy",
    };

    public static readonly AwsProvider Aws = new()
    {
        Region = "eu-west-1",
        AssumeRole = [new() { RoleArn = DeployRole, SessionName = "dslinfra" }],
        DefaultTags = new() { Tags = new() { ["stack"] = "cluster", ["managed-by"] = "dslinfra" } },
    };

    public static readonly S3Backend State = new() { Bucket = "acme-terraform-state", Key = "platform/cluster.tfstate", Region = "eu-west-1", UseLockfile = true };

    public static readonly Variable<ImmutableArray<string>> Zones = new("zones") { Default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"] };

    public static readonly Variable<Map<NodeGroup>> NodeGroups = new("node_groups")
    {
        Description = "The cluster's node groups by name; tfvars add one without touching the others.",
        Default = new()
        {
            ["general"] = new(["m6i.large"], Min: 2, Max: 6),
            ["spot"] = new(["m6i.large", "m6a.large", "m5.large"], Min: 0, Max: 10, CapacityType: "SPOT"),
        },
    };

    public static readonly Local<Map<string>> Tags = new("tags") { Value = new Map<string> { ["team"] = "platform", ["cost-centre"] = "cc-1234" } };

    public static readonly Module Vpc = new("vpc")
    {
        Source = "terraform-aws-modules/vpc/aws",
        Version = "~> 5.8",
        Inputs = new()
        {
            ["name"] = "platform",
            ["cidr"] = "10.50.0.0/16",
            ["azs"] = Zones,
            ["private_subnets"] = new[] { "10.50.1.0/24", "10.50.2.0/24", "10.50.3.0/24" },
            ["public_subnets"] = new[] { "10.50.101.0/24", "10.50.102.0/24", "10.50.103.0/24" },
            ["enable_nat_gateway"] = true,
        },
    };

    private const string EksTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"eks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string NodeTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public static readonly AwsIamRole ClusterRole = new("cluster") { NameArgument = "platform-cluster", AssumeRolePolicy = EksTrust, Tags = Tags };

    public static readonly AwsIamRole NodeRole = new("nodes") { NameArgument = "platform-nodes", AssumeRolePolicy = NodeTrust, Tags = Tags };

    public static readonly AwsEksCluster Cluster = new("main")
    {
        NameArgument = "platform",
        RoleArn = ClusterRole.Arn,
        VpcConfig = new() { SubnetIds = Vpc.Output<ImmutableArray<string>>("private_subnets") },
        Tags = Fn.Merge(Tags, new() { ["Name"] = "platform" }),
    };

    // One node group per entry: each reads its own instance types, sizes and capacity type from each.value, and waits
    // for the cluster because it reads the cluster's name from it.
    public static readonly AwsEksNodeGroup Workers = new("workers")
    {
        ForEach = NodeGroups,
        ClusterName = Cluster.NameArgument,
        NodeGroupName = Each.Key,
        NodeRoleArn = NodeRole.Arn,
        SubnetIds = Vpc.Output<ImmutableArray<string>>("private_subnets"),
        InstanceTypes = Each.Item<NodeGroup>().InstanceTypes,
        CapacityType = Each.Item<NodeGroup>().CapacityType,
        ScalingConfig = new() { MinSize = Each.Item<NodeGroup>().Min, MaxSize = Each.Item<NodeGroup>().Max, DesiredSize = Each.Item<NodeGroup>().Min },
        Tags = Tags,
    };

    public static readonly Module Alb = new("alb")
    {
        Source = "terraform-aws-modules/alb/aws",
        Version = "~> 9.0",
        Inputs = new()
        {
            ["name"] = "platform",
            ["vpc_id"] = Vpc.Output<string>("vpc_id"),
            ["subnets"] = Vpc.Output<ImmutableArray<string>>("public_subnets"),
        },
    };

    // The general node group's autoscaling group behind the ALB module's "api" target group.
    public static readonly AwsAutoscalingAttachment Api = new("api")
    {
        AutoscalingGroupName = Workers.At("general").Resources[0].AutoscalingGroups[0].Name,
        LbTargetGroupArn = Alb.OutputAs<Map<TargetGroup>>("target_groups")["api"].Arn,
    };

    public static readonly Output<string> ClusterName = new("cluster_name") { Value = Cluster.NameArgument! };

    public static readonly Output<string> Endpoint = new("endpoint") { Value = Cluster.Endpoint };

    public static readonly Output<string> CaCertificate = new("ca_certificate")
    {
        Description = "The cluster's CA certificate, PEM (decoded from the attribute's base64).",
        Value = Fn.Base64decode(Cluster.CertificateAuthority[0].Data),
    };

    public static readonly Output<string> OidcIssuer = new("oidc_issuer") { Value = Cluster.Identity[0].Oidc[0].Issuer };
}
