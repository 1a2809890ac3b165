using System.Text;

namespace Entente.Coding.Actors;

/// <summary>How the case of a name token must match the text.</summary>
internal enum CaseRule : byte
{
    /// <summary>Any case: function words ("of", "the") and role nouns.</summary>
    Any,

    /// <summary>The first letter is upper case: proper names ("Turkey", not "turkey").</summary>
    Initial,

    /// <summary>Every letter is upper case: acronyms ("US", not "us").</summary>
    AllUpper,

    /// <summary>Mixed case inside the word: the letters' case must match exactly ("LeT", not "Let").</summary>
    Exact,
}

/// <summary>Folds tokens to the keys of the name trie: lower case, no diacritics, no dots, straight apostrophes.</summary>
internal static class NameFolding
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "of", "and", "de", "la", "le", "du", "des", "d'", "al", "el", "for", "in", "on", "&", "da", "do", "dos", "van", "von", "bin", "ibn",
    };

    public static string Fold(string token)
    {
        bool plain = true;
        foreach (char c in token)
        {
            if (c >= 0x80 || c == '.' || (c >= 'A' && c <= 'Z'))
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return token;
        }

        var sb = new StringBuilder(token.Length);
        foreach (char c in token)
        {
            if (c == '.' && token.Length > 1)
            {
                continue;
            }

            if (c < 0x80)
            {
                sb.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
                continue;
            }

            sb.Append(FoldChar(c));
        }

        return sb.Length == 0 ? token : sb.ToString();
    }

    public static CaseRule RuleOf(string aliasToken, bool caseInsensitive)
    {
        if (caseInsensitive)
        {
            return CaseRule.Any;
        }

        var folded = Fold(aliasToken);
        if (FunctionWords.Contains(folded))
        {
            return CaseRule.Any;
        }

        int letters = 0, upper = 0;
        foreach (char c in aliasToken)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }

        if (letters >= 2 && upper == letters)
        {
            return CaseRule.AllUpper;
        }

        if (upper >= 1 && letters >= 3 && aliasToken.Length >= 3 && aliasToken.Skip(1).Any(char.IsUpper) && aliasToken.Skip(1).Any(char.IsLower)
            && !aliasToken.Contains('-', StringComparison.Ordinal) && !aliasToken.Contains('\'', StringComparison.Ordinal) && !aliasToken.StartsWith("Mc", StringComparison.Ordinal) && !aliasToken.StartsWith("Mac", StringComparison.Ordinal))
        {
            return CaseRule.Exact;
        }

        return letters > 0 && FirstLetterIsUpper(aliasToken) ? CaseRule.Initial : CaseRule.Any;
    }

    public static bool Satisfies(string textToken, string aliasToken, CaseRule rule) => rule switch
    {
        CaseRule.Any => true,
        CaseRule.Initial => FirstLetterIsUpper(textToken),
        CaseRule.AllUpper => AllLettersUpper(textToken),
        _ => SameLetterCase(textToken, aliasToken),
    };

    private static bool SameLetterCase(string text, string alias)
    {
        var a = alias.Where(char.IsLetter).GetEnumerator();
        foreach (char c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (!a.MoveNext() || char.IsUpper(c) != char.IsUpper(a.Current))
            {
                return false;
            }
        }

        return !a.MoveNext();
    }

    public static bool FirstLetterIsUpper(string s)
    {
        foreach (char c in s)
        {
            if (char.IsLetter(c))
            {
                return char.IsUpper(c);
            }
        }

        return false;
    }

    private static bool AllLettersUpper(string s)
    {
        bool any = false;
        foreach (char c in s)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    private static string FoldChar(char c)
    {
        switch (c)
        {
            case '\u2019' or '\u2018' or '\u02BC' or '\u0060' or '\u00B4':
                return "'";
            case '\u2010' or '\u2011' or '\u2012' or '\u2013':
                return "-";
            case 'ß':
                return "ss";
            case 'æ' or 'Æ':
                return "ae";
            case 'ø' or 'Ø':
                return "o";
            case 'đ' or 'Đ':
                return "d";
            case 'ł' or 'Ł':
                return "l";
            case 'ı':
                return "i";
        }

        char mapped = c switch
        {
            >= '\u00C0' and <= '\u024F' => LatinBase[c - 0xC0],
            >= '\u1E00' and <= '\u1EFF' => LatinAdditionalBase[c - 0x1E00],
            _ => '\0',
        };
        if (mapped != '\0')
        {
            return mapped.ToString();
        }

        return char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark ? "" : char.ToLowerInvariant(c).ToString();
    }

    // Base letters of U+00C0–U+024F and U+1E00–U+1EFF, from Unicode canonical decomposition ('\0': none);
    // a table rather than string.Normalize, which does not decompose under InvariantGlobalization.
    private const string LatinBase = "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0yaaaaaaccccccccdd\0\0eeeeeeeeeegggggggghh\0\0iiiiiiiii\0\0\0jjkk\0llllll\0\0\0\0nnnnnn\0\0\0oooooo\0\0rrrrrrsssssssstttt\0\0uuuuuuuuuuuuwwyyyzzzzzz\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0oo\0\0\0\0\0\0\0\0\0\0\0\0\0uu\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0aaiioouuuuuuuuuu\0aaaa\0\0\0\0ggkkoooo\0\0j\0\0\0gg\0\0nnaa\0\0\0\0aaaaeeeeiiiioooorrrruuuusstt\0\0hh\0\0\0\0\0\0aaeeooooooooyy\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

    private const string LatinAdditionalBase = "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy\0\0\0\0\0\0aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy\0\0\0\0\0\0";

}

/// <summary>The folded key of a name, as the knowledge base stores it: for tools that prepare data files.</summary>
public static class KnowledgeBaseNames
{
    /// <summary>Tokenises and folds <paramref name="name"/> ("Côte d'Ivoire" → "cote d'ivoire").</summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = Entente.Nlp.Tokenization.Tokenizer.Default.Tokenize(name);
        return string.Join(' ', tokens.Select(t => NameFolding.Fold(t.Text)));
    }
}
