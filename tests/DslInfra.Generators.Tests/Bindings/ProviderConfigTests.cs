using DslInfra.Bindings.Emit;
using DslInfra.Bindings.Schema;

namespace DslInfra.Generators.Tests.Bindings;

/// <summary>
/// The provider configuration records (AwsProvider, KubernetesProvider…) are generated from the providers' configuration
/// blocks, like resource records: every argument and block the provider takes, none hand-picked.
/// </summary>
public class ProviderConfigTests
{
    public static TheoryData<string> Providers => new() { "aws", "azurerm", "google", "kubernetes" };

    private static string Generated(string provider)
    {
        var schema = Path.Combine(RepoPaths.Root, "src", "DslInfra.Providers", "schemas", provider + ".provider.json");
        using var stream = File.OpenRead(schema);
        var block = ProviderSchema.ReadConfiguration(stream, schema);
        return ProviderConfigGenerator.Generate(provider, "hashicorp/" + provider, block, "DslInfra." + BindingNames.Pascal(provider),
            $"src/DslInfra.Providers/schemas/{provider}.provider.json");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_provider_record_is_what_the_generator_makes_of_its_configuration_block(string provider)
    {
        var expected = Generated(provider);
        var file = Path.Combine(RepoPaths.Root, "src", "DslInfra", "Providers", BindingNames.Pascal(provider) + "Provider.g.cs");
        if (Environment.GetEnvironmentVariable("DSLINFRA_REGENERATE") == "1") // DSLINFRA_REGENERATE=1 dotnet test --filter ProviderConfigTests
            File.WriteAllText(file, expected);
        Assert.True(File.Exists(file) && expected == File.ReadAllText(file), $"{file} is not what ProviderConfigGenerator makes of {provider}.provider.json: regenerate it");
    }

    [Fact]
    public void The_arguments_teams_need_are_there()
    {
        var aws = Generated("aws");
        Assert.Contains("[TerraformProvider(\"aws\", \"hashicorp/aws\")]", aws);
        Assert.Contains("[TerraformName(\"assume_role\"), NestedBlock] public ImmutableArray<AssumeRoleBlock> AssumeRole", aws);
        Assert.Contains("public DefaultTagsBlock? DefaultTags", aws); // one block, as the provider accepts
        Assert.Contains("[TerraformName(\"secret_key\"), Sensitive]", aws);
        var kubernetes = Generated("kubernetes");
        foreach (var argument in new[] { "Host", "Token", "ClusterCaCertificate" })
            Assert.Contains($"public Expr<string>? {argument} {{ get; init; }}", kubernetes);
        Assert.Contains("public ExecBlock? Exec", kubernetes);
        Assert.Contains("[TerraformName(\"features\"), Required, NestedBlock(Nesting = \"list\")] public FeaturesBlock? Features", Generated("azurerm"));
        Assert.Contains("ImpersonateServiceAccount", Generated("google"));
    }
}
