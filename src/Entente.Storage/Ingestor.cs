using System.Diagnostics;
using System.Threading.Channels;
using Entente.Coding.Events;
using Entente.Core;
using Entente.Core.Documents;

namespace Entente.Storage;

/// <summary>Progress of an ingest, reported after each document.</summary>
public sealed record IngestProgress(int Documents, int Added, int Replaced, int Unchanged, int Rejected, long Reports, TimeSpan Elapsed);

/// <summary>What an ingest did: documents read and what became of them, reports stored, and the store's totals after it.</summary>
public sealed record IngestSummary(int Documents, int Added, int Replaced, int Unchanged, int Rejected, long Reports, StoreCounts Totals, TimeSpan Elapsed);

/// <summary>
/// How an <see cref="Ingestor"/> works: how many threads code, and how many documents are coded and then stored in one
/// transaction. A batch starts at <see cref="BatchSize"/> documents and grows (at most doubling each time, up to
/// <see cref="MaxBatchSize"/>) towards <see cref="BatchSeconds"/> of coding: storing a batch costs a few fixed
/// milliseconds (a commit, a few statements), so quickly coded documents are stored many at a time, while slow ones
/// still commit (and show progress) often.
/// </summary>
public sealed record IngestOptions(int Parallelism = 0, int BatchSize = 32, int MaxBatchSize = 1024, double BatchSeconds = 1.0)
{
    public static IngestOptions Default { get; } = new();

    internal int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;

    /// <summary>The size of the next batch, from the last one's size and coding time.</summary>
    internal int Next(int size, TimeSpan coding)
    {
        double target = coding.TotalSeconds <= 0 ? MaxBatchSize : size * BatchSeconds / coding.TotalSeconds;
        return (int)Math.Clamp(Math.Min(target, size * 2.0), BatchSize, Math.Max(BatchSize, MaxBatchSize));
    }
}

/// <summary>
/// Codes documents and stores them in input order, one transaction per batch of documents (all of a batch or none of it
/// is stored). A document whose id and content hash are already stored is not coded again (the stored hashes are read
/// once at the start), so an ingest stopped at any point (even by kill -9) and run again ends in the same state as one
/// run to the end. Coding and storing overlap: while batch n is stored on the calling thread, batch n+1 is coded in
/// parallel on others. Progress is reported once a batch is committed.
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

    /// <summary>Ingests <paramref name="documents"/>; <paramref name="progress"/> is called after each document, on the calling thread.</summary>
    public IngestSummary Ingest(IEnumerable<Document> documents, Action<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var clock = Stopwatch.StartNew();
        int read = 0, added = 0, replaced = 0, unchanged = 0, rejected = 0;
        long reports = 0;
        var known = new Dictionary<string, string>(_store.ContentHashes(), StringComparer.Ordinal);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<Entry[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => Produce(documents, known, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (channel.Reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                while (channel.Reader.TryRead(out var batch))
                {
                    var toStore = batch.Where(e => e.Coded is not null).Select(e => (e.Stored!, (IReadOnlyList<CodedEvent>)e.Coded!.Document.Events)).ToList();
                    IReadOnlyList<StoreOutcome> outcomes = [];
                    if (toStore.Count > 0)
                    {
                        outcomes = _store.StoreBatch(toStore);
                    }

                    int k = 0;
                    foreach (var entry in batch)
                    {
                        read++;
                        if (entry.Coded is null)
                        {
                            unchanged++;
                        }
                        else
                        {
                            var result = entry.Coded.Document;
                            switch (outcomes[k++])
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

                            if (entry.Stored!.Status == "rejected")
                            {
                                rejected++;
                            }
                        }

                        progress?.Invoke(new IngestProgress(read, added, replaced, unchanged, rejected, reports, clock.Elapsed));
                    }
                }
            }

            producer.GetAwaiter().GetResult();
        }
        catch
        {
            stop.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // The consumer's failure is the one to report; the producer stopped because of it or failed alike.
            }

            throw;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new IngestSummary(read, added, replaced, unchanged, rejected, reports, _store.Counts(), clock.Elapsed);
    }

    /// <summary>Reads, hashes and codes the documents in batches; unchanged documents pass through uncoded.</summary>
    private void Produce(IEnumerable<Document> documents, Dictionary<string, string> known, ChannelWriter<Entry[]> output, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<(Document Document, string Hash, bool Code)>();
            int toCode = 0, size = _options.BatchSize;
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var hash = ContentHash.Of(document);
                bool code = !(known.TryGetValue(document.Id, out var stored) && stored == hash);
                if (code)
                {
                    known[document.Id] = hash;
                    toCode++;
                }

                batch.Add((document, hash, code));
                if (toCode >= size || batch.Count >= size * 8)
                {
                    var clock = Stopwatch.StartNew();
                    var entries = Code(batch, cancellationToken);
                    if (toCode > 0)
                    {
                        size = _options.Next(size, clock.Elapsed * size / toCode);
                    }

                    Write(entries);
                    batch.Clear();
                    toCode = 0;
                }
            }

            if (batch.Count > 0)
            {
                Write(Code(batch, cancellationToken));
            }

            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }

        void Write(Entry[] entries) => output.WriteAsync(entries, cancellationToken).AsTask().GetAwaiter().GetResult();
    }

    private Entry[] Code(List<(Document Document, string Hash, bool Code)> batch, CancellationToken cancellationToken)
    {
        var entries = new Entry[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.EffectiveParallelism, CancellationToken = cancellationToken }, i =>
        {
            var (doc, hash, code) = batch[i];
            if (!code)
            {
                entries[i] = new Entry(null, null);
                return;
            }

            var coded = _coder.Code(doc);
            entries[i] = new Entry(coded, Describe(doc, hash, coded));
        });
        return entries;
    }

    /// <summary>
    /// The document as the store keeps it after coding: rejected when the coder reported an error about it, with the
    /// actors it mentions. Every way of ingesting (this class, the cluster) builds it here, so they store the same.
    /// </summary>
    public static StoredDocument Describe(Document document, string contentHash, CodingResult coded)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(coded);
        var result = coded.Document;
        bool isRejected = result.Diagnostics.Any(d => d.Severity == Severity.Error);
        return new StoredDocument(document.Id, document.Source, document.Url, document.Title, document.Date, contentHash, "en",
            isRejected ? "rejected" : "coded", result.Diagnostics) { MentionedActors = coded.MentionedActors };
    }

    /// <summary>A document of a batch: coded and ready to store, or (both null) unchanged since the last ingest.</summary>
    private sealed record Entry(CodingResult? Coded, StoredDocument? Stored);
}
