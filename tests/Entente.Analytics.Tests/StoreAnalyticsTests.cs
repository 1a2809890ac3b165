using System.Collections.Immutable;
using DuckDB.NET.Data;
using Entente.Coding.Events;
using Entente.Storage;

namespace Entente.Analytics.Tests;

/// <summary>
/// The analytics over a real store: the SQL aggregation's weights, coverage from the documents' mentions, evidence, and the
/// assessment end to end. Run against DuckDB, and against PostgreSQL when ENTENTE_TEST_POSTGRES is set at build time.
/// </summary>
public abstract class StoreAnalyticsContract : IDisposable
{
    private readonly IEventStore _store;

    protected StoreAnalyticsContract()
    {
        _store = Open();
    }

    protected IEventStore Store => _store;

    protected abstract IEventStore Open();

    public virtual void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }

    internal static EventActor Actor(string code) => new(code, code, code[..3], code.Length > 3 ? code[3..] : null, 0, 3);

    internal static CodedEvent Report(string doc, string source, string target, string cameo, int quad, EventDate? date, Modality modality = Modality.Asserted,
        string? attribution = null, string? sentence = null) =>
        new(doc, 0, sentence ?? $"{source} did {cameo} to {target}.", new Span(0, 10), Actor(source), Actor(target), null,
            cameo, "name " + cameo, cameo[..2], quad, quad <= 2 ? 3.0 : -5.0, null, date, modality, attribution, 0.9);

    internal static StoredDocument Doc(string id, string source, DateOnly? published, params string[] mentions) =>
        new(id, source, null, "title " + id, published, "h-" + id, "en", "coded", ImmutableArray<Entente.Core.Diagnostic>.Empty) { MentionedActors = [.. mentions] };

    private static EventDate Day(int y, int m, int d) => EventDate.OfDay(new DateOnly(y, m, d));

    /// <summary>
    /// A small world in 2023: Russia visits Pakistan (two independent sources), promises helicopters (intended), a
    /// hypothetical and a negated event that must not count; Pakistan arms Ukraine; Russia and Ukraine fight.
    /// </summary>
    private void Fill()
    {
        _store.Store(Doc("d1", "dawn", new DateOnly(2023, 1, 6), "PAK", "RUS", "IND"), [
            Report("d1", "RUSGOV", "PAK", "042", 1, Day(2023, 1, 5)),
            Report("d1", "RUS", "PAK", "0332", 1, Day(2023, 1, 5), Modality.Intended, sentence: "Russia decided to supply helicopters to Pakistan."),
            Report("d1", "RUS", "PAK", "190", 4, Day(2023, 1, 5), Modality.Hypothetical),
        ]);
        _store.Store(Doc("d2", "tass", new DateOnly(2023, 1, 7), "PAK", "RUS"), [
            Report("d2", "RUSGOV", "PAK", "042", 1, Day(2023, 1, 5)),
            Report("d2", "PAK", "RUS", "072", 2, Day(2023, 1, 5), Modality.Negated),
        ]);
        _store.Store(Doc("d3", "blog", new DateOnly(2023, 2, 1), "PAK", "UKR"), [
            Report("d3", "PAKBUS", "UKRGOV", "072", 2, Day(2023, 1, 20), Modality.Reported, attribution: "media reports"),
        ]);
        _store.Store(Doc("d4", "wire", new DateOnly(2023, 2, 2), "RUS", "UKR"), [
            Report("d4", "RUS", "UKR", "190", 4, Day(2023, 2, 1)),
            Report("d4", "UKR", "RUS", "190", 4, Day(2023, 2, 1), Modality.Opinion),
        ]);
        _store.Store(Doc("d5", "wire", new DateOnly(2023, 3, 2), "USA"), []);
    }

    private protected static AggregateQuery Query(Grain grain) => new()
    {
        Grain = grain,
        ModalityWeights = AnalyticsOptions.Default.ModalityWeights,
        MaterialCodes = AnalyticsOptions.Default.MaterialCodes,
    };

    [Fact]
    public void Aggregate_weighs_modality_and_independent_sources_exactly()
    {
        Fill();
        var rows = Store.Aggregate(Query(Grain.Month) with { PairA = "PAK", PairB = "RUS" });
        var rusPak = Assert.Single(rows, r => r.Source == "RUS" && r.Target == "PAK");
        Assert.Equal("2023-01", rusPak.Period);
        Assert.Equal(3, rusPak.Events);
        Assert.Equal(2, rusPak.VerbalCooperation);
        Assert.Equal(1, rusPak.MaterialConflict);
        // The visit: asserted, two sources: 1 + ln 2; the promise: intended, one source: 0.5; the hypothetical attack: 0.
        Assert.Equal(1 + Math.Log(2) + 0.5, rusPak.WeightVerbalCooperation, 10);
        Assert.Equal(0.0, rusPak.WeightMaterialConflict);
        Assert.Equal(0.5, rusPak.WeightMaterialSupport, 10);
        Assert.Equal(1, rusPak.Intended);
        Assert.Equal(1, rusPak.Hedged);
        Assert.Equal(2, rusPak.SingleSource);
        var pakRus = Assert.Single(rows, r => r.Source == "PAK" && r.Target == "RUS");
        Assert.Equal(1, pakRus.Negated);
        Assert.Equal(0.0, pakRus.Weight);
        Assert.DoesNotContain(rows, r => r.Source == "RUS" && r.Target == "UKR");
    }

    [Fact]
    public void Aggregate_involving_actors_and_a_window_keeps_only_their_events_in_it()
    {
        Fill();
        var all = Store.Aggregate(Query(Grain.All) with { Involving = ["UKR"] });
        Assert.All(all, r => Assert.True(r.Source == "UKR" || r.Target == "UKR"));
        Assert.Null(all[0].Period);
        Assert.Equal(3, all.Sum(r => r.Events));
        var feb = Store.Aggregate(Query(Grain.Quarter) with { From = new DateOnly(2023, 2, 1), To = new DateOnly(2023, 2, 28) });
        Assert.Equal(2, feb.Sum(r => r.Events));
        Assert.All(feb, r => Assert.Equal("2023-Q1", r.Period));
    }

    [Fact]
    public void Coverage_counts_documents_mentioning_either_actor_by_publication_period()
    {
        Fill();
        var months = Store.Coverage(["PAK", "RUS"], Grain.Month, null, null);
        Assert.Equal([("2023-01", 2L), ("2023-02", 2L)], months.Select(p => (p.Period!, p.Documents)));
        var usa = Store.Coverage(["USA"], Grain.Year, null, null);
        Assert.Equal(("2023", 1L), (usa.Single().Period!, usa.Single().Documents));
        Assert.Empty(Store.Coverage(["PAK"], Grain.All, new DateOnly(2024, 1, 1), null));
    }

    [Fact]
    public void A_replaced_document_replaces_its_mentions()
    {
        Fill();
        Store.Store(Doc("d5", "wire", new DateOnly(2023, 3, 2), "CHN") with { ContentHash = "new" }, []);
        Assert.Empty(Store.Coverage(["USA"], Grain.All, null, null));
        Assert.Equal(1, Store.Coverage(["CHN"], Grain.All, null, null).Single().Documents);
    }

    /// <summary>
    /// A random world of 120 documents over 2021–2023 (days 1–28 only), five actors, every modality, several date
    /// precisions, repeated sources (merged reports), undated events and undated documents; then 15 documents replaced
    /// with other reports and mentions, and 15 stored again unchanged.
    /// </summary>
    private void FillRandom(int seed)
    {
        var rng = new Random(seed);
        string[] actors = ["RUS", "RUSGOV", "PAK", "PAKMIL", "UKR", "USA", "CHN"];
        string[] sources = ["dawn", "tass", "wire", "blog", "times"];
        (string Code, int Quad)[] codes = [("042", 1), ("0332", 1), ("036", 1), ("072", 2), ("061", 2), ("0331", 1), ("111", 3), ("190", 4), ("173", 4)];
        var modalities = Enum.GetValues<Modality>();
        DateOnly Day() => new(2021 + rng.Next(3), 1 + rng.Next(12), 1 + rng.Next(28));
        EventDate? Date() => rng.Next(10) switch
        {
            0 => null,
            1 => EventDate.OfYear(2021 + rng.Next(3)),
            2 => EventDate.OfMonth(2021 + rng.Next(3), 1 + rng.Next(12)),
            3 => EventDate.OfPublication(Day()),
            _ => EventDate.OfDay(Day()),
        };
        (StoredDocument, List<CodedEvent>) Document(string id, string hash)
        {
            var reports = new List<CodedEvent>();
            for (int k = rng.Next(5); k > 0; k--)
            {
                var (code, quad) = codes[rng.Next(codes.Length)];
                string a = actors[rng.Next(actors.Length)], b = actors[rng.Next(actors.Length)];
                if (a[..3] != b[..3])
                {
                    // A small set of dates, so that reports merge into events with several sources.
                    var date = rng.Next(3) == 0 ? EventDate.OfDay(new DateOnly(2022, 3, 1 + rng.Next(3))) : Date();
                    reports.Add(Report(id, a, b, code, quad, date, modalities[rng.Next(modalities.Length)]));
                }
            }

            var mentions = actors.Select(x => x[..3]).Distinct().Where(_ => rng.Next(3) == 0).ToArray();
            return (Doc(id, sources[rng.Next(sources.Length)], rng.Next(8) == 0 ? null : Day(), mentions) with { ContentHash = hash }, reports);
        }

        var batch = new List<(StoredDocument, IReadOnlyList<CodedEvent>)>();
        for (int i = 0; i < 120; i++)
        {
            var (d, r) = Document("r" + i, "h" + i);
            if (i % 3 == 0)
            {
                Store.Store(d, r);
            }
            else
            {
                batch.Add((d, r));
            }
        }

        Store.StoreBatch(batch);
        for (int i = 0; i < 30; i += 2)
        {
            var (d, r) = Document("r" + i, "changed" + i);
            Store.Store(d, r);
            Store.Store(Doc("r" + (i + 1), "x", null) with { ContentHash = "h" + (i + 1) }, []);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_summaries_answer_as_the_events_and_mentions_do(int seed)
    {
        FillRandom(seed);
        Assert.True(Store.Counts().Events > 100, $"only {Store.Counts().Events} events");
        // Bounds inside a month make the store count from the events and mentions; whole months read the summaries. No
        // event or document falls on the 29th to 31st, so both windows hold the same rows.
        (DateOnly?, DateOnly?)[] windows = [(null, null), (new DateOnly(2022, 1, 1), new DateOnly(2022, 6, 30)), (new DateOnly(2021, 11, 1), null)];
        foreach (var grain in new[] { Grain.Month, Grain.Quarter, Grain.Year, Grain.All })
        {
            foreach (var (from, to) in windows)
            {
                DateOnly? exactFrom = from is { } f ? f.AddDays(-1) : new DateOnly(2000, 1, 2);
                DateOnly? exactTo = to is { } t ? new DateOnly(t.Year, t.Month, 29) : new DateOnly(2099, 12, 30);
                foreach (var q in new[]
                {
                    Query(grain) with { From = from, To = to },
                    Query(grain) with { From = from, To = to, PairA = "PAK", PairB = "RUS" },
                    Query(grain) with { From = from, To = to, Involving = ["PAK", "UKR"] },
                    Query(grain) with { From = from, To = to, Involving = ["RUS"], WeightsOnly = true },
                    Query(grain) with { From = from, To = to, Sources = ["RUS", "USA"] },
                })
                {
                    var summary = Store.Aggregate(q);
                    var events = Store.Aggregate(q with { From = exactFrom, To = exactTo });
                    Assert.Equal(events.Count, summary.Count);
                    Assert.NotEmpty(summary);
                    foreach (var (x, y) in events.Zip(summary))
                    {
                        Assert.Equal(x with { WeightVerbalCooperation = 0, WeightMaterialCooperation = 0, WeightVerbalConflict = 0, WeightMaterialConflict = 0, WeightMaterialSupport = 0, Goldstein = 0, WeightedGoldstein = 0, Weight = 0 },
                            y with { WeightVerbalCooperation = 0, WeightMaterialCooperation = 0, WeightVerbalConflict = 0, WeightMaterialConflict = 0, WeightMaterialSupport = 0, Goldstein = 0, WeightedGoldstein = 0, Weight = 0 });
                        Assert.Equal(x.WeightVerbalCooperation, y.WeightVerbalCooperation, 9);
                        Assert.Equal(x.WeightMaterialCooperation, y.WeightMaterialCooperation, 9);
                        Assert.Equal(x.WeightVerbalConflict, y.WeightVerbalConflict, 9);
                        Assert.Equal(x.WeightMaterialConflict, y.WeightMaterialConflict, 9);
                        Assert.Equal(x.WeightMaterialSupport, y.WeightMaterialSupport, 9);
                        Assert.Equal(x.Goldstein, y.Goldstein, 9);
                        Assert.Equal(x.WeightedGoldstein, y.WeightedGoldstein, 9);
                        Assert.Equal(x.Weight, y.Weight, 9);
                    }
                }

                foreach (var who in new[] { new[] { "PAK", "RUS" }, ["UKR"], ["USA", "CHN"] })
                {
                    Assert.Equal(Store.Coverage(who, grain, exactFrom, exactTo), Store.Coverage(who, grain, from, to));
                }
            }
        }
    }

    [Fact]
    public void Evidence_returns_the_reports_with_their_documents()
    {
        Fill();
        var ukr = Store.Events(new EventQuery { PairA = "PAK", PairB = "UKR" }).Single();
        var evidence = Store.Evidence([ukr.Id]);
        var e = Assert.Single(evidence);
        Assert.Equal("d3", e.Report.DocId);
        Assert.Equal("media reports", e.Report.Attribution);
        Assert.Equal("title d3", e.DocumentTitle);
        Assert.Equal("blog", e.DocumentSource);
    }

    [Fact]
    public void Assess_lists_cooperation_names_the_hedge_and_says_what_the_evidence_rests_on()
    {
        Fill();
        var x = new RelationsAnalytics(Store).Assess("pak", "RUS");
        Assert.Equal(["PAK", "RUS"], x.Pair.ToArray());
        Assert.Equal(["042", "0332"], x.Cooperation.Select(e => e.Code).ToArray());
        Assert.Equal(2, x.Cooperation[0].Sources);
        Assert.Equal(Math.Round(1 + Math.Log(2), 4), x.Cooperation[0].Weight);
        Assert.Equal("Russia decided to supply helicopters to Pakistan.", x.Cooperation[1].Sentence);
        Assert.Equal("intended", x.Cooperation[1].Modality);
        // The hypothetical attack and the negated transfer weigh nothing: not listed, named in the caveats.
        Assert.Empty(x.Conflict);
        Assert.Contains("2 events of the pair are not counted and not listed, as they weigh nothing: 1 hypothetical, 1 negated.", x.Caveats);
        Assert.Equal(1.0, x.Score);
        var h = Assert.Single(x.Hedging);
        Assert.Equal("UKR", h.Third);
        Assert.Equal("conflict", h.RelationBThird);
        Assert.Equal(["PAK>UKR", "RUS>UKR"], h.Events.Select(e => e.Edge).Order(StringComparer.Ordinal));
        Assert.Equal("reported", h.Events.Single(e => e.Edge == "PAK>UKR").Modality);
        Assert.Equal(1.0, x.HedgingIndex); // PAK gives RUS no cooperation of its own: all its support goes to RUS's adversary
        Assert.Equal("mixed", x.Verdict);
        Assert.Contains(x.Caveats, c => c.Contains("media reports", StringComparison.Ordinal));
        Assert.Contains(x.Caveats, c => c.StartsWith("Thin coverage: 4 stored documents", StringComparison.Ordinal));
        Assert.Contains(x.Caveats, c => c.Contains("intentions, offers or promises", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_period_is_insufficient_evidence_never_a_verdict()
    {
        Fill();
        var x = new RelationsAnalytics(Store).Assess("PAK", "RUS", new DateOnly(2010, 1, 1), new DateOnly(2010, 12, 31));
        Assert.Equal("insufficient evidence", x.Verdict);
        Assert.Null(x.Score);
        Assert.Empty(x.Cooperation);
        Assert.Empty(x.Hedging);
        Assert.Contains(x.Caveats, c => c.StartsWith("No stored events between PAK and RUS", StringComparison.Ordinal));
    }

    [Fact]
    public void Network_signs_edges_and_lists_the_unbalanced_triad()
    {
        Fill();
        var n = new RelationsAnalytics(Store).Network();
        Assert.Equal(["PAK", "RUS", "UKR"], n.Nodes.ToArray());
        Assert.Equal(-1, n.Edges.Single(e => e.A == "RUS" && e.B == "UKR").Sign);
        Assert.Equal(1, n.Edges.Single(e => e.A == "PAK" && e.B == "UKR").Sign);
        var t = Assert.Single(n.Unbalanced);
        Assert.Equal(("PAK", "RUS", "UKR"), (t.A, t.B, t.C));
        Assert.Equal(1, n.Triads);
    }

    [Fact]
    public void Dyad_series_runs_by_month_with_coverage_beside_the_counts()
    {
        Fill();
        var s = new RelationsAnalytics(Store).Dyad("PAK", "RUS", Grain.Month);
        var p = Assert.Single(s.Points);
        Assert.Equal("2023-01", p.Period);
        Assert.Equal(4, p.Events);
        Assert.Equal(2, p.Coverage);
        Assert.Equal(Math.Round((1 + Math.Log(2) + 0.5) * 100 / 2, 6), Math.Round(p.VolumePer100Documents!.Value, 6));
    }
}

public sealed class DuckDbStoreAnalyticsTests : StoreAnalyticsContract
{
    private string? _path;

    protected override IEventStore Open()
    {
        _path = Path.Combine(Path.GetTempPath(), $"entente-analytics-{Guid.NewGuid():N}.duckdb");
        return EventStore.Open(_path);
    }

    public override void Dispose()
    {
        base.Dispose();
        File.Delete(_path!);
        File.Delete(_path + ".wal");
    }

    [Fact]
    public void Migrating_a_version_1_database_fills_document_actors_from_the_actors_of_its_events()
    {
        Store.Store(Doc("old", "dawn", new DateOnly(2020, 5, 1)), [Report("old", "RUSGOV", "PAK", "042", 1, EventDate.OfYear(2020))]);
        Store.Dispose();
        using (var c = new DuckDBConnection($"Data Source={_path}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "DROP TABLE document_actors; DROP TABLE pair_months; DROP TABLE actor_months; DROP TABLE actor_pair_months; DELETE FROM schema_version WHERE version >= 2";
            cmd.ExecuteNonQuery();
        }

        using var reopened = EventStore.Open(_path!);
        Assert.Equal(3, reopened.SchemaVersion);
        // Version 3 built the summaries from what version 1 stored: the year-precise event is counted in 2020.
        var year = reopened.Aggregate(Query(Grain.Year) with { PairA = "RUS", PairB = "PAK" });
        Assert.Equal(("2020", 1L), (year.Single().Period!, year.Single().Events));
        Assert.Equal([("2020", 1L)], reopened.Coverage(["RUS"], Grain.Year, null, null).Select(p => (p.Period!, p.Documents)));
        Assert.Equal(1, reopened.Coverage(["PAK"], Grain.All, null, null).Single().Documents);
    }
}

#if POSTGRES_TESTS
public sealed class PostgresStoreAnalyticsTests : StoreAnalyticsContract
{
    private static readonly string Server = Environment.GetEnvironmentVariable("ENTENTE_TEST_POSTGRES")!;
    private string? _database;

    protected override IEventStore Open()
    {
        _database = "entente_analytics_" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = new Npgsql.NpgsqlConnection(Server))
        {
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {_database}";
            cmd.ExecuteNonQuery();
        }

        return EventStore.Open(new Npgsql.NpgsqlConnectionStringBuilder(Server) { Database = _database, Pooling = false }.ConnectionString);
    }

    public override void Dispose()
    {
        base.Dispose();
        using var admin = new Npgsql.NpgsqlConnection(Server);
        admin.Open();
        using var cmd = admin.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }
}
#endif
