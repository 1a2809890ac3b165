namespace Entente.Cluster.Tests;

/// <summary>A node whose services cannot be reached says which and why, and keeps trying with growing waits.</summary>
public sealed class UnreachableTests
{
    [Fact]
    public void A_node_that_cannot_reach_PostgreSQL_says_so_and_retries_with_backoff()
    {
        // Given nothing listening on port 1
        using var node = new EntenteProcess("cluster", "node", "--store", "Host=127.0.0.1;Port=1;Username=u;Password=p;Database=d;Timeout=2",
            "--clustering", "redis", "--redis", "127.0.0.1:1");

        // Then it names PostgreSQL and retries, waiting longer each time
        Assert.True(node.WaitFor(l => l.Contains("cannot reach PostgreSQL (the store)", StringComparison.Ordinal) && l.Contains("(attempt 3)", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60)), node.Stderr);
        Assert.False(node.HasExited, node.Stderr);
        var waits = System.Text.RegularExpressions.Regex.Matches(node.Stderr, @"retrying in ([0-9.]+) s").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(waits.Count >= 2 && waits[^1] > waits[0], node.Stderr);
    }

    [Fact]
    public void A_store_that_is_not_PostgreSQL_is_refused()
    {
        using var node = new EntenteProcess("cluster", "node", "--store", "events.duckdb");
        Assert.True(node.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Equal(2, node.ExitCode);
        Assert.Contains("--store must name a PostgreSQL database", node.Stderr, StringComparison.Ordinal);
    }
}
