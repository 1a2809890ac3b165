using System.Collections.Immutable;
using Entente.Core;

namespace Entente.Storage;

/// <summary>A document as the store keeps it: its metadata, the hash of its content and how coding went.</summary>
/// <param name="Status"><c>coded</c> when the coder ran, <c>rejected</c> when it refused the text (empty, oversized).</param>
public sealed record StoredDocument(
    string Id,
    string? Source,
    string? Url,
    string? Title,
    DateOnly? Published,
    string ContentHash,
    string? Language,
    string Status,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The actors the document mentions (pair parts: countries, or codes of actors without one), for coverage.</summary>
    public ImmutableArray<string> MentionedActors { get; init; } = [];
}

/// <summary>What storing one document did.</summary>
public enum StoreOutcome
{
    /// <summary>The same id with the same content hash was already stored: nothing changed.</summary>
    Unchanged,

    /// <summary>A new document.</summary>
    Added,

    /// <summary>The same id with a new content hash: its reports were replaced.</summary>
    Replaced,
}

/// <summary>An actor of a stored event: the words of the first report and what they resolved to.</summary>
public sealed record StoredActor(string? Text, string? Code, string? Country, string? Sector);

/// <summary>
/// A canonical event: one happening, merged from every report of it. <see cref="Date"/> is the most precise date its
/// reports give; <see cref="FirstSeen"/> and <see cref="LastSeen"/> the earliest and latest publication dates of them.
/// </summary>
public sealed record StoredEvent(
    long Id,
    StoredActor Source,
    StoredActor Target,
    StoredActor? Via,
    string Cameo,
    string? CameoName,
    string BaseCode,
    string Root,
    int QuadClass,
    double Goldstein,
    string? Plover,
    string? Date,
    string? DatePrecision,
    string Modality,
    DateOnly? FirstSeen,
    DateOnly? LastSeen,
    int Reports,
    int Documents,
    int Sources);

/// <summary>One report of an event: a sentence of a document that codes to it.</summary>
public sealed record StoredReport(
    long Id,
    long EventId,
    string DocId,
    int SentenceIndex,
    string Sentence,
    int EvidenceStart,
    int EvidenceEnd,
    string Modality,
    string? Attribution,
    double Confidence,
    string? Pattern);

/// <summary>How many rows the store holds.</summary>
public sealed record StoreCounts(long Documents, long Events, long Reports, long Actors);

/// <summary>A count under a label (a year, a root code, a modality).</summary>
public sealed record LabelCount(string Label, long Count);

/// <summary>A directed actor pair and how many events it has.</summary>
public sealed record PairCount(string Source, string Target, long Count);

/// <summary>Counts for <c>entente stats</c>.</summary>
public sealed record StoreStatistics(
    StoreCounts Totals,
    ImmutableArray<LabelCount> ByYear,
    ImmutableArray<LabelCount> ByRoot,
    ImmutableArray<LabelCount> ByModality,
    ImmutableArray<PairCount> TopPairs);

/// <summary>One month of a pair's series: events, their Goldstein sum and quad-class counts.</summary>
public sealed record MonthPoint(string Month, long Events, double Goldstein);

/// <summary>
/// Where an event was first reported: the document and sentence of its first report and the document's URL (the GDELT
/// export's SOURCEURL and IsRootEvent).
/// </summary>
public sealed record EventOrigin(long EventId, string DocId, string? Url, int SentenceIndex);
/// <summary>A stored document's metadata, without its diagnostics (the API and the dashboard show these).</summary>
public sealed record DocumentInfo(string Id, string? Source, string? Url, string? Title, DateOnly? Published, string Status, int Reports);
