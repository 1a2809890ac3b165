using System.Collections.Immutable;
using System.Globalization;

namespace Entente.Analytics;

/// <summary>A document behind the evidence: its title, source and the sentences of its reports (to judge its genre).</summary>
public sealed record DocumentEvidence(string DocId, string? Title, string? Source, ImmutableArray<string> Sentences);

/// <summary>What the caveats are computed from.</summary>
public sealed record CaveatFacts(
    string A,
    string B,
    long Events,
    long Coverage,
    Trend Trend,
    AnalyticsOptions Options,
    ImmutableArray<EvidenceEvent> Listed,
    ImmutableArray<DocumentEvidence> Documents,
    long Undated,
    IReadOnlyDictionary<string, int> Uncounted);

/// <summary>
/// The caveats a careful analyst adds, as plain sentences: opinion pieces and hedged or attributed claims, single-source
/// events, thin coverage, dates known only to the year or taken from the publication date, and too few periods for a trend.
/// Pure; the word lists are data.
/// </summary>
public static class Caveats
{
    /// <summary>Words of judgement rather than report: their presence in a document's evidence sentences marks commentary.</summary>
    public static readonly ImmutableArray<string> JudgementWords =
    [
        "betray", "betraying", "hypocrisy", "hypocritical", "dubious", "unprincipled", "insincerity", "insincere", "dishonest",
        "never been honest", "strange", "foolish", "foolishly", "shameful", "disgraceful", "short-sightedness", "eye opening",
        "wrong policy", "should", "must not", "ought to", "complicity",
    ];

    /// <summary>Hedges: words that make a claim less than certain.</summary>
    public static readonly ImmutableArray<string> HedgeWords =
    [
        "likely", "reportedly", "allegedly", "media reports", "it is known", "sources said", "rumoured", "rumored", "unconfirmed",
        "apparently", "purportedly",
    ];

    public static ImmutableArray<string> Of(CaveatFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var inv = CultureInfo.InvariantCulture;
        var list = ImmutableArray.CreateBuilder<string>();
        if (f.Events == 0)
        {
            list.Add($"No stored events between {f.A} and {f.B} in the period: there is nothing to judge.");
        }

        // The genre of the documents the evidence comes from.
        foreach (var d in f.Documents)
        {
            var found = JudgementWords.Where(w => d.Sentences.Any(s => Contains(s, w)) || (d.Title is { } t && Contains(t, w))).ToList();
            bool question = d.Title is { } title && title.TrimEnd().EndsWith('?');
            if (found.Count >= 2 || (question && found.Count >= 1))
            {
                var why = new List<string>();
                if (question)
                {
                    why.Add($"a question for a headline (\"{d.Title!.Trim()}\")");
                }

                why.Add("judging words (" + string.Join(", ", found.Take(6)) + ")");
                var attributed = f.Listed.Where(e => e.DocId == d.DocId && e.Attribution is not null).Select(e => e.Attribution!).Distinct(StringComparer.Ordinal).ToList();
                var media = attributed.Where(x => Contains(x, "media") || Contains(x, "report")).ToList();
                var rest = media.Count > 0
                    ? "; it rests partly on media reports"
                    : attributed.Count > 0 ? "; it rests partly on claims attributed to others (" + string.Join(", ", attributed) + ")" : string.Empty;
                list.Add($"Document {d.DocId}{(d.Source is null ? string.Empty : " (" + d.Source + ")")} reads as an opinion piece, not a news report: {string.Join(" and ", why)}{rest}.");
            }
        }

        // Hedged and attributed claims.
        if (f.Listed.Length > 0)
        {
            var hedged = f.Listed.Where(e => e.Modality is "reported" or "hypothetical" or "opinion" || e.Attribution is not null
                || (e.Sentence is { } s && HedgeWords.Any(w => Contains(s, w)))).ToList();
            if (hedged.Count > 0)
            {
                var sources = hedged.Select(e => e.Attribution).OfType<string>().GroupBy(x => x, StringComparer.Ordinal)
                    .Select(g => $"\"{g.Key}\" ×{g.Count()}").ToList();
                var words = HedgeWords.Where(w => hedged.Any(e => e.Sentence is { } s && Contains(s, w))).Select(w => w.Trim()).ToList();
                list.Add(string.Create(inv, $"{hedged.Count} of {f.Listed.Length} listed events ({Percent(hedged.Count, f.Listed.Length)}) rest on opinion, attributed or hedged claims")
                    + (sources.Count > 0 ? " (attributed to " + string.Join(", ", sources) + ")" : string.Empty)
                    + (words.Count > 0 ? " (hedges: " + string.Join(", ", words.Select(w => "\"" + w + "\"")) + ")" : string.Empty)
                    + (f.Listed.Any(e => Contains(e.Attribution ?? string.Empty, "media reports") || Contains(e.Sentence ?? string.Empty, "media reports"))
                        ? "; some rest on media reports"
                        : string.Empty) + ".");
            }

            var intended = f.Listed.Count(e => e.Modality == "intended");
            if (intended > 0)
            {
                list.Add(string.Create(inv, $"{intended} of {f.Listed.Length} listed events are intentions, offers or promises, not deeds; they weigh {f.Options.WeightOf("intended"):0.##} of an asserted event."));
            }

            var single = f.Listed.Count(e => e.Sources <= 1);
            if (single > 0)
            {
                list.Add(single == f.Listed.Length
                    ? $"Every listed event comes from a single source ({single} events); none is confirmed by an independent report."
                    : string.Create(inv, $"{single} of {f.Listed.Length} listed events come from a single source."));
            }

            var year = f.Listed.Count(e => e.DatePrecision == "year");
            if (year > 0)
            {
                list.Add(string.Create(inv, $"{year} listed events are dated only to the year; in a monthly or quarterly series they sit in the first period of that year."));
            }

            var publication = f.Listed.Count(e => e.DatePrecision == "publication");
            if (publication > 0)
            {
                list.Add(string.Create(inv, $"{publication} listed events carry no date in the text; the publication date stands in (the event may be older)."));
            }
        }

        if (f.Uncounted.Count > 0)
        {
            int n = f.Uncounted.Values.Sum();
            list.Add(string.Create(inv, $"{n} events of the pair are not counted and not listed, as they weigh nothing: ")
                + string.Join(", ", f.Uncounted.Select(p => string.Create(inv, $"{p.Value} {p.Key}"))) + ".");
        }

        if (f.Undated > 0)
        {
            list.Add(string.Create(inv, $"{f.Undated} events of the pair have no date at all and are left out of the series."));
        }

        var docs = f.Documents.Length;
        if (f.Coverage < f.Options.ThinCoverageDocuments)
        {
            list.Add(string.Create(inv, $"Thin coverage: {f.Coverage} stored documents with a publication date mention {f.A} or {f.B} in the period (fewer than {f.Options.ThinCoverageDocuments}); the evidence comes from {docs} document{(docs == 1 ? string.Empty : "s")}."));
        }

        if (f.Events > 0 && f.Trend.Direction == "unknown")
        {
            list.Add(string.Create(inv, $"Too few periods with evidence for a trend ({f.Trend.Periods}; at least {f.Options.MinTrendPeriods} needed by {f.Trend.By})."));
        }

        return list.ToImmutable();
    }

    private static bool Contains(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static string Percent(int part, int whole) => (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + " %";
}
