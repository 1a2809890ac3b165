using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Entente.Cluster;
using Entente.Core;
using Entente.Core.Documents;
using Entente.Sources;
using Microsoft.Extensions.Logging;

namespace Entente.Cli;

/// <summary>
/// <c>entente cluster node|ingest|pair</c>: run Entente as an Orleans cluster over one PostgreSQL store (docs/scale.md).
/// </summary>
public static class ClusterCommand
{
    public static Command Build(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var cmd = new Command("cluster", "Run Entente on several machines: nodes code documents, one writer stores them (docs/scale.md).");
        cmd.Subcommands.Add(Node(stderr));
        cmd.Subcommands.Add(Ingest(stdin, stdout, stderr));
        cmd.Subcommands.Add(Pair(stdout, stderr));
        return cmd;
    }

    private sealed record ClusterOptions(Option<string> Clustering, Option<string> Redis, Option<string?> Membership)
    {
        public static ClusterOptions Create() => new(
            new Option<string>("--clustering") { Description = "How nodes find each other: redis or postgres.", DefaultValueFactory = _ => "redis" },
            new Option<string>("--redis") { Description = "The Redis server for --clustering redis, host:port.", DefaultValueFactory = _ => "127.0.0.1:6379" },
            new Option<string?>("--membership") { Description = "The PostgreSQL database for --clustering postgres (a node defaults to --store)." });

        public void AddTo(Command c)
        {
            c.Options.Add(Clustering);
            c.Options.Add(Redis);
            c.Options.Add(Membership);
        }

        public ClusterSettings Read(ParseResult r, string? store = null) =>
            new(r.GetValue(Clustering)!, r.GetValue(Redis)!, r.GetValue(Membership) ?? store);
    }

    private static Command Node(TextWriter stderr)
    {
        var store = new Option<string>("--store") { Description = "The PostgreSQL event store: postgres://user:password@host/db or 'Host=…;Database=…'.", Required = true };
        var port = new Option<int>("--port") { Description = "The silo-to-silo port.", DefaultValueFactory = _ => 11111 };
        var gateway = new Option<int>("--gateway-port") { Description = "The port clients connect to.", DefaultValueFactory = _ => 30000 };
        var address = new Option<string>("--address") { Description = "The address other nodes reach this one at.", DefaultValueFactory = _ => "127.0.0.1" };
        var name = new Option<string?>("--name") { Description = "The node's name in logs (default node-PORT)." };
        var cluster = ClusterOptions.Create();
        var cmd = new Command("node", "Run a node: an Orleans silo that codes documents and may host the store writer and pair aggregates.") { store, port, gateway, address, name };
        cluster.AddTo(cmd);
        cmd.SetAction(r =>
        {
            var settings = cluster.Read(r, r.GetValue(store));
            if (!Check(settings, stderr) || !Storage.EventStore.IsPostgres(r.GetValue(store)!))
            {
                if (!Storage.EventStore.IsPostgres(r.GetValue(store)!))
                {
                    stderr.WriteLine("entente cluster node: --store must name a PostgreSQL database (a DuckDB file has one writer on one machine)");
                }

                return EntenteCli.Usage;
            }

            if (!System.Net.IPAddress.TryParse(r.GetValue(address), out _))
            {
                stderr.WriteLine($"entente cluster node: --address '{r.GetValue(address)}' is not an IP address");
                return EntenteCli.Usage;
            }

            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            var options = new NodeOptions(r.GetValue(store)!, settings, r.GetValue(port), r.GetValue(gateway), r.GetValue(address)!, r.GetValue(name));
            try
            {
                return ClusterNode.Run(options, stderr, stop.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is Orleans.Runtime.OrleansException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                stderr.WriteLine($"entente cluster node: cannot start: {e.Message}");
                return EntenteCli.Failure;
            }
        });
        return cmd;
    }

    private static Command Ingest(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Files or directories (.txt, .jsonl, .html, .xml/.rss/.atom), URLs, or '-' for standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var batch = new Option<int>("--batch") { Description = "Documents per coding call and per store transaction.", DefaultValueFactory = _ => 8 };
        var inFlight = new Option<int>("--in-flight") { Description = "Batches being coded at once (back-pressure: input is read no faster).", DefaultValueFactory = _ => 8 };
        var strict = new Option<bool>("--strict") { Description = "Exit 1 when any input or document was skipped." };
        var cluster = ClusterOptions.Create();
        var cmd = new Command("ingest", "Feed documents to a running cluster; they are stored as 'entente ingest' stores them.") { paths, batch, inFlight, strict };
        cluster.AddTo(cmd);
        cmd.SetAction(r =>
        {
            var settings = cluster.Read(r);
            if (!Check(settings, stderr))
            {
                return EntenteCli.Usage;
            }

            if (r.GetValue(batch) < 1 || r.GetValue(inFlight) < 1)
            {
                stderr.WriteLine("entente cluster ingest: --batch and --in-flight must be at least 1");
                return EntenteCli.Usage;
            }

            var inputs = r.GetValue(paths) is { Length: > 0 } p ? p : ["-"];
            return RunIngest(inputs, settings, new ClusterIngestOptions(r.GetValue(batch), r.GetValue(inFlight)), r.GetValue(strict), stdin, stdout, stderr)
                .GetAwaiter().GetResult();
        });
        return cmd;
    }

    private static async Task<int> RunIngest(string[] inputs, ClusterSettings settings, ClusterIngestOptions options, bool strict, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        using var loggers = LoggerFactory.Create(ClusterNode.ConfigureLogging);
        var log = loggers.CreateLogger("Entente.Cluster.Ingest");
        Microsoft.Extensions.Hosting.IHost host;
        try
        {
            host = await ClusterIngest.Connect(settings, log, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            stderr.WriteLine($"entente cluster ingest: no node answered in {Resilience.ConnectPatience.TotalMinutes:F0} minutes (membership: {settings.Describe()})");
            return EntenteCli.Failure;
        }

        using var hosting = host;
        var skips = new List<Diagnostic>();
        var documents = Documents(DocumentSource.Default.Read(inputs, stdin), skips, stderr);
        var ingest = new ClusterIngest(ClusterIngest.Grains(host), options, log);
        int every = Math.Max(50, options.BatchSize);
        ClusterIngestSummary summary;
        try
        {
            summary = await Feed(ingest, documents, every, stderr).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Orleans.Runtime.OrleansException or TimeoutException or InvalidOperationException or System.Data.Common.DbException)
        {
            stderr.WriteLine($"entente cluster ingest: the cluster failed on every try: {e.Message}");
            stderr.WriteLine("entente cluster ingest: what was stored is kept; run the same command again to finish (stored documents count as unchanged)");
            return EntenteCli.Failure;
        }

        await host.StopAsync().ConfigureAwait(false);
        IngestCommand.WriteSummary(stdout, summary.Ingest, skips, "postgres://");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"poisoned documents: {summary.Poisoned.Length}"));
        foreach (var p in summary.Poisoned)
        {
            stdout.WriteLine($"  {p.DocumentId}: {p.Reason}");
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"retries: {summary.Retries}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store writer busy: {summary.StoreTime.TotalSeconds:F1} s ({summary.Ingest.Documents / Math.Max(summary.StoreTime.TotalSeconds, 1e-3):F1} documents/s while storing)"));
        stdout.WriteLine("coded by: " + string.Join(", ", summary.CodedBySilo.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")));
        int skipped = skips.Count(d => d.Severity == Severity.Error) + summary.Ingest.Rejected + summary.Poisoned.Length;
        return strict && skipped > 0 ? EntenteCli.Failure : EntenteCli.Ok;
    }

    private static Task<ClusterIngestSummary> Feed(ClusterIngest ingest, IEnumerable<Document> documents, int every, TextWriter stderr)
    {
        int last = 0;
        return ingest.Run(documents, p =>
        {
            if (p.Documents / every > last / every)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"entente cluster ingest: {p.Documents} documents ({p.Unchanged} unchanged, {p.Poisoned} poisoned), {p.Reports} reports, {p.Elapsed.TotalSeconds:F1} s, {p.Documents / Math.Max(p.Elapsed.TotalSeconds, 1e-3):F1} documents/s"));
                stderr.Flush();
            }

            last = p.Documents;
        }, CancellationToken.None);
    }

    private static Command Pair(TextWriter stdout, TextWriter stderr)
    {
        var a = new Argument<string>("source") { Description = "The source actor: a country (RUS) or code." };
        var b = new Argument<string>("target") { Description = "The target actor." };
        var cluster = ClusterOptions.Create();
        var cmd = new Command("pair", "Print a pair's aggregates as the cluster keeps them: reports per month and quad class, Goldstein sum.") { a, b };
        cluster.AddTo(cmd);
        cmd.SetAction(r =>
        {
            var settings = cluster.Read(r);
            if (!Check(settings, stderr))
            {
                return EntenteCli.Usage;
            }

            using var loggers = LoggerFactory.Create(ClusterNode.ConfigureLogging);
            using var host = ClusterIngest.Connect(settings, loggers.CreateLogger("Entente.Cluster"), CancellationToken.None).GetAwaiter().GetResult();
            var pair = ClusterIngest.Grains(host).GetGrain<IPairGrain>($"{r.GetValue(a)!.ToUpperInvariant()}>{r.GetValue(b)!.ToUpperInvariant()}").Get().GetAwaiter().GetResult();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pair.Pair}: {pair.Documents} documents"));
            stdout.WriteLine("month\tverbal_coop\tmaterial_coop\tverbal_conflict\tmaterial_conflict\tgoldstein");
            foreach (var m in pair.Months)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{m.Month}\t{m.VerbalCooperation}\t{m.MaterialCooperation}\t{m.VerbalConflict}\t{m.MaterialConflict}\t{m.Goldstein:0.###}"));
            }

            host.StopAsync().GetAwaiter().GetResult();
            return EntenteCli.Ok;
        });
        return cmd;
    }

    private static bool Check(ClusterSettings settings, TextWriter stderr)
    {
        if (settings.Problem() is { } problem)
        {
            stderr.WriteLine($"entente cluster: {problem}");
            return false;
        }

        return true;
    }

    private static IEnumerable<Document> Documents(IEnumerable<SourceItem> items, List<Diagnostic> skips, TextWriter stderr)
    {
        foreach (var item in items)
        {
            if (item.Diagnostic is { Severity: not Severity.Info } d)
            {
                skips.Add(d);
                stderr.WriteLine($"{d.Subject}: {d.Message} ({d.Code})");
            }

            if (item.Document is { } doc)
            {
                yield return doc;
            }
        }
    }
}
