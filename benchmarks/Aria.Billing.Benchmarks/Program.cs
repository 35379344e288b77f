using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Aria.Billing.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
