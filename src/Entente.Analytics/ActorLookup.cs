using System.Collections.Immutable;
using Entente.Coding.Actors;

namespace Entente.Analytics;

/// <summary>
/// Checks an actor code given by a user against the knowledge base (states by ISO alpha-3, organisations by CAMEO code)
/// and, when it is unknown, finds close matches: codes one or two edits away, and names that contain the text.
/// </summary>
public sealed class ActorLookup
{
    private static readonly Lazy<ActorLookup> LazyDefault = new(() => new ActorLookup(ActorKnowledgeBase.Default.KnownActors()));

    private readonly ImmutableArray<KeyValuePair<string, string>> _known;
    private readonly HashSet<string> _codes;

    public ActorLookup(IEnumerable<KeyValuePair<string, string>> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        _known = [.. known];
        _codes = _known.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
    }

    public static ActorLookup Default => LazyDefault.Value;

    public bool IsKnown(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _codes.Contains(code.Trim().ToUpperInvariant());
    }

    /// <summary>Up to <paramref name="max"/> known actors close to <paramref name="text"/>, as <c>CODE (Name)</c>, closest first.</summary>
    public ImmutableArray<string> CloseMatches(string text, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var upper = t.ToUpperInvariant();
        return [.. _known
            .Select(k => (k, d: Math.Min(Distance(upper, k.Key), k.Value.Contains(t, StringComparison.OrdinalIgnoreCase) && t.Length >= 3 ? 1 : int.MaxValue)))
            .Where(x => x.d <= 2)
            .OrderBy(x => x.d).ThenBy(x => x.k.Key, StringComparer.Ordinal)
            .Take(max)
            .Select(x => $"{x.k.Key} ({x.k.Value})")];
    }

    /// <summary>
    /// Edit distance between two codes, counting a swap of two neighbouring letters as one edit (RSU → RUS): the optimal
    /// string alignment distance. Shared by the API's close matches among stored codes.
    /// </summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
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
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
