using BenchmarkDotNet.Attributes;
using Entente.Nlp.Pipeline;
using Entente.Nlp.Text;
using Entente.Nlp.Tokenization;

namespace Entente.Benchmarks;

/// <summary>
/// Throughput of the NLP core on news-style text. Each operation analyses the same ~1,000-word
/// text; divide the word count (printed once at set-up) by the mean time for tokens per second.
/// Run: dotnet run -c Release --project benchmarks/Entente.Benchmarks -- --filter '*Pipeline*'
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const string Paragraph =
        "The foreign ministers of Poland and Ukraine met in Warsaw on Tuesday and agreed to expand the supply of " +
        "artillery shells, officials said. Russia's deputy foreign minister warned that any such transfer would be " +
        "treated as a hostile act, and the Kremlin summoned the Polish ambassador. Pakistan didn't comment on " +
        "reports that a private firm had shipped USD 900 million worth of ammunition to Kyiv via a third country. " +
        "\"We remain neutral,\" the spokesperson told reporters in Islamabad, adding that talks with Moscow on gas " +
        "supplies would continue next month.\n\n";

    private string _text = string.Empty;
    private SegmentedText _segmented = null!;
    private NlpPipeline _fast = null!;
    private NlpPipeline _accurate = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = string.Concat(Enumerable.Repeat(Paragraph, 10));
        _fast = NlpPipeline.Default;
        _accurate = NlpPipeline.Accurate;
        _segmented = Segmenter.Default.Segment(_text, "bench");
        Console.WriteLine($"// words per operation: {_segmented.Sentences.Sum(s => s.Tokens.Length)}");
    }

    [Benchmark]
    public SegmentedText Segment() => Segmenter.Default.Segment(_text, "bench");

    [Benchmark(Baseline = true)]
    public AnalyzedDocument TagLemmaParseFast() => _fast.Annotator.Process(_segmented);

    [Benchmark]
    public AnalyzedDocument TagLemmaParseAccurate() => _accurate.Annotator.Process(_segmented);

    [Benchmark]
    public AnalyzedDocument WholePipelineFast() => _fast.Analyze(_text, "bench");
}
