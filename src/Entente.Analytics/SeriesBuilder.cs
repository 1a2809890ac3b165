using System.Collections.Immutable;
using System.Globalization;
using Entente.Storage;

namespace Entente.Analytics;

/// <summary>Pure stages from store aggregates to a pair's series, its trend and the network (no I/O).</summary>
public static class SeriesBuilder
{
    /// <summary>One direction's stats from the aggregates of that directed pair (any number of rows, summed).</summary>
    public static DirectionStats Direction(IEnumerable<PairAggregate> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        long n = 0, vc = 0, mc = 0, vk = 0, mk = 0;
        double g = 0, coop = 0, conf = 0;
        foreach (var r in rows)
        {
            n += r.Events;
            vc += r.VerbalCooperation;
            mc += r.MaterialCooperation;
            vk += r.VerbalConflict;
            mk += r.MaterialConflict;
            g += r.Goldstein;
            coop += r.WeightCooperation;
            conf += r.WeightConflict;
        }

        return n == 0 ? DirectionStats.Empty : new DirectionStats(n, vc, mc, vk, mk, g, g / n, coop, conf);
    }

    /// <summary>Net score (cooperation - conflict) / (cooperation + conflict), null when both are 0.</summary>
    public static double? Score(double cooperation, double conflict) =>
        cooperation + conflict > 0 ? (cooperation - conflict) / (cooperation + conflict) : null;

    /// <summary>A period of the pair (a, b) from its rows (both directions) and its coverage.</summary>
    public static PeriodPoint Point(string period, string a, string b, IReadOnlyCollection<PairAggregate> rows, long coverage)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ab = Direction(rows.Where(r => r.Source == a && r.Target == b));
        var ba = Direction(rows.Where(r => r.Source == b && r.Target == a));
        long events = ab.Events + ba.Events;
        double g = ab.GoldsteinSum + ba.GoldsteinSum;
        double coop = ab.Cooperation + ba.Cooperation, conf = ab.Conflict + ba.Conflict;
        return new PeriodPoint(period, ab, ba, events, g, events == 0 ? null : g / events, coop, conf, Score(coop, conf), coverage,
            coverage > 0 ? (coop + conf) * 100 / coverage : null,
            coverage > 0 ? (coop - conf) * 100 / coverage : null);
    }

    /// <summary>
    /// The series of (a, b): one point per period from the first to the last with events (periods without events are
    /// kept, with zeros, so gaps show), the total, and the trend of the net score over the periods that have weighted evidence.
    /// </summary>
    public static (ImmutableArray<PeriodPoint> Points, PeriodPoint Total, Trend Trend) Series(
        string a, string b, Grain grain, IReadOnlyList<PairAggregate> rows, IReadOnlyList<CoveragePoint> coverage, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(options);
        var pairRows = rows.Where(r => (r.Source == a && r.Target == b) || (r.Source == b && r.Target == a)).ToList();
        var byPeriod = pairRows.Where(r => r.Period is not null).GroupBy(r => r.Period!).ToDictionary(g => g.Key, g => (IReadOnlyCollection<PairAggregate>)g.ToList(), StringComparer.Ordinal);
        var cover = coverage.Where(c => c.Period is not null).ToDictionary(c => c.Period!, c => c.Documents, StringComparer.Ordinal);
        var points = ImmutableArray.CreateBuilder<PeriodPoint>();
        if (byPeriod.Count > 0)
        {
            var keys = byPeriod.Keys.Order(StringComparer.Ordinal).ToList();
            foreach (var period in Periods.Range(grain, Periods.Start(keys[0]), Periods.Start(keys[^1])))
            {
                points.Add(Point(period, a, b, byPeriod.GetValueOrDefault(period) ?? [], cover.GetValueOrDefault(period)));
            }
        }

        var total = Point("total", a, b, pairRows, coverage.Sum(c => c.Documents));
        return (points.ToImmutable(), total, TrendOf(points, grain, options));
    }

    /// <summary>The Theil–Sen trend of the net score over the points that have one (x = period index, so gaps keep their width).</summary>
    public static Trend TrendOf(IReadOnlyList<PeriodPoint> points, Grain grain, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(options);
        var x = new List<double>();
        var y = new List<double>();
        var periods = new List<string>();
        for (int i = 0; i < points.Count; i++)
        {
            if (points[i].Score is { } s)
            {
                x.Add(i);
                y.Add(s);
                periods.Add(points[i].Period);
            }
        }

        string by = grain.ToString().ToLowerInvariant();
        if (x.Count < options.MinTrendPeriods)
        {
            return new Trend("net_score", by, x.Count, null, null, null, "unknown", []);
        }

        double? slope = Trends.TheilSen(x, y);
        var interval = Trends.BootstrapInterval(x, y, options.BootstrapSamples, options.BootstrapSeed);
        string direction = interval is { } iv
            ? iv.Low > 0 ? "up" : iv.High < 0 ? "down" : "flat"
            : "unknown";
        var changes = Trends.ChangePoints(y).Select((cut, k) => cut).ToList();
        var points2 = ImmutableArray.CreateBuilder<ChangePoint>();
        var bounds = new List<int> { 0 };
        bounds.AddRange(changes);
        bounds.Add(y.Count);
        for (int k = 0; k < changes.Count; k++)
        {
            points2.Add(new ChangePoint(periods[changes[k]], Round(Trends.Mean(y, bounds[k], bounds[k + 1])), Round(Trends.Mean(y, bounds[k + 1], bounds[k + 2]))));
        }

        return new Trend("net_score", by, x.Count, slope is { } s2 ? Round(s2) : null, interval is { } i2 ? Round(i2.Low) : null,
            interval is { } i3 ? Round(i3.High) : null, direction, points2.ToImmutable());
    }

    /// <summary>The undirected edges of the network from directed-pair aggregates (any grain: summed).</summary>
    public static ImmutableArray<NetworkEdge> Edges(IEnumerable<PairAggregate> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var acc = new Dictionary<(string, string), (double Coop, double Conf, double MatAB, double MatBA, long N)>();
        foreach (var r in rows)
        {
            if (r.Source == r.Target)
            {
                continue;
            }

            bool forward = string.CompareOrdinal(r.Source, r.Target) < 0;
            var key = forward ? (r.Source, r.Target) : (r.Target, r.Source);
            var v = acc.GetValueOrDefault(key);
            v.Coop += r.WeightCooperation;
            v.Conf += r.WeightConflict;
            if (forward)
            {
                v.MatAB += r.WeightMaterialSupport;
            }
            else
            {
                v.MatBA += r.WeightMaterialSupport;
            }

            v.N += r.Events;
            acc[key] = v;
        }

        return [.. acc.Where(p => p.Value.Coop + p.Value.Conf > 0)
            .Select(p =>
            {
                double score = (p.Value.Coop - p.Value.Conf) / (p.Value.Coop + p.Value.Conf);
                return new NetworkEdge(p.Key.Item1, p.Key.Item2, Round(score), Math.Sign(score), Round(p.Value.Coop + p.Value.Conf),
                    Round(p.Value.Coop), Round(p.Value.Conf), Round(p.Value.MatAB), Round(p.Value.MatBA), p.Value.N);
            })
            .OrderBy(e => e.A, StringComparer.Ordinal).ThenBy(e => e.B, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every triad of nodes joined by three signed edges (sign ≠ 0): how many there are, and those whose signs multiply
    /// to negative, heaviest first (weight: the lightest of the three edges), at most <paramref name="max"/> listed.
    /// </summary>
    public static (long Triads, long Unbalanced, ImmutableArray<Triad> Listed) Balance(IReadOnlyList<NetworkEdge> edges, int max)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var adj = new Dictionary<string, Dictionary<string, NetworkEdge>>(StringComparer.Ordinal);
        foreach (var e in edges.Where(e => e.Sign != 0))
        {
            Add(e.A, e.B, e);
            Add(e.B, e.A, e);
        }

        long triads = 0, unbalanced = 0;
        var found = new List<Triad>();
        foreach (var e in edges.Where(e => e.Sign != 0))
        {
            // Each triad once: a < b < c with (a, b) the edge in hand.
            var (a, b) = (e.A, e.B);
            foreach (var (c, ac) in adj[a])
            {
                if (string.CompareOrdinal(c, b) <= 0 || !adj[b].TryGetValue(c, out var bc))
                {
                    continue;
                }

                triads++;
                if (e.Sign * bc.Sign * ac.Sign < 0)
                {
                    unbalanced++;
                    found.Add(new Triad(a, b, c, e.Sign, bc.Sign, ac.Sign, Math.Min(e.Weight, Math.Min(bc.Weight, ac.Weight))));
                }
            }
        }

        return (triads, unbalanced, [.. found.OrderByDescending(t => t.Weight).ThenBy(t => t.A, StringComparer.Ordinal)
            .ThenBy(t => t.B, StringComparer.Ordinal).ThenBy(t => t.C, StringComparer.Ordinal).Take(max)]);

        void Add(string x, string y, NetworkEdge e)
        {
            if (!adj.TryGetValue(x, out var d))
            {
                adj[x] = d = new Dictionary<string, NetworkEdge>(StringComparer.Ordinal);
            }

            d[y] = e;
        }
    }

    /// <summary>
    /// B's adversaries that A materially supports, from aggregates over the window: C with weighted support A→C &gt; 0 and a
    /// net-negative B–C edge. Heaviest first (support × conflict).
    /// </summary>
    public static ImmutableArray<(string Third, double Support, double Conflict, double ScoreBThird)> Hedges(string a, string b, IReadOnlyList<PairAggregate> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var support = rows.Where(r => r.Source == a && r.Target != b && r.Target != a && r.WeightMaterialSupport > 0)
            .GroupBy(r => r.Target, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.WeightMaterialSupport), StringComparer.Ordinal);
        var list = new List<(string, double, double, double)>();
        foreach (var (c, s) in support)
        {
            var bc = rows.Where(r => (r.Source == b && r.Target == c) || (r.Source == c && r.Target == b)).ToList();
            double coop = bc.Sum(r => r.WeightCooperation), conf = bc.Sum(r => r.WeightConflict);
            if (conf > 0 && conf > coop)
            {
                list.Add((c, Round(s), Round(conf), Round((coop - conf) / (coop + conf))));
            }
        }

        return [.. list.OrderByDescending(t => t.Item2 * t.Item3).ThenBy(t => t.Item1, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The hedging index of A toward B per period: A's support of <paramref name="adversaries"/> against A's cooperation
    /// with B (direction A→B). Periods where both are 0 have a null index.
    /// </summary>
    public static ImmutableArray<HedgingPoint> HedgingSeries(string a, string b, IReadOnlyCollection<string> adversaries, IReadOnlyList<PairAggregate> rows, IReadOnlyList<string> periods)
    {
        ArgumentNullException.ThrowIfNull(adversaries);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(periods);
        var set = adversaries.ToHashSet(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<HedgingPoint>();
        var byPeriod = rows.Where(r => r.Period is not null && r.Source == a).GroupBy(r => r.Period!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var p in periods)
        {
            var list = byPeriod.GetValueOrDefault(p) ?? [];
            double s = list.Where(r => set.Contains(r.Target)).Sum(r => r.WeightMaterialSupport);
            double c = list.Where(r => r.Target == b).Sum(r => r.WeightCooperation);
            result.Add(new HedgingPoint(p, Round(s), Round(c), Index(s, c)));
        }

        return result.ToImmutable();
    }

    /// <summary><c>support / (support + cooperation)</c>, null when both are 0.</summary>
    public static double? Index(double support, double cooperation) =>
        support + cooperation > 0 ? Round(support / (support + cooperation)) : null;

    internal static double Round(double v) => Math.Round(v, 4, MidpointRounding.AwayFromZero);

    internal static string Invariant(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
