using System.Collections.Immutable;
using Entente.Coding.Actors;
using Entente.Nlp.Text;

namespace Entente.Coding.Events;

/// <summary>
/// A parsed sentence seen as a graph, with the actor mentions that fall in it: children by relation, case
/// markers, subtrees and the mention covering each token. Built once per sentence; 0-based token indices.
/// </summary>
internal sealed class ParsedSentence
{
    private readonly List<int>[] _children;
    private readonly int[] _mentionOf;

    public ParsedSentence(string text, AnalyzedSentence sentence, IReadOnlyList<ActorMention> mentions)
    {
        Text = text;
        Sentence = sentence;
        Tokens = sentence.Tokens;
        int n = Tokens.Length;
        Lemmas = new string[n];
        _children = new List<int>[n];
        _mentionOf = new int[n];
        Mentions = mentions;
        for (int i = 0; i < n; i++)
        {
            Lemmas[i] = Tokens[i].Lemma.ToLowerInvariant();
            _children[i] = [];
            _mentionOf[i] = -1;
        }

        for (int i = 0; i < n; i++)
        {
            int h = Tokens[i].Head - 1;
            if (h >= 0 && h < n)
            {
                _children[h].Add(i);
            }
        }

        for (int m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            for (int i = 0; i < n; i++)
            {
                if (Tokens[i].Start < mention.End && Tokens[i].End > mention.Start && _mentionOf[i] < 0)
                {
                    _mentionOf[i] = m;
                }
            }
        }
    }

    public string Text { get; }

    public AnalyzedSentence Sentence { get; }

    public ImmutableArray<AnalyzedToken> Tokens { get; }

    public string[] Lemmas { get; }

    public IReadOnlyList<ActorMention> Mentions { get; }

    public int Count => Tokens.Length;

    public int Head(int i) => Tokens[i].Head - 1;

    public string Rel(int i) => Tokens[i].DepRel;

    public string Upos(int i) => Tokens[i].Upos;

    public List<int> Children(int i) => _children[i];

    public int MentionOf(int i) => _mentionOf[i];

    /// <summary>A finite (tensed) verb or modal: PTB VBD, VBZ, VBP or MD.</summary>
    public static bool IsTensed(string xpos) => xpos is "VBD" or "VBZ" or "VBP" or "MD";

    /// <summary>The first child of <paramref name="i"/> whose relation is <paramref name="rel"/>, or -1.</summary>
    public int Child(int i, string rel)
    {
        foreach (var c in _children[i])
        {
            if (Tokens[c].DepRel == rel)
            {
                return c;
            }
        }

        return -1;
    }

    public bool HasChild(int i, string rel, string lemma)
    {
        foreach (var c in _children[i])
        {
            if (Tokens[c].DepRel == rel && Lemmas[c] == lemma)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The preposition marking a nominal (its <c>case</c> child, lower case; "according to" for the fixed
    /// expression; multiword cases joined by a space), or null.
    /// </summary>
    public string? CaseOf(int i)
    {
        foreach (var c in _children[i])
        {
            if (Tokens[c].DepRel == "case" && Tokens[c].Upos != "PART")
            {
                string word = Tokens[c].Form.ToLowerInvariant();
                foreach (var f in _children[c])
                {
                    if (Tokens[f].DepRel == "fixed")
                    {
                        word += " " + Tokens[f].Form.ToLowerInvariant();
                    }
                }

                return word;
            }
        }

        return null;
    }

    /// <summary>Oblique and nominal-modifier dependents of <paramref name="i"/> marked by <paramref name="preposition"/>.</summary>
    public IEnumerable<int> Prepositional(int i, string preposition)
    {
        foreach (var c in _children[i])
        {
            string rel = Tokens[c].DepRel;
            if ((rel.StartsWith("obl", StringComparison.Ordinal) || rel.StartsWith("nmod", StringComparison.Ordinal) || rel == "advcl") && rel != "nmod:poss" && CaseOf(c) == preposition)
            {
                yield return c;
            }
        }
    }

    /// <summary>Conjuncts of <paramref name="i"/>, itself first.</summary>
    public List<int> WithConjuncts(int i)
    {
        var list = new List<int> { i };
        for (int k = 0; k < list.Count; k++)
        {
            foreach (var c in _children[list[k]])
            {
                if (Tokens[c].DepRel == "conj" && !list.Contains(c))
                {
                    list.Add(c);
                }
            }
        }

        return list;
    }

    /// <summary>[start, end) character span of the subtree of <paramref name="i"/>.</summary>
    public (int Start, int End) SubtreeSpan(int i)
    {
        int start = Tokens[i].Start, end = Tokens[i].End;
        var stack = new Stack<int>();
        stack.Push(i);
        int guard = 0;
        while (stack.Count > 0 && guard++ < Count)
        {
            int t = stack.Pop();
            if (t != i && Tokens[t].DepRel == "punct")
            {
                continue;
            }

            start = Math.Min(start, Tokens[t].Start);
            end = Math.Max(end, Tokens[t].End);
            foreach (var c in _children[t])
            {
                stack.Push(c);
            }
        }

        return (start, end);
    }

    /// <summary>The text of the subtree of <paramref name="i"/> without a leading case marker.</summary>
    public string PhraseText(int i, bool dropCase = true)
    {
        var (start, end) = SubtreeSpan(i);
        if (dropCase)
        {
            foreach (var c in _children[i])
            {
                if (Tokens[c].DepRel == "case" && Tokens[c].Start == start)
                {
                    int after = Tokens[c].End;
                    foreach (var f in _children[c])
                    {
                        after = Math.Max(after, Tokens[f].End);
                    }

                    start = after;
                    while (start < end && char.IsWhiteSpace(Text[start]))
                    {
                        start++;
                    }
                }
            }
        }

        return Text[start..end];
    }

    /// <summary>The text between two offsets in either order, within the sentence.</summary>
    public string Slice(int a, int b)
    {
        int start = Math.Clamp(Math.Min(a, b), Sentence.Start, Sentence.End);
        int end = Math.Clamp(Math.Max(a, b), start, Sentence.End);
        return Text[start..end];
    }

    /// <summary>True when <paramref name="ancestor"/> dominates <paramref name="i"/>.</summary>
    public bool Dominates(int ancestor, int i)
    {
        int guard = 0;
        while (i >= 0 && guard++ <= Count)
        {
            if (i == ancestor)
            {
                return true;
            }

            i = Head(i);
        }

        return false;
    }
}
