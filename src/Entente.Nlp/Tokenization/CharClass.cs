using System.Globalization;
using System.Runtime.CompilerServices;

namespace Entente.Nlp.Tokenization;

/// <summary>Character classes shared by the tokenizer and the sentence splitter.</summary>
internal static class CharClass
{
    /// <summary>Whitespace of every kind, zero-width spaces and the BOM, and control characters: all separate tokens.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSeparator(char c)
    {
        if (c <= ' ')
        {
            return true; // space, tab, newlines, and C0 control characters (NUL included)
        }

        if (c < '\u007f')
        {
            return false;
        }

        return c <= '\u009f' // DEL and C1 controls
            || char.IsWhiteSpace(c)
            || c is '\u200b' or '\u200c' or '\u200d' or '\u2060' or '\ufeff' or '\ufffe' or '\uffff';
    }

    /// <summary>Letters, digits and combining marks (in any script).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c)
    {
        if (c < '\u0080')
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        }

        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.LetterNumber;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) =>
        c < '\u0080' ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : char.IsLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>Apostrophes: ASCII, right single quotation mark, backtick, modifier letter apostrophe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '`' or '\u02bc';

    /// <summary>Hyphens that join words: ASCII hyphen-minus, Unicode hyphen and non-breaking hyphen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>Characters that end a sentence: period, question and exclamation marks, ellipsis (and their full-width and interrobang forms).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTerminal(char c) => c is '.' or '!' or '?' or '\u2026' or '\u203c' or '\u203d' or '\u2047' or '\u2048' or '\u2049' or '\uff01' or '\uff0e' or '\uff1f' or '\u3002';

    /// <summary>Symbols whose repetitions form one token ("--", "***", "=====", "''").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsRunChar(char c) => c is '-' or '=' or '_' or '*' or '#' or '~' or '+' or '<' or '>' or '|' or '/' or '\\' or '^' or '$'
        or '\'' or '`' or ',' or ':' or ';' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u2022';

    /// <summary>Characters used to draw horizontal rules; mixed runs of them form one token.</summary>
    public static bool IsRuleChar(char c) => c is '-' or '=' or '_' or '*' or '~' or '#' or '+';

    /// <summary>Quotes and brackets that close a span: they stay with the sentence that precedes them.</summary>
    public static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '}' or '\u201d' or '\u2019' or '\u00bb' or '\u203a' or '>';

    /// <summary>Quotes, brackets and dashes that may open a sentence before its first word.</summary>
    public static bool IsOpener(char c) => c is '"' or '\'' or '(' or '[' or '{' or '\u201c' or '\u2018' or '\u201e' or '\u00ab' or '\u2039' or '`'
        or '-' or '\u2013' or '\u2014' or '*' or '\u2022' or '<';

    /// <summary>Bullets that start a list item on a new line.</summary>
    public static bool IsBullet(char c) => c is '-' or '*' or '\u2022' or '\u2023' or '\u25aa' or '\u25cf' or '\u00b7' or '\u2013' or '\u2014' or '\u2043' or '>';
}
