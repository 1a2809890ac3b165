using Entente.Nlp.Pipeline;

namespace Entente.Coding.Events;

/// <summary>
/// Repairs the commonest tagging error on news sentences that the web-text treebank teaches: a clause with no
/// finite verb whose past-tense verb was read as a participle ("Poland supplied tanks to Ukraine" tagged
/// supplied/VBN, parsed as a noun phrase). When a sentence has no finite verb and a VBN follows a nominal
/// with no auxiliary before it, that VBN (after any adverbs: "Poland never supplied") becomes VBD.
/// </summary>
internal sealed class NewsTagRepair : ITagRepair
{
    public static NewsTagRepair Instance { get; } = new();

    public void Repair(string[] forms, string[] upos, string[] xpos)
    {
        for (int i = 0; i < xpos.Length; i++)
        {
            if (xpos[i] is "VBD" or "VBZ" or "VBP" or "MD")
            {
                return;
            }
        }

        for (int i = 1; i < xpos.Length; i++)
        {
            if (xpos[i] != "VBN" || !forms[i].EndsWith("ed", StringComparison.OrdinalIgnoreCase))
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
}
