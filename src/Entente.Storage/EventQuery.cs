namespace Entente.Storage;

/// <summary>
/// Filters for stored events; null means no filter. Actor values match a CAMEO actor code by prefix (<c>PAK</c> matches
/// <c>PAKGOV</c>) or an ISO country code exactly; a pair matches either direction, and a pair of two three-letter values
/// matches the actors' countries (or the whole code of an actor without a country) through the indexed pair column. <see cref="From"/> and
/// <see cref="To"/> keep the events whose date range meets [From, To]. <see cref="Limit"/> 0 means all.
/// </summary>
public sealed record EventQuery
{
    public string? Actor { get; init; }

    public string? Country { get; init; }

    public string? PairA { get; init; }

    public string? PairB { get; init; }

    /// <summary>A CAMEO code or root prefix: <c>07</c> matches 070–075 and their children.</summary>
    public string? CodePrefix { get; init; }

    public int? QuadClass { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>One of the six modality words (asserted, reported, intended, hypothetical, negated, opinion).</summary>
    public string? Modality { get; init; }

    public int? MinReports { get; init; }

    public int Limit { get; init; }

    public int Offset { get; init; }

    /// <summary>Every event.</summary>
    public static EventQuery All { get; } = new();
}
