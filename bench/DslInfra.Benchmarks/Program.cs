using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/DslInfra.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
