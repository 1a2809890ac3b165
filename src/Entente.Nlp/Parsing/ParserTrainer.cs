using System.Diagnostics;
using Entente.Nlp.Clustering;
using Entente.Nlp.Conllu;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Parsing;

/// <summary>
/// Training of <see cref="DependencyParser"/>. Fast mode: greedy, one averaged-perceptron update per
/// transition against the best zero-cost transition of the dynamic oracle, following the model's own
/// prediction (exploration) from an early epoch on. Accurate mode: beam search trained as a structured
/// perceptron with max-violation updates against the oracle sequence.
/// </summary>
internal static class ParserTrainer
{
    internal sealed class Example
    {
        public required SentenceContext Context { get; init; }

        public required int[] GoldHead { get; init; }

        public required int[] GoldLabel { get; init; }
    }

    public static DependencyParser Train(
        IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, ParserOptions options, TextWriter? log, Action<DependencyParser, int>? improved = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Epochs, 1);
        var labels = CollectLabels(train);
        if (labels.Count == 0)
        {
            throw new ArgumentException("the training sentences carry no dependency relations", nameof(train));
        }

        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Count; i++)
        {
            labelIds[labels[i]] = i;
        }

        var examples = new List<Example>(train.Count);
        foreach (var s in train)
        {
            var ex = ToExample(options.Reverse ? Reversed(s) : s, labelIds, options.Clusters, options.LeanWords);
            if (ex != null)
            {
                examples.Add(ex);
            }
        }

        int actions = ParserState.ActionCount(labels.Count);
        var classNames = Enumerable.Range(0, actions).Select(a => DependencyParser.ClassName(a, labels)).ToArray();
        var trainer = new PerceptronTrainer(actions);
        var rng = new SplitMix(options.Seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        bool rich = options.UseRichFeatures;
        int beam = options.Mode == ParserMode.Accurate ? Math.Max(2, options.BeamSize) : 1;
        var best = new BestEpoch<DependencyParser>(dev, improved);
        var clock = Stopwatch.StartNew();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            long steps = 0, errors = 0;
            foreach (var i in order)
            {
                var ex = examples[i];
                if (beam == 1)
                {
                    bool explore = epoch >= options.ExploreFromEpoch;
                    (long s, long e) = TrainGreedy(trainer, ex, rich, explore, options.ExploreProbability, rng);
                    steps += s;
                    errors += e;
                }
                else
                {
                    steps++;
                    errors += TrainBeam(trainer, ex, rich, beam) ? 1 : 0;
                }
            }

            var parser = new DependencyParser(
                trainer.ToModel(classNames, options.Prune), beam, rich, options.Clusters, options.LeanWords && options.Clusters != null, options.Reverse);
            string devScore = best.Consider(parser, epoch);
            log?.WriteLine(
                $"epoch {epoch}: {(beam == 1 ? "transition" : "sentence")} errors {errors}/{steps} ({100.0 * errors / Math.Max(1, steps):F2}%),"
                + $" features {parser.Model.FeatureCount} weights {parser.Model.WeightCount}{devScore} [{clock.Elapsed.TotalSeconds:F0}s]");
            log?.Flush();
        }

        log?.WriteLine($"kept epoch {best.Epoch}");
        return best.Parser!;
    }

    /// <summary>
    /// Keeps the epoch whose parser scores the best LAS on dev (without dev: the last one), telling
    /// <c>improved</c> of each new best as soon as it is found.
    /// </summary>
    internal sealed class BestEpoch<T>(IReadOnlyList<ConlluSentence>? dev, Action<T, int>? improved)
        where T : class, IDependencyParser
    {
        private double _las = -1;

        public T? Parser { get; private set; }

        public int Epoch { get; private set; }

        /// <summary>Scores <paramref name="parser"/> on dev and keeps it if it is the best so far; returns the dev scores for the log ("" without dev).</summary>
        public string Consider(T parser, int epoch)
        {
            double las = epoch;
            string devScore = string.Empty;
            if (dev is { Count: > 0 })
            {
                (double uas, double l) = Evaluate(parser, dev);
                las = l;
                devScore = $" dev UAS {uas:F4} LAS {l:F4}";
            }

            if (las > _las)
            {
                _las = las;
                Parser = parser;
                Epoch = epoch;
                improved?.Invoke(parser, epoch);
            }

            return devScore;
        }
    }

    internal static List<string> CollectLabels(IReadOnlyList<ConlluSentence> sentences)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            foreach (var w in s.Words)
            {
                if (w.Head >= 0 && w.DepRel != "_" && w.DepRel.Length > 0)
                {
                    counts[w.DepRel] = counts.GetValueOrDefault(w.DepRel) + 1;
                }
            }
        }

        // by frequency, so that the rare labels are the ones sharing bit 63 of the label sets
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
    }

    /// <summary>The sentence with its words in reverse order (word i becomes n + 1 − i, heads renumbered; the root stays 0).</summary>
    internal static ConlluSentence Reversed(ConlluSentence s)
    {
        int n = s.Words.Length;
        var words = System.Collections.Immutable.ImmutableArray.CreateBuilder<ConlluWord>(n);
        for (int j = 0; j < n; j++)
        {
            var w = s.Words[n - 1 - j];
            words.Add(w with { Id = j + 1, Head = w.Head <= 0 || w.Head > n ? w.Head : n + 1 - w.Head });
        }

        return s with { Words = words.MoveToImmutable(), Multiwords = [] };
    }

    internal static Example? ToExample(ConlluSentence s, Dictionary<string, int> labelIds, WordClusters? clusters = null, bool leanWords = false)
    {
        int n = s.Words.Length;
        var gh = new int[n + 2];
        var gl = new int[n + 2];
        gh[0] = gh[n + 1] = -1;
        int roots = 0;
        for (int i = 0; i < n; i++)
        {
            var w = s.Words[i];
            if (w.Head < 0 || w.Head > n || w.Head == i + 1 || !labelIds.TryGetValue(w.DepRel, out var l))
            {
                return null;
            }

            roots += w.Head == 0 ? 1 : 0;
            gh[i + 1] = w.Head;
            gl[i + 1] = l;
        }

        if (roots != 1)
        {
            return null;
        }

        var forms = new string[n];
        var upos = new string[n];
        var xpos = new string[n];
        for (int i = 0; i < n; i++)
        {
            forms[i] = s.Words[i].Form;
            upos[i] = s.Words[i].Upos;
            xpos[i] = s.Words[i].Xpos;
        }

        return new Example { Context = new SentenceContext(forms, upos, xpos, clusters, leanWords), GoldHead = gh, GoldLabel = gl };
    }

    private static (long Steps, long Errors) TrainGreedy(PerceptronTrainer trainer, Example ex, bool rich, bool explore, double p, SplitMix rng)
    {
        int n = ex.Context.N;
        var st = new ParserState(n);
        st.Reset(n);
        int actions = trainer.Classes;
        Span<ulong> f = stackalloc ulong[ParserFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[actions];
        Span<int> costs = stackalloc int[actions];
        long steps = 0, errors = 0;
        while (!st.IsTerminal)
        {
            int k = ParserFeatures.Extract(st, ex.Context, f, rich);
            scores.Clear();
            trainer.Score(f[..k], scores);
            int min = st.Costs(ex.GoldHead, ex.GoldLabel, costs);
            int pred = DependencyParser.BestLegal(st, scores);
            int gold = -1;
            for (int a = 0; a < actions; a++)
            {
                if (costs[a] == min && (gold < 0 || scores[a] > scores[gold]))
                {
                    gold = a;
                }
            }

            if (costs[pred] != min)
            {
                trainer.Update(f[..k], gold, pred);
                errors++;
            }

            trainer.Tick();
            steps++;
            st.Apply(explore && costs[pred] != min && rng.NextDouble() < p ? pred : gold);
        }

        return (steps, errors);
    }

    /// <summary>The oracle transition sequence: at each step the first minimum-cost transition, arcs before SHIFT.</summary>
    internal static int[] OracleSequence(Example ex, int actions)
    {
        int n = ex.Context.N;
        var st = new ParserState(n);
        st.Reset(n);
        var seq = new int[2 * n];
        Span<int> costs = stackalloc int[actions];
        int t = 0;
        while (!st.IsTerminal)
        {
            int min = st.Costs(ex.GoldHead, ex.GoldLabel, costs);
            int pick = -1;
            for (int a = 1; a < actions && pick < 0; a++)
            {
                if (costs[a] == min)
                {
                    pick = a;
                }
            }

            if (pick < 0)
            {
                pick = ParserState.Shift;
            }

            seq[t++] = pick;
            st.Apply(pick);
        }

        return seq;
    }

    /// <summary>One sentence of beam training with a max-violation update; true when an update was made.</summary>
    private static bool TrainBeam(PerceptronTrainer trainer, Example ex, bool rich, int width)
    {
        int n = ex.Context.N;
        int actions = trainer.Classes;
        var oracle = OracleSequence(ex, actions);
        int steps = oracle.Length;
        var beam = new Beam(n, width, actions);
        var gold = new ParserState(n);
        gold.Reset(n);
        Span<ulong> f = stackalloc ulong[ParserFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[actions];

        // history of every beam item: (parent history index, action) in a flat list
        var histParent = new List<int>(steps * width);
        var histAction = new List<int>(steps * width);
        var itemHist = new int[width];
        var nextHist = new int[width];
        var itemGold = new bool[width];
        var nextGold = new bool[width];
        itemHist[0] = -1;
        itemGold[0] = true;
        double goldScore = 0;
        double maxViolation = 0;
        int maxStep = -1, maxHist = -1;
        for (int t = 0; t < steps; t++)
        {
            beam.BeginStep();
            int goldItem = -1;
            for (int i = 0; i < beam.Count; i++)
            {
                var st = beam.Items[i];
                int k = ParserFeatures.Extract(st, ex.Context, f, rich);
                scores.Clear();
                trainer.Score(f[..k], scores);
                beam.Offer(i, st, scores);
                if (itemGold[i])
                {
                    goldItem = i;
                    goldScore = beam.Scores[i] + scores[oracle[t]];
                }
            }

            if (goldItem < 0)
            {
                int k = ParserFeatures.Extract(gold, ex.Context, f, rich);
                scores.Clear();
                trainer.Score(f[..k], scores);
                goldScore += scores[oracle[t]];
            }

            gold.Apply(oracle[t]);
            beam.EndStep();
            bool goldIn = false;
            for (int j = 0; j < beam.Count; j++)
            {
                int parent = beam.Parents[j];
                histParent.Add(itemHist[parent]);
                histAction.Add(beam.Actions[j]);
                nextHist[j] = histParent.Count - 1;
                nextGold[j] = itemGold[parent] && beam.Actions[j] == oracle[t];
                goldIn |= nextGold[j];
            }

            (itemHist, nextHist) = (nextHist, itemHist);
            (itemGold, nextGold) = (nextGold, itemGold);
            double violation = beam.Scores[0] - goldScore;
            if (!itemGold[0] && violation >= maxViolation)
            {
                maxViolation = violation;
                maxStep = t;
                maxHist = itemHist[0];
            }
        }

        if (maxStep < 0)
        {
            trainer.Tick();
            return false;
        }

        // the predicted sequence up to maxStep
        var pred = new int[maxStep + 1];
        for (int t = maxStep, h = maxHist; t >= 0; t--)
        {
            pred[t] = histAction[h];
            h = histParent[h];
        }

        var gs = new ParserState(n);
        var ps = new ParserState(n);
        gs.Reset(n);
        ps.Reset(n);
        bool diverged = false;
        for (int t = 0; t <= maxStep; t++)
        {
            diverged |= pred[t] != oracle[t];
            if (diverged)
            {
                int k = ParserFeatures.Extract(gs, ex.Context, f, rich);
                trainer.Update(f[..k], oracle[t], 1f);
                k = ParserFeatures.Extract(ps, ex.Context, f, rich);
                trainer.Update(f[..k], pred[t], -1f);
            }

            gs.Apply(oracle[t]);
            ps.Apply(pred[t]);
        }

        trainer.Tick();
        return true;
    }

    /// <summary>Unlabelled and labelled attachment scores over all words, punctuation included.</summary>
    internal static (double Uas, double Las) Evaluate(IDependencyParser parser, IReadOnlyList<ConlluSentence> sentences)
    {
        long total = 0, uas = 0, las = 0;
        foreach (var s in sentences)
        {
            var forms = s.Words.Select(w => w.Form).ToArray();
            var upos = s.Words.Select(w => w.Upos).ToArray();
            var xpos = s.Words.Select(w => w.Xpos).ToArray();
            var r = parser.Parse(forms, upos, xpos);
            for (int i = 0; i < forms.Length; i++)
            {
                total++;
                if (r.Heads[i] == s.Words[i].Head)
                {
                    uas++;
                    if (r.DepRels[i] == s.Words[i].DepRel)
                    {
                        las++;
                    }
                }
            }
        }

        return (uas / (double)Math.Max(1, total), las / (double)Math.Max(1, total));
    }

    /// <summary>A small deterministic generator (SplitMix64), stable across .NET versions.</summary>
    internal sealed class SplitMix(int seed)
    {
        private ulong _state = (ulong)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;

        public ulong Next()
        {
            _state += 0x9E3779B97F4A7C15UL;
            return FeatureKey.Mix(_state);
        }

        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

        public void Shuffle(int[] a)
        {
            for (int i = a.Length - 1; i > 0; i--)
            {
                int j = (int)(Next() % (ulong)(i + 1));
                (a[i], a[j]) = (a[j], a[i]);
            }
        }
    }
}
