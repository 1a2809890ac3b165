using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Entente.Analytics;
using Entente.Coding.Events;
using Entente.Core.Documents;
using Entente.Sources;
using Entente.Storage;

// Storage benchmarks (docs/performance.md), plain stopwatch timings:
//   synthetic DB.duckdb [EVENTS]   fill a DuckDB store with synthetic events (default 10,000,000), time the queries
//   ingest CORPUS.jsonl [DOCS] [N] code the first DOCS documents without storing (in parallel, no batches), then ingest them into a new DuckDB file: storage overhead, wall and CPU,
//                                  N rounds back to back
//   phases CORPUS.jsonl [DOCS] [BATCH]  store already coded documents in batches: ms per document; release and reopen
//   micro DB.duckdb SETTING        per-statement cost of DuckDB.NET (parameterised and literal point queries)
//   sql DB.duckdb SQL              time one SQL statement
//   rebuild DB.duckdb              rebuild the summary tables
//   analytics DB.duckdb [EVENTS]   relations analytics over the synthetic store (filled as for synthetic, plus one report
//                                  per event, documents and their mentioned actors): assess, dyad, network
var inv = CultureInfo.InvariantCulture;
if (args is ["synthetic", var dbPath, ..])
{
    long n = args.Length > 2 ? long.Parse(args[2], inv) : 10_000_000;
    if (!File.Exists(dbPath))
    {
        using (EventStore.Open(dbPath))
        {
        }

        var fill = Stopwatch.StartNew();
        using (var c = new DuckDBConnection($"Data Source={dbPath}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandTimeout = 0;
            cmd.CommandText = Synthetic.Insert(n);
            cmd.ExecuteNonQuery();
        }

        Console.WriteLine(string.Create(inv, $"filled {n:N0} events in {fill.Elapsed.TotalSeconds:F1} s ({new FileInfo(dbPath).Length / 1e6:F0} MB)"));
        using (var filled = EventStore.Open(dbPath))
        {
            filled.RebuildSummaries();
        }
    }

    using var store = EventStore.Open(dbPath);
    Console.WriteLine(string.Create(inv, $"store: {store.Counts().Events:N0} events"));
    Time("pair monthly series PAK-RUS", () => store.MonthlySeries("PAK", "RUS").Count);
    Time("pair monthly series USA-CHN", () => store.MonthlySeries("USA", "CHN").Count);
    Time("event page: newest 50", () => store.Events(new EventQuery { Limit = 50 }).Count());
    Time("event page: country PAK, 2020, root 1*, 50", () => store.Events(new EventQuery
    {
        Country = "PAK", From = new DateOnly(2020, 1, 1), To = new DateOnly(2020, 12, 31), CodePrefix = "1", Limit = 50,
    }).Count());
    Time("event page: pair PAK-RUS, quad 4, >=3 reports, 50", () => store.Events(new EventQuery
    {
        PairA = "PAK", PairB = "RUS", QuadClass = 4, MinReports = 3, Limit = 50,
    }).Count());
    Time("event page: actor IND, negated, offset 1000, 50", () => store.Events(new EventQuery
    {
        Actor = "IND", Modality = "negated", Offset = 1000, Limit = 50,
    }).Count());
}
else if (args is ["analytics", var analyticsDb, ..])
{
    long n = args.Length > 2 ? long.Parse(args[2], inv) : 10_000_000;
    if (!File.Exists(analyticsDb))
    {
        using (EventStore.Open(analyticsDb))
        {
        }

        var fill = Stopwatch.StartNew();
        using (var c = new DuckDBConnection($"Data Source={analyticsDb}"))
        {
            c.Open();
            foreach (var sql in new[] { Synthetic.Insert(n) }.Concat(Synthetic.Evidence(n)))
            {
                using var cmd = c.CreateCommand();
                cmd.CommandTimeout = 0;
                cmd.CommandText = sql;
                cmd.ExecuteNonQuery();
            }
        }

        Console.WriteLine(string.Create(inv, $"filled {n:N0} events, reports and {n / 5:N0} documents in {fill.Elapsed.TotalSeconds:F1} s ({new FileInfo(analyticsDb).Length / 1e6:F0} MB)"));
        var summaries = Stopwatch.StartNew();
        using (var filled = EventStore.Open(analyticsDb))
        {
            filled.RebuildSummaries();
        }

        Console.WriteLine(string.Create(inv, $"built the summary tables in {summaries.Elapsed.TotalSeconds:F1} s"));
    }

    var open = Stopwatch.StartNew();
    using var store = EventStore.Open(analyticsDb);
    Console.WriteLine(string.Create(inv, $"opened in {open.Elapsed.TotalSeconds:F1} s (a migration included, if any)"));
    var counts = store.Counts();
    Console.WriteLine(string.Create(inv, $"store: {counts.Events:N0} events, {counts.Reports:N0} reports, {counts.Documents:N0} documents"));
    var analytics = new RelationsAnalytics(store);
    var y2020 = (new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31));
    if (Environment.GetEnvironmentVariable("ENTENTE_BENCH_PHASES") is not null)
    {
        var q = new AggregateQuery { Grain = Grain.Quarter, ModalityWeights = analytics.Options.ModalityWeights, MaterialCodes = analytics.Options.MaterialCodes };
        Time("  phase: aggregate involving PAK or RUS", () => store.Aggregate(q with { Involving = ["PAK", "RUS"] }).Count);
        Time("  phase: aggregate involving PAK or RUS, weights only", () => store.Aggregate(q with { Involving = ["PAK", "RUS"], WeightsOnly = true }).Count);
        Time("  phase: aggregate from PAK by quarter, weights only", () => store.Aggregate(q with { Sources = ["PAK"], WeightsOnly = true }).Count);
        Time("  phase: aggregate involving RUS, all periods, weights only", () => store.Aggregate(q with { Grain = Grain.All, Involving = ["RUS"], WeightsOnly = true }).Count);
        Time("  phase: aggregate pair PAK-RUS", () => store.Aggregate(q with { PairA = "PAK", PairB = "RUS" }).Count);
        Time("  phase: coverage PAK or RUS", () => store.Coverage(["PAK", "RUS"], Grain.Quarter, null, null).Count);
        Time("  phase: events of the pair PAK-RUS", () => store.Events(new EventQuery { PairA = "PAK", PairB = "RUS" }).Count());
        var top = new TopEventsQuery { Pairs = ["PAK>RUS", "RUS>PAK"], ModalityWeights = analytics.Options.ModalityWeights, MaterialCodes = analytics.Options.MaterialCodes };
        Time("  phase: top 25 events of 12 selections (pair, five third parties)", () => store.TopEvents([
            top with { QuadClasses = [1, 2] }, top with { QuadClasses = [3, 4] },
            .. new[] { "UKR", "USA", "CHN", "IND", "TUR" }.SelectMany(c => new[]
            {
                top with { Pairs = ["PAK>" + c], MaterialOnly = true },
                top with { Pairs = ["RUS>" + c, c + ">RUS"], QuadClasses = [3, 4] },
            }),
        ]).Sum(l => l.Count));
        Time("  phase: modalities of the pair PAK-RUS", () => store.PairModalities("PAK", "RUS", null, null).ByModality.Count);
        var ids = store.Events(new EventQuery { PairA = "PAK", PairB = "RUS", Limit = 300 }).Select(e => e.Id).ToList();
        Time("  phase: evidence of 300 events", () => store.Evidence(ids).Count);
        Time("  phase: reports of 20 documents", () => store.ReportsOfDocuments([.. Enumerable.Range(0, 20).Select(i => "doc" + i)]).Count);
    }

    Time("network, one year (2020)", () => analytics.Network(y2020.Item1, y2020.Item2).Edges.Length);
    Time("assess PAK RUS, all 25 years by quarter", () => analytics.Assess("PAK", "RUS").Cooperation.Length);
    Time("assess USA CHN, all 25 years by quarter", () => analytics.Assess("USA", "CHN").Cooperation.Length);
    Time("assess PAK RUS, 2020 by month", () => analytics.Assess("PAK", "RUS", y2020.Item1, y2020.Item2, Grain.Month).Cooperation.Length);
    Time("dyad PAK RUS by month, 25 years", () => analytics.Dyad("PAK", "RUS", Grain.Month).Points.Length);
    Time("network, all 25 years", () => analytics.Network().Edges.Length);
}
else if (args is ["ingest", var corpus, ..])
{
    int docs = args.Length > 2 ? int.Parse(args[2], inv) : 200;
    var documents = DocumentSource.Default.ReadFile(corpus).Select(i => i.Document).OfType<Document>().Take(docs).ToList();
    var coder = EventCoder.Default;
    coder.Code(new Document("warm-up", "Russia criticized Pakistan on March 2, 2022."));
    int repeats = args.Length > 3 ? int.Parse(args[3], inv) : 1;
    Console.WriteLine(string.Create(inv, $"{Path.GetFileName(corpus)}: {documents.Count} documents; coding only, then ingest, back to back, {repeats} times"));
    var self = Process.GetCurrentProcess();
    for (int round = 1; round <= repeats; round++)
    {
        var cpu = self.TotalProcessorTime;
        var code = Stopwatch.StartNew();
        long events = 0;
        Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            d => Interlocked.Add(ref events, coder.Code(d).Document.Events.Length));

        code.Stop();
        self.Refresh();
        var codeCpu = self.TotalProcessorTime - cpu;
        var db = Path.Combine(Path.GetTempPath(), $"entente-bench-{Guid.NewGuid():N}.duckdb");
        try
        {
            cpu = self.TotalProcessorTime;
            IngestSummary summary;
            using (var store = EventStore.Open(db))
            {
                summary = new Ingestor(store, coder).Ingest(documents);
            }

            self.Refresh();
            var ingestCpu = self.TotalProcessorTime - cpu;
            double c = code.Elapsed.TotalSeconds, i = summary.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(inv, $"round {round}: {events} reports, {summary.Totals.Events} events, {new FileInfo(db).Length / 1e6:F1} MB"));
            Console.WriteLine(string.Create(inv, $"  coding only: {c:F1} s wall, {codeCpu.TotalSeconds:F1} s CPU ({documents.Count / c:F1} documents/s, {events / c:F1} reports/s)"));
            Console.WriteLine(string.Create(inv, $"  ingest (coding + DuckDB): {i:F1} s wall, {ingestCpu.TotalSeconds:F1} s CPU ({documents.Count / i:F1} documents/s, {summary.Reports / i:F1} reports/s)"));
            Console.WriteLine(string.Create(inv, $"  storage overhead: wall {(i - c) / c * 100:F1} %, CPU {(ingestCpu - codeCpu) / codeCpu * 100:F1} %; peak working set {self.PeakWorkingSet64 / 1e6:F0} MB"));
        }
        finally
        {
            File.Delete(db);
            File.Delete(db + ".wal");
        }
    }
}
else if (args is ["phases", var phaseCorpus, ..])
{
    // What storing costs alone: the documents coded first, then stored in batches of BATCH; then what releasing the file
    // for a reader and reopening it costs.
    int docs = args.Length > 2 ? int.Parse(args[2], inv) : 1000;
    int batch = args.Length > 3 ? int.Parse(args[3], inv) : 32;
    var documents = DocumentSource.Default.ReadFile(phaseCorpus).Select(i => i.Document).OfType<Document>().Take(docs).ToList();
    var coder = EventCoder.Default;
    var coded = documents.AsParallel().AsOrdered().Select(d => (d, r: coder.Code(d).Document)).ToList();
    var db = Path.Combine(Path.GetTempPath(), $"entente-bench-{Guid.NewGuid():N}.duckdb");
    try
    {
        using var store = EventStore.Open(db);
        var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        store.ContentHashes();
        foreach (var chunk in coded.Chunk(batch))
        {
            store.StoreBatch(chunk.Select(c => (new StoredDocument(c.d.Id, c.d.Source, c.d.Url, c.d.Title, c.d.Date, ContentHash.Of(c.d), "en", "coded", c.r.Diagnostics), (IReadOnlyList<CodedEvent>)c.r.Events)).ToList());
        }

        self.Refresh();
        Console.WriteLine(string.Create(inv, $"store {docs} documents in batches of {batch}: {sw.Elapsed.TotalMilliseconds / docs:F2} ms/document wall, {(self.TotalProcessorTime - cpu).TotalMilliseconds / docs:F2} ms CPU"));
        cpu = self.TotalProcessorTime;
        sw.Restart();
        for (int i = 0; i < 10; i++)
        {
            store.Release();
            store.Counts();
        }

        self.Refresh();
        Console.WriteLine(string.Create(inv, $"release and reopen: {sw.Elapsed.TotalMilliseconds / 10:F1} ms wall, {(self.TotalProcessorTime - cpu).TotalMilliseconds / 10:F1} ms CPU"));
    }
    finally
    {
        File.Delete(db);
        File.Delete(db + ".wal");
    }
}
else if (args is ["micro", var microDb, var setting])
{
    using var c = new DuckDBConnection($"Data Source={microDb}");
    c.Open();
    using (var set = c.CreateCommand())
    {
        set.CommandText = setting;
        set.ExecuteNonQuery();
        set.CommandText = "CREATE TABLE IF NOT EXISTS d (id TEXT PRIMARY KEY, h TEXT)";
        set.ExecuteNonQuery();
    }

    foreach (var (name, sql, param) in new[] { ("param select", "SELECT h FROM d WHERE id = $1", true), ("literal select", "SELECT h FROM d WHERE id = 'x'", false), ("select 1", "SELECT 1", false) })
    {
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < 300; i++)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            if (param)
            {
                cmd.Parameters.Add(new DuckDBParameter("x" + i));
            }

            cmd.ExecuteScalar();
        }

        Console.WriteLine(string.Create(inv, $"{setting} / {name}: {sw.Elapsed.TotalMilliseconds / 300:F2} ms"));
    }
}
else if (args is ["rebuild", var rebuildDb])
{
    var sw = Stopwatch.StartNew();
    using var store = EventStore.Open(rebuildDb);
    store.RebuildSummaries();
    Console.WriteLine(string.Create(inv, $"rebuilt the summary tables in {sw.Elapsed.TotalSeconds:F1} s"));
}
else if (args is ["sql", var sqlDb, var sql])
{
    using var c = new DuckDBConnection($"Data Source={sqlDb}");
    c.Open();
    if (sql.StartsWith("EXPLAIN", StringComparison.OrdinalIgnoreCase) || Environment.GetEnvironmentVariable("ENTENTE_BENCH_PRINT") is not null)
    {
        using var explain = c.CreateCommand();
        explain.CommandText = sql;
        using var plan = explain.ExecuteReader();
        while (plan.Read())
        {
            Console.WriteLine(sql.StartsWith("EXPLAIN", StringComparison.OrdinalIgnoreCase)
                ? plan.GetValue(plan.FieldCount - 1)
                : string.Join(" | ", Enumerable.Range(0, plan.FieldCount).Select(plan.GetValue)));
        }

        return 0;
    }

    Time(sql, () =>
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        int rows = 0;
        while (r.Read())
        {
            rows++;
        }

        return rows;
    });
}
else
{
    Console.Error.WriteLine("usage: synthetic DB.duckdb [EVENTS] | ingest CORPUS.jsonl [DOCS] [ROUNDS] | micro DB.duckdb SETTING | sql DB.duckdb SQL");
    return 2;
}

return 0;

static void Time(string name, Func<int> query)
{
    int rows = query();
    var times = new List<double>();
    for (int i = 0; i < 5; i++)
    {
        var sw = Stopwatch.StartNew();
        query();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median {times[2]:F1} ms, max {times[4]:F1} ms ({rows} rows)"));
}

/// <summary>
/// SQL that adds the evidence analytics read to a synthetic store: one report per event (its document one of n / 5
/// synthetic documents), the documents (50 sources, dates 2000-2024) and three mentioned countries per document.
/// </summary>
internal static partial class Synthetic
{
    public static IEnumerable<string> Evidence(long n)
    {
        long docs = Math.Max(1, n / 5);
        var list = "[" + string.Join(", ", Countries.Select(c => $"'{c}'")) + "]";
        yield return $"""
            INSERT INTO documents (id, source, url, title, published, content_hash, language, status, diagnostics, n_reports, ingested_at)
            SELECT 'doc' || range, 'source' || (range % 50), NULL, 'Synthetic document ' || range,
              DATE '2000-01-01' + CAST(hash(range * 29) % 9131 AS INTEGER), 'h' || range, 'en', 'coded', '[]', 5, TIMESTAMP '2025-01-01 00:00:00'
            FROM range({docs})
            """;
        yield return $"""
            INSERT INTO document_actors (doc_id, actor, published)
            SELECT DISTINCT d.id, list_extract({list}, 1 + CAST(hash(d.i * 31 + k) % 60 AS INTEGER)), d.published
            FROM (SELECT range AS i, 'doc' || range AS id, DATE '2000-01-01' + CAST(hash(range * 29) % 9131 AS INTEGER) AS published FROM range({docs})) d,
              range(3) t(k)
            """;
        yield return $"""
            INSERT INTO reports (id, event_id, doc_id, sentence_index, sentence, evidence_start, evidence_end,
              source_text, source_code, source_country, target_text, target_code, target_country,
              cameo, cameo_name, root, quad_class, goldstein, date, date_precision, modality, attribution, confidence, pattern)
            SELECT id, id, 'doc' || (id % {docs}), 0, 'Synthetic sentence of event ' || id || '.', 0, 10,
              source_text, source_code, source_country, target_text, target_code, target_country,
              cameo, cameo_name, root, quad_class, goldstein, date, date_precision, modality,
              CASE WHEN modality = 'reported' THEN 'media reports' END, 0.9, 'synthetic'
            FROM events
            """;
    }
}

/// <summary>
/// SQL that fills the events table with synthetic events: 60 countries, 20 roots, dates 2000-2024, six modalities, stored
/// in date order as an ingest of news in publication order stores them.
/// </summary>
internal static partial class Synthetic
{
    private static readonly string[] Countries =
    [
        "AFG", "ARG", "AUS", "AUT", "BEL", "BGD", "BRA", "CAN", "CHE", "CHL", "CHN", "COL", "CZE", "DEU", "DNK", "EGY", "ESP", "ETH", "FIN", "FRA",
        "GBR", "GRC", "HUN", "IDN", "IND", "IRN", "IRQ", "ISR", "ITA", "JPN", "KAZ", "KEN", "KOR", "MEX", "MYS", "NGA", "NLD", "NOR", "NZL", "PAK",
        "PER", "PHL", "POL", "PRK", "PRT", "ROU", "RUS", "SAU", "SRB", "SWE", "SYR", "THA", "TUR", "UKR", "USA", "VEN", "VNM", "YEM", "ZAF", "ARE",
    ];

    public static string Insert(long n)
    {
        var list = "[" + string.Join(", ", Countries.Select(c => $"'{c}'")) + "]";
        return $"""
            INSERT INTO events (id, merge_key, pair, source_text, source_code, source_country, target_text, target_code, target_country,
              cameo, cameo_name, base_code, root, quad_class, goldstein, date, date_precision, date_start, date_end, modality,
              first_seen, last_seen, n_reports, n_documents, n_sources)
            SELECT id, src || '|' || tgt || '|' || root || '0|' || modality, src || '>' || tgt, src, src || sector, src, tgt, tgt, tgt,
              root || '0', 'synthetic', root || '0', root, CASE WHEN r <= 5 THEN 1 WHEN r <= 8 THEN 2 WHEN r <= 13 THEN 3 ELSE 4 END,
              round(((hash(id * 5) % 200)::DOUBLE / 10.0) - 10.0, 1), strftime(d, '%Y-%m-%d'), 'day', d, d, modality,
              d, d + CAST(hash(id * 11) % 4 AS INTEGER), 1 + CAST(hash(id * 13) % 6 AS INTEGER), 1 + CAST(hash(id * 13) % 4 AS INTEGER), 1 + CAST(hash(id * 13) % 3 AS INTEGER)
            FROM (
              SELECT id, r, lpad(CAST(r AS VARCHAR), 2, '0') AS root,
                list_extract({list}, 1 + CAST(hash(id) % 60 AS INTEGER)) AS src,
                list_extract({list}, 1 + CAST((hash(id) % 60 + 1 + hash(id * 3) % 59) % 60 AS INTEGER)) AS tgt,
                list_extract(['', 'GOV', 'MIL', 'BUS'], 1 + CAST(hash(id * 17) % 4 AS INTEGER)) AS sector,
                list_extract(['asserted', 'asserted', 'asserted', 'reported', 'reported', 'intended', 'hypothetical', 'negated', 'opinion'], 1 + CAST(hash(id * 19) % 9 AS INTEGER)) AS modality,
                DATE '2000-01-01' + CAST(hash(id * 7) % 9131 AS INTEGER) AS d
              FROM (SELECT range + 1 AS id, 1 + CAST(hash(range * 23) % 20 AS INTEGER) AS r FROM range({n}))
            )
            ORDER BY d, id
            """;
    }
}
