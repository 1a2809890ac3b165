using System.Text;
using Entente.Nlp.Conllu;

namespace Entente.Cli;

/// <summary>Writes a copy of a CoNLL-U file with the UPOS and XPOS columns of its words replaced by other tags.</summary>
internal static class ConlluTags
{
    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="target"/>, taking UPOS/XPOS of the n-th word line
    /// (integer id) from the n-th word of <paramref name="tagged"/>; everything else is kept byte for byte.
    /// </summary>
    public static void Rewrite(string source, IReadOnlyList<ConlluSentence> tagged, string target)
    {
        using var words = tagged.SelectMany(s => s.Words).GetEnumerator();
        var tmp = target + ".tmp";
        using (var w = new StreamWriter(tmp, false, new UTF8Encoding(false)))
        {
            foreach (var line in File.ReadLines(source))
            {
                var cols = line.Split('\t');
                if (cols.Length == 10 && int.TryParse(cols[0], out _))
                {
                    if (!words.MoveNext())
                    {
                        throw new InvalidDataException($"{source}: more word lines than tagged words");
                    }

                    cols[3] = words.Current.Upos;
                    cols[4] = words.Current.Xpos;
                    w.Write(string.Join('\t', cols));
                }
                else
                {
                    w.Write(line);
                }

                w.Write('\n');
            }
        }

        File.Move(tmp, target, overwrite: true);
    }
}
