using System.Collections.Immutable;
using Entente.Coding.Events;
using Orleans;
using Orleans.Runtime;

namespace Entente.Cluster;

/// <summary>A pair grain's persisted state: what each document contributes, by month and quad class.</summary>
public sealed class PairState
{
    public Dictionary<string, PairMonth[]> Documents { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A directed pair of actors (<c>RUS&gt;PAK</c>: countries, or codes for actors without one, as the store's
/// <c>events.pair</c>). Keeps each document's contribution so that applying it again (a retried batch) or anew (a
/// changed document) sets it rather than adding to it; the aggregate is their sum.
/// </summary>
public sealed class PairGrain([PersistentState("pair", "pairs")] IPersistentState<PairState> state) : Grain, IPairGrain
{
    public async Task Apply(string documentId, ImmutableArray<PairMonth> contribution)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        var docs = state.State.Documents;
        if (docs.TryGetValue(documentId, out var old) && old.SequenceEqual(contribution))
        {
            return;
        }

        if (contribution.IsDefaultOrEmpty)
        {
            docs.Remove(documentId);
        }
        else
        {
            docs[documentId] = [.. contribution];
        }

        await state.WriteStateAsync().ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
    }

    public Task<PairAggregate> Get() =>
        Task.FromResult(new PairAggregate(this.GetPrimaryKeyString(), state.State.Documents.Count, Sum(state.State.Documents.Values.SelectMany(m => m))));

    /// <summary>The pair of an event: <c>SOURCE&gt;TARGET</c>, each the actor's country, else its code, else "?".</summary>
    public static string PairOf(CodedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return $"{e.Source.Country ?? e.Source.Code ?? "?"}>{e.Target.Country ?? e.Target.Code ?? "?"}";
    }

    /// <summary>The month an event counts in: yyyy-MM, yyyy for a year-precise date, "undated".</summary>
    public static string MonthOf(CodedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Date is null ? "undated" : e.Date.Value.Length >= 7 ? e.Date.Value[..7] : e.Date.Value;
    }

    /// <summary>What a document's reports contribute to each pair.</summary>
    public static IEnumerable<(string Pair, ImmutableArray<PairMonth> Months)> Contributions(IEnumerable<CodedEvent> reports) =>
        reports.GroupBy(PairOf, StringComparer.Ordinal)
            .Select(g => (g.Key, Sum(g.Select(One))));

    private static PairMonth One(CodedEvent e) => new(MonthOf(e),
        e.QuadClass == 1 ? 1 : 0, e.QuadClass == 2 ? 1 : 0, e.QuadClass == 3 ? 1 : 0, e.QuadClass == 4 ? 1 : 0, e.Goldstein);

    private static ImmutableArray<PairMonth> Sum(IEnumerable<PairMonth> months) =>
        [.. months.GroupBy(m => m.Month, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PairMonth(g.Key,
                g.Sum(m => m.VerbalCooperation), g.Sum(m => m.MaterialCooperation), g.Sum(m => m.VerbalConflict), g.Sum(m => m.MaterialConflict),
                Math.Round(g.Sum(m => m.Goldstein), 6)))];
}
