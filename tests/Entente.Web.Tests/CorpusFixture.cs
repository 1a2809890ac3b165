using Entente.Core.Documents;
using Entente.Sources;
using Entente.Storage;
using Entente.Web;

namespace Entente.Web.Tests;

/// <summary>
/// A DuckDB file ingested once from corpus/relations.jsonl (66 wire stories, 2023-01 to 2024-06: Pakistan and Russia
/// warming in 2024, the United States and Russia in conflict, China and Pakistan cooperating, India and Pakistan in
/// conflict, one event reported twice, and one story full of hostile markup). Each test server opens its own copy.
/// </summary>
public sealed class CorpusFixture : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "entente-web-tests-" + Guid.NewGuid().ToString("N"));

    public CorpusFixture()
    {
        Directory.CreateDirectory(_dir);
        DbPath = Path.Combine(_dir, "corpus.duckdb");
        using var store = EventStore.Open(DbPath);
        var docs = DocumentSource.Default.ReadFile(Path.Combine(AppContext.BaseDirectory, "corpus", "relations.jsonl"))
            .Select(i => i.Document).OfType<Document>().ToList();
        Documents = docs.Count;
        Summary = new Ingestor(store, Entente.Coding.Events.EventCoder.Default).Ingest(docs);
    }

    public string DbPath { get; }

    public int Documents { get; }

    public IngestSummary Summary { get; }

    /// <summary>A fresh copy of the ingested database, for a test that writes or holds it open.</summary>
    public string Copy()
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".duckdb");
        File.Copy(DbPath, path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition("corpus")]
public sealed class CorpusCollection : ICollectionFixture<CorpusFixture>
{
}
