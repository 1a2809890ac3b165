using System.Reflection;
using System.Text;
using Entente.Nlp.Clustering;
using Entente.Nlp.Conllu;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Parsing;

/// <summary>
/// A labelled dependency parser (UD relations): arc-hybrid transitions scored by an averaged perceptron,
/// decoded greedily (fast model) or with beam search (accurate model). Immutable and thread-safe:
/// every call works on its own buffers.
/// </summary>
public sealed class DependencyParser : IDependencyParser
{
    private const uint Magic = 0x50444E45; // "ENDP"
    private const int FormatVersion = 1;          // no word clusters
    private const int ClusterFormatVersion = 2;   // + fingerprint of the word-cluster table the model was trained with
    private const int ReverseFlag = 4;             // in the feature-set word: the model reads right to left

    // rows meeting at least this many of the ~100 transition classes are scored as dense vectors
    private const int DenseThreshold = 12;

    private static readonly Lazy<DependencyParser> DefaultParser = new(() => LoadResource("parser.bin"));
    private static readonly Lazy<DependencyParser> AccurateParser = new(() => LoadResource("parser-accurate.bin"));

    private readonly PerceptronModel _model;
    private readonly HybridPerceptronModel _scorer;
    private readonly string[] _labels;
    private readonly WordClusters? _clusters;

    internal DependencyParser(PerceptronModel model, int beamSize, bool richFeatures, WordClusters? clusters = null, bool leanWords = false, bool reverse = false)
    {
        Reverse = reverse;
        RichFeatures = richFeatures;
        LeanWords = leanWords && clusters != null && richFeatures;
        _clusters = clusters;
        _model = model;
        _scorer = new HybridPerceptronModel(model, DenseThreshold);
        BeamSize = Math.Max(1, beamSize);
        int labels = (model.Classes - 1) / 2;
        _labels = new string[labels];
        for (int l = 0; l < labels; l++)
        {
            _labels[l] = model.ClassNames[ParserState.Left(l)][2..];
        }
    }

    /// <summary>The fast greedy parser embedded in the library (models/parser.bin).</summary>
    public static DependencyParser Default => DefaultParser.Value;

    /// <summary>The beam-search parser embedded in the library (models/parser-accurate.bin).</summary>
    public static DependencyParser Accurate => AccurateParser.Value;

    /// <summary>1 for greedy decoding, otherwise the beam width.</summary>
    public int BeamSize { get; }

    /// <summary>Whether the model uses the full feature templates (see <see cref="ParserOptions.RichFeatures"/>).</summary>
    public bool RichFeatures { get; }

    /// <summary>Whether the model leaves out the sparse word templates (see <see cref="ParserOptions.LeanWords"/>).</summary>
    public bool LeanWords { get; }

    /// <summary>Whether the model reads sentences right to left (see <see cref="ParserOptions.Reverse"/>).</summary>
    public bool Reverse { get; }

    /// <summary>The word clusters the model reads, or null when it uses none.</summary>
    public WordClusters? Clusters => _clusters;

    /// <summary>The dependency relations this parser can assign.</summary>
    public IReadOnlyList<string> Labels => _labels;

    internal PerceptronModel Model => _model;

    /// <summary>Features with at least one weight in the model.</summary>
    public int FeatureCount => _model.FeatureCount;

    /// <summary>Weights in the model (feature, transition pairs).</summary>
    public int WeightCount => _model.WeightCount;

    internal static string ClassName(int action, IReadOnlyList<string> labels) =>
        action == ParserState.Shift ? "SHIFT"
        : (ParserState.IsLeft(action) ? "L:" : "R:") + labels[ParserState.LabelOf(action)];

    /// <summary>Reads a parser written by <see cref="Save"/>; malformed data raises <see cref="InvalidDataException"/> naming <paramref name="name"/>.</summary>
    /// <remarks>A model trained with word clusters is given <see cref="WordClusters.Default"/> when its fingerprint matches.</remarks>
    public static DependencyParser Load(Stream stream, string name) => Load(stream, name, null);

    /// <summary>Reads a parser written by <see cref="Save"/> that was trained with <paramref name="clusters"/> (null: the embedded table).</summary>
    public static DependencyParser Load(Stream stream, string name, WordClusters? clusters)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        int beam;
        bool rich, lean, reverse;
        ulong fingerprint = 0;
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (r.ReadUInt32() != Magic)
            {
                throw new InvalidDataException($"{name}: not an Entente dependency parser model");
            }

            int version = r.ReadInt32();
            if (version != FormatVersion && version != ClusterFormatVersion)
            {
                throw new InvalidDataException($"{name}: unsupported parser model version {version}");
            }

            beam = r.ReadInt32();
            int flags = r.ReadInt32(); // low bits: 0 compact, 1 rich, 2 rich without the sparse word templates; 4: right to left
            if ((flags & ~ReverseFlag) is < 0 or > 2)
            {
                throw new InvalidDataException($"{name}: unknown parser feature set {flags}");
            }

            int features = flags & ~ReverseFlag;
            rich = features != 0;
            lean = features == 2;
            reverse = (flags & ReverseFlag) != 0;
            if (version == ClusterFormatVersion)
            {
                fingerprint = r.ReadUInt64();
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{name}: parser model file is truncated", e);
        }

        var model = PerceptronModel.Load(stream, name);
        if (model.Classes < 3 || model.Classes % 2 != 1 || model.ClassNames[0] != "SHIFT")
        {
            throw new InvalidDataException($"{name}: the perceptron does not have the parser's transition classes");
        }

        for (int c = 1; c < model.Classes; c++)
        {
            var expect = ParserState.IsLeft(c) ? "L:" : "R:";
            if (!model.ClassNames[c].StartsWith(expect, StringComparison.Ordinal)
                || model.ClassNames[c].AsSpan(2).SequenceCompareTo(model.ClassNames[ParserState.Left(ParserState.LabelOf(c))].AsSpan(2)) != 0)
            {
                throw new InvalidDataException($"{name}: unexpected transition class '{model.ClassNames[c]}' at {c}");
            }
        }

        clusters = WordClusters.ForModel(fingerprint, clusters, name, "parser");

        return new DependencyParser(model, beam, rich, clusters, lean, reverse);
    }

    /// <summary>Writes the parser; the same parser always gives the same bytes.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(_clusters is null ? FormatVersion : ClusterFormatVersion);
            w.Write(BeamSize);
            w.Write((RichFeatures ? (LeanWords ? 2 : 1) : 0) | (Reverse ? ReverseFlag : 0));
            if (_clusters is not null)
            {
                w.Write(_clusters.Fingerprint);
            }
        }

        _model.Save(stream);
    }

    /// <summary>The same parser without the weights of magnitude at most <paramref name="threshold"/>: a smaller model, usually a little less accurate.</summary>
    public DependencyParser Pruned(float threshold) =>
        new(_model.Pruned(threshold), BeamSize, RichFeatures, _clusters, LeanWords, Reverse);

    /// <summary>The same model decoding with another beam width (1: greedy).</summary>
    public DependencyParser WithBeamSize(int beamSize) =>
        new(_model, beamSize, RichFeatures, _clusters, LeanWords, Reverse);

    /// <summary>Trains a parser on sentences whose UPOS/XPOS columns hold the tags to learn from (ideally jackknifed).</summary>
    public static DependencyParser Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, ParserOptions options, TextWriter? log)
        => Train(train, dev, options, log, null);

    /// <summary>As <see cref="Train(IReadOnlyList{ConlluSentence}, IReadOnlyList{ConlluSentence}?, ParserOptions, TextWriter?)"/>; <paramref name="improved"/> gets each epoch's parser that beats the earlier ones on dev (e.g. to save it).</summary>
    public static DependencyParser Train(
        IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, ParserOptions options, TextWriter? log, Action<DependencyParser, int>? improved)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        return ParserTrainer.Train(train, dev, options, log, improved);
    }

    /// <summary>Parses one sentence given its words and their UPOS and XPOS tags.</summary>
    public ParseResult Parse(IReadOnlyList<string> forms, IReadOnlyList<string> upos, IReadOnlyList<string> xpos)
    {
        int n = ParseResult.CheckInput(forms, upos, xpos);
        if (n == 0)
        {
            return new ParseResult([], []);
        }

        if (Reverse)
        {
            forms = forms.Reverse().ToArray();
            upos = upos.Reverse().ToArray();
            xpos = xpos.Reverse().ToArray();
        }

        var ctx = new SentenceContext(forms, upos, xpos, _clusters, LeanWords);
        var st = BeamSize > 1 ? BeamDecode(ctx, BeamSize) : GreedyDecode(ctx);
        var result = ToResult(st);
        return Reverse ? Reversed(result) : result;
    }

    /// <summary>A parse of the reversed sentence mapped back to the original word order (word i ↔ n + 1 − i; the root stays 0).</summary>
    internal static ParseResult Reversed(ParseResult r)
    {
        int n = r.Heads.Length;
        var heads = new int[n];
        var rels = new string[n];
        for (int i = 0; i < n; i++)
        {
            int h = r.Heads[n - 1 - i];
            heads[i] = h == 0 ? 0 : n + 1 - h;
            rels[i] = r.DepRels[n - 1 - i];
        }

        return new ParseResult(heads, rels);
    }

    internal ParseResult ToResult(ParserState st)
    {
        int n = st.N;
        var heads = new int[n];
        var rels = new string[n];
        for (int i = 1; i <= n; i++)
        {
            heads[i - 1] = st.Head[i];
            rels[i - 1] = _labels[st.Label[i]];
        }

        return new ParseResult(heads, rels);
    }

    internal ParserState GreedyDecode(SentenceContext ctx)
    {
        var st = new ParserState(ctx.N);
        st.Reset(ctx.N);
        Span<ulong> f = stackalloc ulong[ParserFeatures.MaxFeatures];
        Span<float> buffer = stackalloc float[_scorer.Stride];
        var scores = buffer[.._model.Classes];
        while (!st.IsTerminal)
        {
            if (st.StackCount == 1)
            {
                st.Apply(ParserState.Shift); // the only legal transition
                continue;
            }

            int k = ParserFeatures.Extract(st, ctx, f, RichFeatures);
            buffer.Clear();
            _scorer.Score(f[..k], buffer);
            st.Apply(BestLegal(st, scores));
        }

        return st;
    }

    /// <summary>The highest-scoring legal transition (ties to the lowest index).</summary>
    internal static int BestLegal(ParserState st, ReadOnlySpan<float> scores)
    {
        int best = -1;
        float bestScore = float.NegativeInfinity;
        if (st.CanShift)
        {
            best = ParserState.Shift;
            bestScore = scores[0];
        }

        bool left = st.CanLeft, right = st.CanRight;
        for (int a = 1; a < scores.Length; a++)
        {
            if ((ParserState.IsLeft(a) ? left : right) && (best < 0 || scores[a] > bestScore))
            {
                best = a;
                bestScore = scores[a];
            }
        }

        return best;
    }

    internal ParserState BeamDecode(SentenceContext ctx, int beamSize)
    {
        var beam = new Beam(ctx.N, beamSize, _model.Classes);
        Span<ulong> f = stackalloc ulong[ParserFeatures.MaxFeatures];
        Span<float> buffer = stackalloc float[_scorer.Stride];
        var scores = buffer[.._model.Classes];
        while (!beam.Items[0].IsTerminal)
        {
            beam.BeginStep();
            for (int i = 0; i < beam.Count; i++)
            {
                var st = beam.Items[i];
                int k = ParserFeatures.Extract(st, ctx, f, RichFeatures);
                buffer.Clear();
                _scorer.Score(f[..k], buffer);
                beam.Offer(i, st, scores);
            }

            beam.EndStep();
        }

        return beam.Items[0];
    }

    private static DependencyParser LoadResource(string file)
    {
        var resource = "Entente.Models." + file;
        using var s = typeof(DependencyParser).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded model {resource} is missing from {typeof(DependencyParser).Assembly.GetName().Name}");
        return Load(s, resource);
    }
}
