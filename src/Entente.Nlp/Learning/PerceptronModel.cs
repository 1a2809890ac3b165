using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Entente.Nlp.Learning;

/// <summary>
/// A trained, averaged perceptron: immutable and thread-safe. Features live in an open-addressing
/// table of 64-bit keys; each points to a short sorted run of (class, weight) pairs.
/// </summary>
public sealed partial class PerceptronModel
{
    private const uint Magic = 0x50544E45; // "ENTP"
    private const int Version1 = 1;    // arrays as they are in memory
    private const int Version2 = 2;    // keys as deltas, weights as half floats, every array split into byte planes
    private const int Version = 3;     // as 2, with keys cut to their low KeyBits bits
    private const int MaxEntries = 1 << 28;

    private Lookup? _lookup;           // built on the first lookup: scorers that copy the rows never need it
    private readonly int[] _starts;    // row i spans [_starts[i], _starts[i+1]) in _classes/_weights
    private readonly ushort[] _classes;
    private readonly float[] _weights;
    private readonly ulong[] _keys;    // sorted, for serialisation

    /// <summary>
    /// Bits of a feature key a model keeps. Keys are random hashes, so a key cut to 40 bits still tells
    /// a model's features apart (two of a million collide with probability under one in two), and a feature the model does not
    /// know matches one of its keys about once in a million lookups; the files shrink by a third, since each
    /// key is stored as the ~21-bit gap to the previous one instead of a ~45-bit one.
    /// </summary>
    internal const int KeyBits = 40;

    private const ulong KeyMask = (1UL << KeyBits) - 1;

    private const ulong KeyFlag = 1UL << KeyBits; // set in every cut key, so that none is 0 (the empty slot)

    /// <summary>The key as models store it: its low <see cref="KeyBits"/> bits, with bit <see cref="KeyBits"/> set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Cut(ulong feature) => (feature & KeyMask) | KeyFlag;

    /// <summary>
    /// A model from rows under any 64-bit keys: keys are cut (<see cref="Cut"/>) and sorted, and rows whose
    /// cut keys coincide are merged, weights of the same class added (and rounded to half precision as saved).
    /// </summary>
    internal static PerceptronModel FromRows(string[] classNames, ulong[] keys, int[] starts, ushort[] classes, float[] weights)
    {
        var cut = new ulong[keys.Length];
        var order = new int[keys.Length];
        for (int r = 0; r < keys.Length; r++)
        {
            cut[r] = Cut(keys[r]);
            order[r] = r;
        }

        Array.Sort(cut, order);
        var outKeys = new List<ulong>(keys.Length);
        var outStarts = new List<int>(keys.Length + 1);
        var outClasses = new List<ushort>(classes.Length);
        var outWeights = new List<float>(weights.Length);
        var merged = new SortedDictionary<ushort, float>();
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j < order.Length && cut[j] == cut[i])
            {
                j++;
            }

            outKeys.Add(cut[i]);
            outStarts.Add(outClasses.Count);
            if (j == i + 1)
            {
                int r = order[i];
                for (int e = starts[r]; e < starts[r + 1]; e++)
                {
                    outClasses.Add(classes[e]);
                    outWeights.Add(weights[e]);
                }
            }
            else
            {
                merged.Clear();
                for (int m = i; m < j; m++)
                {
                    int r = order[m];
                    for (int e = starts[r]; e < starts[r + 1]; e++)
                    {
                        merged[classes[e]] = merged.GetValueOrDefault(classes[e]) + weights[e];
                    }
                }

                foreach (var (c, w) in merged)
                {
                    outClasses.Add(c);
                    outWeights.Add((float)ToHalf(w));
                }
            }

            i = j;
        }

        outStarts.Add(outClasses.Count);
        return new PerceptronModel(classNames, [.. outKeys], [.. outStarts], [.. outClasses], [.. outWeights]);
    }

    /// <summary>Takes keys already cut, sorted and distinct (<see cref="FromRows"/> makes them so).</summary>
    private PerceptronModel(string[] classNames, ulong[] keys, int[] starts, ushort[] classes, float[] weights)
    {
        ClassNames = classNames;
        _keys = keys;
        _starts = starts;
        _classes = classes;
        _weights = weights;
    }

    /// <summary>
    /// The open-addressing table the lookups use (Key 0 = empty) and the (class, weight) runs, interleaved
    /// so that one row is one cache line or two.
    /// </summary>
    private sealed class Lookup
    {
        public Lookup(ulong[] keys, int[] starts, ushort[] classes, float[] weights)
        {
            int cap = 16;
            while (cap < keys.Length * 2)
            {
                cap <<= 1;
            }

            Slots = new Slot[cap];
            Mask = cap - 1;
            for (int r = 0; r < keys.Length; r++)
            {
                int s = (int)(keys[r] & (ulong)Mask);
                while (Slots[s].Key != 0)
                {
                    s = (s + 1) & Mask;
                }

                Slots[s] = new Slot(keys[r], starts[r], starts[r + 1]);
            }

            Entries = new Entry[weights.Length];
            for (int i = 0; i < weights.Length; i++)
            {
                Entries[i] = new Entry(classes[i], weights[i]);
            }
        }

        public Slot[] Slots { get; }

        public Entry[] Entries { get; }

        public int Mask { get; }
    }

    private Lookup Table => _lookup ?? Interlocked.CompareExchange(ref _lookup, new Lookup(_keys, _starts, _classes, _weights), null) ?? _lookup!;

    public IReadOnlyList<string> ClassNames { get; }

    public int Classes => ClassNames.Count;

    public int FeatureCount => _keys.Length;

    public int WeightCount => _weights.Length;

    /// <summary>Number of classes with a weight for <paramref name="feature"/> (0 when the model does not know it).</summary>
    internal int RowLength(ulong feature)
    {
        feature = Cut(feature);
        var table = Table;
        int s = (int)(feature & (ulong)table.Mask);
        while (table.Slots[s].Key != 0)
        {
            if (table.Slots[s].Key == feature)
            {
                return table.Slots[s].End - table.Slots[s].Start;
            }

            s = (s + 1) & table.Mask;
        }

        return 0;
    }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (length ≥ <see cref="Classes"/>).</summary>
    /// <remarks>
    /// Three phases, so that cache misses overlap instead of queueing behind mispredicted branches:
    /// prefetch every feature's home slot, find the rows, prefetch the rows, then add them up.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public unsafe void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (features.Length > 256)
        {
            for (int i = 0; i < features.Length; i += 256)
            {
                Score(features.Slice(i, Math.Min(256, features.Length - i)), scores);
            }

            return;
        }

        var table = Table;
        var mask = table.Mask;
        Span<int> found = stackalloc int[features.Length];
        int nf = 0;
        fixed (Slot* slots = table.Slots)
        fixed (Entry* entries = table.Entries)
        {
            if (Sse.IsSupported)
            {
                foreach (var f in features)
                {
                    Sse.Prefetch0(slots + (int)(f & (ulong)mask));
                }
            }

            foreach (var feature in features)
            {
                var f = Cut(feature);
                int s = (int)(f & (ulong)mask);
                while (true)
                {
                    var k = slots[s].Key;
                    if (k == f)
                    {
                        found[nf++] = s;
                        if (Sse.IsSupported)
                        {
                            Sse.Prefetch0(entries + slots[s].Start);
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

            for (int j = 0; j < nf; j++)
            {
                var slot = slots[found[j]];
                for (int i = slot.Start; i < slot.End; i++)
                {
                    var e = entries[i];
                    scores[e.Class] += e.Weight;
                }
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

    /// <summary>
    /// Writes the model, Brotli-compressed. Same model, same bytes. Keys are written as differences from
    /// the previous (sorted) key and weights as half-precision floats (rounded: scores change by far less
    /// than the margins the parser and tagger decide on), each array split into byte planes, which
    /// Brotli packs much better than interleaved bytes.
    /// </summary>
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
        var deltas = new ulong[_keys.Length];
        for (int i = 0; i < deltas.Length; i++)
        {
            deltas[i] = _keys[i] - (i == 0 ? 0 : _keys[i - 1]);
        }

        var lengths = new ushort[_keys.Length];
        for (int r = 0; r < lengths.Length; r++)
        {
            lengths[r] = (ushort)(_starts[r + 1] - _starts[r]);
        }

        var halves = new Half[_weights.Length];
        for (int i = 0; i < halves.Length; i++)
        {
            halves[i] = ToHalf(_weights[i]);
        }

        WritePlanes<ulong>(w, deltas);
        WritePlanes<ushort>(w, lengths);
        WritePlanes<ushort>(w, _classes);
        WritePlanes<Half>(w, halves);
    }

    /// <summary>The weight as a half-precision float, clamped to the largest finite half.</summary>
    internal static Half ToHalf(float x) => (Half)Math.Clamp(x, -65504f, 65504f);

    /// <summary>Writes the values' byte 0 of every value, then byte 1 of every value, … (little-endian bytes).</summary>
    private static void WritePlanes<T>(BinaryWriter w, T[] values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        int width = Unsafe.SizeOf<T>();
        var plane = new byte[values.Length];
        for (int b = 0; b < width; b++)
        {
            int pb = BitConverter.IsLittleEndian ? b : width - 1 - b;
            for (int i = 0; i < values.Length; i++)
            {
                plane[i] = bytes[(i * width) + pb];
            }

            w.Write(plane);
        }
    }

    /// <summary>Reads what <see cref="WritePlanes{T}"/> wrote.</summary>
    private static T[] ReadPlanes<T>(BinaryReader r, int count)
        where T : unmanaged
    {
        var values = new T[count];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        int width = Unsafe.SizeOf<T>();
        var plane = new byte[count];
        for (int b = 0; b < width; b++)
        {
            r.BaseStream.ReadExactly(plane);
            int pb = BitConverter.IsLittleEndian ? b : width - 1 - b;
            for (int i = 0; i < count; i++)
            {
                bytes[(i * width) + pb] = plane[i];
            }
        }

        return values;
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
            if (version != Version && version != Version2 && version != Version1)
            {
                throw new InvalidDataException($"{name}: unsupported model version {version}");
            }

            var names = new string[r.ReadInt32()];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = r.ReadString();
            }

            int nk = r.ReadInt32(), nw = r.ReadInt32();
            if (nk < 0 || nw < 0 || nk > MaxEntries || nw > MaxEntries)
            {
                throw new InvalidDataException($"{name}: bad feature or weight count ({nk}, {nw})");
            }

            ulong[] keys;
            ushort[] lengths;
            if (version == Version1)
            {
                keys = ReadArray<ulong>(r, nk);
                lengths = ReadArray<ushort>(r, nk);
            }
            else
            {
                keys = ReadPlanes<ulong>(r, nk);
                for (int i = 1; i < nk; i++)
                {
                    keys[i] += keys[i - 1];
                }

                lengths = ReadPlanes<ushort>(r, nk);
            }

            for (int i = 1; i < nk; i++)
            {
                if (keys[i] <= keys[i - 1])
                {
                    throw new InvalidDataException($"{name}: feature keys are not in order");
                }
            }

            if (version == Version && nk > 0 && (keys[0] < KeyFlag || keys[nk - 1] > (KeyFlag | KeyMask)))
            {
                throw new InvalidDataException($"{name}: feature key out of range");
            }

            var starts = new int[nk + 1];
            for (int i = 0; i < nk; i++)
            {
                starts[i + 1] = starts[i] + lengths[i];
            }

            if (starts[nk] != nw)
            {
                throw new InvalidDataException($"{name}: row lengths do not add up to the weight count");
            }

            var cls = version == Version1 ? ReadArray<ushort>(r, nw) : ReadPlanes<ushort>(r, nw);
            foreach (var c in cls)
            {
                if (c >= names.Length)
                {
                    throw new InvalidDataException($"{name}: class {c} out of range");
                }
            }

            float[] ws;
            if (version == Version1)
            {
                ws = ReadArray<float>(r, nw);
            }
            else
            {
                var halves = ReadPlanes<Half>(r, nw);
                ws = new float[nw];
                for (int i = 0; i < nw; i++)
                {
                    ws[i] = (float)halves[i];
                }
            }

            // files before version 3 hold whole 64-bit keys: cut them as today's models do
            return version == Version ? new PerceptronModel(names, keys, starts, cls, ws) : FromRows(names, keys, starts, cls, ws);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{name}: model file is truncated", e);
        }
        catch (InvalidOperationException e)
        {
            // BrotliStream reports undecodable input this way.
            throw new InvalidDataException($"{name}: model file is corrupt ({e.Message})", e);
        }
    }

    /// <summary>Reads <paramref name="count"/> little-endian values in one go (the format <see cref="Save"/> writes).</summary>
    private static T[] ReadArray<T>(BinaryReader r, int count)
        where T : unmanaged
    {
        var values = new T[count];
        if (BitConverter.IsLittleEndian)
        {
            r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
            return values;
        }

        for (int i = 0; i < count; i++)
        {
            object v;
            if (typeof(T) == typeof(ulong))
            {
                v = r.ReadUInt64();
            }
            else if (typeof(T) == typeof(ushort))
            {
                v = r.ReadUInt16();
            }
            else
            {
                v = r.ReadSingle();
            }

            values[i] = (T)v;
        }

        return values;
    }

    private readonly record struct Slot(ulong Key, int Start, int End);

    private readonly record struct Entry(int Class, float Weight);
}
