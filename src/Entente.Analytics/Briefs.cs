using System.Globalization;
using System.Text;

namespace Entente.Analytics;

/// <summary>The assessment as text: a one-paragraph summary, and a short Markdown brief a person can act on.</summary>
public static class Briefs
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Summary(Assessment x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var (a, b) = (x.Pair[0], x.Pair[1]);
        if (x.Verdict == "insufficient evidence" && x.Events == 0)
        {
            return $"Insufficient evidence: no stored events between {a} and {b}{Window(x)}.";
        }

        var s = new StringBuilder();
        s.Append(Inv, $"{Capital(x.Verdict)}. {x.Events} events between {a} and {b}{Window(x)}");
        s.Append(Inv, $": {x.Cooperation.Length} of cooperation and {x.Conflict.Length} of conflict listed");
        if (x.Score is { } score)
        {
            s.Append(Inv, $"; net score {score:+0.00;-0.00;0.00} (−1 all conflict, +1 all cooperation)");
        }

        s.Append('.');
        if (x.Trend.Slope is { } slope)
        {
            s.Append(Inv, $" Trend {x.Trend.Direction}: {slope:+0.000;-0.000;0.000} per {x.Trend.By} (95 % interval {x.Trend.SlopeLow:0.000} to {x.Trend.SlopeHigh:0.000}).");
        }

        if (x.Hedging.Length > 0)
        {
            s.Append(Inv, $" {a} materially supports {string.Join(", ", x.Hedging.Select(h => h.Third))}, in conflict with {b}");
            s.Append(x.HedgingIndex is { } h ? string.Create(Inv, $" (hedging index {h:0.00})") : string.Empty).Append('.');
        }

        return s.ToString();
    }

    public static void WriteMarkdown(Assessment x, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(w);
        var (a, b) = (x.Pair[0], x.Pair[1]);
        w.WriteLine($"# {a} and {b}: {x.Verdict}");
        w.WriteLine();
        w.WriteLine(x.Summary);
        w.WriteLine();
        w.WriteLine("## Caveats");
        w.WriteLine();
        foreach (var c in x.Caveats)
        {
            w.WriteLine($"- {c}");
        }

        if (x.Caveats.Length == 0)
        {
            w.WriteLine("- none found");
        }

        w.WriteLine();
        Events(w, "Cooperation", x.Cooperation);
        Events(w, "Conflict", x.Conflict);
        if (x.Hedging.Length > 0)
        {
            w.WriteLine($"## Hedging: {a} supports {b}'s adversaries");
            w.WriteLine();
            w.WriteLine(x.HedgingIndex is { } hi
                ? string.Create(Inv, $"Hedging index of {a} toward {b}: {hi:0.00} (share of {a}'s weighted material support of {b}'s adversaries against its cooperation with {b}; 0 none, 1 only support of adversaries).")
                : "No hedging index (no cooperation and no support).");
            w.WriteLine();
            foreach (var h in x.Hedging)
            {
                Events(w, string.Create(Inv, $"{h.Third}: {a} support {h.Support:0.##}, {b}–{h.Third} {h.RelationBThird} {h.Conflict:0.##} (net {h.ScoreBThird:+0.00;-0.00})"), h.Events, level: "###");
            }
        }

        if (x.Series.Length > 0)
        {
            w.WriteLine($"## Series by {x.Trend.By}");
            w.WriteLine();
            w.WriteLine("| period | events | cooperation | conflict | net score | documents |");
            w.WriteLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var p in x.Series.Where(p => p.Events > 0))
            {
                w.WriteLine(string.Create(Inv, $"| {p.Period} | {p.Events} | {p.Cooperation:0.##} | {p.Conflict:0.##} | {(p.Score is { } s ? s.ToString("+0.00;-0.00;0.00", Inv) : "–")} | {p.Coverage} |"));
            }

            w.WriteLine();
        }
    }

    private static void Events(TextWriter w, string title, IReadOnlyList<EvidenceEvent> events, string level = "##")
    {
        w.WriteLine($"{level} {title}");
        w.WriteLine();
        if (events.Count == 0)
        {
            w.WriteLine("- none");
        }

        foreach (var e in events)
        {
            var via = e.Via is null ? string.Empty : $" via {e.Via}";
            var attribution = e.Attribution is null ? string.Empty : $", according to {e.Attribution}";
            w.WriteLine(string.Create(Inv, $"- {e.Date ?? "undated"} ({e.DatePrecision ?? "no date"}) {e.Source} → {e.Target}{via}: {e.Code} {e.Name} — {e.Modality}{attribution}; {e.Reports} report{(e.Reports == 1 ? string.Empty : "s")}, {e.Sources} source{(e.Sources == 1 ? string.Empty : "s")}"));
            if (e.Sentence is not null)
            {
                w.WriteLine($"  > {e.Sentence.ReplaceLineEndings(" ")} — {e.DocTitle ?? e.DocId}");
            }
        }

        w.WriteLine();
    }

    private static string Window(Assessment x) => (x.From, x.To) switch
    {
        (null, null) => string.Empty,
        (var f, null) => $" from {f}",
        (null, var t) => $" up to {t}",
        var (f, t) => $" from {f} to {t}",
    };

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
