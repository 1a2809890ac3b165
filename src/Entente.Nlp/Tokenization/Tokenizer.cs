using System.Collections.Immutable;
using Entente.Nlp.Text;

namespace Entente.Nlp.Tokenization;

/// <summary>
/// Cuts text into word tokens that follow UD English EWT conventions, with character offsets into the original string.
/// Immutable and thread-safe: create once, reuse.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Clitics are split: "Pakistan's" → "Pakistan" "'s", "didn't" → "did" "n't", "can't" → "ca" "n't", "cannot" → "can" "not".</item>
/// <item>Hyphens are tokens ("Mi-35" → "Mi" "-" "35") except after a few prefixes ("anti-missile", "e-mail") and in phone numbers.</item>
/// <item>Currency signs, percent signs and units are split from numbers ("$33bn" → "$" "33" "bn"); "1,500", "3.5", "7:30", "11/28/2000" stay whole.</item>
/// <item>Abbreviations keep their period ("U.S.", "Gen.", "Sept.", "e.g."); URLs and e-mail addresses are one token.</item>
/// <item>Any Unicode whitespace and any control character separates tokens; tokens longer than <see cref="MaxTokenLength"/> are cut.</item>
/// </list>
/// Every token's <see cref="Token.Text"/> is exactly the slice of the input at its offsets. Linear time; never throws on any string.
/// </remarks>
public sealed class Tokenizer
{
    /// <summary>The default limit on token length, in UTF-16 code units.</summary>
    public const int DefaultMaxTokenLength = 1000;

    public Tokenizer(int maxTokenLength = DefaultMaxTokenLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokenLength, 2);
        MaxTokenLength = maxTokenLength;
    }

    /// <summary>A tokenizer with the default options.</summary>
    public static Tokenizer Default { get; } = new();

    /// <summary>Tokens longer than this are cut into pieces of at most this length.</summary>
    public int MaxTokenLength { get; }

    /// <summary>Tokenizes the whole text.</summary>
    public ImmutableArray<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Tokenize(text, 0, text.Length);
    }

    /// <summary>Tokenizes <paramref name="text"/>[<paramref name="start"/>, <paramref name="end"/>); offsets refer to the whole string.</summary>
    public ImmutableArray<Token> Tokenize(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        var sink = new List<Token>(Math.Max(4, (end - start) / 5));
        Run(text, start, end, sink, new TokenStrings());
        return [.. sink];
    }

    /// <summary>Tokenizes into <paramref name="sink"/> and returns how many over-long tokens were cut.</summary>
    internal int Run(string text, int start, int end, List<Token> sink, TokenStrings strings)
    {
        var scan = new Scan(text, end, MaxTokenLength, sink, strings);
        int i = start;
        while (i < end)
        {
            if (CharClass.IsSeparator(text[i]))
            {
                i++;
                continue;
            }

            int ce = i + 1;
            while (ce < end && !CharClass.IsSeparator(text[ce]))
            {
                ce++;
            }

            scan.Chunk(i, ce);
            i = ce;
        }

        return scan.Cuts;
    }

    private static readonly System.Buffers.SearchValues<char> Apostrophes = System.Buffers.SearchValues.Create("'\u2019`\u02bc");

    /// <summary>The state of one tokenization call.</summary>
    private struct Scan(string text, int end, int maxTokenLength, List<Token> sink, TokenStrings strings)
    {
        private readonly string _text = text;
        private readonly int _end = end;

        public int Cuts { get; private set; }

        /// <summary>A run of non-separator characters.</summary>
        public void Chunk(int cs, int ce)
        {
            if (FindUrl(cs, ce, out int us, out int ue))
            {
                Plain(cs, us);
                Emit(us, ue);
                Plain(ue, ce);
                return;
            }

            Plain(cs, ce);
        }

        /// <summary>Finds a URL ("https://…", "www.…") or an e-mail address inside the chunk, without the punctuation around it.</summary>
        private readonly bool FindUrl(int cs, int ce, out int us, out int ue)
        {
            us = cs;
            ue = ce;
            if (ce - cs < 5)
            {
                return false;
            }

            var t = _text;
            var chunk = t.AsSpan(cs, ce - cs);
            int scheme = chunk.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0)
            {
                us = cs + scheme;
                while (us > cs && CharClass.IsLetter(t[us - 1]))
                {
                    us--;
                }

                ue = TrimUrlEnd(us, ce);
                return us < cs + scheme && ue > cs + scheme + 3;
            }

            while (us < ce && t[us] is '(' or '[' or '{' or '<' or '"' or '\'' or '\u201c' or '\u2018' or '\u00ab')
            {
                us++;
            }

            if (ce - us > 5 && chunk[(us - cs)..].StartsWith("www.", StringComparison.OrdinalIgnoreCase) && CharClass.IsWordChar(t[us + 4]))
            {
                ue = TrimUrlEnd(us, ce);
                return ue - us > 5;
            }

            int at = chunk.IndexOf('@');
            if (at <= 0)
            {
                return false;
            }

            at += cs;
            us = at;
            while (us > cs && (CharClass.IsWordChar(t[us - 1]) || t[us - 1] is '.' or '_' or '%' or '+' or '-'))
            {
                us--;
            }

            ue = at + 1;
            int dot = -1;
            while (ue < ce && (CharClass.IsWordChar(t[ue]) || t[ue] is '.' or '-'))
            {
                if (t[ue] == '.')
                {
                    dot = ue;
                }

                ue++;
            }

            while (ue > at + 1 && t[ue - 1] is '.' or '-')
            {
                ue--;
            }

            return us < at && CharClass.IsWordChar(t[us]) && dot > at + 1 && dot < ue - 1;
        }

        private readonly int TrimUrlEnd(int us, int ce)
        {
            var t = _text;
            int ue = ce;
            while (ue > us && t[ue - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '>' or '"' or '\'' or '\u201d' or '\u2019' or '\u00bb')
            {
                ue--;
            }

            // a closing parenthesis that belongs to the URL ("…/Mark_(designation)")
            if (ue < ce && t[ue] == ')' && t.AsSpan(us, ue - us).Contains('('))
            {
                ue++;
            }

            return ue;
        }

        /// <summary>A chunk without URLs: words, numbers, punctuation.</summary>
        private void Plain(int i, int ce)
        {
            var t = _text;
            while (i < ce)
            {
                char c = t[i];
                if (CharClass.IsWordChar(c))
                {
                    int j = ScanWord(i, ce);
                    if (j < ce && t[j] == '.' && (j + 1 >= ce || t[j + 1] != '.') && KeepsPeriod(i, j))
                    {
                        Emit(i, j + 1);
                        i = j + 1;
                    }
                    else
                    {
                        Word(i, j);
                        i = j;
                    }

                    continue;
                }

                int clitic = Clitic(i, ce);
                if (clitic > i)
                {
                    Emit(i, clitic);
                    i = clitic;
                    continue;
                }

                int em = Emoticon(i, ce);
                if (em > i)
                {
                    Emit(i, em);
                    i = em;
                    continue;
                }

                int k = i + 1;
                if (CharClass.IsTerminal(c))
                {
                    while (k < ce && CharClass.IsTerminal(t[k]))
                    {
                        k++;
                    }
                }
                else if (CharClass.IsRuleChar(c) && k < ce && CharClass.IsRuleChar(t[k]))
                {
                    // "-----", "====", "----==": rules drawn with mixed characters
                    while (k < ce && CharClass.IsRuleChar(t[k]))
                    {
                        k++;
                    }
                }
                else if (CharClass.IsRunChar(c))
                {
                    while (k < ce && t[k] == c)
                    {
                        k++;
                    }
                }
                else if (char.IsHighSurrogate(c) && k < ce && char.IsLowSurrogate(t[k]))
                {
                    k++;
                }

                Emit(i, k);
                i = k;
            }
        }

        /// <summary>Letters and digits with the connectors that may join them inside one word.</summary>
        private readonly int ScanWord(int i, int ce)
        {
            var t = _text;
            int j = i + 1;
            while (j < ce)
            {
                char c = t[j];
                if (CharClass.IsWordChar(c))
                {
                    j++;
                    continue;
                }

                if (j + 1 >= ce)
                {
                    break;
                }

                char prev = t[j - 1], next = t[j + 1];
                bool joins = c switch
                {
                    '.' => CharClass.IsWordChar(next),
                    ',' or ':' => CharClass.IsDigit(prev) && CharClass.IsDigit(next),
                    '/' => (CharClass.IsDigit(prev) && CharClass.IsDigit(next)) || IsLetterSlashLetter(j, i, ce),
                    '-' or '\u2010' or '\u2011' => CharClass.IsWordChar(next),
                    '\'' or '\u2019' or '`' or '\u02bc' => CharClass.IsLetter(next)
                        && (CharClass.IsLetter(prev) || (CharClass.IsDigit(prev) && next is 's' && (j + 2 >= ce || !CharClass.IsWordChar(t[j + 2])))),
                    '&' => char.IsAsciiLetterUpper(prev) && char.IsAsciiLetterUpper(next),
                    '_' or '@' => CharClass.IsWordChar(next),
                    _ => false,
                };
                if (!joins)
                {
                    break;
                }

                j += 2;
            }

            return j;
        }

        /// <summary>"b/c", "w/o": one letter on each side of the slash ("and / or" is split).</summary>
        private readonly bool IsLetterSlashLetter(int j, int i, int ce)
        {
            var t = _text;
            return CharClass.IsLetter(t[j - 1]) && CharClass.IsLetter(t[j + 1])
                && (j - 1 == i || !CharClass.IsWordChar(t[j - 2]))
                && (j + 2 >= ce || !CharClass.IsWordChar(t[j + 2]));
        }

        /// <summary>Whether the period right after the word [ws, we) belongs to it as an abbreviation.</summary>
        private readonly bool KeepsPeriod(int ws, int we)
        {
            var w = _text.AsSpan(ws, we - ws);
            if (w.Length == 1)
            {
                return char.IsUpper(w[0]) && w[0] != 'I';
            }

            if (w.Contains('.'))
            {
                // "U.S", "e.g", "a.m", "Ph.D": short letter groups between periods; not "example.com".
                int run = 0;
                foreach (var ch in w)
                {
                    if (ch == '.')
                    {
                        run = 0;
                    }
                    else if (!CharClass.IsLetter(ch) || ++run > 2)
                    {
                        return false;
                    }
                }

                return true;
            }

            if (w.Length > 7)
            {
                return false;
            }

            if (Lexicon.AbbreviationSpans.Contains(w)
                || Lexicon.CapitalisedAbbreviationSpans.Contains(w))
            {
                return true;
            }

            // "No. 5": "no" keeps its period only before a number.
            if (w.Equals("no", StringComparison.OrdinalIgnoreCase))
            {
                int k = we + 1;
                while (k < _end && k < we + 3 && CharClass.IsSeparator(_text[k]))
                {
                    k++;
                }

                return k < _end && k > we + 1 && CharClass.IsDigit(_text[k]);
            }

            return false;
        }

        /// <summary>A clitic written after an abbreviation's period ("U.S.'s" → "U.S." "'s"); returns its end, or <paramref name="i"/> when there is none.</summary>
        private readonly int Clitic(int i, int ce)
        {
            var t = _text;
            if (i == 0 || t[i - 1] != '.' || !CharClass.IsApostrophe(t[i]))
            {
                return i;
            }

            int k = i + 1;
            while (k < ce && CharClass.IsLetter(t[k]) && k - i <= 3)
            {
                k++;
            }

            return k > i + 1 && (k >= ce || !CharClass.IsWordChar(t[k])) && IsClitic(t.AsSpan(i + 1, k - i - 1)) ? k : i;
        }

        /// <summary>":)", ":-(", ";)", ":D", "=)" at the start of a token; returns its end, or <paramref name="i"/> when none.</summary>
        private readonly int Emoticon(int i, int ce)
        {
            var t = _text;
            if (t[i] is not (':' or ';' or '=') || i + 1 >= ce)
            {
                return i;
            }

            int k = i + 1;
            if (t[k] == '-' && k + 1 < ce)
            {
                k++;
            }

            if (t[k] is not (')' or '(' or 'D' or 'P' or 'p' or '/' or '|' or ']' or '['))
            {
                return i;
            }

            k++;
            return k >= ce || !CharClass.IsWordChar(t[k]) ? k : i;
        }

        /// <summary>A word without an attached period: clitics, joined contractions, hyphens, units.</summary>
        private void Word(int ws, int we)
        {
            var t = _text;
            var w = t.AsSpan(ws, we - ws);
            if (w.Length <= 8 && Lexicon.JoinedContractionSpans.TryGetValue(w, out int first))
            {
                Emit(ws, ws + first);
                Emit(ws + first, we);
                return;
            }

            int apo = w.LastIndexOfAny(Apostrophes);
            if (apo > 0)
            {
                var suffix = w[(apo + 1)..];
                int cut = -1;
                if (suffix.Length is 1 or 2 && IsClitic(suffix))
                {
                    cut = ws + apo;
                }
                else if (suffix.Length == 1 && suffix[0] is 't' or 'T' && apo > 1 && w[apo - 1] is 'n' or 'N')
                {
                    cut = ws + apo - 1;
                }

                if (cut > ws && !IsAllDigits(t.AsSpan(ws, cut - ws)))
                {
                    Body(ws, cut);
                    Emit(cut, we);
                    return;
                }
            }

            Body(ws, we);
        }

        private static bool IsAllDigits(ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('0', '9');

        private static bool IsClitic(ReadOnlySpan<char> s) =>
            s.Equals("s", StringComparison.OrdinalIgnoreCase)
            || s.Equals("m", StringComparison.OrdinalIgnoreCase)
            || s.Equals("d", StringComparison.OrdinalIgnoreCase)
            || s.Equals("re", StringComparison.OrdinalIgnoreCase)
            || s.Equals("ve", StringComparison.OrdinalIgnoreCase)
            || s.Equals("ll", StringComparison.OrdinalIgnoreCase);

        /// <summary>Splits at hyphens, except after a prefix and in digit groups such as phone numbers.</summary>
        private void Body(int bs, int be)
        {
            var t = _text;
            var w = t.AsSpan(bs, be - bs);
            int h = w.IndexOfAny('-', '\u2010', '\u2011');
            if (h < 0)
            {
                Number(bs, be);
                return;
            }

            if (IsDigitGroups(w))
            {
                Emit(bs, be);
                return;
            }

            int ts = bs, segStart = bs;
            for (int k = bs; k < be; k++)
            {
                if (!CharClass.IsHyphen(t[k]))
                {
                    continue;
                }

                if (k > segStart && k + 1 < be && segStart == ts && Lexicon.HyphenPrefixSpans.Contains(t.AsSpan(segStart, k - segStart)))
                {
                    segStart = k + 1;
                    continue;
                }

                if (k > ts)
                {
                    Number(ts, k);
                }

                Emit(k, k + 1);
                ts = segStart = k + 1;
            }

            if (be > ts)
            {
                Number(ts, be);
            }
        }

        /// <summary>"713-555-0199", "555-0199", "1-800-555-0199": digit groups that stay one token (but not "2001-2002" or "5-10").</summary>
        private static bool IsDigitGroups(ReadOnlySpan<char> w)
        {
            int groups = 0, len = 0, firstLen = 0;
            foreach (var ch in w)
            {
                if (CharClass.IsHyphen(ch))
                {
                    if (len == 0)
                    {
                        return false;
                    }

                    if (groups == 0)
                    {
                        firstLen = len;
                    }

                    groups++;
                    len = 0;
                }
                else if (CharClass.IsDigit(ch))
                {
                    len++;
                }
                else
                {
                    return false;
                }
            }

            groups++;
            return groups >= 3 || (len == 4 && firstLen is 1 or 3 or 5);
        }

        /// <summary>Splits a unit or magnitude from a number written without a space ("33bn", "5pm"); keeps "23rd", "1990s", "F16".</summary>
        private void Number(int s, int e)
        {
            var t = _text;
            if (CharClass.IsDigit(t[s]))
            {
                int k = s + 1;
                while (k < e && (CharClass.IsDigit(t[k]) || (t[k] is '.' or ',' or ':' && k + 1 < e && CharClass.IsDigit(t[k + 1]))))
                {
                    k++;
                }

                if (k < e && Lexicon.NumberUnitSpans.Contains(t.AsSpan(k, e - k)))
                {
                    Emit(s, k);
                    Emit(k, e);
                    return;
                }
            }

            Emit(s, e);
        }

        /// <summary>Adds the token [s, e), cut into pieces when longer than the limit (never inside a surrogate pair).</summary>
        private void Emit(int s, int e)
        {
            while (e - s > maxTokenLength)
            {
                int cut = s + maxTokenLength;
                if (char.IsLowSurrogate(_text[cut]) && char.IsHighSurrogate(_text[cut - 1]))
                {
                    cut--;
                }

                sink.Add(new Token(strings.Get(_text, s, cut - s), s, cut));
                Cuts++;
                s = cut;
            }

            sink.Add(new Token(strings.Get(_text, s, e - s), s, e));
        }
    }
}
