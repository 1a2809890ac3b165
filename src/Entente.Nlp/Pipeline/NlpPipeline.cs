using Entente.Core;
using Entente.Nlp.Lemmatization;
using Entente.Nlp.Parsing;
using Entente.Nlp.Tagging;
using Entente.Nlp.Text;
using Entente.Nlp.Tokenization;

namespace Entente.Nlp.Pipeline;

/// <summary>
/// The NLP core as one stage: segmenter (tokens, sentences) then annotator (tags, lemmas, parse).
/// Create once, reuse from any thread.
/// </summary>
public sealed class NlpPipeline : IStage<string, AnalyzedDocument>
{
    private static readonly Lazy<NlpPipeline> LazyDefault = new(() => Create(accurate: false));
    private static readonly Lazy<NlpPipeline> LazyAccurate = new(() => Create(accurate: true));

    public NlpPipeline(Segmenter segmenter, Annotator annotator)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(annotator);
        Segmenter = segmenter;
        Annotator = annotator;
    }

    /// <summary>The fast models embedded in the assembly.</summary>
    public static NlpPipeline Default => LazyDefault.Value;

    /// <summary>The same tagger and lemmatizer with the accurate (beam) parser.</summary>
    public static NlpPipeline Accurate => LazyAccurate.Value;

    public Segmenter Segmenter { get; }

    public Annotator Annotator { get; }

    public string Name => Segmenter.Name + " > " + Annotator.Name;

    public AnalyzedDocument Process(string input) => Analyze(input, "text");

    /// <summary>
    /// Documents longer than this many characters are refused with <see cref="DiagnosticCodes.Oversized"/>:
    /// the longest news articles run to some 100,000 characters; anything far larger is a dump, not a document.
    /// </summary>
    public const int MaxDocumentChars = 5_000_000;

    public AnalyzedDocument Analyze(string text, string documentId)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(documentId);
        if (text.Length > MaxDocumentChars)
        {
            var d = new Diagnostic(
                DiagnosticCodes.Oversized,
                Severity.Error,
                documentId,
                $"document of {text.Length:N0} characters exceeds the limit of {MaxDocumentChars:N0}; not analysed");
            return new AnalyzedDocument(text, [], [d]);
        }

        return Annotator.Process(Segmenter.Segment(text, documentId));
    }

    public static NlpPipeline Create(bool accurate) =>
        new(Segmenter.Default, new Annotator(PosTagger.Default, Lemmatizer.Default, accurate ? ParserEnsemble.Accurate : DependencyParser.Default));
}
