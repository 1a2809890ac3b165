using Entente.Storage;

namespace Entente.Web;

/// <summary>One edge of the network: a pair of actors over a period, its events, and their mean Goldstein score.</summary>
public sealed record NetworkEdge(string A, string B, int Events, int Cooperation, int Conflict, double Goldstein)
{
    /// <summary>Positive when the pair cooperated more than it fought (mean Goldstein above zero).</summary>
    public double Mean => Events == 0 ? 0 : Goldstein / Events;
}

/// <summary>A pair whose mean score changed between the previous period and this one.</summary>
public sealed record PairMove(string A, string B, double Before, double After, int EventsBefore, int EventsAfter)
{
    public double Change => After - Before;
}

/// <summary>One month of one direction of a pair: events by quad class and the Goldstein sum.</summary>
public sealed record DirectedMonth(string Month, string Source, string Target, int[] Quad, double Goldstein)
{
    public int Events => Quad.Sum();
}

/// <summary>
/// What the dashboard pages show, computed from the store: the network of a period, top movers, a pair's months in
/// both directions. Country pairs only (actors without a country are left out of the network).
/// </summary>
public static class Dashboard
{
    /// <summary>The most recent event date, or null for an empty store.</summary>
    public static DateOnly? Latest(IEventStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Events(new EventQuery { Limit = 1 }).FirstOrDefault() is { Date: { Length: >= 4 } d } && ApiDate(d) is { } day ? day : null;
    }

    /// <summary>The undirected country pairs with events in [from, to], strongest first.</summary>
    public static IReadOnlyList<NetworkEdge> Network(IEventStore store, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(store);
        var edges = new Dictionary<(string, string), (int N, int Coop, int Conf, double G)>();
        foreach (var e in store.Events(new EventQuery { From = from, To = to }))
        {
            if (e.Source.Country is not { } s || e.Target.Country is not { } t || s == t)
            {
                continue;
            }

            var key = string.CompareOrdinal(s, t) < 0 ? (s, t) : (t, s);
            var v = edges.GetValueOrDefault(key);
            edges[key] = (v.N + 1, v.Coop + (e.QuadClass <= 2 ? 1 : 0), v.Conf + (e.QuadClass >= 3 ? 1 : 0), v.G + e.Goldstein);
        }

        return edges.Select(p => new NetworkEdge(p.Key.Item1, p.Key.Item2, p.Value.N, p.Value.Coop, p.Value.Conf, p.Value.G))
            .OrderByDescending(e => e.Events).ThenBy(e => e.A, StringComparer.Ordinal).ThenBy(e => e.B, StringComparer.Ordinal).ToList();
    }

    /// <summary>Pairs whose mean Goldstein score moved most from the period before [from, to] (same length) to it.</summary>
    public static IReadOnlyList<PairMove> Movers(IReadOnlyList<NetworkEdge> now, IReadOnlyList<NetworkEdge> before, int top, int minEvents = 2)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(before);
        var prior = before.ToDictionary(e => (e.A, e.B));
        return now.Where(e => e.Events >= minEvents && prior.TryGetValue((e.A, e.B), out var p) && p.Events >= minEvents)
            .Select(e => new PairMove(e.A, e.B, prior[(e.A, e.B)].Mean, e.Mean, prior[(e.A, e.B)].Events, e.Events))
            .OrderByDescending(m => Math.Abs(m.Change)).ThenBy(m => m.A, StringComparer.Ordinal).Take(top).ToList();
    }

    /// <summary>A pair's events by month and direction, oldest first (undated events left out).</summary>
    public static IReadOnlyList<DirectedMonth> PairMonths(IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var months = new SortedDictionary<(string Month, string S, string T), (int[] Quad, double G)>();
        foreach (var e in events)
        {
            if (e.Date is not { Length: >= 7 } date)
            {
                continue;
            }

            var key = (date[..7], Name(e.Source), Name(e.Target));
            if (!months.TryGetValue(key, out var v))
            {
                v = (new int[4], 0);
            }

            v.Quad[Math.Clamp(e.QuadClass, 1, 4) - 1]++;
            months[key] = (v.Quad, v.G + e.Goldstein);
        }

        return months.Select(m => new DirectedMonth(m.Key.Month, m.Key.S, m.Key.T, m.Value.Quad, m.Value.G)).ToList();
    }

    /// <summary>An actor's short name: its country, else its code, else its words.</summary>
    public static string Name(StoredActor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Country ?? a.Code ?? a.Text ?? "?";
    }

    private static DateOnly? ApiDate(string text) =>
        Api.ApiQuery.TryDate(text.Length >= 10 ? text[..10] : text, end: true, out var d) ? d : null;
}
