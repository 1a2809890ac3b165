#if CLUSTER_TESTS
using System.Globalization;
using System.Text.RegularExpressions;
using Entente.Coding.Events;
using Entente.Sources;
using Entente.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using StackExchange.Redis;

namespace Entente.Cluster.Tests;

/// <summary>
/// Three nodes as separate processes (<c>entente cluster node</c>) on loopback, real PostgreSQL and Redis: the cluster
/// stores what a single-machine ingest stores, and a node killed with kill -9 mid-run loses and duplicates nothing.
/// Compiled when ENTENTE_TEST_POSTGRES and ENTENTE_TEST_REDIS are set at build time (.ci/run sets both). When
/// ENTENTE_TEST_KREMLIN names a JSON-lines slice of the Kremlin news corpus, it is ingested too.
/// </summary>
public sealed partial class ClusterRunTests : IDisposable
{
    private static readonly string Admin = Environment.GetEnvironmentVariable("ENTENTE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("ENTENTE_TEST_POSTGRES was set at build time but is not set now");

    private static readonly string Redis = Environment.GetEnvironmentVariable("ENTENTE_TEST_REDIS")
        ?? throw new InvalidOperationException("ENTENTE_TEST_REDIS was set at build time but is not set now");

    private readonly TempDir _dir = new();
    private readonly List<string> _databases = [];
    private readonly List<EntenteProcess> _processes = [];
    private readonly int _port = 21000 + Random.Shared.Next(0, 400) * 10;

    public void Dispose()
    {
        foreach (var p in _processes)
        {
            p.Dispose();
        }

        NpgsqlConnection.ClearAllPools();
        foreach (var db in _databases)
        {
            Execute(Admin, $"DROP DATABASE IF EXISTS {db} WITH (FORCE)");
        }

        _dir.Dispose();
    }

    [Fact]
    public void Three_nodes_store_exactly_what_a_single_machine_ingest_stores()
    {
        // Given a written corpus (and a slice of real news when CI provides one), three nodes with PostgreSQL membership
        var inputs = new List<string> { ClusterCorpus.Write(_dir.File("wire.jsonl"), 160) };
        if (Environment.GetEnvironmentVariable("ENTENTE_TEST_KREMLIN") is { Length: > 0 } kremlin && File.Exists(kremlin))
        {
            inputs.Add(kremlin);
        }

        var store = NewDatabase();
        var cluster = new[] { "--clustering", "postgres", "--membership", store };
        StartNodes(store, cluster, 3);

        // When the cluster ingests it, and a single machine ingests the same input into another database
        using var client = Run(["cluster", "ingest", .. inputs, .. cluster, "--batch", "4", "--in-flight", "9"]);
        Assert.True(client.WaitForExit(TimeSpan.FromMinutes(3)), client.Stderr);
        Assert.True(client.ExitCode == 0, client.Stdout + client.Stderr);
        var reference = NewDatabase();
        var single = SingleMachineIngest(inputs, reference);

        // Then: the same report counts, the same canonical events, work on all three nodes
        Assert.Contains($"documents read: {single.Documents} ({single.Added} added, 0 replaced, {single.Unchanged} unchanged, {single.Rejected} not coded)", client.Stdout, StringComparison.Ordinal);
        Assert.Contains($"reports stored: {single.Reports}", client.Stdout, StringComparison.Ordinal);
        Assert.Contains("poisoned documents: 0", client.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, CodedBy(client.Stdout).Count);
        AssertSameStore(reference, store);
        AssertPairsMatchStore(new ClusterSettings("postgres", "", store), store);
    }

    [Fact]
    public void A_node_killed_mid_ingest_loses_nothing_duplicates_nothing_and_rejoins_when_restarted()
    {
        // Given three nodes with Redis membership, and a corpus the cluster takes a while over
        var redis = RedisDatabase();
        var store = NewDatabase();
        var cluster = new[] { "--clustering", "redis", "--redis", redis };
        var nodes = StartNodes(store, cluster, 3);
        var corpus = ClusterCorpus.Write(_dir.File("wire.jsonl"), 240, seed: 1);

        // When the node that hosts the store writer is killed with kill -9 once a fifth of the documents are stored
        using var client = Run(["cluster", "ingest", corpus, .. cluster, "--batch", "4", "--in-flight", "6"]);
        Assert.True(client.WaitFor(l => Progress(l) >= 48, TimeSpan.FromMinutes(2)), client.Stderr);
        var writer = nodes.FindIndex(n => n.Stderr.Contains("store writer active", StringComparison.Ordinal));
        Assert.True(writer >= 0, string.Join("\n---\n", nodes.Select(n => n.Stderr)));
        nodes[writer].Kill();
        Assert.False(client.HasExited, "the ingest ended before the node was killed: make the corpus larger");

        // Then the run completes on the other two, and the store equals a single-machine ingest of the same input
        Assert.True(client.WaitForExit(TimeSpan.FromMinutes(3)), client.Stderr);
        Assert.True(client.ExitCode == 0, client.Stdout + client.Stderr);
        Assert.Contains("poisoned documents: 0", client.Stdout, StringComparison.Ordinal);
        var reference = NewDatabase();
        var single = SingleMachineIngest([corpus], reference);
        Assert.Contains($"documents read: {single.Documents} (", client.Stdout, StringComparison.Ordinal);
        AssertSameStore(reference, store);
        var settings = new ClusterSettings("redis", redis, null);
        AssertPairsMatchStore(settings, store);

        // And the killed node, restarted, rejoins: three active nodes, and it codes its share of the next run
        nodes[writer] = StartNode(store, cluster, writer);
        Assert.True(WaitForActiveNodes(settings, 3, TimeSpan.FromSeconds(60)), "the restarted node did not rejoin");
        var more = ClusterCorpus.Write(_dir.File("more.jsonl"), 24, prefix: "more", seed: 2);
        using var second = Run(["cluster", "ingest", more, .. cluster, "--batch", "1", "--in-flight", "6"]);
        Assert.True(second.WaitForExit(TimeSpan.FromMinutes(2)), second.Stderr);
        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);
        Assert.Contains($"node{writer}", CodedBy(second.Stdout).Keys);
        SingleMachineIngest([more], reference);
        AssertSameStore(reference, store);
    }

    private static int Progress(string line)
    {
        var m = ProgressLine().Match(line);
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    private static Dictionary<string, int> CodedBy(string stdout)
    {
        var line = stdout.Split('\n').Single(l => l.StartsWith("coded by: ", StringComparison.Ordinal))["coded by: ".Length..].Trim();
        return line.Split(", ").Select(p => p.Split(' ')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
    }

    private List<EntenteProcess> StartNodes(string store, string[] cluster, int count)
    {
        var nodes = Enumerable.Range(0, count).Select(i => StartNode(store, cluster, i, wait: false)).ToList();
        foreach (var n in nodes)
        {
            Assert.True(n.WaitFor(l => l.Contains(" ready (", StringComparison.Ordinal), TimeSpan.FromSeconds(90)), n.Stderr);
        }

        return nodes;
    }

    private EntenteProcess StartNode(string store, string[] cluster, int i, bool wait = true)
    {
        var node = Run(["cluster", "node", "--store", store, .. cluster, "--name", $"node{i}",
            "--port", (_port + i).ToString(CultureInfo.InvariantCulture), "--gateway-port", (_port + 5 + i).ToString(CultureInfo.InvariantCulture)]);
        if (wait)
        {
            Assert.True(node.WaitFor(l => l.Contains(" ready (", StringComparison.Ordinal), TimeSpan.FromSeconds(90)), node.Stderr);
        }

        return node;
    }

    private EntenteProcess Run(string[] args)
    {
        var p = new EntenteProcess(args);
        _processes.Add(p);
        return p;
    }

    private static bool WaitForActiveNodes(ClusterSettings settings, int count, TimeSpan timeout)
    {
        using var host = ClusterIngest.Connect(settings, NullLogger.Instance, CancellationToken.None).GetAwaiter().GetResult();
        var management = ClusterIngest.Grains(host).GetGrain<IManagementGrain>(0);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (management.GetHosts(onlyActive: true).GetAwaiter().GetResult().Count == count)
            {
                return true;
            }

            Thread.Sleep(1000);
        }

        return false;
    }

    private static IngestSummary SingleMachineIngest(IEnumerable<string> inputs, string db)
    {
        using var store = EventStore.Open(db);
        var documents = DocumentSource.Default.Read(inputs, TextReader.Null).Where(i => i.Document is not null).Select(i => i.Document!);
        return new Ingestor(store, EventCoder.Default).Ingest(documents);
    }

    private static void AssertSameStore(string expectedDb, string actualDb)
    {
        using var expected = EventStore.Open(expectedDb);
        using var actual = EventStore.Open(actualDb);
        Assert.Equal(expected.Counts(), actual.Counts());
        Assert.Equal(Canonical(expected), Canonical(actual));
    }

    /// <summary>Every event without its id, with the documents and sentences of its reports.</summary>
    private static List<string> Canonical(IEventStore store) =>
        store.Events(EventQuery.All).ToList()
            .Select(e => $"{e.Source}|{e.Target}|{e.Via}|{e.Cameo}|{e.Date}|{e.DatePrecision}|{e.Modality}|{e.Goldstein}|{e.Reports}|{e.Documents}|{e.Sources}|{e.FirstSeen}|{e.LastSeen}|"
                + string.Join(",", store.Reports(e.Id).Select(r => $"{r.DocId}:{r.SentenceIndex}:{r.EvidenceStart}").Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Each pair grain's totals (reports per quad class, Goldstein sum) equal the store's reports of that pair.</summary>
    private static void AssertPairsMatchStore(ClusterSettings settings, string db)
    {
        using var store = EventStore.Open(db);
        var expected = store.Events(EventQuery.All).ToList()
            .GroupBy(e => $"{e.Source.Country ?? e.Source.Code ?? "?"}>{e.Target.Country ?? e.Target.Code ?? "?"}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (
                Quads: Enumerable.Range(1, 4).Select(q => g.Where(e => e.QuadClass == q).Sum(e => e.Reports)).ToArray(),
                Goldstein: g.Sum(e => e.Goldstein * e.Reports)));
        Assert.NotEmpty(expected);
        using var host = ClusterIngest.Connect(settings, NullLogger.Instance, CancellationToken.None).GetAwaiter().GetResult();
        var grains = ClusterIngest.Grains(host);
        foreach (var (pair, want) in expected)
        {
            var got = grains.GetGrain<IPairGrain>(pair).Get().GetAwaiter().GetResult();
            int[] quads =
            [
                got.Months.Sum(m => m.VerbalCooperation), got.Months.Sum(m => m.MaterialCooperation),
                got.Months.Sum(m => m.VerbalConflict), got.Months.Sum(m => m.MaterialConflict),
            ];
            Assert.True(want.Quads.SequenceEqual(quads), $"{pair}: store {string.Join(",", want.Quads)}, pair grain {string.Join(",", quads)}");
            Assert.Equal(want.Goldstein, got.Months.Sum(m => m.Goldstein), 3);
        }
    }

    private string NewDatabase()
    {
        var name = "entente_cluster_" + Guid.NewGuid().ToString("N")[..12];
        Execute(Admin, $"CREATE DATABASE {name}");
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString;
    }

    /// <summary>A Redis database of its own (1–15), emptied, so that no membership of another run is seen.</summary>
    private static string RedisDatabase()
    {
        int n = Random.Shared.Next(1, 16);
        var spec = $"{Redis},defaultDatabase={n},allowAdmin=true";
        using var redis = ConnectionMultiplexer.Connect(spec);
        redis.GetDatabase(n).Execute("FLUSHDB");
        return $"{Redis},defaultDatabase={n}";
    }

    private static void Execute(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    [GeneratedRegex(@"^entente cluster ingest: (\d+) documents")]
    private static partial Regex ProgressLine();
}
#endif
