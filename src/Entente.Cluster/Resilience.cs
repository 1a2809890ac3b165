using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Entente.Cluster;

/// <summary>Retries with exponential backoff (Polly): for reaching PostgreSQL and Redis, and for calls into the cluster.</summary>
public static class Resilience
{
    /// <summary>How long a node keeps trying to reach a service it depends on before it gives up.</summary>
    public static TimeSpan ConnectPatience { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Connects to <paramref name="what"/>, retrying with backoff (0.5 s doubling to 10 s) for <see cref="ConnectPatience"/>;
    /// each failure is logged with its reason and the wait before the next try.
    /// </summary>
    public static async Task<T> Connect<T>(string what, Func<CancellationToken, Task<T>> connect, ILogger log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connect);
        ArgumentNullException.ThrowIfNull(log);
        // Added first is outermost: the timeout bounds all the retries together.
        var pipeline = new ResiliencePipelineBuilder<T>()
            .AddTimeout(ConnectPatience)
            .AddRetry(new RetryStrategyOptions<T>
            {
                ShouldHandle = new PredicateBuilder<T>().Handle<Exception>(e => e is not OperationCanceledException),
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(0.5),
                MaxDelay = TimeSpan.FromSeconds(10),
                MaxRetryAttempts = int.MaxValue,
                OnRetry = a =>
                {
                    log.LogWarning("cannot reach {What}: {Reason}; retrying in {Delay:F1} s (attempt {Attempt})",
                        what, a.Outcome.Exception?.Message, a.RetryDelay.TotalSeconds, a.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        return await pipeline.ExecuteAsync(async ct => await connect(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A retry pipeline for calls into the cluster: <paramref name="attempts"/> tries, backoff 0.25 s doubling to 5 s.</summary>
    public static ResiliencePipeline Calls(int attempts, Action<string, TimeSpan> onRetry) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(0.25),
                MaxDelay = TimeSpan.FromSeconds(5),
                MaxRetryAttempts = attempts - 1,
                OnRetry = a =>
                {
                    onRetry(a.Outcome.Exception?.Message ?? "failed", a.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
