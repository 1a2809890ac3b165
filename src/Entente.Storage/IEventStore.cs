using Entente.Coding.Events;

namespace Entente.Storage;

/// <summary>
/// Documents, the events merged from their reports, and the link between each event and every report of it. One
/// writer at a time; <see cref="Store"/> is atomic: a document and all its reports are stored together or not at all.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary><c>duckdb</c> or <c>postgres</c>.</summary>
    string Kind { get; }

    /// <summary>The schema version of the open database.</summary>
    int SchemaVersion { get; }

    /// <summary>The content hash stored for a document id, or null when the id is not stored.</summary>
    string? ContentHashOf(string documentId);

    /// <summary>Every stored document id with its content hash (an ingest reads them once instead of asking per document).</summary>
    IReadOnlyDictionary<string, string> ContentHashes();

    /// <summary>
    /// Lets other processes open the database until the next call that needs it. DuckDB admits one writing process and
    /// no reader beside it: the file is closed (readers in other processes can open it), and the next call reopens it,
    /// waiting while readers hold it. A DuckDB store does this by itself after a batch when a reader is waiting
    /// (docs/schema.md). PostgreSQL does nothing.
    /// </summary>
    void Release();

    /// <summary>
    /// Rebuilds the summary tables analytics read (events by pair and month, documents by actor and month) from the stored
    /// rows. Writes through this interface keep them current; this is for rows written around it (a bulk load in SQL).
    /// </summary>
    void RebuildSummaries();

    /// <summary>
    /// Stores a document with its coded reports in one transaction. The same id with the same content hash changes
    /// nothing; a new hash replaces the document's reports, recounting the events they belonged to and removing those
    /// left without reports. Each report merges into an existing event (see <see cref="MergePolicy"/>) or starts one.
    /// </summary>
    StoreOutcome Store(StoredDocument document, IReadOnlyList<CodedEvent> reports);

    /// <summary>
    /// Stores documents in order, as <see cref="Store"/> does each, all in one transaction: a commit costs a write to
    /// disk, so a batch is much faster than a document at a time, and as safe (all or none of the batch is stored).
    /// </summary>
    IReadOnlyList<StoreOutcome> StoreBatch(IReadOnlyList<(StoredDocument Document, IReadOnlyList<CodedEvent> Reports)> batch);

    /// <summary>Events matching the query, most recent first (undated last), then by id. Lazy: enumerate once.</summary>
    IEnumerable<StoredEvent> Events(EventQuery query);

    /// <summary>The reports of an event, in the order they were stored.</summary>
    IReadOnlyList<StoredReport> Reports(long eventId);

    /// <summary>The reports of a document, in text order.</summary>
    IReadOnlyList<StoredReport> ReportsOfDocument(string documentId);

    /// <summary>The first report of every event (by report id): its document, the document's URL and the sentence.</summary>
    IReadOnlyDictionary<long, EventOrigin> Origins();

    StoreCounts Counts();

    StoreStatistics Statistics(int topPairs);

    /// <summary>Events per month between two actors (country or code prefix), either direction, with their Goldstein sum.</summary>
    IReadOnlyList<MonthPoint> MonthlySeries(string a, string b);

    /// <summary>A stored document's metadata, or null when the id is not stored.</summary>
    DocumentInfo? Document(string documentId);

    /// <summary>Every distinct actor code and country of the stored events, sorted (for "did you mean" messages).</summary>
    IReadOnlyList<string> ActorCodes();

    /// <summary>The events with these ids (read by primary key), in no particular order; ids not stored are left out.</summary>
    IReadOnlyList<StoredEvent> EventsByIds(IReadOnlyCollection<long> ids);

    /// <summary>
    /// Relations analytics: the stored events grouped by period and directed pair, with raw counts and weighted sums
    /// (see <see cref="AggregateQuery"/>). Undated events are left out.
    /// </summary>
    IReadOnlyList<PairAggregate> Aggregate(AggregateQuery query);

    /// <summary>
    /// Documents that mention any of <paramref name="actors"/> (pair parts: countries, or codes of actors without one),
    /// by publication date in [<paramref name="from"/>, <paramref name="to"/>], per period: the coverage analytics normalise by.
    /// Documents without a publication date are not counted.
    /// </summary>
    IReadOnlyList<CoveragePoint> Coverage(IReadOnlyList<string> actors, Grain grain, DateOnly? from, DateOnly? to);

    /// <summary>The top events of each selection (see <see cref="TopEventsQuery"/>), read in one statement through the pair index.</summary>
    IReadOnlyList<IReadOnlyList<StoredEvent>> TopEvents(IReadOnlyList<TopEventsQuery> queries);

    /// <summary>
    /// The events of the pair (both directions) by modality, whose start date lies in the window; with no window, undated
    /// ones too, counted apart as well.
    /// </summary>
    PairModalityCounts PairModalities(string a, string b, DateOnly? from, DateOnly? to);

    /// <summary>The reports of the given events, with their documents, in the order they were stored.</summary>
    IReadOnlyList<EvidenceReport> Evidence(IReadOnlyList<long> eventIds);

    /// <summary>The reports of the given documents, in one query, by document then text order.</summary>
    IReadOnlyList<StoredReport> ReportsOfDocuments(IReadOnlyList<string> documentIds);
}
