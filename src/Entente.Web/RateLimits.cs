using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Web;

/// <summary>Per-client fixed windows of one minute: one budget for reads and pages, a smaller one for writes.</summary>
public static class RateLimits
{
    public const string Read = "read";

    public const string Write = "write";

    public static void Add(IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(statusCode: 429, title: "Too many requests",
                    detail: $"at most {options.ReadsPerMinute} reads and {options.WritesPerMinute} writes a minute from one address; try again in a minute")
                    .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
            };
            limiter.AddPolicy(Read, http => Window(http, "r", options.ReadsPerMinute));
            limiter.AddPolicy(Write, http => Window(http, "w", options.WritesPerMinute));
        });
    }

    private static RateLimitPartition<string> Window(HttpContext http, string kind, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(kind + (http.Connection.RemoteIpAddress?.ToString() ?? "local"), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
