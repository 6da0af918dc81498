using Microsoft.CodeAnalysis;

namespace DslInfra.Benchmarks;

/// <summary>What a user's stack project references: the DSL and the prebuilt aws records (DslInfra.Providers.Aws).</summary>
internal static class DslReferences
{
    public static readonly MetadataReference Dsl = MetadataReference.CreateFromFile(typeof(StackAttribute).Assembly.Location);

    public static readonly MetadataReference AwsPackage = MetadataReference.CreateFromFile(typeof(DslInfra.Aws.AwsVpc).Assembly.Location);

    public static readonly MetadataReference[] Both = [Dsl, AwsPackage];
}
