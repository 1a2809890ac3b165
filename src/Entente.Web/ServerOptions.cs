using System.Net;

namespace Entente.Web;

/// <summary>
/// How <c>entente serve</c> runs: the database, the addresses to listen on, the API key that turns writes on, and the
/// limits. Writes (posting documents, polling feeds) are off unless <see cref="ApiKey"/> is set.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>The address used when none is given: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>A DuckDB file or a PostgreSQL connection (as <c>--db</c> of the other commands).</summary>
    public required string Db { get; init; }

    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>The key a write must present (header <c>X-Api-Key</c> or <c>Authorization: Bearer</c>); null: writes are off.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The largest request body accepted, in bytes (default 8 MiB).</summary>
    public long MaxRequestBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Requests per minute from one client address to the read endpoints and pages.</summary>
    public int ReadsPerMinute { get; init; } = 1200;

    /// <summary>Requests per minute from one client address to the write endpoints.</summary>
    public int WritesPerMinute { get; init; } = 60;

    /// <summary>Feeds (URLs or files) polled from the start, every <see cref="FeedInterval"/>; only with an API key.</summary>
    public IReadOnlyList<string> Feeds { get; init; } = [];

    public TimeSpan FeedInterval { get; init; } = TimeSpan.FromMinutes(15);

    public bool WritesEnabled => !string.IsNullOrEmpty(ApiKey);

    /// <summary>
    /// Why these options cannot be served, or null: an address that is not loopback needs an API key, since the
    /// dashboard and the API would be open to the network.
    /// </summary>
    public string? Problem()
    {
        if (Urls.Count == 0)
        {
            return "no address to listen on (--urls)";
        }

        foreach (var url in Urls)
        {
            if (!TryHost(url, out var host))
            {
                return $"--urls {url}: expected an address such as {DefaultUrl}";
            }

            if (!IsLoopback(host) && !WritesEnabled)
            {
                return $"refusing to listen on {url}: it is not a loopback address and no API key is configured. " +
                    "Set ENTENTE_API_KEY (or --api-key-file FILE) to serve beyond this machine, or listen on 127.0.0.1.";
            }
        }

        if (MaxRequestBytes <= 0 || ReadsPerMinute <= 0 || WritesPerMinute <= 0)
        {
            return "limits must be positive";
        }

        return null;
    }

    /// <summary>Whether <paramref name="host"/> (from a listen URL) reaches this machine only.</summary>
    public static bool IsLoopback(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var h = host.Trim('[', ']');
        if (h.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(h, out var ip) && IPAddress.IsLoopback(ip);
    }

    private static bool TryHost(string url, out string host)
    {
        host = string.Empty;
        // Kestrel's wildcards (http://*:80, http://+:80) mean every address.
        var normalised = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        host = uri.Host;
        return host.Length > 0;
    }
}
