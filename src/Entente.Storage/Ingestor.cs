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
/// How an <see cref="Ingestor"/> works: how many threads code, how many documents are coded and then stored in one
/// transaction, and how often the store is released so that readers in other processes can open a DuckDB file
/// (<see cref="IEventStore.Release"/>; default every second, <see cref="Timeout.InfiniteTimeSpan"/> never).
/// </summary>
public sealed record IngestOptions(int Parallelism = 0, int BatchSize = 32, TimeSpan? ReleaseEvery = null)
{
    public static IngestOptions Default { get; } = new();

    internal int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;

    internal TimeSpan EffectiveReleaseEvery => ReleaseEvery ?? TimeSpan.FromSeconds(1);
}

/// <summary>
/// Codes documents and stores them in input order, one transaction per batch of documents (all of a batch or none of it
/// is stored). A document whose id and content hash are already stored is not coded again (the stored hashes are read
/// once at the start), so an ingest stopped at any point (even by kill -9) and run again ends in the same state as one
/// run to the end. Coding and storing overlap: while batch n is stored on the calling thread, batch n+1 is coded in
/// parallel on others. Progress is reported once a batch is committed. Between batches the store is released now and
/// then, and stays released for a moment, so that a reader waiting for a DuckDB file gets in.
/// </summary>
public sealed class Ingestor
{
    /// <summary>How long the store stays released before the next batch reopens it.</summary>
    private static readonly TimeSpan ReleaseGap = TimeSpan.FromMilliseconds(100);

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
        var held = Stopwatch.StartNew();
        Stopwatch? released = null;
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
                        if (released is { } r && r.Elapsed < ReleaseGap)
                        {
                            Thread.Sleep(ReleaseGap - r.Elapsed);
                        }

                        if (released is not null)
                        {
                            held.Restart();
                            released = null;
                        }

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

                    if (released is null && held.Elapsed >= _options.EffectiveReleaseEvery && _options.EffectiveReleaseEvery != Timeout.InfiniteTimeSpan)
                    {
                        _store.Release();
                        released = Stopwatch.StartNew();
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
            int toCode = 0;
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
                if (toCode >= _options.BatchSize || batch.Count >= _options.BatchSize * 8)
                {
                    Write(Code(batch, cancellationToken));
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
            var result = coded.Document;
            bool isRejected = result.Diagnostics.Any(d => d.Severity == Severity.Error);
            entries[i] = new Entry(coded, new StoredDocument(doc.Id, doc.Source, doc.Url, doc.Title, doc.Date, hash, "en",
                isRejected ? "rejected" : "coded", result.Diagnostics));
        });
        return entries;
    }

    /// <summary>A document of a batch: coded and ready to store, or (both null) unchanged since the last ingest.</summary>
    private sealed record Entry(CodingResult? Coded, StoredDocument? Stored);
}
