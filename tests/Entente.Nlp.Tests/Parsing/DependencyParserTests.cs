using System.Diagnostics;
using Entente.Nlp.Conllu;
using Entente.Nlp.Parsing;

namespace Entente.Nlp.Tests.Parsing;

public class DependencyParserTests
{
    private static readonly Lazy<DependencyParser> TinyFast = new(() =>
        DependencyParser.Train(NewsTreebank.Sentences, null, new ParserOptions(Epochs: 12, Prune: 0f), null));

    private static readonly Lazy<DependencyParser> TinyBeam = new(() =>
        DependencyParser.Train(NewsTreebank.Sentences, null, new ParserOptions(Mode: ParserMode.Accurate, Epochs: 12, BeamSize: 4, Prune: 0f), null));

    public static TheoryData<ParserMode> Modes => new() { ParserMode.Fast, ParserMode.Accurate };

    private static DependencyParser Tiny(ParserMode mode) => mode == ParserMode.Fast ? TinyFast.Value : TinyBeam.Value;

    private static ParseResult Parse(DependencyParser p, ConlluSentence s) =>
        p.Parse(s.Words.Select(w => w.Form).ToArray(), s.Words.Select(w => w.Upos).ToArray(), s.Words.Select(w => w.Xpos).ToArray());

    private static ParseResult Parse(DependencyParser p, string tagged)
    {
        // "word/UPOS/XPOS word/UPOS/XPOS ..."
        var parts = tagged.Split(' ').Select(t => t.Split('/')).ToArray();
        return p.Parse(parts.Select(t => t[0]).ToArray(), parts.Select(t => t[1]).ToArray(), parts.Select(t => t[2]).ToArray());
    }

    private static byte[] Bytes(DependencyParser p)
    {
        using var ms = new MemoryStream();
        p.Save(ms);
        return ms.ToArray();
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Training_on_a_tiny_treebank_learns_it(ParserMode mode)
    {
        // Given a parser trained on eight hand-written news sentences
        var parser = Tiny(mode);

        // When it parses those sentences
        foreach (var s in NewsTreebank.Sentences)
        {
            var r = Parse(parser, s);

            // Then it reproduces their trees exactly
            Assert.Equal(s.Words.Select(w => w.Head), r.Heads);
            Assert.Equal(s.Words.Select(w => w.DepRel), r.DepRels);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Save_then_load_gives_the_same_parses_and_the_same_bytes(ParserMode mode)
    {
        var parser = Tiny(mode);
        var bytes = Bytes(parser);

        var loaded = DependencyParser.Load(new MemoryStream(bytes), "tiny.bin");

        Assert.Equal(bytes, Bytes(loaded));
        Assert.Equal(parser.BeamSize, loaded.BeamSize);
        foreach (var s in NewsTreebank.Sentences.Concat(NewsTreebank.Read(NewsTreebank.NonProjective)))
        {
            var a = Parse(parser, s);
            var b = Parse(loaded, s);
            Assert.Equal(a.Heads, b.Heads);
            Assert.Equal(a.DepRels, b.DepRels);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Training_twice_gives_identical_bytes(ParserMode mode)
    {
        var options = mode == ParserMode.Fast
            ? new ParserOptions(Epochs: 4, Seed: 3)
            : new ParserOptions(Mode: ParserMode.Accurate, Epochs: 3, BeamSize: 3, Seed: 3);

        var first = DependencyParser.Train(NewsTreebank.Sentences, NewsTreebank.Sentences, options, null);
        var second = DependencyParser.Train(NewsTreebank.Sentences, NewsTreebank.Sentences, options, null);

        Assert.Equal(Bytes(first), Bytes(second));
    }

    [Fact]
    public void Training_writes_one_progress_line_per_epoch()
    {
        var log = new StringWriter();

        DependencyParser.Train(NewsTreebank.Sentences, NewsTreebank.Sentences, new ParserOptions(Epochs: 2), log);

        Assert.Contains("epoch 1:", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("epoch 2:", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("dev UAS", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_improved_callback_sees_each_new_best_epoch_and_the_last_one_is_returned()
    {
        var seen = new List<(DependencyParser Parser, int Epoch)>();

        var parser = DependencyParser.Train(NewsTreebank.Sentences, NewsTreebank.Sentences, new ParserOptions(Epochs: 5, Prune: 0f), null, (p, e) => seen.Add((p, e)));

        Assert.NotEmpty(seen);
        Assert.Equal(1, seen[0].Epoch);
        Assert.True(seen.Select(x => x.Epoch).SequenceEqual(seen.Select(x => x.Epoch).Order()));
        Assert.Same(parser, seen[^1].Parser);
    }

    [Fact]
    public void Non_projective_training_sentences_are_learned_from_without_failing()
    {
        var data = NewsTreebank.Sentences.Concat(NewsTreebank.Read(NewsTreebank.NonProjective)).ToList();

        var parser = DependencyParser.Train(data, null, new ParserOptions(Epochs: 3), null);

        ArcHybridTests.AssertWellFormed(Parse(parser, data[^1]).Heads);
    }

    [Fact]
    public void Loading_garbage_names_the_file()
    {
        var e = Assert.Throws<InvalidDataException>(() => DependencyParser.Load(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8, 9]), "broken.bin"));
        Assert.Contains("broken.bin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_tag_lists_are_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(() => TinyFast.Value.Parse(["Ministers", "met"], ["NOUN"], ["NNS", "VBD"]));
        Assert.Throws<ArgumentNullException>(() => TinyFast.Value.Parse(null!, [], []));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("accurate")]
    public void Committed_model_loads_and_finds_subject_and_main_verb(string which)
    {
        // Given the embedded model (load time is measured by `nlp eval`, not asserted here: a timed unit test
        // fails on a busy machine without telling anything)
        var resource = which == "default" ? "Entente.Models.parser.bin" : "Entente.Models.parser-accurate.bin";
        using (var s = typeof(DependencyParser).Assembly.GetManifestResourceStream(resource)!)
        {
            Assert.NotNull(DependencyParser.Load(s, resource));
        }

        var parser = which == "default" ? DependencyParser.Default : DependencyParser.Accurate;

        // When it parses a simple news sentence
        var r = Parse(parser, "The/DET/DT minister/NOUN/NN signed/VERB/VBD the/DET/DT agreement/NOUN/NN ./PUNCT/.");

        // Then the verb is the root, the minister its subject and the agreement its object
        Assert.Equal([2, 3, 0, 5, 3, 3], r.Heads);
        Assert.Equal(["det", "nsubj", "root", "det", "obj", "punct"], r.DepRels);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("accurate")]
    public void Committed_model_handles_edge_cases(string which)
    {
        var parser = which == "default" ? DependencyParser.Default : DependencyParser.Accurate;

        // empty sentence
        var empty = parser.Parse([], [], []);
        Assert.Empty(empty.Heads);
        Assert.Empty(empty.DepRels);

        // one word
        var one = parser.Parse(["Sanctions"], ["NOUN"], ["NNS"]);
        Assert.Equal([0], one.Heads);
        Assert.Equal(["root"], one.DepRels);

        // unknown tags and odd tokens
        var odd = parser.Parse(["@@", "Kyiv", "§"], ["???", "", "X"], ["ZZZ", "", "_"]);
        ArcHybridTests.AssertWellFormed(odd.Heads);

        // a very long sentence stays a single-rooted tree
        var words = Enumerable.Range(0, 2000).Select(i => (i % 10) switch
        {
            0 => ("The", "DET", "DT"),
            1 => ("ministers", "NOUN", "NNS"),
            2 => ("said", "VERB", "VBD"),
            3 => ("that", "SCONJ", "IN"),
            4 => ("aid", "NOUN", "NN"),
            5 => ("would", "AUX", "MD"),
            6 => ("reach", "VERB", "VB"),
            7 => ("Gaza", "PROPN", "NNP"),
            8 => ("and", "CCONJ", "CC"),
            _ => (",", "PUNCT", ","),
        }).ToArray();
        var sw = Stopwatch.StartNew();
        var longParse = parser.Parse(words.Select(w => w.Item1).ToArray(), words.Select(w => w.Item2).ToArray(), words.Select(w => w.Item3).ToArray());
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10));
        ArcHybridTests.AssertWellFormed(longParse.Heads);
    }

    [Fact]
    public void Parsing_from_many_threads_gives_the_same_trees()
    {
        var parser = TinyBeam.Value;
        var expected = NewsTreebank.Sentences.Select(s => Parse(parser, s)).ToArray();

        var results = new ParseResult[32][];
        Parallel.For(0, results.Length, i => results[i] = NewsTreebank.Sentences.Select(s => Parse(parser, s)).ToArray());

        foreach (var run in results)
        {
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].Heads, run[i].Heads);
                Assert.Equal(expected[i].DepRels, run[i].DepRels);
            }
        }
    }
}
