using System.Collections.Immutable;
using System.Globalization;
using Entente.Storage;

namespace Entente.Analytics;

/// <summary>
/// Relations analytics over a store: a pair's series (<see cref="Dyad"/>), the signed network (<see cref="Network"/>) and
/// the assessment of a pair (<see cref="Assess"/>). Actors are pair parts: ISO alpha-3 countries (<c>PAK</c>), or the
/// codes of actors without a country (<c>IGOUNO</c>). The heavy aggregation runs in the store's SQL; the rest are the pure
/// stages of <see cref="SeriesBuilder"/>, <see cref="Trends"/> and <see cref="Caveats"/>.
/// </summary>
public sealed class RelationsAnalytics
{
    private readonly IEventStore _store;

    public RelationsAnalytics(IEventStore store, AnalyticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        Options = options ?? AnalyticsOptions.Default;
    }

    public AnalyticsOptions Options { get; }

    /// <summary>The series of the pair (a, b), both directions, by month, quarter or year, with its trend.</summary>
    public DyadSeries Dyad(string a, string b, Grain grain = Grain.Month, DateOnly? from = null, DateOnly? to = null)
    {
        (a, b) = (Norm(a), Norm(b));
        if (grain == Grain.All)
        {
            throw new ArgumentException("a series needs a grain: month, quarter or year", nameof(grain));
        }

        var rows = _store.Aggregate(Query(grain, from, to) with { PairA = a, PairB = b });
        var coverage = _store.Coverage([a, b], grain, from, to);
        var (points, total, trend) = SeriesBuilder.Series(a, b, grain, rows, coverage, Options);
        long undated = from is null && to is null ? Undated(a, b) : 0;
        return new DyadSeries([a, b], grain.ToString().ToLowerInvariant(), Text(from), Text(to), points, total, undated, trend);
    }

    /// <summary>Every pair's net score as a signed, weighted graph over the period, with its unbalanced triads.</summary>
    public SignedNetwork Network(DateOnly? from = null, DateOnly? to = null, int maxTriads = 50)
    {
        var rows = _store.Aggregate(Query(Grain.All, from, to));
        var edges = SeriesBuilder.Edges(rows);
        var (triads, unbalanced, listed) = SeriesBuilder.Balance(edges, maxTriads);
        var nodes = edges.SelectMany(e => new[] { e.A, e.B }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        return new SignedNetwork(Text(from), Text(to), nodes, edges, triads, unbalanced, listed);
    }

    /// <summary>
    /// The assessment of A toward B: the net score and its trend (both directions), the cooperation and conflict events,
    /// the third parties A supports while they are in conflict with B, A's hedging index over time, and the caveats.
    /// </summary>
    public Assessment Assess(string a, string b, DateOnly? from = null, DateOnly? to = null, Grain grain = Grain.Quarter)
    {
        (a, b) = (Norm(a), Norm(b));
        if (grain == Grain.All)
        {
            grain = Grain.Quarter;
        }

        // One aggregate over every event that involves A or B: the pair, A's support of third parties, B's conflicts.
        var rows = _store.Aggregate(Query(grain, from, to) with { Involving = [a, b] });
        var coverage = _store.Coverage([a, b], grain, from, to);
        var (points, total, trend) = SeriesBuilder.Series(a, b, grain, rows, coverage, Options);
        var hedges = SeriesBuilder.Hedges(a, b, rows);
        var periods = points.Select(p => p.Period).ToList();
        var hedgingSeries = SeriesBuilder.HedgingSeries(a, b, hedges.Select(h => h.Third).ToList(), rows, periods);
        double support = hedges.Sum(h => h.Support);
        double coopAB = rows.Where(r => r.Source == a && r.Target == b).Sum(r => r.WeightCooperation);
        double? hedgingIndex = hedges.Length == 0 && coopAB == 0 ? null : SeriesBuilder.Index(support, coopAB);

        var pairEvents = Listed(a, b, from, to);
        bool undatedToo = from is null && to is null;
        // Events that weigh nothing (hypothetical, negated, opinion) are not evidence for either side: counted in the caveats.
        var cooperation = Top(pairEvents.Where(e => e.QuadClass is 1 or 2 && Weight(e) > 0));
        var conflict = Top(pairEvents.Where(e => e.QuadClass is 3 or 4 && Weight(e) > 0));
        var uncounted = pairEvents.Where(e => Weight(e) == 0).GroupBy(e => e.Modality, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var hedgeEvents = new List<(string Third, string Relation, double Support, double Conflict, double Score, List<StoredEvent> Events)>();
        foreach (var h in hedges.Take(10))
        {
            var ac = Listed(a, h.Third, from, to).Where(e => Part(e.Source) == a && IsMaterial(e.Cameo) && Weight(e) > 0);
            var bc = Listed(b, h.Third, from, to).Where(e => e.QuadClass is 3 or 4 && Weight(e) > 0);
            hedgeEvents.Add((h.Third, "conflict", h.Support, h.Conflict, h.ScoreBThird, [.. Top(ac), .. Top(bc)]));
        }

        var all = cooperation.Concat(conflict).Concat(hedgeEvents.SelectMany(h => h.Events)).DistinctBy(e => e.Id).ToList();
        var evidence = _store.Evidence([.. all.Select(e => e.Id)]).GroupBy(r => r.Report.EventId).ToDictionary(g => g.Key, g => g.ToList());
        EvidenceEvent Ev(StoredEvent e) => ToEvidence(e, evidence.GetValueOrDefault(e.Id));

        long listedUndated = pairEvents.Count(e => e.Date is null || e.DatePrecision is null);
        long events = total.Events + (undatedToo ? listedUndated : 0);
        var documents = DocumentsOf(evidence.Values.SelectMany(v => v));
        var caveats = Caveats.Of(new CaveatFacts(
            a, b, events, total.Coverage, trend, Options,
            [.. all.Select(Ev)],
            documents,
            listedUndated,
            uncounted));
        string verdict = Verdict(events, total, trend, hedgingIndex);
        var assessment = new Assessment(
            [a, b], verdict, total.Score is { } s ? SeriesBuilder.Round(s) : null, trend,
            [.. cooperation.Select(Ev)], [.. conflict.Select(Ev)],
            [.. hedgeEvents.Select(h => new HedgingEntry(h.Third, h.Relation, h.Support, h.Conflict, h.Score, [.. h.Events.Select(Ev)]))],
            caveats, Text(from), Text(to), events, total.Coverage, hedgingIndex, hedgingSeries, points, string.Empty);
        return assessment with { Summary = Briefs.Summary(assessment) };
    }

    private string Verdict(long events, PeriodPoint total, Trend trend, double? hedgingIndex)
    {
        if (events == 0 || (total.Cooperation + total.Conflict == 0 && hedgingIndex is null))
        {
            return "insufficient evidence";
        }

        if (trend.Direction == "up")
        {
            return "improving";
        }

        if (trend.Direction == "down")
        {
            return "deteriorating";
        }

        bool both = Math.Min(total.Cooperation, total.Conflict) >= 0.25 * Math.Max(total.Cooperation, total.Conflict) && total.Conflict > 0;
        if (hedgingIndex >= Options.MixedHedgingIndex || both)
        {
            return "mixed";
        }

        return trend.Direction == "flat" ? "stable" : "insufficient evidence";
    }

    private AggregateQuery Query(Grain grain, DateOnly? from, DateOnly? to) => new()
    {
        Grain = grain,
        From = from,
        To = to,
        ModalityWeights = Options.ModalityWeights,
        MaterialCodes = Options.MaterialCodes,
    };

    /// <summary>The stored events of a pair whose start date lies in the window (undated ones too when there is no window).</summary>
    private List<StoredEvent> Listed(string a, string b, DateOnly? from, DateOnly? to) =>
        [.. _store.Events(new EventQuery { PairA = a, PairB = b, From = from, To = to })
            .Where(e => (Part(e.Source) == a && Part(e.Target) == b) || (Part(e.Source) == b && Part(e.Target) == a))
            .Where(e => Start(e) is { } d ? (from is null || d >= from) && (to is null || d <= to) : from is null && to is null)];

    private long Undated(string a, string b) => Listed(a, b, null, null).Count(e => Start(e) is null);

    private List<StoredEvent> Top(IEnumerable<StoredEvent> events) =>
        [.. events.OrderByDescending(Weight).ThenByDescending(e => Start(e) ?? DateOnly.MinValue).ThenBy(e => e.Id).Take(Options.MaxListed)];

    private double Weight(StoredEvent e) => Options.WeightOf(e.Modality) * (1 + Math.Log(Math.Max(e.Sources, 1)));

    private bool IsMaterial(string cameo) => Options.MaterialCodes.Any(c => cameo.StartsWith(c, StringComparison.Ordinal));

    private EvidenceEvent ToEvidence(StoredEvent e, List<EvidenceReport>? reports)
    {
        var first = reports?.FirstOrDefault();
        var attribution = reports?.Select(r => r.Report.Attribution).FirstOrDefault(x => x is not null);
        return new EvidenceEvent(
            e.Id, Part(e.Source) + ">" + Part(e.Target), e.Date, e.DatePrecision, e.Source.Code ?? Part(e.Source), e.Target.Code ?? Part(e.Target),
            e.Via is null ? null : e.Via.Code ?? e.Via.Country ?? e.Via.Text, e.Cameo, e.CameoName, e.QuadClass, e.Goldstein, e.Modality, attribution,
            e.Reports, e.Documents, e.Sources, SeriesBuilder.Round(Weight(e)), first?.Report.Sentence, first?.Report.DocId, first?.DocumentTitle, first?.DocumentSource);
    }

    private ImmutableArray<DocumentEvidence> DocumentsOf(IEnumerable<EvidenceReport> reports) =>
        [.. reports.GroupBy(r => r.Report.DocId, StringComparer.Ordinal).Take(20).Select(g =>
        {
            var first = g.First();
            var sentences = _store.ReportsOfDocument(g.Key).Select(r => r.Sentence).Distinct(StringComparer.Ordinal).ToImmutableArray();
            return new DocumentEvidence(g.Key, first.DocumentTitle, first.DocumentSource, sentences);
        })];

    internal static string Part(StoredActor actor) => actor.Country ?? actor.Code ?? ("~" + (actor.Text ?? string.Empty).Trim().ToUpperInvariant());

    internal static DateOnly? Start(StoredEvent e) => MergePolicy.Range(e.Date, e.DatePrecision, MergeOptions.Default)?.Start;

    private static string Norm(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return actor.Trim().ToUpperInvariant();
    }

    private static string? Text(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
