using System.Collections.Immutable;
using DslInfra;
using DslInfra.Aws;

namespace Platform;

/// <summary>
/// A static site behind CloudFront with its own certificate: ACM in us-east-1 (CloudFront's region) validated by DNS
/// records made from the certificate's own validation options, CloudFront reading the validated certificate (so it
/// waits for validation), access logs only where a bucket is given, and an alerts topic only where someone listens.
/// </summary>
[Stack("edge", TerraformVersion = ">= 1.10.0")]
public static class EdgeStack
{
    public static readonly Variable<string> DeployRole = new("deploy_role_arn") { Default = "arn:aws:iam::123456789012:role/platform-deploy" };

    public static readonly AwsProvider Aws = new() { Region = "eu-west-1", AssumeRole = [new() { RoleArn = DeployRole, SessionName = "dslinfra" }] };

    // CloudFront only takes certificates from us-east-1.
    public static readonly AwsProvider UsEast1 = new() { Alias = "us_east_1", Region = "us-east-1", AssumeRole = [new() { RoleArn = DeployRole, SessionName = "dslinfra" }] };

    public static readonly S3Backend State = new() { Bucket = "acme-terraform-state", Key = "platform/edge.tfstate", Region = "eu-west-1", UseLockfile = true };

    public static readonly Variable<string> Domain = new("domain") { Default = "www.example.com" };

    public static readonly Variable<string> ZoneId = new("zone_id") { Default = "Z0123456789ABCDEFGHIJ" };

    public static readonly Variable<string> LogBucket = new("log_bucket") { Default = "", Description = "Where CloudFront writes access logs; empty for none." };

    public static readonly Variable<ImmutableArray<string>> AlertEmails = new("alert_emails") { Default = [] };

    public static readonly AwsS3Bucket Site = new("site") { Bucket = $"{Domain}-site", Lifecycle = new() { PreventDestroy = true } };

    public static readonly AwsAcmCertificate Certificate = new("site")
    {
        Provider = UsEast1,
        DomainName = Domain,
        ValidationMethod = "DNS",
        Lifecycle = new() { CreateBeforeDestroy = true },
    };

    // One DNS record per name the certificate must prove: HCL's `{ for dvo in …domain_validation_options : dvo.domain_name => dvo }`.
    public static readonly AwsRoute53Record Validation = new("validation")
    {
        ForEach = For.Map(Certificate.DomainValidationOptions, dvo => dvo.DomainName, dvo => dvo),
        ZoneId = ZoneId,
        NameArgument = Each.Item<AwsAcmCertificate.DomainValidationOptionsValue>().ResourceRecordName,
        Type = Each.Item<AwsAcmCertificate.DomainValidationOptionsValue>().ResourceRecordType,
        Records = [Each.Item<AwsAcmCertificate.DomainValidationOptionsValue>().ResourceRecordValue],
        Ttl = 60,
        AllowOverwrite = true,
    };

    public static readonly AwsAcmCertificateValidation Validated = new("site")
    {
        Provider = UsEast1,
        CertificateArn = Certificate.Arn,
        ValidationRecordFqdns = Validation.Splat(record => record.Fqdn),
    };

    public static readonly AwsCloudfrontDistribution Cdn = new("site")
    {
        Enabled = true,
        Aliases = [Domain],
        DefaultRootObject = "index.html",
        Origin = [new() { DomainName = Site.BucketRegionalDomainName, OriginId = "site" }],
        DefaultCacheBehavior = new()
        {
            TargetOriginId = "site",
            ViewerProtocolPolicy = "redirect-to-https",
            AllowedMethods = ["GET", "HEAD"],
            CachedMethods = ["GET", "HEAD"],
            CachePolicyId = "658327ea-f89d-4fab-a63d-7e88639e58f6", // AWS's managed CachingOptimized policy
        },
        Restrictions = new() { GeoRestriction = new() { RestrictionType = "none" } },
        // The validated certificate, not the certificate: CloudFront waits until DNS has proven it.
        ViewerCertificate = new() { AcmCertificateArn = Validated.CertificateArn, SslSupportMethod = "sni-only", MinimumProtocolVersion = "TLSv1.2_2021" },
        LoggingConfig = LogBucket != "" ? new() { Bucket = $"{LogBucket}.s3.amazonaws.com", Prefix = "cdn/" } : null,
    };

    public static readonly AwsSnsTopic Alerts = new("alerts") { NameArgument = "edge-alerts", Count = Fn.Length(AlertEmails) > 0 ? 1 : 0 };

    public static readonly Output<string> DistributionDomain = new("distribution_domain") { Value = Cdn.DomainName };
}
