using System.Globalization;
using System.Text;

namespace Entente.Cluster.Tests;

/// <summary>
/// A corpus written for the cluster tests: short wire items, each one or two sentences between two countries with a
/// date, from three outlets, so that many reports merge into shared events (the part of storing that needs order).
/// </summary>
internal static class ClusterCorpus
{
    private static readonly string[] Countries = ["Russia", "Pakistan", "India", "China", "the United States", "Ukraine", "Poland", "Germany", "France", "Iran"];

    private static readonly string[] Templates =
    [
        "{0} signed an agreement with {1} on {2}.",
        "{0} criticized {1} on {2}.",
        "{0} sent weapons to {1} in {3}.",
        "{0} visited {1} on {2}.",
        "{0} condemned {1} on {2}.",
        "{0} offered economic aid to {1} on {2}.",
        "{0} accused {1} of espionage on {2}.",
        "{0} did not send troops to {1}.",
    ];

    /// <summary>Writes <paramref name="count"/> documents (ids <c>{prefix}-0000</c>…) as JSON lines to <paramref name="path"/>.</summary>
    public static string Write(string path, int count, string prefix = "wire", int seed = 0)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            int k = (i * 7) + (seed * 31);
            var a = Countries[k % Countries.Length];
            var b = Countries[(k / 3 + 1 + k) % Countries.Length];
            if (a == b)
            {
                b = Countries[(Array.IndexOf(Countries, a) + 1) % Countries.Length];
            }

            // A small set of happenings, each told by several items: day, month and year vary slowly with i.
            var day = new DateOnly(2022, 1 + (i / 40 % 12), 1 + (i % 5));
            var published = day.AddDays(1 + (i % 2));
            var sentence = string.Format(inv, Templates[i % Templates.Length], Capital(a), b, day.ToString("MMMM d, yyyy", inv), day.ToString("MMMM yyyy", inv));
            var second = i % 3 == 0 ? string.Format(inv, Templates[(i + 3) % Templates.Length], Capital(b), a, day.ToString("MMMM d, yyyy", inv), day.ToString("MMMM yyyy", inv)) : "Officials gave no details.";
            sb.Append(inv, $$"""{"id":"{{prefix}}-{{i:D4}}","source":"outlet-{{i % 3}}","date":"{{published:yyyy-MM-dd}}","title":"Item {{i}}","text":"{{sentence}} {{second}}"}""").Append('\n');
        }

        File.WriteAllText(path, sb.ToString());
        return path;
    }

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
