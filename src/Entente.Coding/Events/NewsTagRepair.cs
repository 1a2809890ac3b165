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
internal sealed class NewsTagRepair : ITagRepair
{
    public static NewsTagRepair Instance { get; } = new();

    /// <summary>Irregular verbs whose past tense is spelt as their participle ("held talks", "struck targets").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> SamePastAndParticiple = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["held", "sent", "met", "struck", "hit", "shot", "fought", "led", "sold", "paid", "left", "built", "brought", "bought", "made",
         "told", "found", "lent", "spent", "kept", "lost", "won", "cut", "sought", "caught", "fled", "bound", "shut", "spread", "dealt", "meant"],
        StringComparer.OrdinalIgnoreCase);

    public void Repair(string[] forms, string[] upos, string[] xpos)
    {
        RepairObjectRelatives(forms, upos, xpos);
        for (int i = 0; i < xpos.Length; i++)
        {
            if (xpos[i] is "VBD" or "VBZ" or "VBP" or "MD")
            {
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
