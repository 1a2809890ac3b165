using System.Collections.Immutable;
using Entente.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;

namespace Entente.Cluster;

/// <summary>Where a node's store is: a PostgreSQL connection string (or postgres:// URI).</summary>
public sealed record StoreSettings(string Store);

/// <summary>
/// The cluster's one writer. Documents are stored with <see cref="IEventStore.StoreBatch"/> in the order the client
/// commits them, one transaction per batch, exactly as a single-machine ingest stores them; merging events needs one
/// writer, so coding is spread and storing is not. A batch stored twice (the client retries after a node died between
/// the commit and the reply) changes nothing: same ids, same content hashes.
/// </summary>
public sealed class StoreGrain(StoreSettings settings, ILogger<StoreGrain> log) : Orleans.Grain, IStoreGrain
{
    /// <summary>The advisory lock that keeps a second activation (during a membership change) from writing beside the first.</summary>
    private const long WriterLock = 0x456e74656e7465; // "Entente"

    private IEventStore? _store;
    private NpgsqlConnection? _lock;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var connection = EventStore.ToConnectionString(settings.Store);
        _lock = await Resilience.Connect("PostgreSQL (store writer lock)", async ct =>
        {
            var c = new NpgsqlConnection(connection);
            await c.OpenAsync(ct).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
            return c;
        }, log, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", _lock) { Parameters = { new() { Value = WriterLock } } };
            if (await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext) is true)
            {
                break;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("another store writer holds the lock; try again");
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        _store = await Resilience.Connect("PostgreSQL (event store)", ct => Task.Run(() => EventStore.Open(settings.Store), ct), log, cancellationToken)
            .ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
        log.LogInformation("store writer active on this node");
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _store?.Dispose();
        _store = null;
        _lock?.Dispose();
        _lock = null;
        return Task.CompletedTask;
    }

    public async Task<StoreReply> Store(ImmutableArray<CodedItem> batch)
    {
        var store = _store ?? throw new InvalidOperationException("the store is not open");
        var payloads = batch.Where(i => i.Payload is not null).Select(i => CodedPayload.FromJson(i.Payload!)).ToList();
        var toStore = payloads.Select(p => (p.Document, (IReadOnlyList<Coding.Events.CodedEvent>)p.Reports)).ToList();
        IReadOnlyList<StoreOutcome> outcomes;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            outcomes = toStore.Count == 0 ? [] : await Task.Run(() => store.StoreBatch(toStore)).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // The connection may be broken (the server restarted): deactivate, so that the retry opens a new one.
            log.LogWarning("storing a batch failed: {Message}", e.Message);
            DeactivateOnIdle();
            throw;
        }

        // Pair aggregates: each document sets its own contribution, so a retried batch changes nothing.
        var updates = new List<Task>();
        foreach (var p in payloads)
        {
            foreach (var (pair, months) in PairGrain.Contributions(p.Reports))
            {
                updates.Add(GrainFactory.GetGrain<IPairGrain>(pair).Apply(p.Document.Id, months));
            }
        }

        await Task.WhenAll(updates).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
        return new StoreReply(
            [.. outcomes.Select(o => (int)o)],
            [.. payloads.Select(p => p.Reports.Length)],
            [.. payloads.Select(p => p.IsRejected)],
            clock.Elapsed.TotalSeconds);
    }

    public async Task<StoreTotals> Totals()
    {
        var store = _store ?? throw new InvalidOperationException("the store is not open");
        var c = await Task.Run(store.Counts).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
        return new StoreTotals(c.Documents, c.Events, c.Reports, c.Actors);
    }
}
