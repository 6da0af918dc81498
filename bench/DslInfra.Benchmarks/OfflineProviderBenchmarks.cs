using BenchmarkDotNet.Attributes;
using DslInfra.Offline.Schemas;
using DslInfra.Offline.Server;
using DslInfra.Offline.Values;

namespace DslInfra.Benchmarks;

/// <summary>
/// The offline provider server's own work (issue 21): loading the aws schema DslInfra ships and answering
/// GetProviderSchema, and one PlanResourceChange of a launch template as Terraform sends it (msgpack in, plan, msgpack
/// out). End-to-end figures with real Terraform: bench/offline/measure.sh.
/// </summary>
[MemoryDiagnoser]
public class OfflineProviderBenchmarks
{
    private ProviderSchema aws = null!;
    private BlockSchema template = null!;
    private byte[] proposed = [];

    [GlobalSetup]
    public void Setup()
    {
        aws = ProviderSchema.LoadBundled("aws");
        template = aws.Resources["aws_launch_template"].Block;
        var value = template.Type.Attributes.ToDictionary(a => a.Key, a => (object?)null);
        value["name"] = "web";
        value["image_id"] = "ami-0123456789abcdef0";
        value["instance_type"] = "t3.micro";
        value["user_data"] = Convert.ToBase64String(new byte[2048]);
        value["tags"] = new Dictionary<string, object?> { ["Name"] = "web", ["Environment"] = "prod" };
        value["vpc_security_group_ids"] = new List<object?> { "sg-1", "sg-2" };
        proposed = MsgPackValues.Write(value, template.Type);
    }

    [Benchmark(Description = "load the aws schema (1,657 resources) and build GetProviderSchema's answer")]
    public int LoadAws() => ProviderSchema.LoadBundled("aws").ToProtocol().ResourceSchemas.Count;

    [Benchmark(Description = "PlanResourceChange of an aws_launch_template (create): decode, plan, encode")]
    public int PlanLaunchTemplate()
    {
        var value = MsgPackValues.Read(proposed, template.Type);
        var (planned, _) = ResourcePlanner.Plan("aws_launch_template", template, null, value);
        return MsgPackValues.Write(planned, template.Type).Length;
    }
}
