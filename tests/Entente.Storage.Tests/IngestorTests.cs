using Entente.Coding.Events;
using Entente.Core.Documents;
using Xunit.Abstractions;

namespace Entente.Storage.Tests;

/// <summary>The ingestor with the real coder over the merge corpus, into a DuckDB file.</summary>
public sealed class IngestorTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ITestOutputHelper _output;

    public IngestorTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _dir.Dispose();

    private IEventStore Open(string name = "ingest.duckdb", MergeOptions? merge = null) => EventStore.Open(_dir.File(name), merge);

    [Fact]
    public void Merge_precision_and_recall_on_the_merge_corpus()
    {
        // Given the corpus ingested with actors compared by country (the default) and by full CAMEO code
        using var byCountry = Open("country.duckdb");
        new Ingestor(byCountry, EventCoder.Default).Ingest(MergeCorpus.Documents());
        using var byCode = Open("code.duckdb", new MergeOptions(Actors: ActorKey.Code));
        new Ingestor(byCode, EventCoder.Default).Ingest(MergeCorpus.Documents());

        // Then
        var country = MergeCorpus.Score(byCountry);
        var code = MergeCorpus.Score(byCode);
        _output.WriteLine($"actors by country: {country}");
        _output.WriteLine($"actors by code:    {code}");
        Assert.True(country.Reports >= 20, $"the coder found only {country.Reports} gold reports");
        Assert.Equal(1.0, country.Precision);
        Assert.Equal(1.0, country.Recall);
        Assert.Equal(1.0, code.Precision);
        Assert.True(code.Recall < country.Recall);
    }

    [Fact]
    public void The_denial_and_the_assertion_stay_apart_and_the_wire_story_is_one_event()
    {
        using var store = Open();
        new Ingestor(store, EventCoder.Default).Ingest(MergeCorpus.Documents());
        var sends = store.Events(new EventQuery { PairA = "PAK", PairB = "UKR" }).ToList();
        Assert.Equal(["asserted", "negated"], sends.Select(e => e.Modality).Order(StringComparer.Ordinal));
        Assert.All(sends, e => Assert.Equal(2, e.Reports));
        var visit = Assert.Single(store.Events(new EventQuery { CodePrefix = "042" }));
        Assert.Equal((4, 4, 4), (visit.Reports, visit.Documents, visit.Sources));
        Assert.Equal("2021-04-07", visit.Date);
    }

    [Fact]
    public void Ingesting_again_changes_nothing_and_codes_nothing()
    {
        using var store = Open();
        var ingestor = new Ingestor(store, EventCoder.Default);
        var first = ingestor.Ingest(MergeCorpus.Documents());
        var events = store.Events(EventQuery.All).ToList();

        var second = ingestor.Ingest(MergeCorpus.Documents());

        Assert.Equal(first.Documents, second.Unchanged);
        Assert.Equal(0, second.Added + second.Replaced);
        Assert.Equal(first.Totals, second.Totals);
        Assert.Equal(events, store.Events(EventQuery.All).ToList());
    }

    [Fact]
    public void An_updated_document_moves_its_report_and_nothing_else()
    {
        // Given the corpus, where one outlet first denies the transfer
        using var store = Open();
        var ingestor = new Ingestor(store, EventCoder.Default);
        var docs = MergeCorpus.Documents();
        var before = ingestor.Ingest(docs).Totals;

        // When that outlet updates its story to assert it
        var updated = docs.Single(d => d.Id == "fo-denial") with { Text = "Pakistan sent weapons to Ukraine on February 6, 2023." };
        var summary = ingestor.Ingest([updated]);

        // Then its report left the denial for the assertion; the totals are otherwise the same
        Assert.Equal(1, summary.Replaced);
        Assert.Equal(before, summary.Totals);
        var sends = store.Events(new EventQuery { PairA = "PAK", PairB = "UKR" }).ToDictionary(e => e.Modality, e => e.Reports);
        Assert.Equal(3, sends["asserted"]);
        Assert.Equal(1, sends["negated"]);
    }

    [Fact]
    public void A_document_the_coder_refuses_is_stored_as_rejected_once()
    {
        using var store = Open();
        var ingestor = new Ingestor(store, EventCoder.Default);
        var summary = ingestor.Ingest([new Document("empty", "   ")]);
        Assert.Equal(1, summary.Rejected);
        Assert.NotNull(store.ContentHashOf("empty"));
        Assert.Equal(1, ingestor.Ingest([new Document("empty", "   ")]).Unchanged);
    }
}
