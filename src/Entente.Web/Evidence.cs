using Entente.Storage;

namespace Entente.Web;

/// <summary>The part of a report's sentence that is its evidence, as character offsets into the sentence.</summary>
public sealed record SentenceSpan(int Start, int End);

/// <summary>
/// Places a report's evidence in its sentence. The store keeps each report's sentence and the evidence as offsets into
/// the whole document, whose text it does not keep; the span's length is exact, and the actors' words, which the
/// evidence contains, fix where it starts. When no placement fits, the whole sentence is the evidence.
/// </summary>
public static class Evidence
{
    public static SentenceSpan Locate(StoredReport report, StoredActor? source, StoredActor? target)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sentence = report.Sentence;
        int length = report.EvidenceEnd - report.EvidenceStart;
        if (length <= 0 || length > sentence.Length)
        {
            return new SentenceSpan(0, sentence.Length);
        }

        var words = new[] { source?.Text, target?.Text }.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!).ToList();
        if (words.Count == 0)
        {
            return new SentenceSpan(0, sentence.Length);
        }

        // A start is a position where the span [start, start + length) holds every actor's words; the earliest actor word
        // or the predicate opens the span, so try each occurrence of a word as the start, and each as the end.
        var candidates = new SortedSet<int>();
        foreach (var w in words)
        {
            for (int i = sentence.IndexOf(w, StringComparison.Ordinal); i >= 0; i = sentence.IndexOf(w, i + 1, StringComparison.Ordinal))
            {
                candidates.Add(i);
                candidates.Add(i + w.Length - length);
            }
        }

        foreach (var start in candidates)
        {
            if (start < 0 || start + length > sentence.Length)
            {
                continue;
            }

            var window = sentence.Substring(start, length);
            if (words.All(w => window.Contains(w, StringComparison.Ordinal)))
            {
                return new SentenceSpan(start, start + length);
            }
        }

        return new SentenceSpan(0, sentence.Length);
    }
}
