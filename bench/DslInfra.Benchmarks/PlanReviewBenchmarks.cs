using BenchmarkDotNet.Attributes;
using DslInfra.Cli.Plans;
using DslInfra.Cli.Review;

namespace DslInfra.Benchmarks;

/// <summary>`dslinfra review` on a 200 MB plan: read streaming, classify, judge. Peak memory is measured apart (see README).</summary>
[MemoryDiagnoser]
public class PlanReviewBenchmarks
{
    private string path = "";

    [Params(200)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        path = Path.Combine(Path.GetTempPath(), $"dslinfra-bench-plan-{Megabytes}.json");
        if (!File.Exists(path) || new FileInfo(path).Length < Megabytes * 1024L * 1024)
            LargePlan.Write(path, Megabytes * 1024L * 1024);
    }

    [Benchmark(Description = "read and review the plan")]
    public bool Review() => PlanReview.Review(PlanReader.Read(path), Manifest.Empty, new HashSet<string>()).Passed;
}
