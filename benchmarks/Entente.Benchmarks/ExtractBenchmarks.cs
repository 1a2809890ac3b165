using BenchmarkDotNet.Attributes;
using Entente.Coding.Events;
using Entente.Core.Documents;
using Entente.Sources;

namespace Entente.Benchmarks;

/// <summary>
/// End-to-end event extraction (tokenise, split, resolve actors, tag, parse, code, serialise) on one core, over
/// the first 300 articles of the Kremlin corpus in <c>../shared/corpora/kremlin-en-news</c> (read at set-up,
/// never shipped). The sentence count is printed at set-up: sentences per second = count / mean.
/// Run: dotnet run -c Release --project benchmarks/Entente.Benchmarks -- --filter '*Extract*'
/// </summary>
[MemoryDiagnoser]
public class ExtractBenchmarks
{
    private List<Document> _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        string corpus = FindCorpus();
        _documents = DocumentSource.Default.ReadFile(corpus)
            .Where(i => i.Document is not null)
            .Select(i => i.Document!)
            .Take(300)
            .ToList();
        var first = _documents.Select(EventCoder.Default.Code).ToList();
        Console.WriteLine($"// documents: {_documents.Count}, sentences: {first.Sum(r => r.Sentences)}, parsed: {first.Sum(r => r.SentencesParsed)}, events: {first.Sum(r => r.Document.Events.Length)}");
    }

    [Benchmark]
    public int ExtractKremlin300()
    {
        int bytes = 0;
        foreach (var d in _documents)
        {
            foreach (var e in EventCoder.Default.Code(d).Document.Events)
            {
                bytes += EventJson.ToJson(e).Length;
            }
        }

        return bytes;
    }

    private static string FindCorpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "corpora", "kremlin-en-news", "kremlin_en_news.jsonl");
            if (File.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new FileNotFoundException("../shared/corpora/kremlin-en-news/kremlin_en_news.jsonl not found beside the repository");
    }
}
