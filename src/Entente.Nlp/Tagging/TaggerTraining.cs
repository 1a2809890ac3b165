using System.Diagnostics;
using Entente.Nlp.Conllu;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Tagging;

/// <summary>Training and jackknifing of <see cref="PosTagger"/>.</summary>
internal static class TaggerTraining
{
    private const int S = TaggerFeatures.StaticCount;

    public static string JointTag(ConlluWord w) => w.Upos + "|" + w.Xpos;

    public static PosTagger Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, TaggerOptions options, TextWriter? log)
        => TrainCore(train, dev, options, log).Tagger;

    /// <summary>Training, keeping the trainers (so that a caller can try other pruning thresholds).</summary>
    public static (PosTagger Tagger, string[] ClassNames, TagDictionary Dictionary, PerceptronTrainer First, PerceptronTrainer? Second) TrainCore(
        IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, TaggerOptions options, TextWriter? log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Epochs, 1);
        var clock = Stopwatch.StartNew();
        var classNames = train.SelectMany(s => s.Words).Select(JointTag).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (classNames.Length == 0)
        {
            throw new ArgumentException("no training words", nameof(train));
        }

        var classIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < classNames.Length; i++)
        {
            classIds.Add(classNames[i], i);
        }

        var dict = TagDictionary.Build(
            train.SelectMany(s => s.Words).Select(w => (w.Form, classIds[JointTag(w)])),
            options.MinWordCount,
            options.MinTagShare,
            options.SureMinCount,
            options.SureMinShare,
            options.ConstrainMinCount);

        // Word features do not change during training: compute them once.
        var sents = new (ulong[] Static, int[] Counts, int[] Gold, WordInfo[] Infos)[train.Count];
        for (int s = 0; s < train.Count; s++)
        {
            var words = train[s].Words;
            var infos = TaggerFeatures.Describe(words.Select(w => w.Form).ToArray(), dict, null, options.Clusters);
            var stat = new ulong[words.Length * S];
            var counts = new int[words.Length];
            for (int i = 0; i < words.Length; i++)
            {
                counts[i] = TaggerFeatures.Static(infos, i, stat.AsSpan(i * S, S));
            }

            sents[s] = (stat, counts, words.Select(w => classIds[JointTag(w)]).ToArray(), infos);
        }

        var first = new PerceptronTrainer(classNames.Length);
        var second = options.TwoPass ? new PerceptronTrainer(classNames.Length) : null;
        var order = Enumerable.Range(0, sents.Length).ToArray();
        var rng = new Random(options.Seed);
        var feats = new ulong[S + TaggerFeatures.DynamicCount2];
        var scores = new float[classNames.Length];
        PosTagger? tagger = null;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            long seen = 0, right1 = 0, right2 = 0;
            foreach (var si in order)
            {
                var (stat, counts, gold, infos) = sents[si];
                var pred1 = TrainPass(first, stat, counts, gold, infos, null, feats, scores, ref right1);
                seen += gold.Length;
                if (second is not null)
                {
                    TrainPass(second, stat, counts, gold, infos, pred1, feats, scores, ref right2);
                }
            }

            bool last = epoch == options.Epochs;
            if (last || dev is not null)
            {
                tagger = new PosTagger(classNames, dict, first.ToModel(classNames, options.Prune), second?.ToModel(classNames, options.Prune), clusters: options.Clusters);
            }

            if (log is not null)
            {
                var line = $"epoch {epoch}: train pass1 {(double)right1 / seen:F4} pass2 {(double)right2 / seen:F4}";
                if (dev is not null && tagger is not null)
                {
                    var (upos, xpos, both) = Evaluate(tagger, dev);
                    line += $" | dev UPOS {upos:F4} XPOS {xpos:F4} both {both:F4}";
                }

                if (tagger is not null)
                {
                    line += $" features {tagger.First.FeatureCount}+{tagger.Second?.FeatureCount ?? 0} weights {tagger.First.WeightCount}+{tagger.Second?.WeightCount ?? 0}";
                }

                log.WriteLine($"{line} ({clock.Elapsed.TotalSeconds:F1}s)");
            }
        }

        return (tagger!, classNames, dict, first, second);
    }

    /// <summary>UPOS, XPOS and joint accuracy against gold tags.</summary>
    public static (double Upos, double Xpos, double Both) Evaluate(PosTagger tagger, IReadOnlyList<ConlluSentence> gold)
    {
        long n = 0, u = 0, x = 0, b = 0;
        foreach (var s in gold)
        {
            var r = tagger.Tag(s.Forms());
            for (int i = 0; i < s.Words.Length; i++)
            {
                bool okU = r.Upos[i] == s.Words[i].Upos, okX = r.Xpos[i] == s.Words[i].Xpos;
                u += okU ? 1 : 0;
                x += okX ? 1 : 0;
                b += okU && okX ? 1 : 0;
                n++;
            }
        }

        return n == 0 ? (0, 0, 0) : ((double)u / n, (double)x / n, (double)b / n);
    }

    public static IReadOnlyList<TagResult> Jackknife(IReadOnlyList<ConlluSentence> train, int folds, TaggerOptions options, TextWriter? log)
    {
        var results = new TagResult[train.Count];
        var sync = new object();
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, fold =>
        {
            int lo = (int)((long)train.Count * fold / folds), hi = (int)((long)train.Count * (fold + 1) / folds);
            var rest = new List<ConlluSentence>(train.Count - (hi - lo));
            for (int i = 0; i < train.Count; i++)
            {
                if (i < lo || i >= hi)
                {
                    rest.Add(train[i]);
                }
            }

            var tagger = Train(rest, null, options, null);
            long n = 0, ok = 0;
            for (int i = lo; i < hi; i++)
            {
                var r = tagger.Tag(train[i].Forms());
                results[i] = r;
                for (int j = 0; j < r.Count; j++)
                {
                    ok += r.Upos[j] == train[i].Words[j].Upos ? 1 : 0;
                    n++;
                }
            }

            if (log is not null)
            {
                lock (sync)
                {
                    log.WriteLine($"fold {fold + 1}/{folds}: sentences {lo}..{hi - 1}, UPOS {(double)ok / Math.Max(1, n):F4}");
                }
            }
        });
        return results;
    }

    /// <summary>
    /// One training pass over a sentence: the first pass (<paramref name="firstPass"/> null) sees the tags
    /// already predicted on the left; the second also sees the first pass's tags on the right.
    /// </summary>
    private static int[] TrainPass(
        PerceptronTrainer trainer,
        ulong[] stat,
        int[] counts,
        int[] gold,
        WordInfo[] infos,
        int[]? firstPass,
        ulong[] feats,
        float[] scores,
        ref long right)
    {
        int n = gold.Length;
        var pred = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (infos[i].Sure)
            {
                pred[i] = infos[i].Top;
                right += pred[i] == gold[i] ? 1 : 0;
                continue;
            }

            int c = counts[i];
            stat.AsSpan(i * S, c).CopyTo(feats);
            int dynamic;
            if (firstPass is null)
            {
                TaggerFeatures.Left(infos, pred, i, feats.AsSpan(c));
                dynamic = TaggerFeatures.DynamicCount1;
            }
            else
            {
                TaggerFeatures.Both(infos, pred, firstPass, i, feats.AsSpan(c));
                dynamic = TaggerFeatures.DynamicCount2;
            }

            var f = feats.AsSpan(0, c + dynamic);
            Array.Clear(scores);
            trainer.Score(f, scores);
            int guess = TaggerFeatures.Best(scores, infos[i].Allowed);
            trainer.Update(f, gold[i], guess);
            trainer.Tick();
            pred[i] = guess;
            right += guess == gold[i] ? 1 : 0;
        }

        return pred;
    }
}
