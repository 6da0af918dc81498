using BenchmarkDotNet.Running;
using DslInfra.Benchmarks;

// dotnet run -c Release --project bench/DslInfra.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/DslInfra.Benchmarks -- plan <file> <megabytes>   (writes a large plan for a peak-memory run of dslinfra)
if (args is ["plan", var file, var megabytes])
{
    Console.WriteLine($"{LargePlan.Write(file, long.Parse(megabytes) * 1024 * 1024)} resource changes written to {file}");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(LargePlan).Assembly).Run(args);
