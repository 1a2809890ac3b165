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
    /// <summary>Third parties listed with their events under hedging (all count in the index).</summary>
    private const int MaxThirdsListed = 5;

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
        var rows = _store.Aggregate(Query(Grain.All, from, to) with { WeightsOnly = true });
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

        // The pair's aggregate; A's weighted events toward everyone by period (its support of third parties, its cooperation
        // with B); B's weighted relations with everyone over the whole window (its conflicts).
        var pairRows = _store.Aggregate(Query(grain, from, to) with { PairA = a, PairB = b });
        var fromA = _store.Aggregate(Query(grain, from, to) with { Sources = [a], WeightsOnly = true });
        var withB = _store.Aggregate(Query(Grain.All, from, to) with { Involving = [b], WeightsOnly = true });
        var coverage = _store.Coverage([a, b], grain, from, to);
        var (points, total, trend) = SeriesBuilder.Series(a, b, grain, pairRows, coverage, Options);
        var hedges = SeriesBuilder.Hedges(a, b, [.. fromA.Where(r => r.Target != b), .. withB.Where(r => r.Source != a)]);
        var periods = points.Select(p => p.Period).ToList();
        var hedgingSeries = SeriesBuilder.HedgingSeries(a, b, hedges.Select(h => h.Third).ToList(), fromA, periods);
        double support = hedges.Sum(h => h.Support);
        double coopAB = fromA.Where(r => r.Target == b).Sum(r => r.WeightCooperation);
        double? hedgingIndex = hedges.Length == 0 && coopAB == 0 ? null : SeriesBuilder.Index(support, coopAB);

        // The listed events, heaviest first, in one store call: the pair's cooperation and conflict, then for each listed
        // third party A's material support of it and B's conflict with it.
        var thirds = hedges.Take(MaxThirdsListed).ToList();
        var top = _store.TopEvents([
            Top([a + ">" + b, b + ">" + a], [1, 2], false, from, to),
            Top([a + ">" + b, b + ">" + a], [3, 4], false, from, to),
            .. thirds.SelectMany(h => new[]
            {
                Top([a + ">" + h.Third], [], true, from, to) with { Limit = Options.MaxListedPerEdge },
                Top([b + ">" + h.Third, h.Third + ">" + b], [3, 4], false, from, to) with { Limit = Options.MaxListedPerEdge },
            }),
        ]);
        var cooperation = top[0];
        var conflict = top[1];
        var modalities = _store.PairModalities(a, b, from, to);
        var uncounted = modalities.ByModality.Where(p => Options.WeightOf(p.Key) == 0 && p.Value > 0)
            .ToImmutableSortedDictionary(p => p.Key, p => (int)p.Value, StringComparer.Ordinal);
        var hedgeEvents = thirds.Select((h, i) => (h.Third, Relation: "conflict", h.Support, h.Conflict, Score: h.ScoreBThird,
            Events: (List<StoredEvent>)[.. top[2 + (2 * i)], .. top[3 + (2 * i)]])).ToList();

        var all = cooperation.Concat(conflict).Concat(hedgeEvents.SelectMany(h => h.Events)).DistinctBy(e => e.Id).ToList();
        var evidence = _store.Evidence([.. all.Select(e => e.Id)]).GroupBy(r => r.Report.EventId).ToDictionary(g => g.Key, g => g.ToList());
        EvidenceEvent Ev(StoredEvent e) => ToEvidence(e, evidence.GetValueOrDefault(e.Id));

        long listedUndated = from is null && to is null ? modalities.Undated : 0;
        long events = total.Events + listedUndated;
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

    private long Undated(string a, string b) => _store.PairModalities(a, b, null, null).Undated;

    private TopEventsQuery Top(ImmutableArray<string> pairs, ImmutableArray<int> quads, bool material, DateOnly? from, DateOnly? to) => new()
    {
        Pairs = pairs,
        QuadClasses = quads,
        MaterialOnly = material,
        From = from,
        To = to,
        Limit = Options.MaxListed,
        ModalityWeights = Options.ModalityWeights,
        MaterialCodes = Options.MaterialCodes,
    };

    private double Weight(StoredEvent e) => Options.WeightOf(e.Modality) * (1 + Math.Log(Math.Max(e.Sources, 1)));

    private EvidenceEvent ToEvidence(StoredEvent e, List<EvidenceReport>? reports)
    {
        var first = reports?.FirstOrDefault();
        var attribution = reports?.Select(r => r.Report.Attribution).FirstOrDefault(x => x is not null);
        return new EvidenceEvent(
            e.Id, Part(e.Source) + ">" + Part(e.Target), e.Date, e.DatePrecision, e.Source.Code ?? Part(e.Source), e.Target.Code ?? Part(e.Target),
            e.Via is null ? null : e.Via.Code ?? e.Via.Country ?? e.Via.Text, e.Cameo, e.CameoName, e.QuadClass, e.Goldstein, e.Modality, attribution,
            e.Reports, e.Documents, e.Sources, SeriesBuilder.Round(Weight(e)), first?.Report.Sentence, first?.Report.DocId, first?.DocumentTitle, first?.DocumentSource);
    }

    /// <summary>The documents behind the evidence (the 5 with most of it), each with the sentences of all its reports, read in one query.</summary>
    private ImmutableArray<DocumentEvidence> DocumentsOf(IEnumerable<EvidenceReport> reports)
    {
        var docs = reports.GroupBy(r => r.Report.DocId, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5).ToList();
        var sentences = _store.ReportsOfDocuments([.. docs.Select(g => g.Key)]).GroupBy(r => r.DocId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Sentence).Distinct(StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
        return [.. docs.Select(g => new DocumentEvidence(g.Key, g.First().DocumentTitle, g.First().DocumentSource, sentences.GetValueOrDefault(g.Key, [])))];
    }

    internal static string Part(StoredActor actor) => actor.Country ?? actor.Code ?? ("~" + (actor.Text ?? string.Empty).Trim().ToUpperInvariant());

    private static string Norm(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return actor.Trim().ToUpperInvariant();
    }

    private static string? Text(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
