using System.Collections.Concurrent;
using Entente.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Entente.Web;

/// <summary>A feed the server polls: its URL or file, how often, and what the last poll did.</summary>
public sealed record FeedState(string Feed, TimeSpan Interval, DateTimeOffset? LastPoll, string? LastResult);

/// <summary>
/// Polls RSS/Atom feeds (URLs or files) on an interval and ingests what is new (an unchanged item is not coded again).
/// Feeds come from <c>--feed</c> and from <c>POST /api/feeds</c>; both need an API key.
/// </summary>
public sealed partial class FeedPoller(StoreHost store, ServerOptions options, ILogger<FeedPoller> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, FeedState> _feeds = new(StringComparer.Ordinal);

    public IReadOnlyList<FeedState> Feeds => [.. _feeds.Values.OrderBy(f => f.Feed, StringComparer.Ordinal)];

    /// <summary>Adds a feed (or changes its interval); it is polled within a few seconds.</summary>
    public FeedState Add(string feed, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return _feeds.AddOrUpdate(feed, f => new FeedState(f, interval, null, null), (_, old) => old with { Interval = interval });
    }

    /// <summary>Polls one feed now and records the outcome.</summary>
    public FeedState Poll(string feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        string result;
        try
        {
            var docs = DocumentSource.Default.ReadFeed(feed).Select(i => i.Document).OfType<Entente.Core.Documents.Document>();
            var s = store.Ingest(docs, cancellationToken);
            result = $"{s.Documents} items: {s.Added} added, {s.Replaced} replaced, {s.Unchanged} unchanged; {s.Reports} reports";
        }
        catch (Exception e) when (e is IOException or HttpRequestException or InvalidDataException or System.Data.Common.DbException)
        {
            result = $"failed: {e.Message}";
        }

        LogPoll(logger, feed, result);
        var interval = _feeds.TryGetValue(feed, out var old) ? old.Interval : options.FeedInterval;
        return _feeds[feed] = new FeedState(feed, interval, DateTimeOffset.UtcNow, result);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.WritesEnabled)
        {
            return;
        }

        foreach (var feed in options.Feeds)
        {
            Add(feed, options.FeedInterval);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var f in _feeds.Values.Where(f => f.LastPoll is null || DateTimeOffset.UtcNow - f.LastPoll >= f.Interval).ToList())
            {
                await Task.Run(() => Poll(f.Feed, stoppingToken), stoppingToken).ConfigureAwait(false);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(false);
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "feed {Feed}: {Result}")]
    private static partial void LogPoll(ILogger logger, string feed, string result);
}
