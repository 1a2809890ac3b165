using Entente.Nlp.Conllu;
using Entente.Nlp.Parsing;

namespace Entente.Nlp.Tests.Parsing;

public class ParserEnsembleTests
{
    private static readonly Lazy<DependencyParser> LeftToRight = new(() =>
        DependencyParser.Train(NewsTreebank.Sentences, null, new ParserOptions(Epochs: 12, Prune: 0f), null));

    private static readonly Lazy<DependencyParser> RightToLeft = new(() =>
        DependencyParser.Train(NewsTreebank.Sentences, null, new ParserOptions(Epochs: 12, Prune: 0f, Reverse: true), null));

    private static readonly Lazy<GraphParser> Graph = new(() =>
        GraphParser.Train(NewsTreebank.Sentences, null, epochs: 10, seed: 1, prune: 0f, clusters: null, log: null));

    private static ParseResult Parse(IDependencyParser p, ConlluSentence s) =>
        p.Parse(s.Words.Select(w => w.Form).ToArray(), s.Words.Select(w => w.Upos).ToArray(), s.Words.Select(w => w.Xpos).ToArray());

    private static byte[] Bytes(DependencyParser p)
    {
        using var ms = new MemoryStream();
        p.Save(ms);
        return ms.ToArray();
    }

    [Fact]
    public void Reversing_a_sentence_renumbers_words_and_heads()
    {
        // Given "Ministers signed the accord ." (signed is the root)
        var s = NewsTreebank.Read(
            "1\tMinisters\tminister\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
            + "2\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
            + "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
            + "4\taccord\taccord\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
            + "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n")[0];

        var r = ParserTrainer.Reversed(s);

        Assert.Equal([".", "accord", "the", "signed", "Ministers"], r.Words.Select(w => w.Form));
        Assert.Equal([1, 2, 3, 4, 5], r.Words.Select(w => w.Id));
        Assert.Equal([4, 4, 2, 0, 4], r.Words.Select(w => w.Head));
        Assert.Equal(s.Words.AsEnumerable(), ParserTrainer.Reversed(r).Words.AsEnumerable());
    }

    [Fact]
    public void A_right_to_left_parser_learns_a_tiny_treebank_and_keeps_its_direction_when_saved()
    {
        var parser = RightToLeft.Value;
        Assert.True(parser.Reverse);
        foreach (var s in NewsTreebank.Sentences)
        {
            var r = Parse(parser, s);
            Assert.Equal(s.Words.Select(w => w.Head), r.Heads);
            Assert.Equal(s.Words.Select(w => w.DepRel), r.DepRels);
        }

        var bytes = Bytes(parser);
        var loaded = DependencyParser.Load(new MemoryStream(bytes), "r2l.bin");
        Assert.True(loaded.Reverse);
        Assert.False(LeftToRight.Value.Reverse);
        Assert.Equal(bytes, Bytes(loaded));
        Assert.Equal(Parse(parser, NewsTreebank.Sentences[0]).Heads, Parse(loaded, NewsTreebank.Sentences[0]).Heads);
    }

    [Fact]
    public void Eisner_finds_the_best_projective_single_rooted_tree()
    {
        var rng = new Random(7);
        for (int round = 0; round < 200; round++)
        {
            int n = 1 + rng.Next(6);
            var score = new double[(n + 1) * (n + 1)];
            for (int i = 0; i < score.Length; i++)
            {
                score[i] = rng.Next(5) + (rng.NextDouble() * 0.01);
            }

            var heads = Eisner.Decode(score, n);

            Assert.True(IsProjectiveTree(heads), $"round {round}: not a projective single-rooted tree: {string.Join(' ', heads)}");
            Assert.Equal(BruteForceBest(score, n), Total(score, heads, n), 9);
        }
    }

    [Fact]
    public void Votes_pick_the_majority_head_and_relation_and_always_give_a_tree()
    {
        // Given three members, two of which agree on every head and relation
        var a = new ParseResult([2, 0, 4, 2], ["nsubj", "root", "det", "obj"]);
        var b = new ParseResult([2, 0, 2, 2], ["nsubj", "root", "advmod", "obl"]);
        var c = new ParseResult([2, 0, 4, 2], ["nsubj", "root", "det", "obj"]);

        // When the ensemble combines them with equal weights, the minority member first
        var r = ParserEnsemble.Combine([b, a, c], [1, 1, 1]);

        // Then the majority wins over the first member
        Assert.Equal([2, 0, 4, 2], r.Heads);
        Assert.Equal(["nsubj", "root", "det", "obj"], r.DepRels);

        // and a heavier member outvotes the two others together
        var heavy = ParserEnsemble.Combine([b, a, c], [2.5, 1, 1]);
        Assert.Equal(b.Heads, heavy.Heads);
        Assert.Equal(b.DepRels, heavy.DepRels);

        // Votes that form a cycle and two roots still give one single-rooted projective tree
        var x = new ParseResult([0, 3, 2, 0], ["root", "dep", "dep", "root"]);
        var y = new ParseResult([3, 0, 2, 3], ["nmod", "root", "dep", "dep"]);
        var t = ParserEnsemble.Combine([x, y], [1, 1]);
        Assert.True(IsProjectiveTree(t.Heads));
        Assert.Single(t.DepRels, l => l == "root");
        Assert.Equal("root", t.DepRels[Array.IndexOf(t.Heads, 0)]);
    }

    [Fact]
    public void Arc_probabilities_vote_with_their_weight_and_only_against_disagreeing_trees()
    {
        // Given two trees that differ on word 3's head (4 or 2), the first one weighted a little more
        var a = new ParseResult([2, 0, 4, 2], ["nsubj", "root", "det", "obj"]);
        var b = new ParseResult([2, 0, 2, 2], ["nsubj", "root", "advmod", "obl"]);
        int n = 4;
        var p = new double[(n + 1) * (n + 1)];
        void Arc(int h, int d, double v) => p[(h * (n + 1)) + d] = v;

        // and arc probabilities that are sure word 3 hangs from 2
        Arc(2, 1, 1);
        Arc(0, 2, 1);
        Arc(2, 3, 0.9);
        Arc(4, 3, 0.1);
        Arc(2, 4, 1);

        // When the probabilities vote with weight 1, the second tree's arc wins: 1 + 0.9 against 1.2 + 0.1
        var voted = ParserEnsemble.Combine([a, b], [1.2, 1], [null, p], [0, 1]);
        Assert.Equal([2, 0, 2, 2], voted.Heads);
        Assert.Equal("advmod", voted.DepRels[2]);

        // Without them, the heavier tree wins
        Assert.Equal(a.Heads, ParserEnsemble.Combine([a, b], [1.2, 1], [null, p], [0, 0]).Heads);

        // When every tree agrees, probabilities weighing less than the trees cannot overturn them
        Assert.Equal(a.Heads, ParserEnsemble.Combine([a, a], [1, 1], [null, p], [0, 1.5]).Heads);
    }

    [Fact]
    public void An_ensemble_of_two_directions_parses_what_both_learned()
    {
        var ensemble = new ParserEnsemble([new("l2r", LeftToRight.Value, 1), new("r2l", RightToLeft.Value, 1)]);
        foreach (var s in NewsTreebank.Sentences)
        {
            var r = Parse(ensemble, s);
            Assert.Equal(s.Words.Select(w => w.Head), r.Heads);
            Assert.Equal(s.Words.Select(w => w.DepRel), r.DepRels);
        }

        Assert.Empty(ensemble.Parse([], [], []).Heads);
    }

    [Fact]
    public void Descriptions_load_their_members_and_errors_name_the_line()
    {
        var models = new Dictionary<string, byte[]> { ["l2r.bin"] = Bytes(LeftToRight.Value), ["r2l.bin"] = Bytes(RightToLeft.Value) };
        Stream Open(string f) => models.TryGetValue(f, out var b) ? new MemoryStream(b) : throw new FileNotFoundException($"no such model {f}");

        var ok = ParserEnsemble.Load(new StringReader("# two directions\nl2r.bin 1.5\n\nr2l.bin 1\n"), "two.txt", Open);
        Assert.Equal(["l2r.bin", "r2l.bin"], ok.Members.Select(m => m.Name));
        Assert.Equal([1.5, 1.0], ok.Members.Select(m => m.Weight));
        Assert.True(Assert.IsType<DependencyParser>(ok.Members[1].Parser).Reverse);

        var bad = Assert.Throws<InvalidDataException>(() => ParserEnsemble.Load(new StringReader("l2r.bin 1\nr2l.bin heavy\n"), "bad.txt", Open));
        Assert.Contains("bad.txt line 2", bad.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<InvalidDataException>(() => ParserEnsemble.Load(new StringReader("gone.bin 1\n"), "missing.txt", Open));
        Assert.Contains("gone.bin", missing.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<InvalidDataException>(() => ParserEnsemble.Load(new StringReader("# nothing\n"), "empty.txt", Open));
        Assert.Contains("empty.txt", empty.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ParserEnsemble([new("l2r", LeftToRight.Value, 0)]));

        // a third column weighs a member's arc probabilities, which only a neural parser gives
        var noProbabilities = Assert.Throws<InvalidDataException>(() => ParserEnsemble.Load(new StringReader("l2r.bin 1\nr2l.bin 1 0.5\n"), "soft.txt", Open));
        Assert.Contains("soft.txt line 2", noProbabilities.Message, StringComparison.Ordinal);
        Assert.Contains("probabilit", noProbabilities.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", Assert.Throws<InvalidDataException>(() => ParserEnsemble.Load(new StringReader("l2r.bin 1 -1\n"), "neg.txt", Open)).Message, StringComparison.Ordinal);
        Assert.Equal(0, ParserEnsemble.Load(new StringReader("l2r.bin 1 0\n"), "zero.txt", Open).Members[0].ProbabilityWeight);
        Assert.Throws<ArgumentException>(() => new ParserEnsemble([new("l2r", LeftToRight.Value, 1, 0.5)]));
    }

    [Fact]
    public void The_embedded_accurate_ensemble_loads_and_parses_a_news_sentence()
    {
        var ensemble = ParserEnsemble.Accurate;
        Assert.True(ensemble.Members.Length >= 2);
        Assert.Contains(ensemble.Members, m => m.Parser is DependencyParser { Reverse: true });
        Assert.Contains(ensemble.Members, m => m.Parser is NeuralParser && m.ProbabilityWeight > 0);

        var r = ensemble.Parse(
            ["The", "minister", "signed", "the", "agreement", "."], ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"], ["DT", "NN", "VBD", "DT", "NN", "."]);

        Assert.Equal([2, 3, 0, 5, 3, 3], r.Heads);
        Assert.Equal(["det", "nsubj", "root", "det", "obj", "punct"], r.DepRels);
    }

    [Fact]
    public void A_graph_parser_learns_a_tiny_treebank_and_saves_the_same_bytes_it_loads()
    {
        var parser = Graph.Value;
        int right = 0, total = 0;
        foreach (var s in NewsTreebank.Sentences)
        {
            var r = Parse(parser, s);
            ArcHybridTests.AssertWellFormed(r.Heads);
            right += r.Heads.Zip(s.Words, (h, w) => h == w.Head ? 1 : 0).Sum();
            total += s.Words.Length;
        }

        // an arc-factored model cannot always fit every training tree, but it gets nearly all of them
        Assert.True(right >= total * 0.95, $"{right} of {total} heads");

        using var ms = new MemoryStream();
        parser.Save(ms);
        var bytes = ms.ToArray();
        var loaded = Assert.IsType<GraphParser>(ParserEnsemble.LoadModel(new MemoryStream(bytes), "graph.bin"));
        using var again = new MemoryStream();
        loaded.Save(again);
        Assert.Equal(bytes, again.ToArray());
        Assert.Equal(Parse(parser, NewsTreebank.Sentences[1]).DepRels, Parse(loaded, NewsTreebank.Sentences[1]).DepRels);
        Assert.Empty(parser.Parse([], [], []).Heads);

        var truncated = Assert.Throws<InvalidDataException>(() => GraphParser.Load(new MemoryStream(bytes[..(bytes.Length / 2)]), "half.bin"));
        Assert.Contains("half.bin", truncated.Message, StringComparison.Ordinal);
    }

    private static double Total(double[] score, int[] heads, int n) =>
        Enumerable.Range(1, n).Sum(d => score[(heads[d - 1] * (n + 1)) + d]);

    private static double BruteForceBest(double[] score, int n)
    {
        double best = double.NegativeInfinity;
        var heads = new int[n];
        void Go(int d)
        {
            if (d == n)
            {
                if (IsProjectiveTree(heads))
                {
                    best = Math.Max(best, Total(score, heads, n));
                }

                return;
            }

            for (int h = 0; h <= n; h++)
            {
                if (h != d + 1)
                {
                    heads[d] = h;
                    Go(d + 1);
                }
            }
        }

        Go(0);
        return best;
    }

    /// <summary>One word on the root, no cycles, no crossing arcs.</summary>
    private static bool IsProjectiveTree(int[] heads)
    {
        int n = heads.Length;
        if (heads.Count(h => h == 0) != 1)
        {
            return false;
        }

        for (int d = 1; d <= n; d++)
        {
            int x = d, steps = 0;
            while (x != 0)
            {
                x = heads[x - 1];
                if (++steps > n)
                {
                    return false;
                }
            }
        }

        for (int a = 1; a <= n; a++)
        {
            for (int b = 1; b <= n; b++)
            {
                var (l1, r1) = (Math.Min(a, heads[a - 1]), Math.Max(a, heads[a - 1]));
                var (l2, r2) = (Math.Min(b, heads[b - 1]), Math.Max(b, heads[b - 1]));
                if (l1 < l2 && l2 < r1 && r1 < r2)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
