namespace Entente.Benchmarks;

/// <summary>Anchor type for the benchmark switcher.</summary>
public static class BenchmarkConfig
{
}
