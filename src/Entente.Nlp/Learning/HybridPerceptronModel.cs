using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Entente.Nlp.Learning;

/// <summary>
/// A faster scorer over the weights of a <see cref="PerceptronModel"/> for models with many classes:
/// rows that meet many classes are stored densely (one padded float vector, added with SIMD), the others
/// as packed 4-byte (class, half-precision weight) pairs; each feature costs one probe of a table of 8-byte
/// slots (key tag and row reference). Immutable and thread-safe; scores equal <see cref="PerceptronModel.Score"/>
/// with the weights rounded to half precision as model files store them (so exactly, for a loaded model),
/// up to float rounding order (and, with odds of about 2^-32 per absent feature, a key-tag collision).
/// </summary>
public sealed class HybridPerceptronModel
{
    // A slot holds the upper bits of the key (the lower ones chose the slot; 0 = empty) and a reference:
    // with the top bit set, the offset of a dense row in _dense; with the next bit set, a row of one
    // class held in the slot itself (class in bits 16..29, half-precision weight in bits 0..15), which
    // saves the lookup its second cache miss; otherwise the index in _sparse of a header pair whose
    // Class is the number of (class, weight) pairs that follow it.
    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public uint Tag;
        public uint Ref;
    }

    private const uint DenseBit = 0x8000_0000u;
    private const uint InlineBit = 0x4000_0000u;
    private const int InlineClasses = 1 << 14;

    // A weight is kept at half precision (the precision model files store), so that a pair takes 4 bytes
    // and twice as many rows fit in the cache; a header pair holds the row's length in Class.
    [StructLayout(LayoutKind.Sequential)]
    private struct Pair
    {
        public ushort Class;
        public ushort Half;
    }

    private readonly Slot[] _table;
    private readonly int _mask;
    private readonly float[] _dense;
    private readonly int _rowStride;
    private readonly Pair[] _sparse;

    /// <summary>Builds the scorer; rows with at least <paramref name="denseThreshold"/> classes are stored densely.</summary>
    public HybridPerceptronModel(PerceptronModel model, int denseThreshold)
    {
        ArgumentNullException.ThrowIfNull(model);
        Source = model;
        Classes = model.Classes;
        int vec = Vector<float>.Count;
        Stride = (Classes + vec - 1) / vec * vec;
        var keys = model.RowKeys;
        var starts = model.RowStarts;
        var cls = model.RowClasses;
        var ws = model.RowWeights;
        bool inline = Classes <= InlineClasses;
        int denseRows = 0, sparseRows = 0, sparsePairs = 0;
        for (int r = 0; r < keys.Length; r++)
        {
            int len = starts[r + 1] - starts[r];
            if (len >= denseThreshold)
            {
                denseRows++;
            }
            else if (len > 1 || !inline)
            {
                sparseRows++;
                sparsePairs += len;
            }
        }

        DenseRows = denseRows;
        // dense rows start on cache lines (16 floats) so that none straddles one more line than it needs
        _rowStride = (Stride + 15) / 16 * 16;
        _dense = HugePages.Allocate<float>((denseRows * _rowStride) + 16);
        int dOff = DenseBase(_dense);
        _sparse = HugePages.Allocate<Pair>(sparsePairs + sparseRows);
        int cap = 16;
        while (cap < keys.Length * 2)
        {
            cap <<= 1;
        }

        _table = HugePages.Allocate<Slot>(cap);
        _mask = cap - 1;

        // The rows are laid out in key order; their slots are then inserted bucket by bucket of the
        // table (a one-pass radix sort on the home slot's top bits), so that the insertions, which would
        // otherwise miss the cache and the TLB once each, stay inside a few pages at a time.
        int bucketBits = Math.Min(10, BitOperations.Log2((uint)cap));
        int shift = BitOperations.Log2((uint)cap) - bucketBits;
        var bucketStart = new int[(1 << bucketBits) + 1];
        for (int r = 0; r < keys.Length; r++)
        {
            bucketStart[(int)((keys[r] & (ulong)_mask) >> shift) + 1]++;
        }

        for (int b = 0; b < 1 << bucketBits; b++)
        {
            bucketStart[b + 1] += bucketStart[b];
        }

        var ordered = new (Slot Slot, int Home)[keys.Length];
        int sOff = 0;
        for (int r = 0; r < keys.Length; r++)
        {
            int a = starts[r], b = starts[r + 1];
            var slot = new Slot { Tag = TagOf(keys[r]) };
            if (b - a >= denseThreshold)
            {
                for (int i = a; i < b; i++)
                {
                    _dense[dOff + cls[i]] = (float)PerceptronModel.ToHalf(ws[i]);
                }

                slot.Ref = DenseBit | (uint)dOff;
                dOff += _rowStride;
            }
            else if (b - a == 1 && inline)
            {
                slot.Ref = InlineBit | ((uint)cls[a] << 16) | BitConverter.HalfToUInt16Bits(PerceptronModel.ToHalf(ws[a]));
            }
            else
            {
                slot.Ref = (uint)sOff;
                _sparse[sOff++] = new Pair { Class = (ushort)(b - a) };
                for (int i = a; i < b; i++)
                {
                    _sparse[sOff++] = new Pair { Class = cls[i], Half = BitConverter.HalfToUInt16Bits(PerceptronModel.ToHalf(ws[i])) };
                }
            }

            int home = (int)(keys[r] & (ulong)_mask);
            ordered[bucketStart[home >> shift]++] = (slot, home);
        }

        foreach (var (slot, home) in ordered)
        {
            int s = home;
            while (_table[s].Tag != 0)
            {
                s = (s + 1) & _mask;
            }

            _table[s] = slot;
        }

        HugePages.Advise(_table);
        HugePages.Advise(_dense);
        HugePages.Advise(_sparse);
    }

    /// <summary>The first index of <paramref name="dense"/> on a 64-byte boundary (only a layout hint for arrays that are not pinned).</summary>
    private static unsafe int DenseBase(float[] dense)
    {
        if (dense.Length == 0)
        {
            return 0;
        }

        fixed (float* p = dense)
        {
            return (int)((64 - ((nint)p & 63)) & 63) / sizeof(float);
        }
    }

    /// <summary>
    /// The float of a half's bits, exact for every finite half (subnormals included): the exponent and
    /// mantissa move into a float's place and one multiplication by 2^112 rebiases the exponent.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float HalfToFloat(ushort h) =>
        BitConverter.Int32BitsToSingle(((h & 0x7FFF) << 13) | ((h & 0x8000) << 16)) * 5.192296858534828e33f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    // the bits of the (cut) key above the lowest 8: with the slot index they compare all of its bits
    private static uint TagOf(ulong key) => (uint)(key >> (PerceptronModel.KeyBits - 32)) | 1u;

    public PerceptronModel Source { get; }

    public int Classes { get; }

    /// <summary>Length the score buffer must have: <see cref="Classes"/> rounded up to a SIMD vector.</summary>
    public int Stride { get; }

    public int DenseRows { get; }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (length ≥ <see cref="Stride"/>).</summary>
    /// <remarks>
    /// Memory latency dominates, so the lookups run in three passes over blocks of features: prefetch the
    /// table slots, probe them and prefetch the rows found, then add the rows.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public unsafe void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (scores.Length < Stride)
        {
            throw new ArgumentException($"score buffer must hold {Stride} floats", nameof(scores));
        }

        const int Block = 64;
        Span<int> found = stackalloc int[Block];
        int mask = _mask;
        int stride = Stride;
        int rowStride = _rowStride;
        int vec = Vector<float>.Count;
        bool prefetch = Sse.IsSupported;
        fixed (Slot* table = _table)
        fixed (float* dense = _dense)
        fixed (Pair* sparse = _sparse)
        fixed (float* sc = scores)
        {
            for (int from = 0; from < features.Length; from += Block)
            {
                var block = features.Slice(from, Math.Min(Block, features.Length - from));
                if (prefetch)
                {
                    foreach (var f in block)
                    {
                        Sse.Prefetch0(table + (int)(f & (ulong)mask));
                    }
                }

                int nf = 0;
                foreach (var feature in block)
                {
                    var f = PerceptronModel.Cut(feature);
                    int s = (int)(f & (ulong)mask);
                    uint tag = TagOf(f);
                    while (true)
                    {
                        uint k = table[s].Tag;
                        if (k == tag)
                        {
                            uint r = table[s].Ref;
                            found[nf++] = (int)r;
                            if (prefetch)
                            {
                                if ((r & DenseBit) != 0)
                                {
                                    float* row = dense + (r & ~DenseBit);
                                    for (int i = 0; i < rowStride; i += 16)
                                    {
                                        Sse.Prefetch0(row + i);
                                    }
                                }
                                else if ((r & InlineBit) == 0)
                                {
                                    Sse.Prefetch0(sparse + r);
                                }
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
                    uint r = (uint)found[j];
                    if ((r & DenseBit) != 0)
                    {
                        float* row = dense + (r & ~DenseBit);
                        for (int i = 0; i < stride; i += vec)
                        {
                            var acc = Vector.Load(sc + i) + Vector.Load(row + i);
                            acc.Store(sc + i);
                        }
                    }
                    else if ((r & InlineBit) != 0)
                    {
                        sc[(r >> 16) & (InlineClasses - 1)] += HalfToFloat((ushort)r);
                    }
                    else
                    {
                        Pair* p = sparse + r;
                        int len = p->Class;
                        for (int i = 1; i <= len; i++)
                        {
                            sc[p[i].Class] += HalfToFloat(p[i].Half);
                        }
                    }
                }
            }
        }
    }
}
