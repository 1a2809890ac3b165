namespace Entente.Web;

/// <summary>Checks an actor value against the stored codes and suggests close ones for a value that matches nothing.</summary>
public static class ActorNames
{
    /// <summary>Whether <paramref name="value"/> matches a stored code (as a prefix, as the filters match) or country.</summary>
    public static bool IsKnown(string value, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(codes);
        var v = value.Trim().ToUpperInvariant();
        return v.Length > 0 && codes.Any(c => c.StartsWith(v, StringComparison.Ordinal));
    }

    /// <summary>Up to <paramref name="max"/> stored codes closest to <paramref name="value"/> (edit distance, then prefix).</summary>
    public static IReadOnlyList<string> CloseMatches(string value, IReadOnlyList<string> codes, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(codes);
        var v = value.Trim().ToUpperInvariant();
        return codes
            .Select(c => (Code: c, Distance: Analytics.ActorLookup.Distance(v, c.Length > v.Length ? c[..Math.Max(v.Length, 3)] : c) + (c.Length > v.Length ? 0.5 : 0)))
            .Where(x => x.Distance <= Math.Max(1, v.Length / 2))
            .OrderBy(x => x.Distance).ThenBy(x => x.Code.Length).ThenBy(x => x.Code, StringComparer.Ordinal)
            .Select(x => x.Code).Distinct().Take(max).ToList();
    }
}
