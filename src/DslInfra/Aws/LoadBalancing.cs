using System.Collections.Immutable;
using DslInfra.Schema;

namespace DslInfra.Aws;

/// <summary>A load balancer (aws_lb).</summary>
[TerraformType("aws_lb")]
public sealed record AwsLb(string Name) : Resource(Name)
{
    /// <summary>The load balancer's name in AWS.</summary>
    [TerraformName("name")] public Expr<string>? LbName { get; init; }

    /// <summary>Internal (no public address) or internet-facing.</summary>
    public Expr<bool>? Internal { get; init; }

    /// <summary>application, network or gateway.</summary>
    public Expr<string>? LoadBalancerType { get; init; }

    /// <summary>Security groups.</summary>
    public ImmutableArray<Expr<string>> SecurityGroups { get; init; }

    /// <summary>Subnets.</summary>
    public ImmutableArray<Expr<string>> Subnets { get; init; }

    /// <summary>Refuse deletion through the API.</summary>
    public Expr<bool>? EnableDeletionProtection { get; init; }

    /// <summary>Drop requests with invalid header fields.</summary>
    public Expr<bool>? DropInvalidHeaderFields { get; init; }

    /// <summary>Idle connection timeout in seconds.</summary>
    public Expr<int>? IdleTimeout { get; init; }

    /// <summary>The tags.</summary>
    public Map<Expr<string>>? Tags { get; init; }

    /// <summary>The load balancer's ARN.</summary>
    public Reference<string> Arn => Attr<string>("arn");

    /// <summary>The load balancer's DNS name.</summary>
    public Reference<string> DnsName => Attr<string>("dns_name");

    /// <summary>The hosted zone of the DNS name.</summary>
    public Reference<string> ZoneId => Attr<string>("zone_id");
}

/// <summary>A target group (aws_lb_target_group).</summary>
[TerraformType("aws_lb_target_group")]
public sealed record AwsLbTargetGroup(string Name) : Resource(Name)
{
    /// <summary>A prefix for the generated name, so a replacement can exist beside the old group.</summary>
    public Expr<string>? NamePrefix { get; init; }

    /// <summary>The port targets receive traffic on.</summary>
    public Expr<int>? Port { get; init; }

    /// <summary>HTTP, HTTPS, TCP…</summary>
    public Expr<string>? Protocol { get; init; }

    /// <summary>The VPC.</summary>
    public Expr<string>? VpcId { get; init; }

    /// <summary>instance, ip or lambda.</summary>
    public Expr<string>? TargetType { get; init; }

    /// <summary>Seconds to drain a deregistered target.</summary>
    public Expr<int>? DeregistrationDelay { get; init; }

    /// <summary>The health check.</summary>
    [NestedBlock] public HealthCheck? HealthCheck { get; init; }

    /// <summary>The tags.</summary>
    public Map<Expr<string>>? Tags { get; init; }

    /// <summary>The target group's ARN.</summary>
    public Reference<string> Arn => Attr<string>("arn");
}

/// <summary>A target group's health check.</summary>
public sealed record HealthCheck
{
    /// <summary>The path probed, e.g. /healthz.</summary>
    public Expr<string>? Path { get; init; }

    /// <summary>traffic-port or a port number.</summary>
    public Expr<string>? Port { get; init; }

    /// <summary>HTTP, HTTPS or TCP.</summary>
    public Expr<string>? Protocol { get; init; }

    /// <summary>Healthy status codes, e.g. 200-299.</summary>
    public Expr<string>? Matcher { get; init; }

    /// <summary>Seconds between checks.</summary>
    public Expr<int>? Interval { get; init; }

    /// <summary>Seconds before a check fails.</summary>
    public Expr<int>? Timeout { get; init; }

    /// <summary>Successes before healthy.</summary>
    public Expr<int>? HealthyThreshold { get; init; }

    /// <summary>Failures before unhealthy.</summary>
    public Expr<int>? UnhealthyThreshold { get; init; }
}

/// <summary>A listener (aws_lb_listener).</summary>
[TerraformType("aws_lb_listener")]
public sealed record AwsLbListener(string Name) : Resource(Name)
{
    /// <summary>The load balancer.</summary>
    [Required] public Expr<string>? LoadBalancerArn { get; init; }

    /// <summary>The port listened on.</summary>
    public Expr<int>? Port { get; init; }

    /// <summary>HTTP or HTTPS.</summary>
    public Expr<string>? Protocol { get; init; }

    /// <summary>The TLS policy.</summary>
    public Expr<string>? SslPolicy { get; init; }

    /// <summary>The certificate for HTTPS.</summary>
    public Expr<string>? CertificateArn { get; init; }

    /// <summary>What the listener does with requests.</summary>
    [Required, NestedBlock] public ImmutableArray<ListenerAction> DefaultAction { get; init; }

    /// <summary>The tags.</summary>
    public Map<Expr<string>>? Tags { get; init; }

    /// <summary>The listener's ARN.</summary>
    public Reference<string> Arn => Attr<string>("arn");
}

/// <summary>An action of a listener.</summary>
public sealed record ListenerAction
{
    /// <summary>forward, redirect or fixed-response.</summary>
    [Required] public Expr<string>? Type { get; init; }

    /// <summary>Where forward sends requests.</summary>
    public Expr<string>? TargetGroupArn { get; init; }

    /// <summary>Where redirect sends clients.</summary>
    [NestedBlock] public RedirectAction? Redirect { get; init; }
}

/// <summary>A redirect of a listener action.</summary>
public sealed record RedirectAction
{
    /// <summary>The port.</summary>
    public Expr<string>? Port { get; init; }

    /// <summary>The protocol.</summary>
    public Expr<string>? Protocol { get; init; }

    /// <summary>HTTP_301 or HTTP_302.</summary>
    [Required] public Expr<string>? StatusCode { get; init; }
}
