using System.Collections.Immutable;

namespace Entente.Coding.Events;

/// <summary>How the text presents an event (PRODUCT.md schema v1: the six words, lower case).</summary>
public enum Modality
{
    /// <summary>Stated as fact by the author.</summary>
    Asserted,

    /// <summary>Stated as somebody else's claim ("according to media reports", "X said that …").</summary>
    Reported,

    /// <summary>Planned, promised, decided or offered but not (yet) done ("ready to export", "decided to supply", "will visit").</summary>
    Intended,

    /// <summary>Possible, conditional or speculated ("may send", "it is likely that … would").</summary>
    Hypothetical,

    /// <summary>Said not to have happened ("did not send", "never supplied").</summary>
    Negated,

    /// <summary>The author's judgement rather than an event ("Pakistan had never been honest").</summary>
    Opinion,
}

/// <summary>How precisely <see cref="EventDate"/> is known.</summary>
public enum DatePrecision
{
    Day,

    /// <summary>A week ("last week"); the value is the week's Monday, <c>yyyy-MM-dd</c>.</summary>
    Week,
    Month,
    Year,

    /// <summary>The text gives no date; the publication date stands in.</summary>
    Publication,
}

/// <summary>
/// A date as far as the text gives it: <see cref="Value"/> is <c>yyyy-MM-dd</c>, <c>yyyy-MM</c> or <c>yyyy</c> by
/// <see cref="Precision"/> (day or publication, month, year).
/// </summary>
public sealed record EventDate(string Value, DatePrecision Precision)
{
    public static EventDate OfDay(DateOnly day) => new(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DatePrecision.Day);

    public static EventDate OfWeek(DateOnly monday) => new(monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DatePrecision.Week);

    public static EventDate OfMonth(int year, int month) => new($"{year:D4}-{month:D2}", DatePrecision.Month);

    public static EventDate OfYear(int year) => new($"{year:D4}", DatePrecision.Year);

    public static EventDate OfPublication(DateOnly day) => new(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DatePrecision.Publication);
}

/// <summary>An actor in an event: the words of the text and what they resolved to.</summary>
/// <param name="Code">CAMEO actor code (country + sector such as PAKBUS, or an IGO code such as IGOUNO).</param>
/// <param name="Country">ISO 3166-1 alpha-3, or null for organisations and non-state groups.</param>
/// <param name="Sector">CAMEO agent code such as GOV, MIL, BUS; null when the actor is the state itself.</param>
public sealed record EventActor(string Text, string? Code, string? Country, string? Sector, int Start, int End);

/// <summary>[Start, End) character offsets into the document.</summary>
public sealed record Span(int Start, int End);

/// <summary>
/// One coded event with its evidence (PRODUCT.md, "One event", schema v1).
/// </summary>
public sealed record CodedEvent(
    string DocId,
    int SentenceIndex,
    string Sentence,
    Span Evidence,
    EventActor Source,
    EventActor Target,
    EventActor? Via,
    string Cameo,
    string CameoName,
    string Root,
    int QuadClass,
    double Goldstein,
    string? Plover,
    EventDate? Date,
    Modality Modality,
    string? Attribution,
    double Confidence)
{
    /// <summary>The identifier of the dictionary entry that coded the event (for debugging and evaluation).</summary>
    public string? PatternId { get; init; }
}

/// <summary>The events of one document, in text order, with any diagnostics about it.</summary>
public sealed record CodedDocument(string DocId, ImmutableArray<CodedEvent> Events, ImmutableArray<Entente.Core.Diagnostic> Diagnostics);
