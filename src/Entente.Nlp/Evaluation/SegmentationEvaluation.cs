using System.Text;
using Entente.Nlp.Conllu;
using Entente.Nlp.Tokenization;

namespace Entente.Nlp.Evaluation;

/// <summary>Token and sentence-boundary precision, recall and F1 of a segmenter against a treebank.</summary>
public sealed record SegmentationScores(
    int Documents,
    int GoldTokens,
    int PredictedTokens,
    double TokenPrecision,
    double TokenRecall,
    double TokenF1,
    int GoldSentences,
    int PredictedSentences,
    double SentencePrecision,
    double SentenceRecall,
    double SentenceF1);

/// <summary>Scores a <see cref="Segmenter"/> on raw text rebuilt from a CoNLL-U treebank.</summary>
/// <remarks>
/// Documents are rebuilt from <c># newdoc</c>, <c># newpar</c> and <c># text</c>: paragraphs joined by a blank line,
/// the sentences of a paragraph by one space. Gold token spans are found by locating each word form in the sentence text.
/// A multi-word token whose words spell it ("don't" = "do" + "n't", "cannot" = "can" + "not") gives one span per word;
/// one whose words do not spell it gives a single span for the surface token. A predicted token counts when its span
/// equals a gold span; a predicted sentence counts when its end offset equals a gold sentence end.
/// </remarks>
public static class SegmentationEvaluation
{
    public static SegmentationScores Evaluate(IReadOnlyList<ConlluSentence> treebank, Segmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(treebank);
        ArgumentNullException.ThrowIfNull(segmenter);
        int documents = 0, goldTokens = 0, predTokens = 0, tokenHits = 0, goldSentences = 0, predSentences = 0, sentenceHits = 0;
        foreach (var doc in Documents(treebank))
        {
            documents++;
            var result = segmenter.Segment(doc.Text, "doc" + documents);
            var goldSpans = new HashSet<(int, int)>(doc.Tokens);
            var goldEnds = new HashSet<int>(doc.SentenceEnds);
            goldTokens += goldSpans.Count;
            goldSentences += goldEnds.Count;
            foreach (var sentence in result.Sentences)
            {
                predSentences++;
                if (goldEnds.Contains(sentence.End))
                {
                    sentenceHits++;
                }

                foreach (var t in sentence.Tokens)
                {
                    predTokens++;
                    if (goldSpans.Contains((t.Start, t.End)))
                    {
                        tokenHits++;
                    }
                }
            }
        }

        var (tp, tr, tf) = Prf(tokenHits, predTokens, goldTokens);
        var (sp, sr, sf) = Prf(sentenceHits, predSentences, goldSentences);
        return new SegmentationScores(documents, goldTokens, predTokens, tp, tr, tf, goldSentences, predSentences, sp, sr, sf);
    }

    private static (double P, double R, double F) Prf(int hits, int predicted, int gold)
    {
        double p = predicted == 0 ? 0 : (double)hits / predicted;
        double r = gold == 0 ? 0 : (double)hits / gold;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return (p, r, f);
    }

    /// <summary>A rebuilt document: its text, gold token spans and gold sentence end offsets.</summary>
    internal sealed record GoldDocument(string Text, List<(int Start, int End)> Tokens, List<int> SentenceEnds);

    internal static IEnumerable<GoldDocument> Documents(IReadOnlyList<ConlluSentence> treebank)
    {
        var text = new StringBuilder();
        var tokens = new List<(int, int)>();
        var ends = new List<int>();
        foreach (var s in treebank)
        {
            var sentenceText = s.Text ?? string.Join(' ', s.Forms());
            if (s.NewDoc && text.Length > 0)
            {
                yield return new GoldDocument(text.ToString(), tokens, ends);
                text.Clear();
                tokens = [];
                ends = [];
            }

            if (text.Length > 0)
            {
                text.Append(s.NewPar ? "\n\n" : " ");
            }

            int offset = text.Length;
            text.Append(sentenceText);
            AddGoldSpans(s, sentenceText, offset, tokens);
            ends.Add(offset + sentenceText.Length);
        }

        if (text.Length > 0)
        {
            yield return new GoldDocument(text.ToString(), tokens, ends);
        }
    }

    private static void AddGoldSpans(ConlluSentence s, string text, int offset, List<(int, int)> spans)
    {
        int p = 0;
        var mwtByFirst = s.Multiwords.ToDictionary(m => m.First);
        int w = 0;
        while (w < s.Words.Length)
        {
            var word = s.Words[w];
            if (mwtByFirst.TryGetValue(word.Id, out var mwt))
            {
                int at = Locate(text, mwt.Form, ref p);
                var parts = s.Words.Skip(w).Take(mwt.Last - mwt.First + 1).Select(x => x.Form).ToList();
                if (at >= 0 && string.Concat(parts) == mwt.Form)
                {
                    int k = at;
                    foreach (var part in parts)
                    {
                        spans.Add((offset + k, offset + k + part.Length));
                        k += part.Length;
                    }
                }
                else if (at >= 0)
                {
                    spans.Add((offset + at, offset + at + mwt.Form.Length));
                }

                w += parts.Count;
                continue;
            }

            int a = Locate(text, word.Form, ref p);
            if (a >= 0)
            {
                spans.Add((offset + a, offset + a + word.Form.Length));
            }

            w++;
        }
    }

    /// <summary>Finds <paramref name="form"/> at or after <paramref name="p"/>, skipping whitespace; -1 when it is not there.</summary>
    private static int Locate(string text, string form, ref int p)
    {
        while (p < text.Length && char.IsWhiteSpace(text[p]))
        {
            p++;
        }

        if (string.CompareOrdinal(text, p, form, 0, form.Length) == 0)
        {
            int at = p;
            p += form.Length;
            return at;
        }

        int found = text.IndexOf(form, p, StringComparison.Ordinal);
        if (found < 0)
        {
            return -1;
        }

        p = found + form.Length;
        return found;
    }
}
