using System.Text;
using Entente.Nlp.Conllu;

namespace Entente.Nlp.Tests.Tagging;

/// <summary>A handful of hand-tagged news sentences, written for these tests (no treebank is read).</summary>
internal static class TinyTreebank
{
    private static readonly string[] Lines =
    [
        "The/the/DET/DT minister/minister/NOUN/NN said/say/VERB/VBD sanctions/sanction/NOUN/NNS would/would/AUX/MD hurt/hurt/VERB/VB exports/export/NOUN/NNS ././PUNCT/.",
        "Russia/Russia/PROPN/NNP imposed/impose/VERB/VBD new/new/ADJ/JJ sanctions/sanction/NOUN/NNS on/on/ADP/IN Ukraine/Ukraine/PROPN/NNP ././PUNCT/.",
        "The/the/DET/DT government/government/NOUN/NN sent/send/VERB/VBD aid/aid/NOUN/NN to/to/ADP/IN the/the/DET/DT refugees/refugee/NOUN/NNS ././PUNCT/.",
        "Ministers/minister/NOUN/NNS met/meet/VERB/VBD in/in/ADP/IN Geneva/Geneva/PROPN/NNP on/on/ADP/IN Monday/Monday/PROPN/NNP ././PUNCT/.",
        "China/China/PROPN/NNP is/be/AUX/VBZ sending/send/VERB/VBG troops/troop/NOUN/NNS to/to/ADP/IN the/the/DET/DT border/border/NOUN/NN ././PUNCT/.",
        "They/they/PRON/PRP will/will/AUX/MD discuss/discuss/VERB/VB the/the/DET/DT talks/talk/NOUN/NNS tomorrow/tomorrow/NOUN/NN ././PUNCT/.",
        "The/the/DET/DT talks/talk/NOUN/NNS collapsed/collapse/VERB/VBD after/after/ADP/IN two/two/NUM/CD days/day/NOUN/NNS ././PUNCT/.",
        "Iran/Iran/PROPN/NNP rejected/reject/VERB/VBD the/the/DET/DT proposal/proposal/NOUN/NN ././PUNCT/.",
        "The/the/DET/DT president/president/NOUN/NN signed/sign/VERB/VBD a/a/DET/DT trade/trade/NOUN/NN agreement/agreement/NOUN/NN ././PUNCT/.",
        "Protesters/protester/NOUN/NNS attacked/attack/VERB/VBD the/the/DET/DT embassy/embassy/NOUN/NN in/in/ADP/IN Cairo/Cairo/PROPN/NNP ././PUNCT/.",
        "We/we/PRON/PRP condemn/condemn/VERB/VBP the/the/DET/DT attacks/attack/NOUN/NNS ././PUNCT/.",
        "France/France/PROPN/NNP and/and/CCONJ/CC Germany/Germany/PROPN/NNP promised/promise/VERB/VBD more/more/ADJ/JJR aid/aid/NOUN/NN ././PUNCT/.",
    ];

    public static IReadOnlyList<ConlluSentence> Sentences()
    {
        var sb = new StringBuilder();
        for (int s = 0; s < Lines.Length; s++)
        {
            sb.Append("# sent_id = tiny-").Append(s + 1).Append('\n');
            var words = Lines[s].Split(' ');
            for (int i = 0; i < words.Length; i++)
            {
                var p = words[i].Split('/');
                sb.Append($"{i + 1}\t{p[0]}\t{p[1]}\t{p[2]}\t{p[3]}\t_\t_\t_\t_\t_\n");
            }

            sb.Append('\n');
        }

        return ConlluReader.Read(new StringReader(sb.ToString()), "tiny.conllu").ToList();
    }
}
