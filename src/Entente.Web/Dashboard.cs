using System.Collections.Immutable;
using Entente.Analytics;
using Entente.Storage;

namespace Entente.Web;

/// <summary>A pair whose net score changed between the previous period and this one.</summary>
public sealed record PairMove(string A, string B, double Before, double After, long EventsBefore, long EventsAfter)
{
    public double Change => After - Before;
}

/// <summary>
/// An actor's profile over a period: its partners (positive net score) and adversaries (negative), strongest first, and
/// the trend of its net score with everyone, by quarter (the same Theil–Sen trend as a pair's).
/// </summary>
public sealed record ActorProfile(
    string Actor,
    string? From,
    string? To,
    long Events,
    ImmutableArray<Analytics.NetworkEdge> Partners,
    ImmutableArray<Analytics.NetworkEdge> Adversaries,
    Trend Trend,
    ImmutableArray<ProfilePoint> Series);

/// <summary>One quarter of an actor's relations with everyone: events, weighted cooperation and conflict, net score.</summary>
public sealed record ProfilePoint(string Period, long Events, double Cooperation, double Conflict, double? Score);

/// <summary>What the dashboard and the API compute from the analytics: the default period, top movers, actor profiles.</summary>
public static class Dashboard
{
    /// <summary>The most recent event date, or null for an empty store.</summary>
    public static DateOnly? Latest(IEventStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Events(new EventQuery { Limit = 1 }).FirstOrDefault() is { Date: { Length: >= 4 } d }
            && DateBounds.TryParse(d.Length >= 10 ? d[..10] : d, end: true, out var day) ? day : null;
    }

    /// <summary>Pairs whose net score moved most from <paramref name="before"/> to <paramref name="now"/> (pairs with events in both).</summary>
    public static IReadOnlyList<PairMove> Movers(IReadOnlyList<Analytics.NetworkEdge> now, IReadOnlyList<Analytics.NetworkEdge> before, int top, int minEvents = 2)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(before);
        var prior = before.ToDictionary(e => (e.A, e.B));
        return now.Where(e => e.Events >= minEvents && prior.TryGetValue((e.A, e.B), out var p) && p.Events >= minEvents)
            .Select(e => new PairMove(e.A, e.B, prior[(e.A, e.B)].Score, e.Score, prior[(e.A, e.B)].Events, e.Events))
            .Where(m => m.Change != 0)
            .OrderByDescending(m => Math.Abs(m.Change)).ThenBy(m => m.A, StringComparer.Ordinal).ThenBy(m => m.B, StringComparer.Ordinal)
            .Take(top).ToList();
    }

    /// <summary>The profile of <paramref name="actor"/> (a pair part: a country, or the code of an actor without one).</summary>
    public static ActorProfile Profile(IEventStore store, string actor, DateOnly? from, DateOnly? to, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(actor);
        var a = actor.Trim().ToUpperInvariant();
        var options = AnalyticsOptions.Default;
        var rows = store.Aggregate(new AggregateQuery
        {
            Grain = Grain.Quarter, From = from, To = to, Involving = [a], ModalityWeights = options.ModalityWeights, MaterialCodes = options.MaterialCodes,
            WeightsOnly = true,
        }).Where(r => r.Period is not null && (r.Source == a || r.Target == a) && r.Source != r.Target).ToList();
        // The actor's edges of the signed network, from its own rows (summed over the periods, as the network sums them).
        var edges = SeriesBuilder.Edges(rows).Where(e => e.A == a || e.B == a).ToList();
        var points = rows.GroupBy(r => r.Period!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            double coop = g.Sum(r => r.WeightCooperation), conf = g.Sum(r => r.WeightConflict);
            return new ProfilePoint(g.Key, g.Sum(r => r.Events), coop, conf, SeriesBuilder.Score(coop, conf));
        }).ToImmutableArray();
        var asPeriods = points.Select(p => new PeriodPoint(p.Period, DirectionStats.Empty, DirectionStats.Empty, p.Events, 0, null, p.Cooperation, p.Conflict, p.Score, 0, null, null)).ToList();
        // Turn the edges around so that the actor is always A.
        static Analytics.NetworkEdge Toward(Analytics.NetworkEdge e, string a) =>
            e.A == a ? e : e with { A = e.B, B = e.A, MaterialAToB = e.MaterialBToA, MaterialBToA = e.MaterialAToB };
        var mine = edges.Select(e => Toward(e, a)).ToList();
        return new ActorProfile(
            a, Text(from), Text(to), edges.Sum(e => e.Events),
            [.. mine.Where(e => e.Sign > 0).OrderByDescending(e => e.Weight).ThenBy(e => e.B, StringComparer.Ordinal).Take(top)],
            [.. mine.Where(e => e.Sign < 0).OrderByDescending(e => e.Weight).ThenBy(e => e.B, StringComparer.Ordinal).Take(top)],
            SeriesBuilder.TrendOf(asPeriods, Grain.Quarter, options),
            points);
    }

    /// <summary>An actor's short name: its country, else its code, else its words.</summary>
    public static string Name(StoredActor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Country ?? a.Code ?? a.Text ?? "?";
    }

    public static string? Text(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The overview's network for a period, cached; <see cref="Warm"/> computes the default period at start-up.</summary>
public static class Overview
{
    public static SignedNetwork Network(StoreHost store, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Cached(Api.ApiEndpoints.Key("network", "50", "", Grain.All, from, to), s => new RelationsAnalytics(s).Network(from, to));
    }

    /// <summary>
    /// The default overview (the year up to the newest event, and the year before it for the movers), and the assessment
    /// and monthly series of its busiest pair.
    /// </summary>
    public static void Warm(StoreHost store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var to = store.Read(Dashboard.Latest) ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var from = to.AddYears(-1).AddDays(1);
        int days = to.DayNumber - from.DayNumber + 1;
        var network = Network(store, from, to);
        Network(store, from.AddDays(-days), from.AddDays(-1));
        store.ActorCodes();
        // The busiest pair of the period: its assessment and series are ready for the first visitor, and the code that
        // computes any pair's is compiled before anyone asks.
        if (network.Edges.OrderByDescending(e => e.Events).FirstOrDefault() is { } busiest)
        {
            var (a, b) = (busiest.A, busiest.B);
            Api.ApiEndpoints.CachedAssessment(store, a, b, null, null, Grain.Quarter);
            Api.ApiEndpoints.CachedSeries(store, a, b, Grain.Month, null, null);
        }
    }
}
