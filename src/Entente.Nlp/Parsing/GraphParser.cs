using System.Diagnostics;
using System.Text;
using Entente.Nlp.Clustering;
using Entente.Nlp.Conllu;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Parsing;

/// <summary>
/// A first-order graph-based parser: every possible arc is scored by an averaged perceptron over features
/// of its two words, their neighbours and what lies between them, and the best projective tree is found by
/// Eisner's algorithm; each arc's relation is then chosen by a second perceptron that also sees the tree
/// around it. Less accurate alone than the transition parsers but wrong in different places, which makes
/// it a useful voter in a <see cref="ParserEnsemble"/>. Immutable and thread-safe.
/// </summary>
public sealed class GraphParser : IDependencyParser
{
    internal const uint Magic = 0x50474E45; // "ENGP"
    private const int FormatVersion = 1;
    private const int MaxArcFeatures = 64;
    private const int MaxLabelFeatures = 96;

    private readonly PerceptronModel _arcs;
    private readonly PerceptronModel _labels;
    private readonly WordClusters? _clusters;

    private GraphParser(PerceptronModel arcs, PerceptronModel labels, WordClusters? clusters)
    {
        _arcs = arcs;
        _labels = labels;
        _clusters = clusters;
    }

    /// <summary>The word clusters the model reads, or null when it uses none.</summary>
    public WordClusters? Clusters => _clusters;

    /// <summary>Trains the parser on sentences whose UPOS/XPOS columns hold the tags to learn from (ideally jackknifed).</summary>
    public static GraphParser Train(
        IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, int epochs, int seed, float prune, WordClusters? clusters, TextWriter? log,
        Action<GraphParser, int>? improved = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        var labelNames = ParserTrainer.CollectLabels(train);
        if (labelNames.Count == 0)
        {
            throw new ArgumentException("the training sentences carry no dependency relations", nameof(train));
        }

        var labelIds = labelNames.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var examples = new List<(Sentence S, int[] Heads, int[] Labels)>();
        foreach (var s in train)
        {
            int n = s.Words.Length;
            if (n == 0 || s.Words.Any(w => w.Head < 0 || w.Head > n || !labelIds.ContainsKey(w.DepRel)) || s.Words.Count(w => w.Head == 0) != 1)
            {
                continue;
            }

            var sentence = new Sentence(s.Forms(), s.Words.Select(w => w.Upos).ToArray(), s.Words.Select(w => w.Xpos).ToArray(), clusters);
            examples.Add((sentence, s.Words.Select(w => w.Head).ToArray(), s.Words.Select(w => labelIds[w.DepRel]).ToArray()));
        }

        var arcTrainer = new PerceptronTrainer(1);
        var labelTrainer = new PerceptronTrainer(labelNames.Count);
        var rng = new ParserTrainer.SplitMix(seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var labelArray = labelNames.ToArray();
        var best = new ParserTrainer.BestEpoch<GraphParser>(dev, improved);
        var clock = Stopwatch.StartNew();
        var f = new ulong[MaxArcFeatures];
        var g = new ulong[MaxLabelFeatures];
        var scores = new float[labelNames.Count];
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(order);
            long words = 0, headErrors = 0, labelErrors = 0;
            foreach (var i in order)
            {
                var (s, gold, goldLabels) = examples[i];
                int n = s.N;

                // loss-augmented decoding: every wrong arc gets one point, so the update also buys a margin
                var arcScores = ScoreArcs(s, (k, one) => { one[0] = 0; arcTrainer.Score(k, one); return one[0]; });
                for (int d = 1; d <= n; d++)
                {
                    for (int h = 0; h <= n; h++)
                    {
                        if (h != gold[d - 1])
                        {
                            arcScores[(h * (n + 1)) + d] += 1;
                        }
                    }
                }

                var pred = Eisner.Decode(arcScores, n);
                for (int d = 1; d <= n; d++)
                {
                    words++;
                    if (pred[d - 1] != gold[d - 1])
                    {
                        headErrors++;
                        int k = ArcFeatures(s, gold[d - 1], d, f);
                        arcTrainer.Update(f.AsSpan(0, k), 0, 1f);
                        k = ArcFeatures(s, pred[d - 1], d, f);
                        arcTrainer.Update(f.AsSpan(0, k), 0, -1f);
                    }
                }

                arcTrainer.Tick();

                for (int d = 1; d <= n; d++)
                {
                    int k = LabelFeatures(s, gold, d, g);
                    Array.Clear(scores);
                    labelTrainer.Score(g.AsSpan(0, k), scores);
                    int guess = PerceptronModel.ArgMax(scores);
                    if (guess != goldLabels[d - 1])
                    {
                        labelErrors++;
                        labelTrainer.Update(g.AsSpan(0, k), goldLabels[d - 1], guess);
                    }

                    labelTrainer.Tick();
                }
            }

            var parser = new GraphParser(arcTrainer.ToModel(["arc"], prune), labelTrainer.ToModel(labelArray, prune), clusters);
            string devScore = best.Consider(parser, epoch);
            log?.WriteLine(
                $"epoch {epoch}: head errors {headErrors}/{words} ({100.0 * headErrors / Math.Max(1, words):F2}%), label errors {labelErrors},"
                + $" features {parser._arcs.FeatureCount}+{parser._labels.FeatureCount}{devScore} [{clock.Elapsed.TotalSeconds:F0}s]");
            log?.Flush();
        }

        log?.WriteLine($"kept epoch {best.Epoch}");
        return best.Parser!;
    }

    public ParseResult Parse(IReadOnlyList<string> forms, IReadOnlyList<string> upos, IReadOnlyList<string> xpos)
    {
        int n = ParseResult.CheckInput(forms, upos, xpos);
        if (n == 0)
        {
            return new ParseResult([], []);
        }

        var s = new Sentence(forms, upos, xpos, _clusters);
        var arcScores = ScoreArcs(s, (k, one) => { one[0] = 0; _arcs.Score(k, one); return one[0]; });
        var heads = Eisner.Decode(arcScores, n);
        return new ParseResult(heads, Label(s, heads));
    }

    private string[] Label(Sentence s, IReadOnlyList<int> heads)
    {
        int n = s.N;
        var rels = new string[n];
        Span<ulong> g = stackalloc ulong[MaxLabelFeatures];
        Span<float> scores = stackalloc float[_labels.Classes];
        for (int d = 1; d <= n; d++)
        {
            if (heads[d - 1] == 0)
            {
                rels[d - 1] = "root";
                continue;
            }

            int k = LabelFeatures(s, heads, d, g);
            scores.Clear();
            _labels.Score(g[..k], scores);
            int best = -1;
            for (int c = 0; c < scores.Length; c++)
            {
                if (_labels.ClassNames[c] != "root" && (best < 0 || scores[c] > scores[best]))
                {
                    best = c;
                }
            }

            rels[d - 1] = best < 0 ? "dep" : _labels.ClassNames[best];
        }

        return rels;
    }

    private delegate float ArcScore(ReadOnlySpan<ulong> features, Span<float> one);

    private static double[] ScoreArcs(Sentence s, ArcScore score)
    {
        int n = s.N;
        var arcScores = new double[(n + 1) * (n + 1)];
        Span<ulong> f = stackalloc ulong[MaxArcFeatures];
        Span<float> one = stackalloc float[1];
        for (int h = 0; h <= n; h++)
        {
            for (int d = 1; d <= n; d++)
            {
                if (h != d)
                {
                    int k = ArcFeatures(s, h, d, f);
                    arcScores[(h * (n + 1)) + d] = score(f[..k], one);
                }
            }
        }

        return arcScores;
    }

    private static int DistanceBucket(int distance) => distance switch
    {
        <= 5 => distance,
        <= 7 => 6,
        <= 10 => 7,
        <= 15 => 8,
        _ => 9,
    };

    /// <summary>Features of the arc h → d (h = 0: the root).</summary>
    internal static int ArcFeatures(Sentence s, int h, int d, Span<ulong> f)
    {
        var c = s.Context;
        var w = c.Word;
        var t = c.Tag;
        ulong hw = w[h], ht = t[h], dw = w[d], dt = t[d];
        ulong hu = c.Upos[h], du = c.Upos[d];
        ulong dd = (ulong)((h < d ? 16 : 0) + DistanceBucket(Math.Abs(h - d))) + 0xD100;
        ulong dir = h < d ? 0xD201UL : 0xD202UL;
        ulong hp = s.TagAt(h - 1), hn = s.TagAt(h + 1), dp = s.TagAt(d - 1), dn = s.TagAt(d + 1);
        int lo = Math.Min(h, d), hi = Math.Max(h, d);
        ulong between = (ulong)((Math.Min(2, s.Verbs(lo, hi)) * 9) + (Math.Min(2, s.Puncts(lo, hi)) * 3) + Math.Min(2, s.Conjs(lo, hi)));
        int k = 0;
        f[k++] = FeatureKey.Of(1, hw, ht, dd);
        f[k++] = FeatureKey.Of(2, hw, dd);
        f[k++] = FeatureKey.Of(3, ht, dd);
        f[k++] = FeatureKey.Of(4, dw, dt, dd);
        f[k++] = FeatureKey.Of(5, dw, dd);
        f[k++] = FeatureKey.Of(6, dt, dd);
        f[k++] = FeatureKey.Of(7, hw, ht, dw, dt);
        f[k++] = FeatureKey.Of(8, ht, dw, dt, dd);
        f[k++] = FeatureKey.Of(9, hw, dw, dt, dir);
        f[k++] = FeatureKey.Of(10, hw, ht, dt, dd);
        f[k++] = FeatureKey.Of(11, hw, ht, dw, dir);
        f[k++] = FeatureKey.Of(12, hw, dw, dd);
        f[k++] = FeatureKey.Of(13, ht, dt, dd);
        f[k++] = FeatureKey.Of(14, ht, dt, dir);
        f[k++] = FeatureKey.Of(15, hu, du, dd);
        f[k++] = FeatureKey.Of(16, ht, hn, dp, dt + dd);
        f[k++] = FeatureKey.Of(17, hp, ht, dp, dt + dd);
        f[k++] = FeatureKey.Of(18, ht, hn, dt, dn + dd);
        f[k++] = FeatureKey.Of(19, hp, ht, dt, dn + dd);
        f[k++] = FeatureKey.Of(20, ht, dt, hn, dd);
        f[k++] = FeatureKey.Of(21, ht, dt, dp, dd);
        f[k++] = FeatureKey.Of(22, ht, dt, between, dir);
        f[k++] = FeatureKey.Of(23, hu, du, between, dd);
        f[k++] = FeatureKey.Of(24, ht, dt, dn, dir);
        f[k++] = FeatureKey.Of(25, ht, dt, hp, dir);
        f[k++] = FeatureKey.Of(26, s.Suffix(h), dt, dd);
        f[k++] = FeatureKey.Of(27, ht, s.Suffix(d), dd);
        if (c.Fine is { } fine && c.Coarse is { } coarse)
        {
            f[k++] = FeatureKey.Of(30, fine[h], dt, dd);
            f[k++] = FeatureKey.Of(31, ht, fine[d], dd);
            f[k++] = FeatureKey.Of(32, fine[h], fine[d], dir);
            f[k++] = FeatureKey.Of(33, coarse[h], coarse[d], dd);
            f[k++] = FeatureKey.Of(34, coarse[h], ht, dw, dir);
            f[k++] = FeatureKey.Of(35, hw, coarse[d], dt, dir);
        }

        return k;
    }

    /// <summary>Features for the relation of the arc heads[d] → d, given the whole tree.</summary>
    internal static int LabelFeatures(Sentence s, IReadOnlyList<int> heads, int d, Span<ulong> g)
    {
        var c = s.Context;
        int h = heads[d - 1];
        int gh = h == 0 ? 0 : heads[h - 1];
        int n = s.N;
        ulong hw = c.Word[h], ht = c.Tag[h], dw = c.Word[d], dt = c.Tag[d];
        ulong dd = (ulong)((h < d ? 16 : 0) + DistanceBucket(Math.Abs(h - d))) + 0xD100;
        ulong dir = h < d ? 0xD201UL : 0xD202UL;

        // d's first function-word child (case marker, mark, auxiliary) and its leftmost and rightmost children
        ulong marker = 0xE000, left = 0xE001, right = 0xE002;
        int children = 0;
        for (int j = 1; j <= n; j++)
        {
            if (heads[j - 1] != d)
            {
                continue;
            }

            children++;
            if (marker == 0xE000 && j < d && s.IsFunctionWord(j))
            {
                marker = c.Word[j];
            }

            if (left == 0xE001)
            {
                left = c.Tag[j];
            }

            right = c.Tag[j];
        }

        // whether h already has a subject or an object-like dependent before d
        ulong siblings = 0;
        for (int j = 1; j <= n; j++)
        {
            if (j != d && heads[j - 1] == h)
            {
                siblings = FeatureKey.Mix(siblings + c.Upos[j] + (ulong)(j < d ? 1 : 2));
            }
        }

        int k = 0;
        g[k++] = FeatureKey.Of(101, dw, dt);
        g[k++] = FeatureKey.Of(102, dt, dd);
        g[k++] = FeatureKey.Of(103, ht, dt, dd);
        g[k++] = FeatureKey.Of(104, hw, dt, dir);
        g[k++] = FeatureKey.Of(105, ht, dw, dir);
        g[k++] = FeatureKey.Of(106, hw, dw, dir);
        g[k++] = FeatureKey.Of(107, marker, dt, ht);
        g[k++] = FeatureKey.Of(108, marker, dir);
        g[k++] = FeatureKey.Of(109, marker, hw);
        g[k++] = FeatureKey.Of(110, left, right, dt);
        g[k++] = FeatureKey.Of(111, (ulong)Math.Min(children, 4), dt, ht);
        g[k++] = FeatureKey.Of(112, c.Tag[gh], ht, dt, dir);
        g[k++] = FeatureKey.Of(113, s.TagAt(d - 1), dt, s.TagAt(d + 1));
        g[k++] = FeatureKey.Of(114, s.Suffix(d), dt, dir);
        g[k++] = FeatureKey.Of(115, c.Upos[h], c.Upos[d], dd);
        g[k++] = FeatureKey.Of(116, siblings, dt, dir);
        g[k++] = FeatureKey.Of(117, dw);
        g[k++] = FeatureKey.Of(118, hw, ht, dt);
        g[k++] = FeatureKey.Of(119, ht, dt, s.TagAt(h + 1), dir);
        if (c.Fine is { } fine)
        {
            g[k++] = FeatureKey.Of(130, fine[d], dt, dir);
            g[k++] = FeatureKey.Of(131, fine[h], dt, dir);
        }

        return k;
    }

    /// <summary>Reads a parser written by <see cref="Save"/>; malformed data raises <see cref="InvalidDataException"/> naming <paramref name="name"/>.</summary>
    public static GraphParser Load(Stream stream, string name, WordClusters? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ulong fingerprint;
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (r.ReadUInt32() != Magic)
            {
                throw new InvalidDataException($"{name}: not an Entente graph parser model");
            }

            if (r.ReadInt32() is var version && version != FormatVersion)
            {
                throw new InvalidDataException($"{name}: unsupported graph parser model version {version}");
            }

            fingerprint = r.ReadUInt64();
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{name}: parser model file is truncated", e);
        }

        var arcs = PerceptronModel.Load(ReadBlock(stream, name), name);
        var labels = PerceptronModel.Load(ReadBlock(stream, name), name);
        if (arcs.Classes != 1 || labels.Classes < 1)
        {
            throw new InvalidDataException($"{name}: the perceptrons do not have the graph parser's classes");
        }

        clusters = WordClusters.ForModel(fingerprint, clusters, name, "parser");

        return new GraphParser(arcs, labels, clusters);
    }

    /// <summary>Writes the parser; the same parser always gives the same bytes.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(_clusters?.Fingerprint ?? 0UL);
        }

        // each perceptron is its own compressed block behind its length (a decompressor may read past its end)
        WriteBlock(stream, _arcs);
        WriteBlock(stream, _labels);
    }

    private static void WriteBlock(Stream stream, PerceptronModel model)
    {
        using var ms = new MemoryStream();
        model.Save(ms);
        stream.Write(BitConverter.GetBytes((int)ms.Length));
        stream.Write(ms.GetBuffer(), 0, (int)ms.Length);
    }

    private static MemoryStream ReadBlock(Stream stream, string name)
    {
        Span<byte> len = stackalloc byte[4];
        try
        {
            stream.ReadExactly(len);
            int n = BitConverter.ToInt32(len);
            if (n <= 0 || n > 1 << 30)
            {
                throw new InvalidDataException($"{name}: bad block length {n}");
            }

            var bytes = new byte[n];
            stream.ReadExactly(bytes);
            return new MemoryStream(bytes, writable: false);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{name}: parser model file is truncated", e);
        }
    }

    /// <summary>A tagged sentence with the counts the arc features need.</summary>
    internal sealed class Sentence
    {
        private static readonly ulong NoneTag = FeatureKey.Hash("<NONE>");
        private readonly int[] _verbs;
        private readonly int[] _puncts;
        private readonly int[] _conjs;
        private readonly bool[] _function;

        public Sentence(IReadOnlyList<string> forms, IReadOnlyList<string> upos, IReadOnlyList<string> xpos, WordClusters? clusters)
        {
            Context = new SentenceContext(forms, upos, xpos, clusters);
            N = forms.Count;
            _verbs = new int[N + 2];
            _puncts = new int[N + 2];
            _conjs = new int[N + 2];
            _function = new bool[N + 2];
            for (int i = 1; i <= N; i++)
            {
                var u = upos[i - 1];
                _verbs[i] = _verbs[i - 1] + (u is "VERB" or "AUX" ? 1 : 0);
                _puncts[i] = _puncts[i - 1] + (u == "PUNCT" ? 1 : 0);
                _conjs[i] = _conjs[i - 1] + (u == "CCONJ" ? 1 : 0);
                _function[i] = u is "ADP" or "SCONJ" or "PART" or "AUX" or "CCONJ";
            }

            _verbs[N + 1] = _verbs[N];
            _puncts[N + 1] = _puncts[N];
            _conjs[N + 1] = _conjs[N];
        }

        public SentenceContext Context { get; }

        public int N { get; }

        public ulong TagAt(int i) => i < 0 || i > N + 1 ? NoneTag : Context.Tag[i];

        public ulong Suffix(int i) => Context.Suffix[i];

        public bool IsFunctionWord(int i) => _function[i];

        /// <summary>Verbs strictly between positions lo and hi.</summary>
        public int Verbs(int lo, int hi) => hi - lo < 2 ? 0 : _verbs[hi - 1] - _verbs[lo];

        public int Puncts(int lo, int hi) => hi - lo < 2 ? 0 : _puncts[hi - 1] - _puncts[lo];

        public int Conjs(int lo, int hi) => hi - lo < 2 ? 0 : _conjs[hi - 1] - _conjs[lo];
    }
}
