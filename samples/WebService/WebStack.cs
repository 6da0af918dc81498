using DslInfra;
using DslInfra.Aws;
using DslInfra.Images;

namespace WebService;

/// <summary>An immutable web tier: instances are never patched; a new launch template version rolls new ones in.</summary>
[Stack("web")]
public static class WebStack
{
    private const string Region = "eu-west-1";
    private const string VpcCidr = "10.20.0.0/16";

    public static readonly AwsProvider Aws = new()
    {
        Region = Region,
        DefaultTags = new() { Tags = new() { ["stack"] = "web", ["managed-by"] = "dslinfra" } },
    };

    public static readonly S3Backend State = new()
    {
        Bucket = "acme-terraform-state",
        Key = "web/terraform.tfstate",
        Region = Region,
        Encrypt = true,
        UseLockfile = true,
    };

    public static readonly Variable<string> Env = new("env")
    {
        Default = "prod",
        Description = "Deployment environment, part of every name.",
        Validations = [new("contains([\"prod\", \"staging\"], var.env)", "env must be prod or staging.")],
    };

    private const int Capacity = 2;

    public static readonly ImmutableArray<string> Zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];

    public static readonly AwsVpc Vpc = new("main")
    {
        CidrBlock = VpcCidr,
        EnableDnsHostnames = true,
        EnableDnsSupport = true,
        Tags = new() { ["Name"] = $"web-{Env}" },
    };

    // One public subnet per zone, numbered by position: no copy-paste.
    public static readonly ImmutableArray<AwsSubnet> PublicSubnets = Repeat.For(Zones.Length, i => new AwsSubnet($"public_{i}")
    {
        VpcId = Vpc.Id,
        AvailabilityZone = Zones[i],
        CidrBlock = SubnetCidr(i),
        MapPublicIpOnLaunch = true,
        Tags = new() { ["Name"] = $"web-{Env}-public-{Zones[i]}" },
    });

    // Baked once by Packer from a pinned base. Its name ends with a hash of this template and of nginx.conf:
    // change either and it is a new image, and the launch template rolls new instances onto it.
    public static readonly AmazonEbsImage WebImage = new("web")
    {
        SourceAmi = "ami-0e8d228ad90af673b",
        InstanceType = "t3.small",
        Region = Region,
        SshUsername = "ubuntu",
        Volumes = [new() { DeviceName = "/dev/sda1", VolumeSize = 20, VolumeType = "gp3", DeleteOnTermination = true }],
        Tags = new() { ["role"] = "web" },
        Provisioners =
        [
            new Shell { Inline = ["sudo apt-get update", "sudo apt-get install -y nginx"] },
            new FileUpload { Source = "files/nginx.conf", Destination = "/tmp/nginx.conf" },
            new Shell { Inline = ["sudo mv /tmp/nginx.conf /etc/nginx/nginx.conf", $"echo {AppPort} | sudo tee /etc/app-port"] },
        ],
    };

    public static readonly AwsSecurityGroup LbSg = new("lb")
    {
        NamePrefix = "web-lb-",
        Description = "Public HTTPS to the load balancer",
        VpcId = Vpc.Id,
        Ingress = [new() { FromPort = 443, ToPort = 443, Protocol = "tcp", CidrBlocks = ["0.0.0.0/0"], Description = "HTTPS" }],
        Egress = [new() { FromPort = 0, ToPort = 0, Protocol = "-1", CidrBlocks = [VpcCidr] }],
        Lifecycle = new() { CreateBeforeDestroy = true },
    };

    public static readonly AwsSecurityGroup AppSg = new("app")
    {
        NamePrefix = "web-app-",
        Description = "HTTP from the load balancer only",
        VpcId = Vpc.Id,
        Ingress = [new() { FromPort = AppPort, ToPort = AppPort, Protocol = "tcp", SecurityGroups = [LbSg.Id] }],
        Egress = [new() { FromPort = 0, ToPort = 0, Protocol = "-1", CidrBlocks = ["0.0.0.0/0"] }],
        Lifecycle = new() { CreateBeforeDestroy = true },
    };

    private const int AppPort = 8080;

    public static readonly AwsIamRole Role = new("web")
    {
        NamePrefix = "web-",
        AssumeRolePolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
    };

    public static readonly AwsIamInstanceProfile Profile = new("web")
    {
        NamePrefix = "web-",
        Role = Role.NameArgument,
    };

    public static readonly AwsLaunchTemplate WebLt = new("web")
    {
        NamePrefix = "web-",
        ImageId = WebImage.AmiId,
        InstanceType = "t3.small",
        VpcSecurityGroupIds = [AppSg.Id],
        UpdateDefaultVersion = true,
        EbsOptimized = "true",
        Monitoring = new() { Enabled = true },
        IamInstanceProfile = new() { Arn = Profile.Arn },
        MetadataOptions = new() { HttpTokens = "required", HttpEndpoint = "enabled", HttpPutResponseHopLimit = 1 },
        BlockDeviceMappings = [new() { DeviceName = "/dev/xvda", Ebs = new() { VolumeSize = 20, VolumeType = "gp3", Encrypted = "true" } }],
        TagSpecifications = [new() { ResourceType = "instance", Tags = new() { ["Name"] = $"web-{Env}" } }],
    };

    public static readonly AwsLb Lb = new("web")
    {
        NameArgument = $"web-{Env}",
        LoadBalancerType = "application",
        SecurityGroups = [LbSg.Id],
        Subnets = [.. Repeat.For(PublicSubnets, subnet => subnet.Id)],
        DropInvalidHeaderFields = true,
    };

    public static readonly AwsLbTargetGroup Tg = new("web")
    {
        NamePrefix = "web-",
        Port = AppPort,
        Protocol = "HTTP",
        VpcId = Vpc.Id,
        DeregistrationDelay = "30",
        HealthCheck = new() { Enabled = true, Path = "/healthz", Matcher = "200", Interval = 15, HealthyThreshold = 2, UnhealthyThreshold = 3 },
        Lifecycle = new() { CreateBeforeDestroy = true },
    };

    public static readonly Variable<string> CertificateArn = new("certificate_arn")
    {
        Description = "ACM certificate for the public listener.",
    };

    public static readonly AwsLbListener Https = new("https")
    {
        LoadBalancerArn = Lb.Arn,
        Port = 443,
        Protocol = "HTTPS",
        SslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06",
        CertificateArn = CertificateArn,
        DefaultAction = [new() { Type = "forward", TargetGroupArn = Tg.Arn }],
    };

    public static readonly AwsAutoscalingGroup WebAsg = new("web")
    {
        NamePrefix = "web-",
        MaxInstanceLifetime = 604800, // 7 days: every instance is replaced from the current template before it gets old
        MinSize = Capacity,
        MaxSize = Capacity * 3,
        DesiredCapacity = Capacity,
        VpcZoneIdentifier = [.. Repeat.For(PublicSubnets, subnet => subnet.Id)],
        TargetGroupArns = [Tg.Arn],
        HealthCheckType = "ELB",
        HealthCheckGracePeriod = 60,
        LaunchTemplate = new() { Id = WebLt.Id, Version = $"{WebLt.LatestVersion}" },
        InstanceRefresh = new()
        {
            Strategy = "Rolling",
            Preferences = new() { MinHealthyPercentage = 100, InstanceWarmup = "60", AutoRollback = true },
        },
        Tag = [new() { Key = "Name", Value = $"web-{Env}", PropagateAtLaunch = true }],
    };

    public static readonly Output LoadBalancerDns = new("load_balancer_dns")
    {
        Value = Lb.DnsName,
        Description = "Point the service's DNS record here.",
    };

    public static readonly Output LaunchTemplateId = new("launch_template_id") { Value = WebLt.Id };

    // name is optional and computed: left unset, AWS names the group from its prefix and this reads it back.
    public static readonly Output AutoscalingGroupName = new("autoscaling_group_name") { Value = WebAsg.NameArgument };

    [InfraFunction]
    public static string SubnetCidr(int index) => $"10.20.{index * 16}.0/20";
}
