using System.Collections.Immutable;
using DslInfra.Schema;

namespace DslInfra;

// The state backends Terraform ships (https://developer.hashicorp.com/terraform/language/backend), each with the
// arguments teams set; S3Backend and LocalBackend are beside AwsProvider. A backend this file lacks: declare a record
// deriving from Backend with [TerraformBackend("name")], its properties the backend's arguments (snake_case).
// Terraform reads a backend before anything exists, so every value is a literal.

/// <summary>State in a Google Cloud Storage bucket (<c>gcs</c>).</summary>
[TerraformBackend("gcs")]
public sealed record GcsBackend : Backend
{
    /// <summary>The bucket holding the state.</summary>
    [Required] public string? Bucket { get; init; }

    /// <summary>A folder inside the bucket for this stack's state.</summary>
    public string? Prefix { get; init; }

    /// <summary>A Cloud KMS key that encrypts the state.</summary>
    public string? KmsEncryptionKey { get; init; }

    /// <summary>A service account to impersonate.</summary>
    public string? ImpersonateServiceAccount { get; init; }
}

/// <summary>State in an Azure Storage blob (<c>azurerm</c>).</summary>
[TerraformBackend("azurerm")]
public sealed record AzurermBackend : Backend
{
    /// <summary>The resource group of the storage account.</summary>
    public string? ResourceGroupName { get; init; }

    /// <summary>The storage account.</summary>
    [Required] public string? StorageAccountName { get; init; }

    /// <summary>The blob container.</summary>
    [Required] public string? ContainerName { get; init; }

    /// <summary>The blob holding the state, e.g. <c>prod.terraform.tfstate</c>.</summary>
    [Required] public string? Key { get; init; }

    /// <summary>Authenticate with Microsoft Entra ID rather than an access key.</summary>
    public bool? UseAzureadAuth { get; init; }

    /// <summary>Authenticate with OIDC (workload identity federation), as CI systems do.</summary>
    public bool? UseOidc { get; init; }

    /// <summary>The subscription of the storage account.</summary>
    public string? SubscriptionId { get; init; }

    /// <summary>The tenant.</summary>
    public string? TenantId { get; init; }
}

/// <summary>State behind a REST endpoint (<c>http</c>): GitLab's managed state, for instance.</summary>
[TerraformBackend("http")]
public sealed record HttpBackend : Backend
{
    /// <summary>The state's URL.</summary>
    [Required] public string? Address { get; init; }

    /// <summary>The URL that locks the state.</summary>
    public string? LockAddress { get; init; }

    /// <summary>The URL that unlocks the state.</summary>
    public string? UnlockAddress { get; init; }

    /// <summary>The HTTP method that locks (LOCK by default).</summary>
    public string? LockMethod { get; init; }

    /// <summary>The HTTP method that unlocks (UNLOCK by default).</summary>
    public string? UnlockMethod { get; init; }

    /// <summary>The HTTP method that writes the state (POST by default).</summary>
    public string? UpdateMethod { get; init; }

    /// <summary>Retries of a failed request.</summary>
    public int? RetryMax { get; init; }
}

/// <summary>State in Consul's key/value store (<c>consul</c>).</summary>
[TerraformBackend("consul")]
public sealed record ConsulBackend : Backend
{
    /// <summary>The key path holding the state.</summary>
    [Required] public string? Path { get; init; }

    /// <summary>The Consul agent, e.g. <c>consul.example.com:8500</c>.</summary>
    public string? Address { get; init; }

    /// <summary>http or https.</summary>
    public string? Scheme { get; init; }

    /// <summary>Compress the state with gzip.</summary>
    public bool? Gzip { get; init; }

    /// <summary>Lock the state (true by default).</summary>
    public bool? Lock { get; init; }
}

/// <summary>State in a PostgreSQL database (<c>pg</c>). Give the connection string in PG_CONN_STR, not here.</summary>
[TerraformBackend("pg")]
public sealed record PgBackend : Backend
{
    /// <summary>The schema holding the state table.</summary>
    public string? SchemaName { get; init; }

    /// <summary>Leave creating the schema to someone else.</summary>
    public bool? SkipSchemaCreation { get; init; }
}

/// <summary>State in a Kubernetes secret (<c>kubernetes</c>).</summary>
[TerraformBackend("kubernetes")]
public sealed record KubernetesBackend : Backend
{
    /// <summary>The suffix of the secret's name: <c>tfstate-default-&lt;suffix&gt;</c>.</summary>
    [Required] public string? SecretSuffix { get; init; }

    /// <summary>The namespace of the secret.</summary>
    public string? Namespace { get; init; }

    /// <summary>The kubeconfig file.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>The kubeconfig context.</summary>
    public string? ConfigContext { get; init; }

    /// <summary>Use the pod's service account when Terraform runs in the cluster.</summary>
    public bool? InClusterConfig { get; init; }
}

/// <summary>State in Tencent Cloud Object Storage (<c>cos</c>).</summary>
[TerraformBackend("cos")]
public sealed record CosBackend : Backend
{
    /// <summary>The bucket, e.g. <c>tfstate-1250000000</c>.</summary>
    [Required] public string? Bucket { get; init; }

    /// <summary>The bucket's region.</summary>
    public string? Region { get; init; }

    /// <summary>A folder for the state.</summary>
    public string? Prefix { get; init; }

    /// <summary>The state object's name.</summary>
    public string? Key { get; init; }

    /// <summary>Encrypt the state at rest.</summary>
    public bool? Encrypt { get; init; }
}

/// <summary>State in Alibaba Cloud OSS (<c>oss</c>).</summary>
[TerraformBackend("oss")]
public sealed record OssBackend : Backend
{
    /// <summary>The bucket.</summary>
    [Required] public string? Bucket { get; init; }

    /// <summary>The bucket's region.</summary>
    public string? Region { get; init; }

    /// <summary>A folder for the state.</summary>
    public string? Prefix { get; init; }

    /// <summary>The state object's name.</summary>
    public string? Key { get; init; }

    /// <summary>Encrypt the state at rest.</summary>
    public bool? Encrypt { get; init; }
}

/// <summary>State in HCP Terraform or Terraform Enterprise through the older <c>remote</c> backend; prefer <see cref="HcpTerraform"/>.</summary>
[TerraformBackend("remote")]
public sealed record RemoteBackend : Backend
{
    /// <summary>The organization.</summary>
    [Required] public string? Organization { get; init; }

    /// <summary>The host, app.terraform.io by default.</summary>
    public string? Hostname { get; init; }

    /// <summary>Which workspace(s) hold the state.</summary>
    [Required, NestedBlock] public RemoteWorkspaces? Workspaces { get; init; }
}

/// <summary>The workspaces of the remote backend: one by name, or all with a prefix.</summary>
public sealed record RemoteWorkspaces
{
    /// <summary>The one workspace.</summary>
    public string? Name { get; init; }

    /// <summary>Every workspace whose name starts with this.</summary>
    public string? Prefix { get; init; }
}

/// <summary>
/// HCP Terraform or Terraform Enterprise (the <c>cloud</c> block of Terraform 1.1+): state, runs and locking on
/// their side. It takes the place of a backend.
/// </summary>
[TerraformBackend("cloud")]
public sealed record HcpTerraform : Backend
{
    /// <summary>The organization.</summary>
    [Required] public string? Organization { get; init; }

    /// <summary>The host, app.terraform.io by default.</summary>
    public string? Hostname { get; init; }

    /// <summary>Which workspace(s) the configuration uses.</summary>
    [Required, NestedBlock] public HcpWorkspaces? Workspaces { get; init; }
}

/// <summary>The workspaces of the cloud block: one by name, or those with tags, optionally in a project.</summary>
public sealed record HcpWorkspaces
{
    /// <summary>The one workspace.</summary>
    public string? Name { get; init; }

    /// <summary>Every workspace with all these tags.</summary>
    public ImmutableArray<string> Tags { get; init; }

    /// <summary>The project new workspaces go into.</summary>
    public string? Project { get; init; }
}
