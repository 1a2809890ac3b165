using System.Collections.Frozen;

namespace Entente.Sources;

/// <summary>
/// A cheap test that a text is English, for models trained on English only: the share of common English function
/// words among the word tokens. Words that are also frequent in French, Spanish, Italian, German or Portuguese
/// (<c>a</c>, <c>in</c>, <c>an</c>, <c>was</c>, <c>no</c>, ...) are left out of the list so that those languages score near zero,
/// while English prose scores 25–40%. Terse English full of names ("In the ceremony took part Mr Sobchak's widow, ...")
/// can score under the bar too, so a text of fewer than <see cref="MinWordsWithoutEvidence"/> words is only refused
/// when function words of other languages (French, German, Spanish, Italian, Portuguese) make up a tenth of it.
/// </summary>
internal static class EnglishCheck
{
    /// <summary>Texts with fewer words than this are not judged.</summary>
    public const int MinWords = 20;

    /// <summary>Below this share of function words a text is not English.</summary>
    public const double MinFunctionWordShare = 0.05;

    /// <summary>A text this long with too few English function words is refused even without signs of another language.</summary>
    public const int MinWordsWithoutEvidence = 60;

    /// <summary>The share of other languages' function words that is evidence enough for a shorter text.</summary>
    public const double MinForeignShare = 0.10;

    private const int MaxWordsExamined = 5_000;

    /// <summary>Frequent function words of French, German, Spanish, Italian and Portuguese that are rare in English text.</summary>
    private static readonly FrozenSet<string> ForeignWords = new[]
    {
        "le", "la", "les", "des", "du", "et", "est", "une", "pour", "dans", "qui", "que", "sur", "avec", "pas", "elle",
        "au", "aux", "ce", "cette", "sont", "ont", "été", "à", "où", "nous", "vous", "ils", "entre", "après", "selon",
        "der", "das", "und", "ist", "nicht", "mit", "von", "zu", "dem", "ein", "eine", "einer", "auf", "für", "sich",
        "auch", "wurde", "werden", "nach", "bei", "sie", "wie", "aus", "im", "zwischen", "haben", "hat", "sind",
        "el", "los", "las", "del", "y", "por", "con", "para", "una", "es", "se", "su", "sus", "lo", "como", "más",
        "pero", "fue", "según", "tras", "di", "che", "della", "delle", "degli", "non", "sono", "il", "gli", "nel",
        "dos", "em", "não", "os", "uma", "com", "ao", "pelo", "pela",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ForeignWordLookup =
        ForeignWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> FunctionWords = new[]
    {
        "the", "of", "and", "to", "is", "are", "were", "be", "been", "being", "that", "this", "these", "those", "with",
        "for", "from", "by", "at", "as", "it", "its", "not", "but", "or", "which", "who", "whom", "whose", "what",
        "when", "where", "why", "how", "she", "they", "them", "their", "his", "her", "him", "we", "our", "you",
        "your", "my", "have", "had", "would", "could", "should", "can", "might", "must", "shall", "does",
        "did", "than", "then", "there", "here", "about", "after", "before", "over", "into", "against", "between",
        "under", "because", "while", "if", "all", "any", "some", "such", "only", "said", "says", "more", "most",
        "other", "has", "up", "out", "since", "during", "through", "without", "within",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWordLookup =
        FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Null when the text is English or too short to tell; otherwise the reason it is not.</summary>
    public static string? Problem(string text)
    {
        int words = 0, functionWords = 0, foreignWords = 0, letters = 0, latinLetters = 0;
        var span = text.AsSpan();
        int i = 0;
        while (i < span.Length && words < MaxWordsExamined)
        {
            if (!char.IsLetter(span[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < span.Length && (char.IsLetter(span[i]) || (span[i] is '\'' or '’' && i + 1 < span.Length && char.IsLetter(span[i + 1]))))
            {
                letters++;
                if (IsLatin(span[i]))
                {
                    latinLetters++;
                }

                i++;
            }

            words++;
            var word = span[start..i];
            if (FunctionWordLookup.Contains(word))
            {
                functionWords++;
            }
            else if (ForeignWordLookup.Contains(word))
            {
                foreignWords++;
            }
        }

        if (letters >= 40 && latinLetters * 2 < letters)
        {
            return $"not English: the text is mostly in a script other than Latin ({100 * latinLetters / letters}% of letters are Latin)";
        }

        if (words < MinWords)
        {
            return null;
        }

        double share = (double)functionWords / words;
        double foreign = (double)foreignWords / words;
        if (share >= MinFunctionWordShare || (words < MinWordsWithoutEvidence && foreign < MinForeignShare))
        {
            return null;
        }

        return $"not English: {functionWords} of {words} words are common English function words (under {MinFunctionWordShare:P0}), "
            + $"{foreignWords} are function words of French, German, Spanish, Italian or Portuguese";
    }

    private static bool IsLatin(char c) =>
        char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F' && c != '\u00D7' && c != '\u00F7' || c is >= '\u1E00' and <= '\u1EFF';
}
