using Entente.Coding.Events;
using Entente.Core.Documents;
using Entente.Storage;

namespace Entente.Web;

/// <summary>
/// The one open store of the server. A store holds one connection, which is not safe for concurrent use, so calls
/// take turns: reads are short (the queries are indexed, docs/performance.md), and an ingest holds the store while it
/// codes and stores its documents.
/// </summary>
public sealed class StoreHost : IDisposable
{
    private readonly IEventStore _store;
    private readonly Lock _gate = new();
    private IReadOnlyList<string>? _actorCodes;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Version, object Value)> _cache = new(StringComparer.Ordinal);

    /// <summary>How many analytics results are kept (the oldest half is dropped when full).</summary>
    public const int CacheSize = 512;

    public StoreHost(IEventStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Increases with every ingest that changed the store; caches compare it.</summary>
    public long Version { get; private set; }

    public T Read<T>(Func<IEventStore, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            return read(_store);
        }
    }

    /// <summary>
    /// A read whose result is kept until the next ingest changes the store: the analytics (a pair's series, its
    /// assessment, the network, a profile) take from tens of milliseconds to seconds on a large store, and analysts
    /// come back to the same pairs.
    /// </summary>
    public T Cached<T>(string key, Func<IEventStore, T> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var hit) && hit.Version == Version && hit.Value is T value)
            {
                return value;
            }

            var result = read(_store);
            if (_cache.Count >= CacheSize)
            {
                foreach (var k in _cache.Keys.Take(CacheSize / 2).ToList())
                {
                    _cache.TryRemove(k, out _);
                }
            }

            _cache[key] = (Version, result);
            return result;
        }
    }

    /// <summary>The actor codes and countries of the stored events (cached until the next ingest).</summary>
    public IReadOnlyList<string> ActorCodes()
    {
        lock (_gate)
        {
            return _actorCodes ??= _store.ActorCodes();
        }
    }

    public IngestSummary Ingest(IEnumerable<Document> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        lock (_gate)
        {
            var summary = new Ingestor(_store, EventCoder.Default).Ingest(documents, null, cancellationToken);
            if (summary.Added + summary.Replaced > 0)
            {
                _actorCodes = null;
                Version++;
            }

            return summary;
        }
    }

    public void Dispose() => _store.Dispose();
}
