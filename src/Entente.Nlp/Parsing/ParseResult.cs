namespace Entente.Nlp.Parsing;

/// <summary>
/// A labelled dependency tree: <see cref="Heads"/>[i] is the 1-based head of word i+1 (0 = root) and
/// <see cref="DepRels"/>[i] its UD relation. Exactly one word hangs from the root.
/// </summary>
public sealed record ParseResult(int[] Heads, string[] DepRels)
{
    /// <summary>The number of words of a parser's input; nulls and lists of different lengths are caller bugs.</summary>
    internal static int CheckInput(IReadOnlyList<string> forms, IReadOnlyList<string> upos, IReadOnlyList<string> xpos)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(upos);
        ArgumentNullException.ThrowIfNull(xpos);
        if (upos.Count != forms.Count || xpos.Count != forms.Count)
        {
            throw new ArgumentException($"forms, upos and xpos differ in length ({forms.Count}, {upos.Count}, {xpos.Count})");
        }

        return forms.Count;
    }
}
