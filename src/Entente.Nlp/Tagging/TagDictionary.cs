using Entente.Nlp.Learning;

namespace Entente.Nlp.Tagging;

/// <summary>
/// The tags seen for each (lowercased) training word: an ambiguity class (a hash of the set of tags
/// that make up at least a small share of the word's occurrences) and the most frequent tag.
/// Words seen fewer than a minimum number of times are left out, so that training sees unknown
/// words as the tagger will meet them later.
/// </summary>
internal sealed class TagDictionary
{
    private const int SureBit = 0x8000;

    private readonly Dictionary<string, (ulong Ambiguity, int Top, bool Sure)> _entries;
    private readonly Dictionary<string, (ulong Ambiguity, int Top, bool Sure)>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private readonly Dictionary<string, (ulong Ambiguity, int Top, bool Sure)> _exact;
    private readonly Dictionary<string, (ulong Ambiguity, int Top, bool Sure)>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;

    private readonly Dictionary<string, ushort[]> _allowed;
    private readonly Dictionary<string, ushort[]>.AlternateLookup<ReadOnlySpan<char>> _allowedLookup;

    public TagDictionary(
        Dictionary<string, (ulong Ambiguity, int Top, bool Sure)> entries,
        Dictionary<string, (ulong Ambiguity, int Top, bool Sure)> exact,
        Dictionary<string, ushort[]> allowed)
    {
        _allowed = allowed;
        _allowedLookup = allowed.GetAlternateLookup<ReadOnlySpan<char>>();
        _entries = entries;
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _exact = exact;
        _exactLookup = exact.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _entries.Count;

    /// <summary>The training words as written (case kept).</summary>
    public IEnumerable<string> ExactWords => _exact.Keys;

    /// <summary>Every tag a frequent (lowercased) word was seen with: the tagger chooses among these only. Null for other words.</summary>
    public ushort[]? Allowed(ReadOnlySpan<char> lower) => _allowedLookup.TryGetValue(lower, out var a) ? a : null;

    /// <summary>The ambiguity class of the word as written (case kept), 0 when unknown.</summary>
    public ulong ExactAmbiguity(ReadOnlySpan<char> form) => _exactLookup.TryGetValue(form, out var e) ? e.Ambiguity : 0;

    /// <summary>Looks up a lowercased word; <paramref name="sure"/> is true when the word is frequent and all but always has tag <paramref name="top"/>.</summary>
    public bool TryGet(ReadOnlySpan<char> lower, out ulong ambiguity, out int top, out bool sure)
    {
        if (_lookup.TryGetValue(lower, out var e))
        {
            (ambiguity, top, sure) = e;
            return true;
        }

        ambiguity = 0;
        top = -1;
        sure = false;
        return false;
    }

    /// <summary>Builds the dictionary from (word, class) pairs.</summary>
    public static TagDictionary Build(IEnumerable<(string Word, int Class)> pairs, int minCount, double minShare, int sureCount, double sureShare, int constrainCount)
    {
        var list = pairs.ToList();
        var allowed = new Dictionary<string, ushort[]>(StringComparer.Ordinal);
        if (constrainCount > 0)
        {
            foreach (var g in list.GroupBy(p => p.Word.ToLowerInvariant(), StringComparer.Ordinal))
            {
                if (g.Count() >= constrainCount)
                {
                    allowed.Add(g.Key, g.Select(p => (ushort)p.Class).Distinct().Order().ToArray());
                }
            }
        }

        return new TagDictionary(
            Entries(list.Select(p => (p.Word.ToLowerInvariant(), p.Class)), minCount, minShare, sureCount, sureShare),
            Entries(list, minCount, minShare, int.MaxValue, 1.0),
            allowed);
    }

    private static Dictionary<string, (ulong, int, bool)> Entries(IEnumerable<(string Word, int Class)> pairs, int minCount, double minShare, int sureCount, double sureShare)
    {
        var counts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        foreach (var (word, cls) in pairs)
        {
            var key = word;
            if (!counts.TryGetValue(key, out var c))
            {
                c = new Dictionary<int, int>();
                counts.Add(key, c);
            }

            c[cls] = c.GetValueOrDefault(cls) + 1;
        }

        var entries = new Dictionary<string, (ulong, int, bool)>(StringComparer.Ordinal);
        foreach (var (word, c) in counts)
        {
            int total = c.Values.Sum();
            if (total < minCount)
            {
                continue;
            }

            // Ties go to the lower class id so that the result does not depend on dictionary order.
            int top = c.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
            bool sure = total >= sureCount && c[top] >= sureShare * total;
            var set = c.Where(kv => kv.Value >= minShare * total).Select(kv => kv.Key).Order().ToArray();
            ulong h = 0x5157;
            foreach (var t in set)
            {
                h = FeatureKey.Mix(h + (ulong)t + 1);
            }

            entries.Add(word, (h == 0 ? 1 : h, top, sure));
        }

        return entries;
    }

    public void Write(BinaryWriter w)
    {
        Write(w, _entries);
        Write(w, _exact);
        var words = _allowed.Keys.ToArray();
        Array.Sort(words, StringComparer.Ordinal);
        w.Write(words.Length);
        foreach (var word in words)
        {
            var a = _allowed[word];
            w.Write(word);
            w.Write((ushort)a.Length);
            foreach (var c in a)
            {
                w.Write(c);
            }
        }
    }

    private static void Write(BinaryWriter w, Dictionary<string, (ulong Ambiguity, int Top, bool Sure)> map)
    {
        var words = map.Keys.ToArray();
        Array.Sort(words, StringComparer.Ordinal);
        w.Write(words.Length);
        foreach (var word in words)
        {
            var (amb, top, sure) = map[word];
            w.Write(word);
            w.Write(amb);
            w.Write((ushort)(top | (sure ? SureBit : 0)));
        }
    }

    public static TagDictionary Read(BinaryReader r, string name, int classes)
    {
        var entries = ReadMap(r, name, classes);
        var exact = ReadMap(r, name, classes);
        int n = r.ReadInt32();
        if (n < 0)
        {
            throw new InvalidDataException($"{name}: negative tag dictionary size");
        }

        var allowed = new Dictionary<string, ushort[]>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var word = r.ReadString();
            var a = new ushort[r.ReadUInt16()];
            for (int j = 0; j < a.Length; j++)
            {
                a[j] = r.ReadUInt16();
                if (a[j] >= classes)
                {
                    throw new InvalidDataException($"{name}: tag dictionary allows class {a[j]} for '{word}', out of range");
                }
            }

            if (a.Length == 0 || !allowed.TryAdd(word, a))
            {
                throw new InvalidDataException($"{name}: bad allowed-tag entry for '{word}'");
            }
        }

        return new TagDictionary(entries, exact, allowed);
    }

    private static Dictionary<string, (ulong, int, bool)> ReadMap(BinaryReader r, string name, int classes)
    {
        int n = r.ReadInt32();
        if (n < 0)
        {
            throw new InvalidDataException($"{name}: negative tag dictionary size");
        }

        var entries = new Dictionary<string, (ulong, int, bool)>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var word = r.ReadString();
            var amb = r.ReadUInt64();
            int packed = r.ReadUInt16();
            int top = packed & ~SureBit;
            if (top >= classes)
            {
                throw new InvalidDataException($"{name}: tag dictionary entry '{word}' has class {top} out of range");
            }

            if (!entries.TryAdd(word, (amb, top, (packed & SureBit) != 0)))
            {
                throw new InvalidDataException($"{name}: tag dictionary lists '{word}' twice");
            }
        }

        return entries;
    }
}
