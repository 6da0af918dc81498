using BenchmarkDotNet.Running;
using DslInfra.Benchmarks;

// dotnet run -c Release --project bench/DslInfra.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/DslInfra.Benchmarks -- plan <file> <megabytes>   (writes a large plan for a peak-memory run of dslinfra)
// dotnet run -c Release --project bench/DslInfra.Benchmarks -- generate <stack.cs> <times>    (the generator on one file: a process to trace)
// dotnet run -c Release --project bench/DslInfra.Benchmarks -- analyzers                  (each analyzer's share of a 500-file compile)
if (args is ["plan", var file, var megabytes])
{
    Console.WriteLine($"{LargePlan.Write(file, long.Parse(megabytes) * 1024 * 1024)} resource changes written to {file}");
    return;
}
if (args is ["generate", var stackFile, var times])
{
    GenerateFile.Run(stackFile, int.Parse(times, System.Globalization.CultureInfo.InvariantCulture));
    return;
}
if (args is ["compile", var compiledFile, var compileTimes, ..] && args.Length <= 4)
{
    GenerateFile.Compile(compiledFile, int.Parse(compileTimes, System.Globalization.CultureInfo.InvariantCulture), args is [.., "artifacts"]);
    return;
}
if (args is ["analyzers"])
{
    AnalyzerTelemetry.Print();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(LargePlan).Assembly).Run(args);
