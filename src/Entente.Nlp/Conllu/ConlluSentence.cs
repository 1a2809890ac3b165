using System.Collections.Immutable;

namespace Entente.Nlp.Conllu;

/// <summary>One syntactic word of a CoNLL-U sentence (empty nodes such as 8.1 are not kept).</summary>
public sealed record ConlluWord(
    int Id,
    string Form,
    string Lemma,
    string Upos,
    string Xpos,
    string Feats,
    int Head,
    string DepRel,
    string Misc)
{
    /// <summary>False when MISC says SpaceAfter=No.</summary>
    public bool SpaceAfter => !Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
}

/// <summary>A multi-word token line such as <c>3-4	cannot</c>: surface form spanning words First..Last.</summary>
public sealed record ConlluMultiword(int First, int Last, string Form, string Misc)
{
    public bool SpaceAfter => !Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
}

/// <summary>A CoNLL-U sentence with its comment metadata.</summary>
public sealed record ConlluSentence(
    ImmutableArray<ConlluWord> Words,
    ImmutableArray<ConlluMultiword> Multiwords,
    ImmutableDictionary<string, string> Metadata,
    int LineNumber)
{
    public string? Text => Metadata.GetValueOrDefault("text");

    public string? SentId => Metadata.GetValueOrDefault("sent_id");

    /// <summary>True when this sentence starts a new document (<c># newdoc</c>).</summary>
    public bool NewDoc => Metadata.ContainsKey("newdoc") || Metadata.ContainsKey("newdoc id");

    /// <summary>True when this sentence starts a new paragraph (<c># newpar</c>).</summary>
    public bool NewPar => Metadata.ContainsKey("newpar") || Metadata.ContainsKey("newpar id");

    public string[] Forms() => Words.Select(w => w.Form).ToArray();
}
