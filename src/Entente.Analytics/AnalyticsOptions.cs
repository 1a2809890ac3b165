using System.Collections.Immutable;

namespace Entente.Analytics;

/// <summary>
/// The weights and thresholds of the analytics, as data (docs/analytics.md). An event weighs its modality weight times
/// <c>1 + ln(sources)</c>, where sources is the number of independent sources that report it.
/// </summary>
public sealed record AnalyticsOptions
{
    /// <summary>
    /// Asserted and reported events count fully, intended ones half (a promise is not a delivery), hypothetical and negated
    /// ones not at all. Opinion (the author's judgement, not an event) does not count either: it is listed and named in
    /// the caveats, never added to the score.
    /// </summary>
    public ImmutableDictionary<string, double> ModalityWeights { get; init; } = new Dictionary<string, double>
    {
        ["asserted"] = 1.0,
        ["reported"] = 1.0,
        ["intended"] = 0.5,
        ["hypothetical"] = 0.0,
        ["negated"] = 0.0,
        ["opinion"] = 0.0,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// CAMEO code prefixes that count as material support of the target: material cooperation (06), aid (07), and the
    /// stated intents to do either (031, 033), which weigh by their modality (intended: half).
    /// </summary>
    public ImmutableArray<string> MaterialCodes { get; init; } = ["06", "07", "031", "033"];

    /// <summary>A trend (and a stable verdict) needs at least this many periods with weighted evidence.</summary>
    public int MinTrendPeriods { get; init; } = 4;

    /// <summary>Bootstrap resamples for the slope's interval (fixed seed: the same data give the same interval).</summary>
    public int BootstrapSamples { get; init; } = 400;

    public int BootstrapSeed { get; init; } = 20_230_301;

    /// <summary>Fewer documents than this mentioning either actor in the period is thin coverage.</summary>
    public int ThinCoverageDocuments { get; init; } = 20;

    /// <summary>A hedging index at or above this makes the verdict mixed when the trend does not decide it.</summary>
    public double MixedHedgingIndex { get; init; } = 0.25;

    /// <summary>The most events listed per list of the pair (cooperation, conflict).</summary>
    public int MaxListed { get; init; } = 25;

    /// <summary>The most events listed per edge of a hedging triad (A's support of C, B's conflict with C).</summary>
    public int MaxListedPerEdge { get; init; } = 10;

    public static AnalyticsOptions Default { get; } = new();

    public double WeightOf(string modality) => ModalityWeights.GetValueOrDefault(modality);
}
