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
            .Select(c => (Code: c, Distance: Distance(v, c.Length > v.Length ? c[..Math.Max(v.Length, 3)] : c) + (c.Length > v.Length ? 0.5 : 0)))
            .Where(x => x.Distance <= Math.Max(1, v.Length / 2))
            .OrderBy(x => x.Distance).ThenBy(x => x.Code.Length).ThenBy(x => x.Code, StringComparer.Ordinal)
            .Select(x => x.Code).Distinct().Take(max).ToList();
    }

    /// <summary>Edit distance counting a swap of two neighbouring letters as one edit (RSU → RUS).</summary>
    private static double Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
