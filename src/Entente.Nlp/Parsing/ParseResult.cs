namespace Entente.Nlp.Parsing;

/// <summary>
/// A labelled dependency tree: <see cref="Heads"/>[i] is the 1-based head of word i+1 (0 = root) and
/// <see cref="DepRels"/>[i] its UD relation. Exactly one word hangs from the root.
/// </summary>
public sealed record ParseResult(int[] Heads, string[] DepRels);
