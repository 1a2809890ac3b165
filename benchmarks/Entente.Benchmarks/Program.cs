using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Entente.Benchmarks.BenchmarkConfig).Assembly).Run(args);
