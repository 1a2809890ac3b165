using System.Collections.Immutable;
using Entente.Core;
using Entente.Nlp.Lemmatization;
using Entente.Nlp.Parsing;
using Entente.Nlp.Tagging;
using Entente.Nlp.Text;

namespace Entente.Nlp.Pipeline;

/// <summary>
/// Tags, lemmatises and parses each sentence of a segmented text. Immutable and thread-safe.
/// Run-on "sentences" are bounded where they are made: the <see cref="Tokenization.SentenceSplitter"/>
/// cuts them at its maximum length and reports <see cref="DiagnosticCodes.Oversized"/>.
/// </summary>
public sealed class Annotator : IStage<SegmentedText, AnalyzedDocument>
{
    private readonly PosTagger _tagger;
    private readonly Lemmatizer _lemmatizer;
    private readonly IDependencyParser _parser;

    public Annotator(PosTagger tagger, Lemmatizer lemmatizer, IDependencyParser parser)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(lemmatizer);
        ArgumentNullException.ThrowIfNull(parser);
        _tagger = tagger;
        _lemmatizer = lemmatizer;
        _parser = parser;
    }

    public string Name => "annotator";

    public AnalyzedDocument Process(SegmentedText input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sentences = ImmutableArray.CreateBuilder<AnalyzedSentence>(input.Sentences.Length);
        foreach (var sentence in input.Sentences)
        {
            sentences.Add(Analyze(input.Text, sentences.Count, sentence.Tokens));
        }

        return new AnalyzedDocument(input.Text, sentences.MoveToImmutable(), input.Diagnostics);
    }

    /// <summary>
    /// Analyses one sentence of a segmented text, for callers that analyse only the sentences they need
    /// (the event coder skips sentences that name fewer than two actors).
    /// </summary>
    public AnalyzedSentence AnalyzeSentence(string text, Sentence sentence, ITagRepair? repair = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentence);
        return Analyze(text, sentence.Index, sentence.Tokens, repair);
    }

    /// <summary>Analyses pre-tokenised words (gold tokens in evaluation); offsets are word positions.</summary>
    public AnalyzedSentence AnalyzeWords(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var tokens = ImmutableArray.CreateBuilder<Token>(words.Count);
        int pos = 0;
        foreach (var w in words)
        {
            tokens.Add(new Token(w, pos, pos + w.Length));
            pos += w.Length + 1;
        }

        return Analyze(string.Join(' ', words), 0, tokens.MoveToImmutable());
    }

    private AnalyzedSentence Analyze(string text, int index, ImmutableArray<Token> tokens, ITagRepair? repair = null)
    {
        if (tokens.IsEmpty)
        {
            return new AnalyzedSentence(index, 0, 0, string.Empty, []);
        }

        var forms = new string[tokens.Length];
        for (int i = 0; i < forms.Length; i++)
        {
            forms[i] = tokens[i].Text;
        }

        var tags = _tagger.Tag(forms);
        repair?.Repair(forms, tags.Upos, tags.Xpos);
        var parse = _parser.Parse(forms, tags.Upos, tags.Xpos);
        var result = ImmutableArray.CreateBuilder<AnalyzedToken>(forms.Length);
        for (int i = 0; i < forms.Length; i++)
        {
            var t = tokens[i];
            result.Add(new AnalyzedToken(
                i + 1,
                t.Text,
                t.Start,
                t.End,
                tags.Upos[i],
                tags.Xpos[i],
                _lemmatizer.Lemmatize(t.Text, tags.Upos[i], tags.Xpos[i]),
                parse.Heads[i],
                parse.DepRels[i]));
        }

        int start = tokens[0].Start, end = tokens[^1].End;
        var sentenceText = end <= text.Length ? text[start..end] : string.Join(' ', forms);
        return new AnalyzedSentence(index, start, end, sentenceText, result.MoveToImmutable());
    }
}

/// <summary>
/// A correction applied to the tagger's output before parsing (for example, a domain rule that knows a
/// sentence-initial "X supplied Y" in news is a finite verb). Changes the arrays in place.
/// </summary>
public interface ITagRepair
{
    void Repair(string[] forms, string[] upos, string[] xpos);
}
