using System.Collections.Immutable;
using System.Diagnostics;
using Entente.Core.Documents;
using Entente.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Entente.Cluster;

/// <summary>How the client feeds the cluster: documents per batch, batches in flight at once, tries per call.</summary>
public sealed record ClusterIngestOptions(int BatchSize = 8, int InFlight = 8, int CodeAttempts = 8, int StoreAttempts = 40);

/// <summary>Progress after each stored batch.</summary>
public sealed record ClusterProgress(int Documents, int Unchanged, long Reports, int Poisoned, int Retries, TimeSpan Elapsed);

/// <summary>A document the coder threw on: reported and skipped.</summary>
public sealed record PoisonedDocument(string DocumentId, string Reason);

/// <summary>What a cluster ingest did; the same counts as <see cref="IngestSummary"/> plus what only a cluster has.</summary>
public sealed record ClusterIngestSummary(
    IngestSummary Ingest,
    ImmutableArray<PoisonedDocument> Poisoned,
    int Retries,
    ImmutableDictionary<string, int> CodedBySilo,
    TimeSpan StoreTime);

/// <summary>
/// The client side of <c>entente cluster ingest</c>. Reads documents lazily, codes batches on the cluster's coder grains
/// with at most <see cref="ClusterIngestOptions.InFlight"/> batches outstanding (back-pressure: input is read only as
/// fast as the cluster codes), and has each batch stored, in input order, by the one store writer. Every call is retried
/// with backoff when a node fails (at-least-once); the store's content hashes make a batch stored twice change nothing,
/// so the result is exactly-once in effect. A batch that fails on every try is split, and a document that still fails
/// alone, or that the coder throws on, is reported and skipped.
/// </summary>
public sealed class ClusterIngest
{
    private readonly IGrainFactory grains;
    private readonly ClusterIngestOptions options;
    private readonly ILogger log;
    private readonly Polly.ResiliencePipeline _codeRetry;
    private readonly Polly.ResiliencePipeline _storeRetry;
    private int _retries;
    private long _slot;

    public ClusterIngest(IGrainFactory grains, ClusterIngestOptions options, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.InFlight);
        this.grains = grains;
        this.options = options;
        this.log = log;
        _codeRetry = Resilience.Calls(options.CodeAttempts, (why, wait) => Retried("coding", why, wait));
        _storeRetry = Resilience.Calls(options.StoreAttempts, (why, wait) => Retried("storing", why, wait));
    }

    public async Task<ClusterIngestSummary> Run(IEnumerable<Document> documents, Action<ClusterProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var clock = Stopwatch.StartNew();
        int read = 0, added = 0, replaced = 0, unchanged = 0, rejected = 0;
        long reports = 0;
        double storeSeconds = 0;
        var poisoned = ImmutableArray.CreateBuilder<PoisonedDocument>();
        var bySilo = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new Queue<Task<ImmutableArray<CodedItem>>>();

        async Task CommitOldest()
        {
            var coded = await pending.Dequeue().ConfigureAwait(false);
            foreach (var item in coded)
            {
                bySilo[item.Silo] = bySilo.GetValueOrDefault(item.Silo) + 1;
                if (item.Error is not null)
                {
                    poisoned.Add(new PoisonedDocument(item.DocumentId, item.Error));
                    log.LogWarning("{Id}: not coded, skipped: {Reason}", item.DocumentId, item.Error);
                }
            }

            var good = coded.Where(i => i.Payload is not null).ToImmutableArray();
            if (good.Length > 0)
            {
                var reply = await _storeRetry.ExecuteAsync(
                    async ct => await grains.GetGrain<IStoreGrain>(0).Store(good).WaitAsync(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                storeSeconds += reply.StoreSeconds;
                for (int i = 0; i < reply.Outcomes.Length; i++)
                {
                    switch ((StoreOutcome)reply.Outcomes[i])
                    {
                        case StoreOutcome.Added:
                            added++;
                            reports += reply.Reports[i];
                            break;
                        case StoreOutcome.Replaced:
                            replaced++;
                            reports += reply.Reports[i];
                            break;
                        default:
                            unchanged++;
                            break;
                    }

                    if (reply.Rejected[i])
                    {
                        rejected++;
                    }
                }
            }

            read += coded.Length;
            progress?.Invoke(new ClusterProgress(read, unchanged, reports, poisoned.Count, _retries, clock.Elapsed));
        }

        foreach (var batch in documents.Chunk(options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            pending.Enqueue(Code([.. batch.Select(CodedPayload.ToWire)], cancellationToken));
            while (pending.Count >= options.InFlight)
            {
                await CommitOldest().ConfigureAwait(false);
            }
        }

        while (pending.Count > 0)
        {
            await CommitOldest().ConfigureAwait(false);
        }

        var totals = await _storeRetry.ExecuteAsync(async ct => await grains.GetGrain<IStoreGrain>(0).Totals().WaitAsync(ct).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        var summary = new IngestSummary(read, added, replaced, unchanged, rejected, reports,
            new StoreCounts(totals.Documents, totals.Events, totals.Reports, totals.Actors), clock.Elapsed);
        return new ClusterIngestSummary(summary, poisoned.ToImmutable(), _retries, bySilo.ToImmutableDictionary(), TimeSpan.FromSeconds(storeSeconds));
    }

    /// <summary>
    /// Codes a batch on a coder grain, retrying with backoff; when every try fails, codes its documents one by one, and
    /// a document that fails every try alone is returned as poisoned.
    /// </summary>
    private async Task<ImmutableArray<CodedItem>> Code(ImmutableArray<WireDocument> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await CodeOnce(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (batch.Length == 1)
            {
                return [new CodedItem(batch[0].Id, null, $"failed {options.CodeAttempts} times: {e.Message}", "-")];
            }

            log.LogWarning("a batch of {Count} failed {Attempts} times ({Reason}); coding its documents one by one", batch.Length, options.CodeAttempts, e.Message);
            var items = ImmutableArray.CreateBuilder<CodedItem>(batch.Length);
            foreach (var doc in batch)
            {
                items.AddRange(await Code([doc], cancellationToken).ConfigureAwait(false));
            }

            return items.MoveToImmutable();
        }
    }

    private Task<ImmutableArray<CodedItem>> CodeOnce(ImmutableArray<WireDocument> batch, CancellationToken cancellationToken) =>
        _codeRetry.ExecuteAsync(async ct =>
        {
            // A different grain id per call spreads the calls over the gateways, and so over the nodes.
            var grain = grains.GetGrain<ICoderGrain>(Interlocked.Increment(ref _slot));
            return await grain.Code(batch).WaitAsync(ct).ConfigureAwait(false);
        }, cancellationToken).AsTask();

    private void Retried(string what, string why, TimeSpan wait)
    {
        Interlocked.Increment(ref _retries);
        log.LogWarning("{What} failed ({Why}); retrying in {Wait:F1} s", what, why, wait.TotalSeconds);
    }

    /// <summary>Connects a client to the cluster, retrying with backoff while no node answers; dispose the host to disconnect.</summary>
    public static async Task<IHost> Connect(ClusterSettings cluster, ILogger log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return await Resilience.Connect($"the cluster (membership: {cluster.Describe()})", async ct =>
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            ClusterNode.ConfigureLogging(builder.Logging);
            builder.UseOrleansClient(cluster.Configure);
            var host = builder.Build();
            try
            {
                await host.StartAsync(ct).ConfigureAwait(false);
                return host;
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }, log, cancellationToken).ConfigureAwait(false);
    }

    public static IGrainFactory Grains(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.GetRequiredService<IClusterClient>();
    }
}
