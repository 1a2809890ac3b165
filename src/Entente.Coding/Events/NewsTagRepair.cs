using System.Collections.Frozen;
using Entente.Nlp.Lemmatization;
using Entente.Nlp.Pipeline;

namespace Entente.Coding.Events;

/// <summary>
/// Repairs the commonest tagging error on news sentences that the web-text treebank teaches: a clause with no
/// finite verb whose past-tense verb was read as a participle ("Poland supplied tanks to Ukraine" tagged
/// supplied/VBN, parsed as a noun phrase). When a sentence has no finite verb and a VBN follows a nominal
/// with no auxiliary before it, that VBN (after any adverbs: "Poland never supplied") becomes VBD. The same
/// error inside an object relative clause ("the accord which a Chilean firm signed with Lima", signed/VBN) is
/// repaired in any sentence: a VBN after "which"/"whom" (or "that" after a noun) and a noun phrase is VBD.
/// </summary>
/// <remarks>
/// Five more repairs of words that the tagger reads the web-text way, each of which changed the parse: a plural
/// noun read as a present-tense verb right after a verb ("swapped detainees/VBZ with", parsed as a clause)
/// becomes NNS; an adjective that ends a noun phrase right before a participle ("a British national/JJ held in
/// Tehran") becomes NN; the particle of a phrasal verb the event patterns know, read as a preposition before
/// the object ("handed over/IN the bodies"), becomes RP; a hyphen read as a comma inside a designation
/// ("Mark -/, II") becomes HYPH; and in a sentence without a finite verb, an irregular past read as a name or
/// noun after a nominal ("a demonstration drew/NNP a crowd") becomes VBD.
/// </remarks>
internal sealed class NewsTagRepair : ITagRepair
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _lemmasByParticle;
    private readonly Lemmatizer _lemmatizer;

    /// <summary>A repair that knows the phrasal verbs (lemma, particle) of <paramref name="phrasalVerbs"/>.</summary>
    public NewsTagRepair(IEnumerable<(string Lemma, string Particle)> phrasalVerbs, Lemmatizer lemmatizer)
    {
        ArgumentNullException.ThrowIfNull(phrasalVerbs);
        ArgumentNullException.ThrowIfNull(lemmatizer);
        _lemmasByParticle = phrasalVerbs
            .GroupBy(v => v.Particle, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(
                g => g.Key,
                g => FrozenSet.ToFrozenSet(g.Select(v => v.Lemma), StringComparer.Ordinal),
                StringComparer.OrdinalIgnoreCase);
        _lemmatizer = lemmatizer;
    }

    /// <summary>Irregular verbs whose past tense is spelt as their participle ("held talks", "struck targets").</summary>
    private static readonly FrozenSet<string> SamePastAndParticiple = FrozenSet.ToFrozenSet(
        ["held", "sent", "met", "struck", "hit", "shot", "fought", "led", "sold", "paid", "left", "built", "brought", "bought", "made",
         "told", "found", "lent", "spent", "kept", "lost", "won", "cut", "sought", "caught", "fled", "bound", "shut", "spread", "dealt", "meant"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Irregular past tenses that differ from their participle, which a sentence without a verb may have read as a name or noun.</summary>
    private static readonly FrozenSet<string> IrregularPast = FrozenSet.ToFrozenSet(
        ["drew", "took", "gave", "began", "wrote", "rose", "fell", "grew", "threw", "saw", "came", "went", "ran", "chose", "spoke", "broke",
         "drove", "knew", "stole", "swore", "flew", "withdrew", "overthrew", "undertook", "overtook", "forgave", "shook", "sank", "froze"],
        StringComparer.Ordinal);

    public void Repair(string[] forms, string[] upos, string[] xpos)
    {
        RepairHyphens(forms, upos, xpos);
        RepairNouns(forms, upos, xpos);
        RepairParticles(forms, upos, xpos);
        RepairObjectRelatives(forms, upos, xpos);
        for (int i = 0; i < xpos.Length; i++)
        {
            if (ParsedSentence.IsTensed(xpos[i]))
            {
                return;
            }
        }

        for (int i = 1; i < xpos.Length; i++)
        {
            // "A Malian demonstration against France drew a crowd": a lowercase past form read as a name
            if (xpos[i] is "NNP" or "NN" && char.IsLower(forms[i][0]) && IrregularPast.Contains(forms[i]) && upos[i - 1] is "PROPN" or "NOUN")
            {
                xpos[i] = "VBD";
                upos[i] = "VERB";
                return;
            }
        }

        for (int i = 1; i < xpos.Length; i++)
        {
            if (xpos[i] != "VBN" || !(forms[i].EndsWith("ed", StringComparison.OrdinalIgnoreCase) || SamePastAndParticiple.Contains(forms[i])))
            {
                continue;
            }

            int before = i - 1;
            while (before > 0 && upos[before] == "ADV")
            {
                before--;
            }

            if (upos[before] is "PROPN" or "NOUN" or "PRON")
            {
                xpos[i] = "VBD";
                upos[i] = "VERB";
                return;
            }
        }
    
    }

    private static bool EndsClause(string[] xpos, int i) => i >= xpos.Length || xpos[i] is "IN" or "TO" or "CC" or "." or "," or ":";

    private static bool StartsNounPhrase(string xpos) => xpos is "DT" or "PDT" or "PRP$" or "JJ" or "JJR" or "JJS" or "CD" or "NN" or "NNS" or "NNP" or "NNPS";

    /// <summary>"Mark-II", split as EWT splits hyphenated words: the hyphen read as a comma becomes HYPH.</summary>
    private static void RepairHyphens(string[] forms, string[] upos, string[] xpos)
    {
        for (int i = 1; i + 1 < forms.Length; i++)
        {
            if (forms[i] == "-" && xpos[i] is "," or ":" && upos[i - 1] != "PUNCT" && upos[i + 1] != "PUNCT")
            {
                xpos[i] = "HYPH";
                upos[i] = "PUNCT";
            }
        }
    }

    private static void RepairNouns(string[] forms, string[] upos, string[] xpos)
    {
        for (int i = 1; i < xpos.Length; i++)
        {
            // "swapped detainees with": two verbs in a row, the second a bare -s form closing the phrase
            if (xpos[i] == "VBZ" && xpos[i - 1] is "VBD" or "VBP" or "VB" && EndsClause(xpos, i + 1)
                && forms[i].Length > 3 && forms[i].EndsWith('s') && char.IsLower(forms[i][0]))
            {
                xpos[i] = "NNS";
                upos[i] = "NOUN";
            }

            // "a British national held in": determiner, adjectives, then a participle where the noun should be
            if (xpos[i - 1] == "JJ" && xpos[i] is "VBN" or "VBD" && i >= 2)
            {
                int j = i - 1;
                while (j > 0 && xpos[j] == "JJ")
                {
                    j--;
                }

                if (xpos[j] is "DT" or "PRP$" && j < i - 1 && forms[j].ToLowerInvariant() is "a" or "an" or "the" or "another" or "his" or "her" or "its" or "their" or "our")
                {
                    xpos[i - 1] = "NN";
                    upos[i - 1] = "NOUN";
                }
            }
        }
    }

    private void RepairParticles(string[] forms, string[] upos, string[] xpos)
    {
        for (int i = 0; i + 2 < xpos.Length; i++)
        {
            // the word after the verb must be a particle the patterns name before the verb is lemmatised
            if (upos[i] != "VERB" || xpos[i + 1] is not ("IN" or "RB") || !StartsNounPhrase(xpos[i + 2])
                || !_lemmasByParticle.TryGetValue(forms[i + 1], out var lemmas))
            {
                continue;
            }

            if (lemmas.Contains(_lemmatizer.Lemmatize(forms[i], upos[i], xpos[i]).ToLowerInvariant()))
            {
                xpos[i + 1] = "RP";
                upos[i + 1] = "ADP";
            }
        }
    }

    private static void RepairObjectRelatives(string[] forms, string[] upos, string[] xpos)
    {
        for (int i = 2; i < xpos.Length; i++)
        {
            if (xpos[i] != "VBN" || !forms[i].EndsWith("ed", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // back over the relative clause's subject: "a Pakistani company DMI Associates", "the Chilean firm"
            int j = i - 1;
            bool nominal = false;
            while (j > 0 && upos[j] is "DET" or "ADJ" or "NOUN" or "PROPN" or "NUM" or "PRON" && xpos[j] is not ("WDT" or "WP"))
            {
                nominal |= upos[j] is "NOUN" or "PROPN" or "PRON";
                j--;
            }

            if (!nominal || j <= 0 || j == i - 1)
            {
                continue;
            }

            string rel = forms[j].ToLowerInvariant();
            bool relative = rel is "which" or "whom"
                || (rel == "that" && upos[j - 1] is "NOUN" or "PROPN" && !(i + 1 < forms.Length && forms[i + 1].Equals("by", StringComparison.OrdinalIgnoreCase)));
            if (relative)
            {
                xpos[i] = "VBD";
                upos[i] = "VERB";
            }
        }
    }
}
