using System.Collections.Immutable;

namespace Entente.Analytics;

/// <summary>One direction of a pair in one period: raw counts per quad class, Goldstein, and weighted cooperation and conflict.</summary>
public sealed record DirectionStats(
    long Events,
    long VerbalCooperation,
    long MaterialCooperation,
    long VerbalConflict,
    long MaterialConflict,
    double GoldsteinSum,
    double? GoldsteinMean,
    double Cooperation,
    double Conflict)
{
    public static DirectionStats Empty { get; } = new(0, 0, 0, 0, 0, 0, null, 0, 0);
}

/// <summary>
/// One period of a pair's series: both directions, the weighted totals, the net score
/// <c>(cooperation - conflict) / (cooperation + conflict)</c> in [-1, 1] (null without weighted evidence), the coverage
/// (documents mentioning either actor) and the weighted volume and net per 100 such documents (null without coverage).
/// </summary>
public sealed record PeriodPoint(
    string Period,
    DirectionStats AToB,
    DirectionStats BToA,
    long Events,
    double GoldsteinSum,
    double? GoldsteinMean,
    double Cooperation,
    double Conflict,
    double? Score,
    long Coverage,
    double? VolumePer100Documents,
    double? NetPer100Documents);

/// <summary>A shift in the level of a series: the mean before and after the first period of the new level.</summary>
public sealed record ChangePoint(string Period, double Before, double After);

/// <summary>
/// A robust trend of the net score: the Theil–Sen slope (score change per period) with a bootstrap 95 % interval, and
/// change points. <see cref="Direction"/> is <c>up</c>, <c>down</c>, <c>flat</c> (the interval contains 0) or
/// <c>unknown</c> (fewer than the minimum periods).
/// </summary>
public sealed record Trend(
    string Measure,
    string By,
    int Periods,
    double? Slope,
    double? SlopeLow,
    double? SlopeHigh,
    string Direction,
    ImmutableArray<ChangePoint> ChangePoints);

/// <summary>A pair's series (<c>entente dyad</c>), both directions, with the totals over the whole range and the trend.</summary>
public sealed record DyadSeries(
    ImmutableArray<string> Pair,
    string By,
    string? From,
    string? To,
    ImmutableArray<PeriodPoint> Points,
    PeriodPoint Total,
    long Undated,
    Trend Trend);

/// <summary>
/// An undirected edge of the signed network: weighted cooperation and conflict both ways, the net score in [-1, 1]
/// (its sign is the edge's sign), material support each way, and the raw event count.
/// </summary>
public sealed record NetworkEdge(
    string A,
    string B,
    double Score,
    int Sign,
    double Weight,
    double Cooperation,
    double Conflict,
    double MaterialAToB,
    double MaterialBToA,
    long Events);

/// <summary>A triad whose edge signs multiply to negative: structurally unbalanced (e.g. two friends of a common enemy at odds).</summary>
public sealed record Triad(string A, string B, string C, int SignAB, int SignBC, int SignAC, double Weight);

/// <summary>The signed, weighted network of every pair (<c>entente network</c>) with its unbalanced triads.</summary>
public sealed record SignedNetwork(
    string? From,
    string? To,
    ImmutableArray<string> Nodes,
    ImmutableArray<NetworkEdge> Edges,
    long Triads,
    long UnbalancedTriads,
    ImmutableArray<Triad> Unbalanced);

/// <summary>
/// A stored event as evidence: who, what, when, how sure, how many reports, and the sentence of its first report with
/// the document it comes from. <see cref="Edge"/> is the directed pair (<c>PAK>UKR</c>).
/// </summary>
public sealed record EvidenceEvent(
    long Id,
    string Edge,
    string? Date,
    string? DatePrecision,
    string Source,
    string Target,
    string? Via,
    string Code,
    string? Name,
    int QuadClass,
    double Goldstein,
    string Modality,
    string? Attribution,
    int Reports,
    int Documents,
    int Sources,
    double Weight,
    string? Sentence,
    string? DocId,
    string? DocTitle,
    string? DocSource);

/// <summary>
/// A third party C of the pair (A, B) that A materially supports while B and C are in conflict: the friend-of-my-enemy
/// pattern. <see cref="Support"/> is A's weighted material support of C, <see cref="Conflict"/> the weighted conflict
/// between B and C (both ways); the events are those of both edges.
/// </summary>
public sealed record HedgingEntry(
    string Third,
    string RelationBThird,
    double Support,
    double Conflict,
    double ScoreBThird,
    ImmutableArray<EvidenceEvent> Events);

/// <summary>
/// The hedging index of A toward B in one period: A's material support of B's adversaries against A's cooperation with
/// B, <c>support / (support + cooperation)</c> in [0, 1]; null when both are 0.
/// </summary>
public sealed record HedgingPoint(string Period, double Support, double Cooperation, double? Index);

/// <summary>
/// The answer for a pair (<c>entente assess</c>): a verdict, the net score and its trend, the evidence, the hedging, and the
/// caveats an analyst would add. Verdicts: improving, stable, deteriorating, mixed, insufficient evidence.
/// </summary>
public sealed record Assessment(
    ImmutableArray<string> Pair,
    string Verdict,
    double? Score,
    Trend Trend,
    ImmutableArray<EvidenceEvent> Cooperation,
    ImmutableArray<EvidenceEvent> Conflict,
    ImmutableArray<HedgingEntry> Hedging,
    ImmutableArray<string> Caveats,
    string? From,
    string? To,
    long Events,
    long Coverage,
    double? HedgingIndex,
    ImmutableArray<HedgingPoint> HedgingSeries,
    ImmutableArray<PeriodPoint> Series,
    string Summary);
