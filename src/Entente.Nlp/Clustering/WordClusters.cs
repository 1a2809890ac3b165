using System.IO.Compression;
using System.Text;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Clustering;

/// <summary>
/// A word → cluster table learned from unlabelled text (<see cref="WordClusterTrainer"/>): every word has
/// a coarse cluster (about 64 in all) and a fine cluster inside it (about 1,000 in all). Words are
/// normalised as the parser sees them: lower-cased, digits mapped to 0, at most 64 characters.
/// Immutable and thread-safe.
/// </summary>
public sealed class WordClusters
{
    /// <summary>Words longer than this are cut before lookup (the parser hashes at most 64 characters).</summary>
    public const int MaxWordLength = 64;

    private const uint Magic = 0x43574E45; // "ENWC"
    private const int FormatVersion = 1;

    private static readonly Lazy<WordClusters> DefaultClusters = new(() => LoadResource("clusters.bin"));

    private readonly string[] _words;
    private readonly ushort[] _coarse;
    private readonly ushort[] _fine;
    private readonly Dictionary<ulong, int> _byHash;

    internal WordClusters(string[] words, ushort[] coarse, ushort[] fine)
    {
        _words = words;
        _coarse = coarse;
        _fine = fine;
        _byHash = new Dictionary<ulong, int>(words.Length);
        ulong fp = 14695981039346656037UL;
        for (int i = 0; i < words.Length; i++)
        {
            _byHash.TryAdd(FeatureKey.Hash(words[i]), i);
            fp = FeatureKey.Mix(fp ^ FeatureKey.Hash(words[i])) + ((ulong)coarse[i] << 16) + fine[i];
            CoarseClusters = Math.Max(CoarseClusters, coarse[i]);
            FineClusters = Math.Max(FineClusters, fine[i]);
        }

        Fingerprint = fp == 0 ? 1 : fp;
    }

    /// <summary>The table embedded in the library (models/clusters.bin).</summary>
    /// <summary>
    /// The table a model needs: null when it was trained without clusters (<paramref name="fingerprint"/> 0),
    /// otherwise <paramref name="given"/> (null: <see cref="Default"/>), which must have that fingerprint;
    /// <see cref="InvalidDataException"/> names the model file <paramref name="name"/> and what it is.
    /// </summary>
    internal static WordClusters? ForModel(ulong fingerprint, WordClusters? given, string name, string what)
    {
        if (fingerprint == 0)
        {
            return null;
        }

        var clusters = given ?? Default;
        if (clusters.Fingerprint != fingerprint)
        {
            throw new InvalidDataException(
                $"{name}: the {what} was trained with another word-cluster table (fingerprint {fingerprint:x16}, given {clusters.Fingerprint:x16})");
        }

        return clusters;
    }

    public static WordClusters Default => DefaultClusters.Value;

    /// <summary>Number of words in the table.</summary>
    public int Count => _words.Length;

    /// <summary>Highest coarse cluster id (ids start at 1).</summary>
    public int CoarseClusters { get; }

    /// <summary>Highest fine cluster id (ids start at 1).</summary>
    public int FineClusters { get; }

    /// <summary>A 64-bit digest of the table; a parser trained with these clusters records it.</summary>
    public ulong Fingerprint { get; }

    /// <summary>The normalised form under which a word is looked up.</summary>
    public static string Normalise(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var s = word.Length > MaxWordLength ? word.AsSpan(0, MaxWordLength) : word.AsSpan();
        return string.Create(s.Length, s.ToString(), static (t, src) =>
        {
            for (int i = 0; i < src.Length; i++)
            {
                char c = src[i];
                t[i] = char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c);
            }
        });
    }

    /// <summary>The coarse and fine cluster of <paramref name="word"/>, or false when the table lacks it.</summary>
    public bool TryGet(string word, out int coarse, out int fine)
    {
        if (_byHash.TryGetValue(FeatureKey.Hash(Normalise(word)), out var i))
        {
            coarse = _coarse[i];
            fine = _fine[i];
            return true;
        }

        coarse = fine = 0;
        return false;
    }

    /// <summary>Lookup by <see cref="FeatureKey.Hash(string)"/> of the normalised form (the parser has it already).</summary>
    internal bool TryGetByHash(ulong normalisedHash, out int coarse, out int fine)
    {
        if (_byHash.TryGetValue(normalisedHash, out var i))
        {
            coarse = _coarse[i];
            fine = _fine[i];
            return true;
        }

        coarse = fine = 0;
        return false;
    }

    /// <summary>Writes the table (Brotli-compressed); the same table always gives the same bytes.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (var h = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            h.Write(Magic);
            h.Write(FormatVersion);
            h.Write(_words.Length);
        }

        using var z = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(z, Encoding.UTF8, leaveOpen: true);
        for (int i = 0; i < _words.Length; i++)
        {
            w.Write(_words[i]);
            w.Write(_coarse[i]);
            w.Write(_fine[i]);
        }
    }

    /// <summary>Reads a table written by <see cref="Save"/>; malformed data raises <see cref="InvalidDataException"/> naming <paramref name="name"/>.</summary>
    public static WordClusters Load(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            using var h = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (h.ReadUInt32() != Magic)
            {
                throw new InvalidDataException($"{name}: not an Entente word-cluster table");
            }

            int version = h.ReadInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"{name}: unsupported word-cluster table version {version}");
            }

            int count = h.ReadInt32();
            if (count < 0 || count > 10_000_000)
            {
                throw new InvalidDataException($"{name}: implausible word count {count}");
            }

            using var z = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var r = new BinaryReader(z, Encoding.UTF8, leaveOpen: true);
            var words = new string[count];
            var coarse = new ushort[count];
            var fine = new ushort[count];
            for (int i = 0; i < count; i++)
            {
                words[i] = r.ReadString();
                coarse[i] = r.ReadUInt16();
                fine[i] = r.ReadUInt16();
                if (words[i].Length == 0 || words[i].Length > MaxWordLength || coarse[i] == 0 || fine[i] == 0)
                {
                    throw new InvalidDataException($"{name}: bad entry {i}");
                }
            }

            return new WordClusters(words, coarse, fine);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{name}: word-cluster table is truncated", e);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"{name}: word-cluster table is corrupt ({e.Message})", e);
        }
    }

    private static WordClusters LoadResource(string file)
    {
        var resource = "Entente.Models." + file;
        using var s = typeof(WordClusters).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded model {resource} is missing from {typeof(WordClusters).Assembly.GetName().Name}");
        return Load(s, resource);
    }
}
