using System.Collections.Immutable;
using Entente.Core;

namespace Entente.Nlp.Text;

/// <summary>A word-level token: its text and its [Start, End) character offsets in the original document.</summary>
/// <remarks>
/// Tokens follow UD English EWT conventions: "Pakistan's" is "Pakistan" + "'s", "didn't" is "did" + "n't".
/// <see cref="Text"/> is normally the slice of the document at the offsets; for the parts of a contraction
/// written without a boundary ("cannot" → "can" + "not") each part slices its own characters.
/// </remarks>
public sealed record Token(string Text, int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>A sentence: its tokens and its [Start, End) character offsets in the document.</summary>
public sealed record Sentence(int Index, int Start, int End, ImmutableArray<Token> Tokens);

/// <summary>A document cut into sentences and tokens, with the diagnostics met on the way.</summary>
public sealed record SegmentedText(string Text, ImmutableArray<Sentence> Sentences, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>A token with its part of speech (UPOS and PTB XPOS), lemma and dependency (1-based head, 0 = root).</summary>
public sealed record AnalyzedToken(
    int Id,
    string Form,
    int Start,
    int End,
    string Upos,
    string Xpos,
    string Lemma,
    int Head,
    string DepRel);

/// <summary>A sentence after tagging, lemmatisation and parsing.</summary>
public sealed record AnalyzedSentence(int Index, int Start, int End, string Text, ImmutableArray<AnalyzedToken> Tokens);

/// <summary>A document after the whole NLP pipeline.</summary>
public sealed record AnalyzedDocument(string Text, ImmutableArray<AnalyzedSentence> Sentences, ImmutableArray<Diagnostic> Diagnostics);
