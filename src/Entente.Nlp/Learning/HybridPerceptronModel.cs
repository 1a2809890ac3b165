using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Entente.Nlp.Learning;

/// <summary>
/// A faster scorer over the weights of a <see cref="PerceptronModel"/> for models with many classes:
/// rows that meet many classes are stored densely (one padded float vector, added with SIMD), the others
/// as packed (class, weight) pairs; each feature costs one probe of a table of 8-byte slots (key tag and
/// row reference). Immutable and thread-safe; scores equal <see cref="PerceptronModel.Score"/> up to
/// float rounding order (and, with odds of about 2^-32 per absent feature, a key-tag collision).
/// </summary>
public sealed class HybridPerceptronModel
{
    // A slot holds the upper half of the 64-bit key (the lower half chose the slot; 0 = empty) and a
    // reference: with the top bit set, the offset of a dense row in _dense; otherwise the index in
    // _sparse of a header pair whose Class is the number of (class, weight) pairs that follow it.
    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public uint Tag;
        public uint Ref;
    }

    private const uint DenseBit = 0x8000_0000u;

    [StructLayout(LayoutKind.Sequential)]
    private struct Pair
    {
        public int Class;
        public float Weight;
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
        int denseRows = 0, sparsePairs = 0;
        for (int r = 0; r < keys.Length; r++)
        {
            int len = starts[r + 1] - starts[r];
            if (len >= denseThreshold)
            {
                denseRows++;
            }
            else
            {
                sparsePairs += len;
            }
        }

        DenseRows = denseRows;
        // dense rows start on cache lines (16 floats) so that none straddles one more line than it needs
        _rowStride = (Stride + 15) / 16 * 16;
        _dense = HugePages.Allocate<float>((denseRows * _rowStride) + 16);
        int dOff = DenseBase(_dense);
        _sparse = HugePages.Allocate<Pair>(sparsePairs + keys.Length - denseRows);
        int cap = 16;
        while (cap < keys.Length * 2)
        {
            cap <<= 1;
        }

        _table = HugePages.Allocate<Slot>(cap);
        _mask = cap - 1;
        int sOff = 0;
        for (int r = 0; r < keys.Length; r++)
        {
            int a = starts[r], b = starts[r + 1];
            var slot = new Slot { Tag = TagOf(keys[r]) };
            if (b - a >= denseThreshold)
            {
                for (int i = a; i < b; i++)
                {
                    _dense[dOff + cls[i]] = ws[i];
                }

                slot.Ref = DenseBit | (uint)dOff;
                dOff += _rowStride;
            }
            else
            {
                slot.Ref = (uint)sOff;
                _sparse[sOff++] = new Pair { Class = b - a };
                for (int i = a; i < b; i++)
                {
                    _sparse[sOff++] = new Pair { Class = cls[i], Weight = ws[i] };
                }
            }

            int s = (int)(keys[r] & (ulong)_mask);
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
                                else
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
                    else
                    {
                        Pair* p = sparse + r;
                        int len = p->Class;
                        for (int i = 1; i <= len; i++)
                        {
                            sc[p[i].Class] += p[i].Weight;
                        }
                    }
                }
            }
        }
    }
}
