using System.Collections.Immutable;
using Entente.Nlp.Text;

namespace Entente.Nlp.Tokenization;

/// <summary>
/// Groups a token stream into sentences by rule. Immutable and thread-safe: create once, reuse.
/// </summary>
/// <remarks>
/// A sentence ends:
/// <list type="bullet">
/// <item>after ".", "!", "?", "..." (and the closing quotes and brackets attached to them) when the next word does not start in lowercase;</item>
/// <item>after an abbreviation ("etc.", "U.S.", an initial) when the next word is a typical sentence opener ("The", "He", "But");
/// an abbreviation without inner periods then gives its period back as a token of its own ("Inc." → "Inc" "."), as EWT does;</item>
/// <item>at a blank line, always (a paragraph break);</item>
/// <item>at a line break, when the line has no final punctuation (a headline, a list item) and the next line starts with a capital,
/// a digit or a bullet, unless the line looks hard-wrapped (it ends in "the", "of", a comma);</item>
/// <item>when a sentence reaches <see cref="MaxSentenceTokens"/> tokens (reported as a cut).</item>
/// </list>
/// Titles ("Mr.", "Gen.", "Sept." before a number) and initials before a name never end a sentence.
/// </remarks>
public sealed class SentenceSplitter
{
    /// <summary>The default limit on sentence length, in tokens.</summary>
    public const int DefaultMaxSentenceTokens = 400;

    private const int WrappedLineWidth = 60;

    public SentenceSplitter(int maxSentenceTokens = DefaultMaxSentenceTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSentenceTokens, 1);
        MaxSentenceTokens = maxSentenceTokens;
    }

    /// <summary>A splitter with the default options.</summary>
    public static SentenceSplitter Default { get; } = new();

    /// <summary>Sentences longer than this are cut.</summary>
    public int MaxSentenceTokens { get; }

    /// <summary>Splits the tokens of <paramref name="text"/> (in order, as the <see cref="Tokenizer"/> gives them) into sentences.</summary>
    public ImmutableArray<Sentence> Split(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        return Run(text, tokens, out _);
    }

    /// <summary>Splits and reports how many sentences were cut at <see cref="MaxSentenceTokens"/>.</summary>
    internal ImmutableArray<Sentence> Run(string text, IReadOnlyList<Token> tokens, out int cuts)
    {
        cuts = 0;
        int n = tokens.Count;
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var current = ImmutableArray.CreateBuilder<Token>();
        for (int i = 0; i < n; i++)
        {
            var tok = tokens[i];
            int last = i;
            bool end;
            if (i == n - 1)
            {
                end = true;
            }
            else if (IsTerminalRun(tok.Text))
            {
                // keep the closing quotes and brackets written right after the final punctuation
                // and the emoticons and closing brackets that follow it ("Thanks! :)", "(Talks resumed. )")
                bool quoted = false;
                while (last + 1 < n)
                {
                    var following = tokens[last + 1].Text;
                    bool attachedCloser = tokens[last + 1].Start == tokens[last].End && following.Length <= 2 && CharClass.IsCloser(following[0]);
                    if (!attachedCloser && !IsEmoticon(following) && following is not (")" or "]"))
                    {
                        break;
                    }

                    quoted |= attachedCloser && following[0] is not (')' or ']' or '}' or '>');
                    last++;
                }

                end = last == n - 1 || EndsAfterTerminal(text, tokens, last, ellipsis: IsEllipsis(tok.Text) || quoted);
                if (end && last == i && tok.Text == "." && current.Count == 1 && IsListNumber(current[0].Text))
                {
                    end = false; // "1. Sanctions on oil": the number of a list item starts its sentence
                }
            }
            else if (IsAbbreviation(tok.Text))
            {
                end = EndsAfterAbbreviation(text, tokens, i);
                if (end && SplitsPeriodAtEnd(tok.Text))
                {
                    current.Add(new Token(tok.Text[..^1], tok.Start, tok.End - 1));
                    tok = new Token(".", tok.End - 1, tok.End);
                }
            }
            else
            {
                end = EndsAtLineBreak(text, tokens, i);
            }

            current.Add(tok);
            for (int k = i + 1; k <= last; k++)
            {
                current.Add(tokens[k]);
            }

            i = last;
            if (!end && current.Count >= MaxSentenceTokens)
            {
                end = true;
                cuts++;
            }

            if (end)
            {
                var toks = current.DrainToImmutable();
                sentences.Add(new Sentence(sentences.Count, toks[0].Start, toks[^1].End, toks));
            }
        }

        return sentences.DrainToImmutable();
    }

    private static bool IsTerminalRun(string s)
    {
        foreach (var c in s)
        {
            if (!CharClass.IsTerminal(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A word with its period attached by the tokenizer: "etc.", "U.S.", "J.".</summary>
    private static bool IsAbbreviation(string s) => s.Length >= 2 && s[^1] == '.' && CharClass.IsLetter(s[0]);

    /// <summary>"etc." or "Inc." ending a sentence become "etc" "."; "U.S." and initials keep their period.</summary>
    private static bool SplitsPeriodAtEnd(string s) => s.Length > 2 && s.AsSpan(0, s.Length - 1).IndexOf('.') < 0;

    private static bool IsListNumber(string s) => s.Length <= 3 && !s.AsSpan().ContainsAnyExceptInRange('0', '9');

    private static bool IsEllipsis(string s) => s.Contains('\u2026', StringComparison.Ordinal) || s.Contains("..", StringComparison.Ordinal);

    private static bool IsEmoticon(string s) =>
        s.Length is >= 2 and <= 3 && s[0] is ':' or ';' or '=' && s[^1] is ')' or '(' or 'D' or 'P' or 'p' or '/' or '|' or ']' or '[';

    private static bool EndsAfterTerminal(string text, IReadOnlyList<Token> tokens, int last, bool ellipsis)
    {
        var gap = Gap(text, tokens, last);
        if (gap.Newlines > 0)
        {
            return true;
        }

        var following = tokens[last + 1].Text;
        if (following[0] is ',' or ';' || IsTerminalRun(following))
        {
            return false; // "Yahoo! ," or "? !": the punctuation goes on
        }

        var next = FirstWord(tokens, last + 1);
        if (next is null)
        {
            return true;
        }

        // A lowercase word after "." "!" "?" still starts a sentence in most web text (the tokenizer has already
        // kept the periods of abbreviations); after an ellipsis it usually continues the sentence, and after a
        // closing quote it is the attribution ("Why now?" he asked).
        char c = next.Text[0];
        return !ellipsis || !char.IsLower(c);
    }

    private static bool EndsAfterAbbreviation(string text, IReadOnlyList<Token> tokens, int i)
    {
        var gap = Gap(text, tokens, i);
        if (gap.Blank)
        {
            return true;
        }

        var word = tokens[i].Text.AsSpan(0, tokens[i].Text.Length - 1);
        if (word.Length > 1 && Lexicon.TitleSpans.Contains(word))
        {
            return false; // "Gen. Asim Munir", "Sept. 12"; after an initial ("J. R. Smith") only a sentence opener ends it
        }

        var next = FirstWord(tokens, i + 1);
        if (next is null)
        {
            return true;
        }

        if (gap.Newlines > 0 && (char.IsUpper(next.Text[0]) || CharClass.IsDigit(next.Text[0])))
        {
            return true;
        }

        if (word.Equals("etc", StringComparison.OrdinalIgnoreCase))
        {
            return char.IsUpper(next.Text[0]);
        }

        return Lexicon.SentenceStarters.Contains(next.Text);
    }

    private static bool EndsAtLineBreak(string text, IReadOnlyList<Token> tokens, int i)
    {
        var gap = Gap(text, tokens, i);
        if (gap.Blank)
        {
            return true;
        }

        if (gap.Newlines == 0)
        {
            return false;
        }

        var tok = tokens[i];
        if (Lexicon.Continuations.Contains(tok.Text))
        {
            return false;
        }

        var next = tokens[i + 1];
        char c = next.Text[0];
        bool opens = char.IsUpper(c) || CharClass.IsDigit(c) || CharClass.IsBullet(c) || CharClass.IsOpener(c);
        if (!opens)
        {
            return false;
        }

        // a long line that ends in a lowercase word is probably hard-wrapped prose
        if (char.IsLower(tok.Text[0]) && LineWidth(text, tok.End) >= WrappedLineWidth && char.IsUpper(c))
        {
            return false;
        }

        return true;
    }

    private static int LineWidth(string text, int end)
    {
        int k = end - 1;
        while (k >= 0 && text[k] != '\n' && end - k < 1000)
        {
            k--;
        }

        return end - k - 1;
    }

    /// <summary>The first token from <paramref name="from"/> that is not an opening quote, bracket or dash.</summary>
    private static Token? FirstWord(IReadOnlyList<Token> tokens, int from)
    {
        for (int k = from; k < tokens.Count && k < from + 4; k++)
        {
            var t = tokens[k];
            if (!(t.Text.Length <= 2 && CharClass.IsOpener(t.Text[0])))
            {
                return t;
            }
        }

        return from < tokens.Count ? tokens[from] : null;
    }

    private readonly record struct GapInfo(int Newlines, bool Blank);

    /// <summary>The line breaks between token <paramref name="i"/> and the next one; a blank line is a paragraph break.</summary>
    private static GapInfo Gap(string text, IReadOnlyList<Token> tokens, int i)
    {
        int s = tokens[i].End, e = i + 1 < tokens.Count ? tokens[i + 1].Start : text.Length;
        int newlines = 0;
        bool blank = false;
        for (int k = s; k < e; k++)
        {
            char c = text[k];
            if (c == '\n' || c == '\u2028' || c == '\u0085' || (c == '\r' && (k + 1 >= e || text[k + 1] != '\n')))
            {
                newlines++;
                if (newlines >= 2)
                {
                    blank = true;
                }
            }
            else if (c == '\u2029')
            {
                newlines++;
                blank = true;
            }
        }

        return new GapInfo(newlines, blank);
    }
}
