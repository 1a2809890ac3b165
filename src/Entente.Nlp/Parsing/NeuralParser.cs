using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Entente.Nlp.Parsing;

/// <summary>
/// A graph-based parser with a neural scorer: word, suffix, tag and shape embeddings run through a two-layer
/// bidirectional LSTM; a biaffine layer scores every head for every word (Dozat and Manning 2017), and the
/// best projective tree under those scores is found by Eisner's algorithm. Relations are scored for the
/// chosen head from the two words' label vectors. The weights are trained by
/// <c>tools/Entente.NeuralParserTrainer</c> (TorchSharp); this class only runs them, in plain .NET on the CPU, with no dependency. Immutable and
/// thread-safe.
/// </summary>
public sealed class NeuralParser : IArcProbabilityParser
{
    internal const uint Magic = 0x504E4E45; // "ENNP"
    private const int Version = 1;

    // indices the trainer gives its lists' first entries (0 is padding) and the root token's shape class
    private const int RootIndex = 1, UnkIndex = 2, RootShape = 13;

    private readonly Dictionary<string, int> _words, _suffixes, _upos, _xpos;
    private readonly string[] _labels;
    private readonly int _rootLabel;
    private readonly Matrix _wordEmb, _sufEmb, _uposEmb, _xposEmb, _shapeEmb;
    private readonly LstmLayer _l1, _l2;
    private readonly Dense _arcDep, _arcHead, _labDep, _labHead, _labW1, _labW2, _labW3;
    private readonly Dense _arcU; // du = dep · U as a layer (its weight is U's transpose)
    private readonly float[] _arcB;
    private readonly float[][][] _inputTables; // [direction][embedding][row · 4 · hidden]

    private NeuralParser(Dictionary<string, Matrix> t, List<string> words, List<string> suffixes, List<string> upos, List<string> xpos, List<string> labels)
    {
        static Dictionary<string, int> Index(List<string> l)
        {
            var d = new Dictionary<string, int>(l.Count, StringComparer.Ordinal);
            for (int i = 0; i < l.Count; i++)
            {
                d.TryAdd(l[i], i);
            }

            return d;
        }

        Matrix Get(string name) => t.TryGetValue(name, out var m) ? m : throw new InvalidDataException($"tensor {name} is missing");

        _words = Index(words);
        _suffixes = Index(suffixes);
        _upos = Index(upos);
        _xpos = Index(xpos);
        _labels = [.. labels];
        _rootLabel = Array.IndexOf(_labels, "root");
        _wordEmb = Get("word");
        _sufEmb = Get("suffix");
        _uposEmb = Get("upos");
        _xposEmb = Get("xpos");
        _shapeEmb = Get("shape");
        _l1 = new LstmLayer(Get, "l1");
        _l2 = new LstmLayer(Get, "l2");
        _arcDep = new Dense(Get, "arcDep");
        _arcHead = new Dense(Get, "arcHead");
        _labDep = new Dense(Get, "labDep");
        _labHead = new Dense(Get, "labHead");
        _labW1 = new Dense(Get, "labW1");
        _labW2 = new Dense(Get, "labW2", bias: false);
        _labW3 = new Dense(Get, "labW3", bias: false);
        var arcU = Get("arcU");
        _arcU = new Dense(arcU.Transpose(), null, "arcU");
        _arcB = Get("arcB").Data;
        int inputSize = _wordEmb.Cols + _sufEmb.Cols + _uposEmb.Cols + _xposEmb.Cols + _shapeEmb.Cols;
        if (_l1.Input != inputSize || _l2.Input != 2 * _l1.Hidden || _arcDep.Input != 2 * _l2.Hidden
            || arcU.Rows != _arcDep.Output || arcU.Cols != _arcHead.Output || _arcDep.Output != _arcHead.Output
            || _labDep.Output != _labHead.Output || _labDep.Output % Dense.Block != 0 || _arcDep.Output % Dense.Block != 0 || _arcB.Length != _arcHead.Output
            || _labW1.Output != _labels.Length || _rootLabel < 0)
        {
            throw new InvalidDataException("the tensors' shapes do not fit together");
        }

        _inputTables = BuildInputTables();
    }

    /// <summary>Parses one tagged sentence (the head of each word by Eisner's algorithm over the arc scores).</summary>
    public ParseResult Parse(IReadOnlyList<string> forms, IReadOnlyList<string> upos, IReadOnlyList<string> xpos) =>
        ParseScored(forms, upos, xpos).Parse;

    /// <inheritdoc/>
    public (ParseResult Parse, double[] ArcProbabilities) ParseWithProbabilities(IReadOnlyList<string> forms, IReadOnlyList<string> upos, IReadOnlyList<string> xpos)
    {
        var (parse, scores) = ParseScored(forms, upos, xpos);
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Exp(scores[i]);
        }

        return (parse, scores);
    }

    /// <summary>The parse and the arc log-probabilities it was decoded from (one entry, −∞, for no words).</summary>
    private (ParseResult Parse, double[] LogProbabilities) ParseScored(IReadOnlyList<string> forms, IReadOnlyList<string> upos, IReadOnlyList<string> xpos)
    {
        int n = ParseResult.CheckInput(forms, upos, xpos);
        if (n == 0)
        {
            return (new ParseResult([], []), [double.NegativeInfinity]);
        }

        var (scores, ld, lh) = Score(forms, upos, xpos);
        var heads = Eisner.Decode(scores, n);
        return (new ParseResult(heads, Labels(heads, ld, lh)), scores);
    }

    /// <summary>The relation of each word given its head (from the label vectors of the two words).</summary>
    internal string[] Labels(int[] heads, float[] ld, float[] lh)
    {
        int n = heads.Length;
        int ldim = _labDep.Output, nl = _labels.Length;
        var rels = new string[n];
        var logits = new float[_labW1.Padded];
        var prod = new float[ldim];
        for (int d = 1; d <= n; d++)
        {
            int h = heads[d - 1];
            var dep = ld.AsSpan(d * ldim, ldim);
            var head = lh.AsSpan(h * ldim, ldim);
            for (int k = 0; k < ldim; k++)
            {
                prod[k] = dep[k] * head[k];
            }

            _labW1.Apply(dep, logits, accumulate: false);
            _labW2.Apply(head, logits, accumulate: true);
            _labW3.Apply(prod, logits, accumulate: true);
            int best = -1;
            float top = float.NegativeInfinity;
            for (int l = 0; l < nl; l++)
            {
                if ((l == _rootLabel) != (h == 0))
                {
                    continue;
                }

                if (logits[l] > top)
                {
                    top = logits[l];
                    best = l;
                }
            }

            rels[d - 1] = best < 0 ? (h == 0 ? "root" : "dep") : _labels[best];
        }

        return rels;
    }

    /// <summary>
    /// Arc log-probabilities (<c>[h * (n + 1) + d]</c>, a log-softmax over each word's heads; minus infinity
    /// for a word on itself and for column 0) and the label vectors of words 0..n.
    /// </summary>
    internal (double[] Scores, float[] LabelDep, float[] LabelHead) Score(IReadOnlyList<string> forms, IReadOnlyList<string> upos, IReadOnlyList<string> xpos)
    {
        int n = forms.Count;
        int len = n + 1;
        // the first layer's input gates are sums of rows of tables built at load (embedding times input weights)
        int g4 = 4 * _l1.Hidden;
        var forward = new float[len * g4];
        var backward = new float[len * g4];
        Span<int> idx = stackalloc int[5];
        for (int i = 0; i < len; i++)
        {
            if (i == 0)
            {
                idx[0] = idx[1] = idx[2] = idx[3] = RootIndex;
                idx[4] = RootShape;
            }
            else
            {
                var form = forms[i - 1] ?? string.Empty;
                var norm = Normalize(form);
                idx[0] = _words.TryGetValue(norm, out var wi) ? wi : UnkIndex;
                idx[1] = _suffixes.TryGetValue(SuffixKey(norm), out var si) ? si : UnkIndex;
                idx[2] = _upos.TryGetValue(upos[i - 1] ?? string.Empty, out var ui) ? ui : UnkIndex;
                idx[3] = _xpos.TryGetValue(xpos[i - 1] ?? string.Empty, out var pi) ? pi : UnkIndex;
                idx[4] = Shape(form);
            }

            for (int dir = 0; dir < 2; dir++)
            {
                var g = (dir == 0 ? forward : backward).AsSpan(i * g4, g4);
                _l1.InputWeights(dir).Bias.CopyTo(g);
                for (int e = 0; e < 5; e++)
                {
                    Add(_inputTables[dir][e].AsSpan(idx[e] * g4, g4), g);
                }
            }
        }

        var h1 = _l1.Recur(forward, backward, len);
        var h2 = _l2.Run(h1, 2 * _l1.Hidden, len);
        int hs = 2 * _l2.Hidden;
        int ad = _arcDep.Output, lb = _labDep.Output;
        var dep = new float[len * ad];
        var head = new float[len * ad];
        var ld = new float[len * lb];
        var lh = new float[len * lb];
        _arcDep.ApplyRows(h2, hs, dep, ad, len, accumulate: false, leaky: true);
        _arcHead.ApplyRows(h2, hs, head, ad, len, accumulate: false, leaky: true);
        _labDep.ApplyRows(h2, hs, ld, lb, len, accumulate: false, leaky: true);
        _labHead.ApplyRows(h2, hs, lh, lb, len, accumulate: false, leaky: true);

        // s[d, h] = dep_d · U · head_h + head_h · b ; then a log-softmax over h for each d
        var headBias = new float[len];
        for (int h = 0; h < len; h++)
        {
            headBias[h] = Dot(head.AsSpan(h * ad, ad), _arcB);
        }

        var du = new float[ad];
        var scores = new double[len * len];
        for (int h = 0; h < len; h++)
        {
            scores[h * len] = double.NegativeInfinity;
        }
        var row1 = new double[len];
        for (int d = 1; d < len; d++)
        {
            // du = dep_d · U (a row vector): the sum of U's rows weighted by dep_d
            _arcU.Apply(dep.AsSpan(d * ad, ad), du, accumulate: false);

            double max = double.NegativeInfinity;
            for (int h = 0; h < len; h++)
            {
                double v = h == d ? double.NegativeInfinity : Dot(du, head.AsSpan(h * ad, ad)) + headBias[h];
                row1[h] = v;
                if (v > max)
                {
                    max = v;
                }
            }

            double sum = 0;
            for (int h = 0; h < len; h++)
            {
                sum += Math.Exp(row1[h] - max);
            }

            double log = max + Math.Log(sum);
            for (int h = 0; h < len; h++)
            {
                scores[(h * len) + d] = h == d ? double.NegativeInfinity : row1[h] - log;
            }
        }

        return (scores, ld, lh);
    }

    /// <summary>y += x.</summary>
    private static void Add(ReadOnlySpan<float> x, Span<float> y)
    {
        int i = 0;
        for (; i + Vector<float>.Count <= y.Length; i += Vector<float>.Count)
        {
            (new Vector<float>(y.Slice(i)) + new Vector<float>(x.Slice(i))).CopyTo(y.Slice(i));
        }

        for (; i < y.Length; i++)
        {
            y[i] += x[i];
        }
    }

    /// <summary>
    /// For each direction and each of the five embeddings, the embedding's rows multiplied by the first
    /// layer's input weights for its columns: the first layer's input product becomes five row additions.
    /// </summary>
    private float[][][] BuildInputTables()
    {
        var embeddings = new[] { _wordEmb, _sufEmb, _uposEmb, _xposEmb, _shapeEmb };
        var tables = new float[2][][];
        for (int dir = 0; dir < 2; dir++)
        {
            var (w, _) = _l1.InputWeights(dir);
            tables[dir] = new float[embeddings.Length][];
            int offset = 0;
            for (int e = 0; e < embeddings.Length; e++)
            {
                var emb = embeddings[e];
                var sub = new float[w.Rows * emb.Cols];
                for (int r = 0; r < w.Rows; r++)
                {
                    w.Data.AsSpan((r * w.Cols) + offset, emb.Cols).CopyTo(sub.AsSpan(r * emb.Cols));
                }

                var layer = new Dense(new Matrix(w.Rows, emb.Cols, sub), null, "l1");
                tables[dir][e] = new float[emb.Rows * w.Rows];
                layer.ApplyRows(emb.Data, emb.Cols, tables[dir][e], w.Rows, emb.Rows, accumulate: false);
                offset += emb.Cols;
            }
        }

        return tables;
    }

    /// <summary>The trainer's word key: lower case, every digit 0.</summary>
    internal static string Normalize(string form)
    {
        return string.Create(form.Length, form, static (span, f) =>
        {
            for (int i = 0; i < f.Length; i++)
            {
                char c = f[i];
                span[i] = char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
            }
        });
    }

    /// <summary>The suffix key of a word key (<see cref="Normalize"/>): its last three characters.</summary>
    internal static string SuffixKey(string normalized) => normalized.Length <= 3 ? normalized : normalized[^3..];

    /// <summary>The trainer's word shape class, 1..12 (0 for an empty string).</summary>
    internal static int Shape(string w)
    {
        if (w.Length == 0)
        {
            return 0;
        }

        bool letter = false, digit = false, allUpper = true;
        foreach (var c in w)
        {
            if (char.IsLetter(c))
            {
                letter = true;
                allUpper &= char.IsUpper(c);
            }

            digit |= char.IsDigit(c);
        }

        int s = !letter ? (digit ? 1 : 2) : allUpper && w.Length > 1 ? 3 : char.IsUpper(w[0]) ? 4 : 5;
        return s + (w.Contains('-', StringComparison.Ordinal) ? 6 : 0) + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        var acc = Vector<float>.Zero;
        for (; i + Vector<float>.Count <= a.Length; i += Vector<float>.Count)
        {
            acc += new Vector<float>(a.Slice(i)) * new Vector<float>(b.Slice(i));
        }

        float s = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary>
    /// e^x for eight floats (Cephes' expf: x = n·ln 2 + r, a degree-5 polynomial for e^r, n into the exponent
    /// bits); relative error about 2e-7, inputs clamped to ±87. Measured here against the runtime's Vector256.Exp:
/// 70 against 51 million vectors a second when the calls are independent, 68 against 27 when each waits
/// for the one before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> Exp(Vector256<float> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(-87f)), Vector256.Create(87f));
        var n = Vector256.Round(x * Vector256.Create(1.44269504088896341f));
        var r = x - (n * Vector256.Create(0.693359375f)) + (n * Vector256.Create(2.12194440e-4f));
        var p = Vector256.Create(1.9875691500e-4f);
        p = (p * r) + Vector256.Create(1.3981999507e-3f);
        p = (p * r) + Vector256.Create(8.3334519073e-3f);
        p = (p * r) + Vector256.Create(4.1665795894e-2f);
        p = (p * r) + Vector256.Create(1.6666665459e-1f);
        p = (p * r) + Vector256.Create(5.0000001201e-1f);
        var y = (p * r * r) + r + Vector256<float>.One;
        var scale = Vector256.ShiftLeft(Vector256.ConvertToInt32(n) + Vector256.Create(127), 23).AsSingle();
        return y * scale;
    }

    /// <summary>A row-major matrix of floats.</summary>
    internal sealed class Matrix(int rows, int cols, float[] data)
    {
        public int Rows { get; } = rows;

        public int Cols { get; } = cols;

        public float[] Data { get; } = data;

        /// <summary>The transpose (cols × rows).</summary>
        public Matrix Transpose()
        {
            var t = new float[Data.Length];
            for (int r = 0; r < Rows; r++)
            {
                for (int c = 0; c < Cols; c++)
                {
                    t[(c * Rows) + r] = Data[(r * Cols) + c];
                }
            }

            return new Matrix(Cols, Rows, t);
        }
    }

    /// <summary>
    /// A linear layer y = W x + b. W is packed in column blocks of 64 outputs, each block's weights for
    /// input k contiguous, so that one pass over the inputs fills eight AVX registers of outputs (eight
    /// independent chains of fused multiply-adds, enough to hide their latency).
    /// </summary>
    internal sealed class Dense
    {
        public const int Block = 64;
        private readonly float[] _w; // [block][input][64]
        private readonly float[] _b; // padded to whole blocks (zeros if the layer has no bias)

        public Dense(Func<string, Matrix> get, string name, bool bias = true)
            : this(get(name + ".weight"), bias ? get(name + ".bias").Data : null, name)
        {
        }

        /// <summary>A layer from W (output × input) and an optional bias.</summary>
        public Dense(Matrix w, float[]? bias, string name)
        {
            Input = w.Cols;
            Output = w.Rows;
            Blocks = (Output + Block - 1) / Block;
            if (bias != null && bias.Length != Output)
            {
                throw new InvalidDataException($"{name}: bias and weight differ in size");
            }

            _w = new float[Blocks * Input * Block];
            _b = new float[Blocks * Block];
            bias?.CopyTo(_b, 0);
            for (int o = 0; o < Output; o++)
            {
                int b = o / Block, j = o % Block;
                for (int k = 0; k < Input; k++)
                {
                    _w[(((b * Input) + k) * Block) + j] = w.Data[(o * Input) + k];
                }
            }
        }

        public int Input { get; }

        public int Output { get; }

        public int Blocks { get; }

        /// <summary>The output length with padding: outputs are written (or added) in whole blocks.</summary>
        public int Padded => Blocks * Block;

        /// <summary>y[0..Padded) = (accumulate ? y : 0) + W x + b, optionally through a leaky ReLU (slope 0.1).</summary>
        public void Apply(ReadOnlySpan<float> x, Span<float> y, bool accumulate, bool leaky = false) =>
            ApplyRows(x, Input, y, Padded, 1, accumulate, leaky);

        /// <summary>
        /// The layer applied to <paramref name="count"/> inputs at once (input r at r · <paramref name="inStride"/>,
        /// its output at r · <paramref name="outStride"/>). Blocks run outermost, so a block's weights stay cached
        /// while every input passes through it.
        /// </summary>
        public unsafe void ApplyRows(ReadOnlySpan<float> x, int inStride, Span<float> y, int outStride, int count, bool accumulate, bool leaky = false)
        {
            if (count <= 0)
            {
                return;
            }

            if (inStride < Input || outStride < Padded || x.Length < ((count - 1) * inStride) + Input || y.Length < ((count - 1) * outStride) + Padded)
            {
                throw new ArgumentException("input or output too short");
            }

            int input = Input;
            fixed (float* w = _w, bias = _b, px = x, py = y)
            {
                for (int b = 0; b < Blocks; b++)
                {
                    float* wb = w + (b * input * Block);
                    float* bb = bias + (b * Block);
                    for (int r = 0; r < count; r++)
                    {
                        Kernel(wb, bb, px + (r * inStride), input, py + (r * outStride) + (b * Block), accumulate, leaky);
                    }
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe void Kernel(float* wb, float* bb, float* px, int input, float* yb, bool accumulate, bool leaky)
        {
            var a0 = Vector256.Load(bb);
            var a1 = Vector256.Load(bb + 8);
            var a2 = Vector256.Load(bb + 16);
            var a3 = Vector256.Load(bb + 24);
            var a4 = Vector256.Load(bb + 32);
            var a5 = Vector256.Load(bb + 40);
            var a6 = Vector256.Load(bb + 48);
            var a7 = Vector256.Load(bb + 56);
            if (accumulate)
            {
                a0 += Vector256.Load(yb);
                a1 += Vector256.Load(yb + 8);
                a2 += Vector256.Load(yb + 16);
                a3 += Vector256.Load(yb + 24);
                a4 += Vector256.Load(yb + 32);
                a5 += Vector256.Load(yb + 40);
                a6 += Vector256.Load(yb + 48);
                a7 += Vector256.Load(yb + 56);
            }

            for (int k = 0; k < input; k++)
            {
                var xv = Vector256.Create(px[k]);
                float* wk = wb + (k * Block);
                a0 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(wk), a0);
                a1 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(wk + 8), a1);
                a2 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(wk + 16), a2);
                a3 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(wk + 24), a3);
                a4 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(wk + 32), a4);
                a5 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(wk + 40), a5);
                a6 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(wk + 48), a6);
                a7 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(wk + 56), a7);
            }

            if (leaky)
            {
                var slope = Vector256.Create(0.1f);
                a0 = Vector256.Max(a0, a0 * slope);
                a1 = Vector256.Max(a1, a1 * slope);
                a2 = Vector256.Max(a2, a2 * slope);
                a3 = Vector256.Max(a3, a3 * slope);
                a4 = Vector256.Max(a4, a4 * slope);
                a5 = Vector256.Max(a5, a5 * slope);
                a6 = Vector256.Max(a6, a6 * slope);
                a7 = Vector256.Max(a7, a7 * slope);
            }

            a0.Store(yb);
            a1.Store(yb + 8);
            a2.Store(yb + 16);
            a3.Store(yb + 24);
            a4.Store(yb + 32);
            a5.Store(yb + 40);
            a6.Store(yb + 48);
            a7.Store(yb + 56);
        }
    }

    /// <summary>One bidirectional LSTM layer (PyTorch's gate order: input, forget, cell, output).</summary>
    private sealed class LstmLayer
    {
        private readonly Dense[] _wih = new Dense[2], _whh = new Dense[2];
        private readonly Matrix[] _wihRaw = new Matrix[2];
        private readonly float[][] _bias = new float[2][];

        public LstmLayer(Func<string, Matrix> get, string name)
        {
            for (int dir = 0; dir < 2; dir++)
            {
                string sfx = dir == 0 ? "_l0" : "_l0_reverse";
                var wih = get($"{name}.weight_ih{sfx}");
                var whh = get($"{name}.weight_hh{sfx}");
                var bih = get($"{name}.bias_ih{sfx}").Data;
                var bhh = get($"{name}.bias_hh{sfx}").Data;
                if (wih.Rows % Dense.Block != 0 || whh.Rows != wih.Rows || whh.Cols * 4 != whh.Rows || bih.Length != wih.Rows || bhh.Length != wih.Rows)
                {
                    throw new InvalidDataException($"{name}: LSTM tensors of inconsistent shapes");
                }

                _bias[dir] = [.. bih.Zip(bhh, (a, b) => a + b)];
                _wihRaw[dir] = wih;
                _wih[dir] = new Dense(wih, _bias[dir], name);
                _whh[dir] = new Dense(whh, null, name);
            }

            Input = _wih[0].Input;
            Hidden = _whh[0].Input;
        }

        public int Input { get; }

        public int Hidden { get; }

        /// <summary>The input weights of one direction (4·hidden × input) and the sum of its two biases.</summary>
        public (Matrix Weight, float[] Bias) InputWeights(int dir) => (_wihRaw[dir], _bias[dir]);

        /// <summary>Runs the layer over <paramref name="len"/> input vectors; returns [forward; backward] for each.</summary>
        public float[] Run(float[] x, int inStride, int len)
        {
            int g4 = 4 * Hidden;
            var forward = new float[len * g4];
            var backward = new float[len * g4];
            _wih[0].ApplyRows(x, inStride, forward, g4, len, accumulate: false);
            _wih[1].ApplyRows(x, inStride, backward, g4, len, accumulate: false);
            return Recur(forward, backward, len);
        }

        /// <summary>
        /// The recurrent part, given each direction's input gate values (input weights times input, plus the
        /// biases) for the <paramref name="len"/> positions; the arrays are overwritten.
        /// </summary>
        public float[] Recur(float[] forward, float[] backward, int len)
        {
            int h = Hidden, g4 = 4 * h;
            var output = new float[len * 2 * h];
            var state = new float[h];
            var cell = new float[h];
            for (int dir = 0; dir < 2; dir++)
            {
                var gates = dir == 0 ? forward : backward;
                Array.Clear(state);
                Array.Clear(cell);
                for (int step = 0; step < len; step++)
                {
                    int t = dir == 0 ? step : len - 1 - step;
                    var g = gates.AsSpan(t * g4, g4);
                    if (step > 0)
                    {
                        _whh[dir].Apply(state, g, accumulate: true);
                    }

                    Cell(g, cell, state, h);
                    state.CopyTo(output.AsSpan((t * 2 * h) + (dir * h), h));
                }
            }

            return output;
        }

        /// <summary>c = f·c + i·g, h = o·tanh(c), eight units at a time.</summary>
        private static unsafe void Cell(Span<float> gates, float[] cell, float[] state, int h)
        {
            fixed (float* g = gates, c = cell, s = state)
            {
                var one = Vector256.Create(1f);
                var two = Vector256.Create(2f);
                for (int k = 0; k < h; k += 8)
                {
                    var i = Sigmoid(Vector256.Load(g + k), one);
                    var f = Sigmoid(Vector256.Load(g + h + k), one);
                    var cand = (two * Sigmoid(two * Vector256.Load(g + (2 * h) + k), one)) - one;
                    var o = Sigmoid(Vector256.Load(g + (3 * h) + k), one);
                    var cn = (f * Vector256.Load(c + k)) + (i * cand);
                    cn.Store(c + k);
                    var th = (two * Sigmoid(two * cn, one)) - one;
                    (o * th).Store(s + k);
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> Sigmoid(Vector256<float> v, Vector256<float> one) => one / (one + Exp(-v));
    }

    /// <summary>
    /// Reads a model: the magic "ENNP", a version, five string lists (words, suffixes, UPOS, XPOS, labels) and
    /// named tensors, each stored as int8 rows with one float scale per row. Errors name <paramref name="name"/>.
    /// </summary>
    public static NeuralParser Load(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (r.ReadUInt32() != Magic)
            {
                throw new InvalidDataException("not a neural parser model");
            }

            int version = r.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"model version {version}, expected {Version}");
            }

            var lists = new List<string>[5];
            for (int l = 0; l < 5; l++)
            {
                int count = r.ReadInt32();
                CheckCount(count, 1 << 22);
                lists[l] = new List<string>(count);
                for (int i = 0; i < count; i++)
                {
                    lists[l].Add(r.ReadString());
                }
            }

            int tensors = r.ReadInt32();
            CheckCount(tensors, 1000);
            var t = new Dictionary<string, Matrix>(StringComparer.Ordinal);
            for (int i = 0; i < tensors; i++)
            {
                var tn = r.ReadString();
                int rows = r.ReadInt32(), cols = r.ReadInt32();
                CheckCount(rows, 1 << 24);
                CheckCount(cols, 1 << 16);
                var data = new float[(long)rows * cols];
                var bytes = new byte[cols];
                for (int row = 0; row < rows; row++)
                {
                    float scale = r.ReadSingle();
                    r.BaseStream.ReadExactly(bytes);
                    for (int c = 0; c < cols; c++)
                    {
                        data[(row * cols) + c] = (sbyte)bytes[c] * scale;
                    }
                }

                t[tn] = new Matrix(rows, cols, data);
            }

            return new NeuralParser(t, lists[0], lists[1], lists[2], lists[3], lists[4]);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException($"{name}: cannot read the neural parser model: {e.Message}", e);
        }

        static void CheckCount(int count, int max)
        {
            if (count < 0 || count > max)
            {
                throw new InvalidDataException($"a count of {count} is out of range");
            }
        }
    }

    /// <summary>
    /// Writes a model in the format <see cref="Load"/> reads: each tensor's rows quantized to int8 with a
    /// per-row scale. A vector is one row; a matrix keeps its shape.
    /// </summary>
    public static void Write(Stream stream, IReadOnlyList<IReadOnlyList<string>> lists, IEnumerable<(string Name, int Rows, int Cols, float[] Data)> tensors)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(tensors);
        if (lists.Count != 5)
        {
            throw new ArgumentException("expected five lists: words, suffixes, UPOS, XPOS, labels", nameof(lists));
        }

        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        foreach (var l in lists)
        {
            w.Write(l.Count);
            foreach (var s in l)
            {
                w.Write(s);
            }
        }

        var all = tensors.ToList();
        w.Write(all.Count);
        var bytes = Array.Empty<byte>();
        foreach (var (tn, rows, cols, data) in all)
        {
            if ((long)rows * cols != data.Length)
            {
                throw new ArgumentException($"tensor {tn}: {rows} × {cols} does not match {data.Length} values", nameof(tensors));
            }

            w.Write(tn);
            w.Write(rows);
            w.Write(cols);
            if (bytes.Length != cols)
            {
                bytes = new byte[cols];
            }

            for (int r = 0; r < rows; r++)
            {
                var row = data.AsSpan(r * cols, cols);
                float max = 0;
                foreach (var v in row)
                {
                    max = Math.Max(max, Math.Abs(v));
                }

                float scale = max == 0 ? 1f : max / 127f;
                w.Write(scale);
                for (int c = 0; c < cols; c++)
                {
                    bytes[c] = (byte)(sbyte)Math.Clamp((int)MathF.Round(row[c] / scale), -127, 127);
                }

                w.Write(bytes);
            }
        }
    }
}
