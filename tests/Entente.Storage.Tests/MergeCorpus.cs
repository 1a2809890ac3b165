using System.Text.Json;
using Entente.Core.Documents;
using Entente.Sources;

namespace Entente.Storage.Tests;

/// <summary>
/// merge-corpus.jsonl: the same stories rewritten by several outlets, follow-ups a day later, different events between
/// the same pair, denials beside assertions. Each line's <c>gold</c> maps a sentence index to the happening it reports;
/// the happening of a report is that label with the report's direction (source and target country).
/// </summary>
internal static class MergeCorpus
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "merge-corpus.jsonl");

    public static List<Document> Documents() =>
        DocumentSource.Default.ReadFile(Path).Select(i => i.Document).OfType<Document>().ToList();

    public static Dictionary<(string Doc, int Sentence), string> Gold()
    {
        var gold = new Dictionary<(string, int), string>();
        foreach (var line in File.ReadLines(Path).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("id").GetString()!;
            foreach (var p in json.RootElement.GetProperty("gold").EnumerateObject())
            {
                gold[(id, int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture))] = p.Value.GetString()!;
            }
        }

        return gold;
    }

    /// <summary>Pairwise merge precision and recall of a store's events against the gold happenings.</summary>
    public static MergeScore Score(IEventStore store)
    {
        var gold = Gold();
        var reports = new List<(long Event, string Happening)>();
        foreach (var e in store.Events(EventQuery.All).ToList())
        {
            foreach (var r in store.Reports(e.Id))
            {
                if (gold.TryGetValue((r.DocId, r.SentenceIndex), out var label))
                {
                    reports.Add((e.Id, $"{label}/{e.Source.Country}>{e.Target.Country}"));
                }
            }
        }

        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < reports.Count; i++)
        {
            for (int j = i + 1; j < reports.Count; j++)
            {
                bool predicted = reports[i].Event == reports[j].Event, actual = reports[i].Happening == reports[j].Happening;
                tp += predicted && actual ? 1 : 0;
                fp += predicted && !actual ? 1 : 0;
                fn += !predicted && actual ? 1 : 0;
            }
        }

        return new MergeScore(reports.Count, tp, fp, fn);
    }
}

/// <summary>Pairwise scores: of the report pairs merged, how many are one happening (precision); of the pairs that are, how many were merged (recall).</summary>
internal sealed record MergeScore(int Reports, int TruePairs, int FalsePairs, int MissedPairs)
{
    public double Precision => TruePairs + FalsePairs == 0 ? 1 : (double)TruePairs / (TruePairs + FalsePairs);

    public double Recall => TruePairs + MissedPairs == 0 ? 1 : (double)TruePairs / (TruePairs + MissedPairs);

    public override string ToString() => FormattableString.Invariant(
        $"{Reports} reports, {TruePairs + MissedPairs} gold pairs: precision {Precision:F3} ({TruePairs}/{TruePairs + FalsePairs}), recall {Recall:F3} ({TruePairs}/{TruePairs + MissedPairs})");
}
