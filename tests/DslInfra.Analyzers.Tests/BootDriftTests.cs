using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

public class BootDriftTests
{
    [Fact]
    public Task Package_installs_and_config_pulls_in_user_data() => Verify<BootDriftAnalyzer>.Diagnostics("""
        public static class S
        {
            private const string Env = "prod";
            public static readonly AwsLaunchTemplate Lt = new("web") { UserData = {|DI2005:"#!/bin/bash\nsudo apt-get install -y nginx\n"|} };
            public static readonly AwsInstance Box = new("box") { Ami = "ami-1", InstanceType = "t3.micro", UserData = {|DI2005:$"#!/bin/sh\ncurl -fsSL https://get.example.com | sudo sh\necho {Env}"|} };
            public static readonly AwsInstance Chef = new("chef") { Ami = "ami-1", InstanceType = "t3.micro", UserData = {|DI2005:"#!/bin/sh\n" + "chef-client -o role[web]"|} };
            public static readonly AwsInstance Cloud = new("cloud") { Ami = "ami-1", InstanceType = "t3.micro", UserData = {|DI2005:"#cloud-config\npackage_upgrade: true\n"|} };
            public static readonly CustomResource Vm = new("google_compute_instance", "vm") { Arguments = new() { ["metadata_startup_script"] = {|DI2005:"dnf -y install httpd"|} } };
        }
        """);

    [Fact]
    public Task Configuration_only_user_data_and_image_builds_are_fine() => Verify<BootDriftAnalyzer>.Diagnostics("""
        public static class S
        {
            public static readonly AwsLaunchTemplate Lt = new("web") { UserData = "#!/bin/bash\necho ENV=prod >> /etc/app.env\nsystemctl restart app\n" };
            public static readonly CustomResource Notes = new("null_resource", "n") { Arguments = new() { ["description"] = "run apt-get install on the bake host" } };
        }
        public sealed class Docs { public string? UserData { get; set; } }
        public static class D { public static Docs Make() => new() { UserData = "apt-get install -y nginx" }; }
        """);
}

/// <summary>DI2005 and DI2006 read their arguments from the one catalog, so generated provider records are covered by their Terraform names.</summary>
public class CatalogArgumentTests
{
    [Fact]
    public Task A_generated_records_startup_script_is_user_data() => Verify<BootDriftAnalyzer>.Diagnostics("""
        using DslInfra.Schema;

        [TerraformType("google_compute_instance")]
        public sealed record GoogleComputeInstance(string Name) : Resource(Name)
        {
            [TerraformName("metadata_startup_script")] public Expr<string>? MetadataStartupScript { get; init; }
            [TerraformName("description")] public Expr<string>? Description { get; init; }
        }

        public static class S
        {
            public static readonly GoogleComputeInstance Vm = new("vm") { MetadataStartupScript = {|DI2005:"apt-get install -y nginx"|}, Description = "apt-get install -y nginx" };
        }
        """);
}
