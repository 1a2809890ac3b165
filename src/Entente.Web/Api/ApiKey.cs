using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Entente.Web.Api;

/// <summary>
/// Guards the write endpoints: off (403) when no key is configured; otherwise the request must present the key in
/// <c>X-Api-Key</c> or <c>Authorization: Bearer KEY</c> (401 when it does not). The comparison takes the same time
/// whatever the presented value: both sides are hashed to 32 bytes and compared with a fixed-time comparison.
/// </summary>
public sealed class ApiKeyFilter(ServerOptions options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!options.WritesEnabled)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Writes are off",
                detail: "This server has no API key configured, so it accepts no writes. Start it with ENTENTE_API_KEY set (or --api-key-file FILE).");
        }

        if (!Matches(Presented(context.HttpContext.Request), options.ApiKey!))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
                detail: "Send the server's API key in the X-Api-Key header (or Authorization: Bearer KEY).");
        }

        return await next(context).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="presented"/> equals <paramref name="key"/>, in time independent of where they differ.</summary>
    public static bool Matches(string? presented, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? string.Empty));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return CryptographicOperations.FixedTimeEquals(a, b) && presented is not null;
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var key) && key.Count == 1)
        {
            return key[0];
        }

        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth["Bearer ".Length..].Trim() : null;
    }
}
