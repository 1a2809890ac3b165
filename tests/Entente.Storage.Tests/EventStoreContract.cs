using Entente.Coding.Events;
using static Entente.Storage.Tests.TestData;

namespace Entente.Storage.Tests;

/// <summary>
/// The behaviour every store must have, run against a real database by each subclass (a DuckDB file in a temporary
/// directory; a PostgreSQL schema when ENTENTE_TEST_POSTGRES is set at build time).
/// </summary>
public abstract class EventStoreContract : IDisposable
{
    private readonly List<IEventStore> _open = [];

    /// <summary>Opens the test's database: the same database on every call within one test.</summary>
    protected abstract IEventStore OpenCore(MergeOptions merge);

    protected IEventStore Open(MergeOptions? merge = null)
    {
        var store = OpenCore(merge ?? MergeOptions.Default);
        _open.Add(store);
        return store;
    }

    public virtual void Dispose()
    {
        foreach (var s in _open)
        {
            s.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public void A_new_store_has_the_current_schema_and_no_rows()
    {
        var store = Open();
        Assert.Equal(3, store.SchemaVersion);
        Assert.Equal(new StoreCounts(0, 0, 0, 0), store.Counts());
    }

    [Fact]
    public void Reports_of_one_happening_from_several_outlets_merge_into_one_event()
    {
        // Given three outlets reporting the same meeting, one dated by its publication only
        var store = Open();
        store.Store(Doc("a", "h1", "reuters", new DateOnly(2022, 9, 15)), [Report("a", "RUS", "PAK", "040", Day(2022, 9, 14))]);
        store.Store(Doc("b", "h2", "tass", new DateOnly(2022, 9, 15)), [Report("b", "RUS", "PAK", "040", Day(2022, 9, 14))]);
        store.Store(Doc("c", "h3", "dawn", new DateOnly(2022, 9, 16)), [Report("c", "RUS", "PAK", "040", EventDate.OfPublication(new DateOnly(2022, 9, 16)))]);

        // Then one event keeps the three reports, documents and sources
        var e = Assert.Single(store.Events(EventQuery.All));
        Assert.Equal((3, 3, 3), (e.Reports, e.Documents, e.Sources));
        Assert.Equal("2022-09-14", e.Date);
        Assert.Equal("day", e.DatePrecision);
        Assert.Equal(new DateOnly(2022, 9, 15), e.FirstSeen);
        Assert.Equal(new DateOnly(2022, 9, 16), e.LastSeen);
        Assert.Equal(3, store.Reports(e.Id).Count);
    }

    [Fact]
    public void A_different_day_a_different_code_or_a_different_modality_makes_a_new_event()
    {
        var store = Open();
        store.Store(Doc("a", "h1", "x"), [Report("a", "RUS", "PAK", "040", Day(2022, 9, 14))]);
        store.Store(Doc("b", "h2", "y"), [Report("b", "RUS", "PAK", "040", Day(2022, 9, 15))]);
        store.Store(Doc("c", "h3", "y"), [Report("c", "RUS", "PAK", "057", Day(2022, 9, 14))]);
        store.Store(Doc("d", "h4", "y"), [Report("d", "RUS", "PAK", "040", Day(2022, 9, 14), Modality.Negated)]);
        store.Store(Doc("e", "h5", "y"), [Report("e", "PAK", "RUS", "040", Day(2022, 9, 14))]);
        Assert.Equal(5, store.Events(EventQuery.All).Count());
        Assert.All(store.Events(EventQuery.All), e => Assert.Equal(1, e.Reports));
    }

    [Fact]
    public void The_same_source_twice_counts_once_among_sources()
    {
        var store = Open();
        store.Store(Doc("a", "h1", "tass"), [Report("a", "RUS", "PAK", "040", Day(2022, 9, 14)), Report("a", "RUS", "PAK", "040", Day(2022, 9, 14), sentence: 3)]);
        store.Store(Doc("b", "h2", "tass"), [Report("b", "RUS", "PAK", "040", Day(2022, 9, 14))]);
        var e = Assert.Single(store.Events(EventQuery.All));
        Assert.Equal((3, 2, 1), (e.Reports, e.Documents, e.Sources));
    }

    [Fact]
    public void Storing_the_same_document_again_changes_nothing()
    {
        var store = Open();
        var reports = new[] { Report("a", "RUS", "PAK", "040", Day(2022, 9, 14)), Report("a", "USA", "PAK", "1121", Day(2018, 1, 2)) };
        Assert.Equal(StoreOutcome.Added, store.Store(Doc("a", "h1"), reports));
        var before = store.Events(EventQuery.All).ToList();
        Assert.Equal(StoreOutcome.Unchanged, store.Store(Doc("a", "h1"), reports));
        Assert.Equal(before, store.Events(EventQuery.All).ToList());
        Assert.Equal(new StoreCounts(1, 2, 2, 3), store.Counts());
    }

    [Fact]
    public void An_updated_document_replaces_its_own_reports_and_nothing_else()
    {
        // Given two documents sharing one event, and a second event only in "a"
        var store = Open();
        store.Store(Doc("a", "h1", "x"), [Report("a", "RUS", "PAK", "040", Day(2022, 9, 14)), Report("a", "USA", "PAK", "1121", Day(2018, 1, 2))]);
        store.Store(Doc("b", "h2", "y"), [Report("b", "RUS", "PAK", "040", Day(2022, 9, 14))]);
        var other = store.Events(EventQuery.All).Single(e => e.Source.Code == "RUS");

        // When "a" changes and no longer reports either event, but a new one
        Assert.Equal(StoreOutcome.Replaced, store.Store(Doc("a", "h1b", "x"), [Report("a", "CHN", "PAK", "057", Day(2022, 10, 1))]));

        // Then the shared event is recounted, the orphan removed, the new one added, "b" untouched
        var events = store.Events(EventQuery.All).ToList();
        Assert.Equal(2, events.Count);
        var shared = events.Single(e => e.Source.Code == "RUS");
        Assert.Equal(other.Id, shared.Id);
        Assert.Equal((1, 1, 1), (shared.Reports, shared.Documents, shared.Sources));
        Assert.DoesNotContain(events, e => e.Source.Code == "USA");
        Assert.Single(store.ReportsOfDocument("a"));
        Assert.Single(store.ReportsOfDocument("b"));
        Assert.Equal("h1b", store.ContentHashOf("a"));
        Assert.Equal(2, store.Counts().Documents);
    }

    [Fact]
    public void A_batch_merges_within_itself_and_with_stored_events_in_input_order()
    {
        // Given a stored month-precise event
        var store = Open();
        store.Store(Doc("s", "h0", "old", new DateOnly(2022, 9, 20)), [Report("s", "RUS", "PAK", "040", EventDate.OfMonth(2022, 9))]);

        // When one batch adds two day-precise reports of it, a report of another day, replaces the stored document,
        // adds an undated event reported twice by one document, and repeats a document unchanged
        var outcomes = store.StoreBatch(
        [
            (Doc("a", "h1", "x", new DateOnly(2022, 9, 15)), [Report("a", "RUS", "PAK", "040", Day(2022, 9, 14))]),
            (Doc("b", "h2", "y", new DateOnly(2022, 9, 16)), [Report("b", "RUS", "PAK", "040", Day(2022, 9, 14))]),
            (Doc("c", "h3", "x", new DateOnly(2022, 9, 21)), [Report("c", "RUS", "PAK", "040", Day(2022, 9, 20))]),
            (Doc("s", "h0b", "old", new DateOnly(2022, 9, 20)), []),
            (Doc("d", "h4", "z"), [Report("d", "USA", "CHN", "1121", null), Report("d", "USA", "CHN", "1121", null, sentence: 3)]),
            (Doc("a", "h1", "x", new DateOnly(2022, 9, 15)), [Report("a", "RUS", "PAK", "040", Day(2022, 9, 14))]),
        ]);

        // Then the outcomes follow the input, and each event is as if the documents had been stored one by one: the
        // day report narrowed the month event, so the 20th is another event; the replaced document left it
        Assert.Equal([StoreOutcome.Added, StoreOutcome.Added, StoreOutcome.Added, StoreOutcome.Replaced, StoreOutcome.Added, StoreOutcome.Unchanged], outcomes);
        var events = store.Events(EventQuery.All).ToList();
        Assert.Equal(3, events.Count);
        var meeting = events.Single(e => e.Date == "2022-09-14");
        Assert.Equal(("day", 2, 2, 2), (meeting.DatePrecision, meeting.Reports, meeting.Documents, meeting.Sources));
        Assert.Equal((new DateOnly(2022, 9, 15), new DateOnly(2022, 9, 16)), (meeting.FirstSeen!.Value, meeting.LastSeen!.Value));
        var later = events.Single(e => e.Date == "2022-09-20");
        Assert.Equal((1, 1), (later.Reports, later.Documents));
        Assert.True(later.Id > meeting.Id);
        var undated = events.Single(e => e.Date is null);
        Assert.Equal(("USA", 2, 1, 1), (undated.Source.Code, undated.Reports, undated.Documents, undated.Sources));
        Assert.Equal(new StoreCounts(5, 3, 5, 4), store.Counts());
        Assert.Equal(["a", "b"], store.Reports(meeting.Id).Select(r => r.DocId));
    }

    [Fact]
    public void A_batch_that_fails_part_way_stores_nothing()
    {
        // Given a stored document, and a batch whose second document has a report the database refuses (no sentence)
        var store = Open();
        store.Store(Doc("s", "h0"), [Report("s", "RUS", "PAK", "040", Day(2022, 9, 14))]);
        var before = store.Counts();
        var broken = Report("b", "USA", "CHN", "1121", Day(2022, 9, 14)) with { Sentence = null! };

        // When it is stored, it fails
        Assert.ThrowsAny<Exception>(() => store.StoreBatch(
        [
            (Doc("a", "h1"), [Report("a", "RUS", "PAK", "040", Day(2022, 9, 14))]),
            (Doc("b", "h2"), [broken]),
        ]));

        // Then nothing of the batch is stored, not even its first document, and the store still works
        Assert.Equal(before, store.Counts());
        Assert.Null(store.ContentHashOf("a"));
        Assert.Equal(StoreOutcome.Added, store.Store(Doc("a", "h1"), [Report("a", "RUS", "PAK", "040", Day(2022, 9, 14))]));
        Assert.Equal(2, Assert.Single(store.Events(EventQuery.All)).Reports);
    }

    [Fact]
    public void The_origin_of_an_event_is_its_first_report_and_gives_the_gdelt_source_url_and_root_flag()
    {
        // Given an event first reported in the lead of "a", then deep in "b", and an event only deep in "b"
        var store = Open();
        store.Store(Doc("a", "h1", "x") with { Url = "https://example.org/a" }, [Report("a", "RUS", "PAK", "040", Day(2022, 9, 14), sentence: 0)]);
        store.Store(Doc("b", "h2", "y") with { Url = "https://example.org/b" },
            [Report("b", "RUS", "PAK", "040", Day(2022, 9, 14), sentence: 4), Report("b", "USA", "CHN", "1121", Day(2022, 9, 14), sentence: 5)]);

        // Then
        var origins = store.Origins();
        var events = store.Events(EventQuery.All).ToDictionary(e => e.Source.Code!);
        Assert.Equal(new EventOrigin(events["RUS"].Id, "a", "https://example.org/a", 0), origins[events["RUS"].Id]);
        Assert.Equal(new EventOrigin(events["USA"].Id, "b", "https://example.org/b", 5), origins[events["USA"].Id]);
        var meeting = GdeltFormat.Row(events["RUS"], DateTime.UnixEpoch, origins[events["RUS"].Id]);
        var aid = GdeltFormat.Row(events["USA"], DateTime.UnixEpoch, origins[events["USA"].Id]);
        Assert.Equal(("1", "https://example.org/a"), (meeting[25], meeting[60]));
        Assert.Equal(("0", "https://example.org/b"), (aid[25], aid[60]));
    }

    [Fact]
    public void Data_survive_closing_and_reopening()
    {
        using (var store = OpenCore(MergeOptions.Default))
        {
            store.Store(Doc("a", "h1"), [Report("a", "RUS", "PAK", "040", Day(2022, 9, 14))]);
        }

        var again = Open();
        Assert.Equal("h1", again.ContentHashOf("a"));
        Assert.Single(again.Events(EventQuery.All));
    }

    [Fact]
    public void Filters_select_events_by_actor_pair_code_quad_dates_modality_and_reports()
    {
        var store = Open();
        store.Store(Doc("a", "h1", "x"), [
            Report("a", "RUSGOV", "PAK", "040", Day(2022, 9, 14)),
            Report("a", "USA", "PAK", "1121", Day(2018, 1, 2)),
            Report("a", "GBR", "UKR", "072", EventDate.OfMonth(2022, 9), Modality.Reported),
        ]);
        store.Store(Doc("b", "h2", "y"), [Report("b", "RUSGOV", "PAK", "040", Day(2022, 9, 14))]);

        int Count(EventQuery q) => store.Events(q).Count();
        Assert.Equal(3, Count(EventQuery.All));
        Assert.Equal(1, Count(new EventQuery { Actor = "RUS" }));
        Assert.Equal(2, Count(new EventQuery { Country = "PAK" }));
        Assert.Equal(1, Count(new EventQuery { PairA = "PAK", PairB = "RUS" }));
        Assert.Equal(1, Count(new EventQuery { CodePrefix = "11" }));
        Assert.Equal(1, Count(new EventQuery { CodePrefix = "07" }));
        Assert.Equal(2, Count(new EventQuery { From = new DateOnly(2022, 9, 1) }));
        Assert.Equal(1, Count(new EventQuery { To = new DateOnly(2021, 12, 31) }));
        Assert.Equal(1, Count(new EventQuery { From = new DateOnly(2022, 9, 20), To = new DateOnly(2022, 9, 30) }));
        Assert.Equal(1, Count(new EventQuery { Modality = "reported" }));
        Assert.Equal(1, Count(new EventQuery { MinReports = 2 }));
        Assert.Equal(3, Count(new EventQuery { QuadClass = 1 }));
        Assert.Equal(2, Count(new EventQuery { Limit = 2 }));
        Assert.Equal("2022-09-14", store.Events(new EventQuery { Limit = 1 }).Single().Date);
    }

    [Fact]
    public void Statistics_count_by_year_root_modality_and_pair()
    {
        var store = Open();
        store.Store(Doc("a", "h1"), [
            Report("a", "RUS", "PAK", "040", Day(2022, 9, 14)),
            Report("a", "RUS", "PAK", "057", Day(2022, 9, 15)),
            Report("a", "USA", "PAK", "1121", Day(2018, 1, 2), Modality.Negated),
            Report("a", "USA", "PAK", "1121", null),
        ]);
        var s = store.Statistics(topPairs: 1);
        Assert.Equal([new LabelCount("2018", 1), new LabelCount("2022", 2), new LabelCount("undated", 1)], s.ByYear.ToArray());
        Assert.Equal([new LabelCount("04", 1), new LabelCount("05", 1), new LabelCount("11", 2)], s.ByRoot.ToArray());
        Assert.Equal(new LabelCount("asserted", 3), s.ByModality[0]);
        Assert.Equal(new PairCount("RUS", "PAK", 2), Assert.Single(s.TopPairs));
        var series = store.MonthlySeries("PAK", "RUS");
        Assert.Equal(new MonthPoint("2022-09", 2, 6.0), Assert.Single(series));
    }
}

/// <summary>The contract against a DuckDB file in a temporary directory.</summary>
public sealed class DuckDbEventStoreTests : EventStoreContract
{
    private readonly TempDir _dir = new();

    protected override IEventStore OpenCore(MergeOptions merge) => EventStore.Open(_dir.File("test.duckdb"), merge);

    public override void Dispose()
    {
        base.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void A_database_newer_than_the_code_is_refused()
    {
        using (var store = OpenCore(MergeOptions.Default))
        {
        }

        using (var raw = new DuckDB.NET.Data.DuckDBConnection($"Data Source={_dir.File("test.duckdb")}"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version VALUES (99, now())";
            cmd.ExecuteNonQuery();
        }

        var e = Assert.Throws<InvalidDataException>(() => OpenCore(MergeOptions.Default));
        Assert.Contains("99", e.Message, StringComparison.Ordinal);
    }
}
