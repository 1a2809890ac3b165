using System.Buffers;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using Entente.Nlp.Clustering;
using Entente.Nlp.Conllu;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Tagging;

/// <summary>Tags of one sentence: a UPOS and a PTB XPOS per word.</summary>
public sealed record TagResult(string[] Upos, string[] Xpos)
{
    public static TagResult Empty { get; } = new([], []);

    public int Count => Upos.Length;
}

/// <summary>Training settings of the tagger. The defaults are the ones chosen on EWT dev.</summary>
/// <param name="Epochs">Passes over the training data.</param>
/// <param name="Seed">Seed of the shuffling: same data and seed, same model bytes.</param>
/// <param name="TwoPass">Re-tag with the first pass's tags on the right as features.</param>
/// <param name="MinWordCount">Words seen fewer times than this have no tag-dictionary entry.</param>
/// <param name="MinTagShare">A tag joins a word's ambiguity class when it makes up at least this share of the word's occurrences.</param>
/// <param name="Prune">Averaged weights smaller than this in magnitude are dropped from the model.</param>
/// <param name="SureMinCount">Words seen at least this often in training …</param>
/// <param name="SureMinShare">… with one tag at least this share of the time get that tag without scoring.</param>
/// <param name="ConstrainMinCount">Words seen at least this often only get tags they were seen with (0: no constraint).</param>
/// <param name="Parallelism">Folds trained at once by <see cref="PosTagger.Jackknife"/>.</param>
/// <param name="Clusters">Word clusters learned from unlabelled text, used as features; null: none.</param>
public sealed record TaggerOptions(
    int Epochs = 6,
    int Seed = 1,
    bool TwoPass = true,
    int MinWordCount = 2,
    double MinTagShare = 0.02,
    float Prune = 0.1f,
    int SureMinCount = 20,
    double SureMinShare = 0.995,
    int ConstrainMinCount = 0,
    int Parallelism = 1,
    WordClusters? Clusters = null);

/// <summary>
/// A part-of-speech tagger for English (UD English EWT conventions): one averaged perceptron over
/// the joint UPOS|XPOS tags seen in training, run greedily left to right, then a second pass that
/// also sees the first pass's tags on the right. Immutable and thread-safe.
/// </summary>
public sealed class PosTagger
{
    private const uint Magic = 0x47544E45; // "ENTG"
    private const int Version = 1;          // no word clusters
    private const int ClusterVersion = 2;   // + fingerprint of the word-cluster table
    private const int MaxClasses = 1024;

    // rows meeting at least this many classes are scored as dense vectors (same sums, fewer cache misses)
    private const int DenseThreshold = 12;

    /// <summary>
    /// Pass-1 score margin above which pass 2 is skipped for a word. Chosen on EWT dev: at 40 the
    /// tags are the same as with no skipping (UPOS 0.9505, XPOS 0.9435) and tagging is ~1.5× faster.
    /// </summary>
    internal const float DefaultSureMargin = 40f;

    private static readonly Lazy<PosTagger> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string[] _upos;
    private readonly string[] _xpos;
    private readonly TagDictionary _dict;
    private readonly PerceptronModel _first;
    private readonly PerceptronModel? _second;
    private readonly HybridPerceptronModel _firstScorer;
    private readonly HybridPerceptronModel? _secondScorer;
    private readonly Dictionary<string, WordInfo> _known; // word features of the training words, computed once
    private readonly WordClusters? _clusters;

    internal PosTagger(string[] classNames, TagDictionary dict, PerceptronModel first, PerceptronModel? second, float sureMargin = DefaultSureMargin, WordClusters? clusters = null)
    {
        _clusters = clusters;
        SureMargin = sureMargin;
        ClassNames = classNames;
        _upos = new string[classNames.Length];
        _xpos = new string[classNames.Length];
        for (int i = 0; i < classNames.Length; i++)
        {
            (_upos[i], _xpos[i]) = SplitClass(classNames[i]);
        }

        _dict = dict;
        _first = first;
        _second = second;
        _firstScorer = new HybridPerceptronModel(first, DenseThreshold);
        _secondScorer = second is null ? null : new HybridPerceptronModel(second, DenseThreshold);
        _known = new Dictionary<string, WordInfo>(StringComparer.Ordinal);
        foreach (var word in dict.ExactWords)
        {
            _known[word] = TaggerFeatures.Describe(word, dict, first: false, clusters);
        }
    }

    /// <summary>The tagger trained on UD English EWT, embedded in the assembly; loaded on first use.</summary>
    public static PosTagger Default => LazyDefault.Value;

    /// <summary>The joint tags, "UPOS|XPOS".</summary>
    internal IReadOnlyList<string> ClassNames { get; }

    internal TagDictionary Dictionary => _dict;

    /// <summary>When pass 1's best score beats the runner-up by this much, pass 2 keeps pass 1's tag without scoring.</summary>
    internal float SureMargin { get; }

    internal PosTagger WithSureMargin(float margin) => new(ClassNames.ToArray(), _dict, _first, _second, margin, _clusters);

    /// <summary>The word clusters the model reads, or null when it uses none.</summary>
    public WordClusters? Clusters => _clusters;

    internal PerceptronModel First => _first;

    internal PerceptronModel? Second => _second;

    /// <summary>Tags <paramref name="words"/> (one sentence, EWT tokenisation).</summary>
    public TagResult Tag(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        int n = words.Count;
        if (n == 0)
        {
            return TagResult.Empty;
        }

        var tags = TagIds(words);
        var upos = new string[n];
        var xpos = new string[n];
        for (int i = 0; i < n; i++)
        {
            upos[i] = _upos[tags[i]];
            xpos[i] = _xpos[tags[i]];
        }

        return new TagResult(upos, xpos);
    }

    /// <summary>Class ids for each word.</summary>
    internal int[] TagIds(IReadOnlyList<string> words)
    {
        int n = words.Count;
        var infos = TaggerFeatures.Describe(words, _dict, _known, _clusters);

        const int S = TaggerFeatures.StaticCount;
        var pool = ArrayPool<ulong>.Shared;
        var stat = pool.Rent(n * S);
        try
        {
            var counts = new int[n];
            for (int i = 0; i < n; i++)
            {
                if (!infos[i].Sure)
                {
                    counts[i] = TaggerFeatures.Static(infos, i, stat.AsSpan(i * S, S));
                }
            }

            var first = new int[n];
            bool[]? confident = null;
            Span<ulong> feats = stackalloc ulong[S + TaggerFeatures.DynamicCount2];
            Span<float> buffer = stackalloc float[_firstScorer.Stride];
            var scores = buffer[.._upos.Length];
            for (int i = 0; i < n; i++)
            {
                if (infos[i].Sure)
                {
                    first[i] = infos[i].Top;
                    continue;
                }

                int c = counts[i];
                stat.AsSpan(i * S, c).CopyTo(feats);
                TaggerFeatures.Left(infos, first, i, feats[c..]);
                buffer.Clear();
                _firstScorer.Score(feats[..(c + TaggerFeatures.DynamicCount1)], buffer);
                first[i] = TaggerFeatures.Best(scores, infos[i].Allowed);
                if (SureMargin < float.PositiveInfinity && Margin(scores, first[i]) >= SureMargin)
                {
                    confident ??= new bool[n];
                    confident[i] = true;
                }
            }

            if (_secondScorer is null)
            {
                return first;
            }

            var second = new int[n];
            for (int i = 0; i < n; i++)
            {
                if (infos[i].Sure || (confident is not null && confident[i]))
                {
                    second[i] = first[i];
                    continue;
                }

                int c = counts[i];
                stat.AsSpan(i * S, c).CopyTo(feats);
                TaggerFeatures.Both(infos, second, first, i, feats[c..]);
                buffer.Clear();
                _secondScorer.Score(feats[..(c + TaggerFeatures.DynamicCount2)], buffer);
                second[i] = TaggerFeatures.Best(scores, infos[i].Allowed);
            }

            return second;
        }
        finally
        {
            pool.Return(stat);
        }
    }

    /// <summary>Trains a tagger on gold-tagged sentences; with <paramref name="dev"/>, logs dev accuracy after each epoch.</summary>
    public static PosTagger Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, TaggerOptions options, TextWriter? log)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        return TaggerTraining.Train(train, dev, options, log);
    }

    /// <summary>
    /// For each training sentence, the tags predicted by a tagger trained on the other folds
    /// (contiguous blocks of sentences): realistic input tags for training a parser.
    /// </summary>
    public static IReadOnlyList<TagResult> Jackknife(IReadOnlyList<ConlluSentence> train, int folds, TaggerOptions options, TextWriter? log)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        return TaggerTraining.Jackknife(train, folds, options, log);
    }

    /// <summary>Writes the tagger. Same tagger, same bytes.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(_clusters is null ? Version : ClusterVersion);
        if (_clusters is not null)
        {
            w.Write(_clusters.Fingerprint);
        }

        WriteBlob(w, s =>
        {
            using var brotli = new BrotliStream(s, CompressionLevel.SmallestSize, leaveOpen: true);
            using var bw = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
            bw.Write(ClassNames.Count);
            foreach (var c in ClassNames)
            {
                bw.Write(c);
            }

            _dict.Write(bw);
        });
        WriteBlob(w, _first.Save);
        w.Write(_second is not null);
        if (_second is not null)
        {
            WriteBlob(w, _second.Save);
        }
    }

    /// <summary>Reads a tagger written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> naming <paramref name="name"/>.</summary>
    /// <remarks>A model trained with word clusters is given <see cref="WordClusters.Default"/> when its fingerprint matches.</remarks>
    public static PosTagger Load(Stream stream, string name) => Load(stream, name, null);

    /// <summary>Reads a tagger written by <see cref="Save"/> that was trained with <paramref name="clusters"/> (null: the embedded table).</summary>
    public static PosTagger Load(Stream stream, string name, WordClusters? clusters)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (r.ReadUInt32() != Magic)
            {
                throw new InvalidDataException($"{name}: not an Entente tagger model");
            }

            int version = r.ReadInt32();
            if (version != Version && version != ClusterVersion)
            {
                throw new InvalidDataException($"{name}: unsupported tagger model version {version}");
            }

            clusters = WordClusters.ForModel(version == ClusterVersion ? r.ReadUInt64() : 0, clusters, name, "tagger");

            string[] classes;
            TagDictionary dict;
            using (var meta = ReadBlob(r, name))
            using (var brotli = new BrotliStream(meta, CompressionMode.Decompress))
            using (var br = new BinaryReader(brotli, Encoding.UTF8))
            {
                int nc = br.ReadInt32();
                if (nc < 1 || nc > MaxClasses)
                {
                    throw new InvalidDataException($"{name}: bad tag count {nc}");
                }

                classes = new string[nc];
                for (int i = 0; i < nc; i++)
                {
                    classes[i] = br.ReadString();
                }

                dict = TagDictionary.Read(br, name, nc);
            }

            PerceptronModel first, second;
            using (var blob = ReadBlob(r, name))
            {
                first = PerceptronModel.Load(blob, name);
            }

            CheckClasses(first, classes, name);
            if (!r.ReadBoolean())
            {
                return new PosTagger(classes, dict, first, null, clusters: clusters);
            }

            using (var blob = ReadBlob(r, name))
            {
                second = PerceptronModel.Load(blob, name);
            }

            CheckClasses(second, classes, name);
            return new PosTagger(classes, dict, first, second, clusters: clusters);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{name}: tagger model is truncated", e);
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"{name}: tagger model is corrupt ({e.Message})", e);
        }
        catch (InvalidOperationException e)
        {
            // BrotliStream reports undecodable input this way.
            throw new InvalidDataException($"{name}: model file is corrupt ({e.Message})", e);
        }
    }

    private static float Margin(ReadOnlySpan<float> scores, int best)
    {
        float second = float.NegativeInfinity;
        for (int i = 0; i < scores.Length; i++)
        {
            if (i != best && scores[i] > second)
            {
                second = scores[i];
            }
        }

        return scores[best] - second;
    }

    internal static (string Upos, string Xpos) SplitClass(string joint)
    {
        int bar = joint.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (joint, joint) : (joint[..bar], joint[(bar + 1)..]);
    }

    private static void CheckClasses(PerceptronModel model, string[] classes, string name)
    {
        if (model.Classes != classes.Length)
        {
            throw new InvalidDataException($"{name}: model has {model.Classes} classes, tag list has {classes.Length}");
        }
    }

    private static void WriteBlob(BinaryWriter w, Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        w.Write(checked((int)ms.Length));
        w.Write(ms.GetBuffer(), 0, (int)ms.Length);
    }

    private static MemoryStream ReadBlob(BinaryReader r, string name)
    {
        int len = r.ReadInt32();
        if (len < 0 || len > (1 << 28))
        {
            throw new InvalidDataException($"{name}: bad section length {len}");
        }

        var bytes = r.ReadBytes(len);
        if (bytes.Length != len)
        {
            throw new InvalidDataException($"{name}: tagger model is truncated");
        }

        return new MemoryStream(bytes, writable: false);
    }

    private static PosTagger LoadDefault()
    {
        const string resource = "Entente.Models.tagger.bin";
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded model {resource} is missing from {typeof(PosTagger).Assembly.GetName().Name}");
        return Load(s, "tagger.bin");
    }
}
