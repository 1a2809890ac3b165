using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace Entente.Nlp.Learning;

/// <summary>
/// A trained, averaged perceptron: immutable and thread-safe. Features live in an open-addressing
/// table of 64-bit keys; each points to a short sorted run of (class, weight) pairs.
/// </summary>
public sealed partial class PerceptronModel
{
    private const uint Magic = 0x50544E45; // "ENTP"
    private const int Version = 1;

    private readonly ulong[] _table;   // open addressing; 0 = empty
    private readonly int[] _slotRow;   // row index for each table slot
    private readonly int _mask;
    private readonly int[] _starts;    // row i spans [_starts[i], _starts[i+1]) in _classes/_weights
    private readonly ushort[] _classes;
    private readonly float[] _weights;
    private readonly ulong[] _keys;    // sorted, for serialisation

    internal PerceptronModel(string[] classNames, ulong[] keys, int[] starts, ushort[] classes, float[] weights)
    {
        ClassNames = classNames;
        _keys = keys;
        _starts = starts;
        _classes = classes;
        _weights = weights;
        int cap = 16;
        while (cap < keys.Length * 2)
        {
            cap <<= 1;
        }

        _table = new ulong[cap];
        _slotRow = new int[cap];
        _mask = cap - 1;
        for (int r = 0; r < keys.Length; r++)
        {
            int s = (int)(keys[r] & (ulong)_mask);
            while (_table[s] != 0)
            {
                s = (s + 1) & _mask;
            }

            _table[s] = keys[r];
            _slotRow[s] = r;
        }
    }

    public IReadOnlyList<string> ClassNames { get; }

    public int Classes => ClassNames.Count;

    public int FeatureCount => _keys.Length;

    public int WeightCount => _weights.Length;

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (length ≥ <see cref="Classes"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var table = _table;
        var mask = _mask;
        foreach (var f in features)
        {
            int s = (int)(f & (ulong)mask);
            while (true)
            {
                var k = table[s];
                if (k == f)
                {
                    int r = _slotRow[s];
                    int end = _starts[r + 1];
                    for (int i = _starts[r]; i < end; i++)
                    {
                        scores[_classes[i]] += _weights[i];
                    }

                    break;
                }

                if (k == 0)
                {
                    break;
                }

                s = (s + 1) & mask;
            }
        }
    }

    /// <summary>Index of the highest score, ties to the lowest index.</summary>
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Writes the model, Brotli-compressed. Same model, same bytes.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var buffered = new BufferedStream(brotli, 1 << 16);
        using var w = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(ClassNames.Count);
        foreach (var c in ClassNames)
        {
            w.Write(c);
        }

        w.Write(_keys.Length);
        w.Write(_weights.Length);
        foreach (var k in _keys)
        {
            w.Write(k);
        }

        for (int r = 0; r < _keys.Length; r++)
        {
            w.Write((ushort)(_starts[r + 1] - _starts[r]));
        }

        foreach (var c in _classes)
        {
            w.Write(c);
        }

        foreach (var x in _weights)
        {
            w.Write(x);
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> naming <paramref name="name"/>.</summary>
    public static PerceptronModel Load(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var buffered = new BufferedStream(brotli, 1 << 16);
            using var r = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
            if (r.ReadUInt32() != Magic)
            {
                throw new InvalidDataException($"{name}: not an Entente perceptron model");
            }

            var version = r.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"{name}: unsupported model version {version}");
            }

            var names = new string[r.ReadInt32()];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = r.ReadString();
            }

            int nk = r.ReadInt32(), nw = r.ReadInt32();
            var keys = new ulong[nk];
            for (int i = 0; i < nk; i++)
            {
                keys[i] = r.ReadUInt64();
            }

            var starts = new int[nk + 1];
            for (int i = 0; i < nk; i++)
            {
                starts[i + 1] = starts[i] + r.ReadUInt16();
            }

            if (starts[nk] != nw)
            {
                throw new InvalidDataException($"{name}: row lengths do not add up to the weight count");
            }

            var cls = new ushort[nw];
            for (int i = 0; i < nw; i++)
            {
                cls[i] = r.ReadUInt16();
                if (cls[i] >= names.Length)
                {
                    throw new InvalidDataException($"{name}: class {cls[i]} out of range");
                }
            }

            var ws = new float[nw];
            for (int i = 0; i < nw; i++)
            {
                ws[i] = r.ReadSingle();
            }

            return new PerceptronModel(names, keys, starts, cls, ws);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{name}: model file is truncated", e);
        }
    }
}
