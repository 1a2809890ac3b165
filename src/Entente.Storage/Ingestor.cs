using System.Diagnostics;
using Entente.Coding.Events;
using Entente.Core;
using Entente.Core.Documents;

namespace Entente.Storage;

/// <summary>Progress of an ingest, reported after each document.</summary>
public sealed record IngestProgress(int Documents, int Added, int Replaced, int Unchanged, int Rejected, long Reports, TimeSpan Elapsed);

/// <summary>What an ingest did: documents read and what became of them, reports stored, and the store's totals after it.</summary>
public sealed record IngestSummary(int Documents, int Added, int Replaced, int Unchanged, int Rejected, long Reports, StoreCounts Totals, TimeSpan Elapsed);

/// <summary>How an <see cref="Ingestor"/> works: how many threads code, how many documents are coded and then stored in one transaction.</summary>
public sealed record IngestOptions(int Parallelism = 0, int BatchSize = 32)
{
    public static IngestOptions Default { get; } = new();

    internal int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;
}

/// <summary>
/// Codes documents and stores them in input order, one transaction per batch of documents (all of a batch or none of it
/// is stored). A document whose id and content hash are already stored is not coded again, so an ingest stopped at any
/// point (even by kill -9) and run again ends in the same state as one run to the end. Documents of a batch are coded
/// in parallel and stored in order; progress is reported once a batch is committed.
/// </summary>
public sealed class Ingestor
{
    private readonly IEventStore _store;
    private readonly EventCoder _coder;
    private readonly IngestOptions _options;

    public Ingestor(IEventStore store, EventCoder coder, IngestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(coder);
        _store = store;
        _coder = coder;
        _options = options ?? IngestOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.BatchSize);
    }

    /// <summary>Ingests <paramref name="documents"/>; <paramref name="progress"/> is called after each document.</summary>
    public IngestSummary Ingest(IEnumerable<Document> documents, Action<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var clock = Stopwatch.StartNew();
        int read = 0, added = 0, replaced = 0, unchanged = 0, rejected = 0;
        long reports = 0;
        var batch = new List<(Document Document, string Hash)>(_options.BatchSize);

        void Report() => progress?.Invoke(new IngestProgress(read, added, replaced, unchanged, rejected, reports, clock.Elapsed));

        void Flush()
        {
            var coded = new CodingResult[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.EffectiveParallelism, CancellationToken = cancellationToken },
                i => coded[i] = _coder.Code(batch[i].Document));
            cancellationToken.ThrowIfCancellationRequested();
            var toStore = new List<(StoredDocument, IReadOnlyList<CodedEvent>)>(batch.Count);
            for (int i = 0; i < batch.Count; i++)
            {
                var (doc, hash) = batch[i];
                var result = coded[i].Document;
                bool isRejected = result.Diagnostics.Any(d => d.Severity == Severity.Error);
                toStore.Add((new StoredDocument(doc.Id, doc.Source, doc.Url, doc.Title, doc.Date, hash, "en",
                    isRejected ? "rejected" : "coded", result.Diagnostics) { MentionedActors = coded[i].MentionedActors }, result.Events));
            }

            var outcomes = batch.Count == 0 ? [] : _store.StoreBatch(toStore);
            for (int i = 0; i < batch.Count; i++)
            {
                var result = coded[i].Document;
                bool isRejected = result.Diagnostics.Any(d => d.Severity == Severity.Error);
                switch (outcomes[i])
                {
                    case StoreOutcome.Added:
                        added++;
                        reports += result.Events.Length;
                        break;
                    case StoreOutcome.Replaced:
                        replaced++;
                        reports += result.Events.Length;
                        break;
                    default:
                        unchanged++;
                        break;
                }

                if (isRejected)
                {
                    rejected++;
                }

                read++;
                Report();
            }

            batch.Clear();
        }

        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hash = ContentHash.Of(document);
            if (_store.ContentHashOf(document.Id) == hash && !batch.Exists(b => b.Document.Id == document.Id))
            {
                read++;
                unchanged++;
                Report();
                continue;
            }

            batch.Add((document, hash));
            if (batch.Count >= _options.BatchSize)
            {
                Flush();
            }
        }

        Flush();
        return new IngestSummary(read, added, replaced, unchanged, rejected, reports, _store.Counts(), clock.Elapsed);
    }
}
