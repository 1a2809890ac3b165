using Entente.Nlp.Conllu;
using Entente.Nlp.Clustering;
using Entente.Nlp.Parsing;
using Entente.Nlp.Tagging;

namespace Entente.Cli.Tests;

public sealed class TrainCommandTests
{
    [Fact]
    public void Training_the_tagger_writes_models_that_load_and_reproduce_the_same_bytes()
    {
        // Given a tiny hand-annotated treebank
        using var dir = new TempDir();
        var treebank = dir.File("tiny.conllu");
        File.WriteAllText(treebank, SmallTreebank.Text);

        // When the tagger is trained twice with the same seed
        var first = CliRunner.Run("train", "tagger", "--train", treebank, "--dev", treebank, "--out", dir.File("a"), "--epochs", "3");
        var second = CliRunner.Run("train", "tagger", "--train", treebank, "--dev", treebank, "--out", dir.File("b"), "--epochs", "3");

        // Then both runs succeed with identical files, and the tagger learned its training data
        Assert.Equal(0, first.Exit);
        Assert.Equal(0, second.Exit);
        foreach (var name in new[] { "tagger.bin", "lemmas.bin" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir.File("a"), name)), File.ReadAllBytes(Path.Combine(dir.File("b"), name)));
        }

        using var stream = File.OpenRead(Path.Combine(dir.File("a"), "tagger.bin"));
        var tagger = PosTagger.Load(stream, "tagger.bin");
        Assert.Equal(new[] { "PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT" }, tagger.Tag(["Russia", "supplied", "gas", "to", "Pakistan", "."]).Upos);
    }

    [Fact]
    public void Training_the_parser_jackknifes_tags_and_writes_a_parser()
    {
        using var dir = new TempDir();
        var treebank = dir.File("tiny.conllu");
        File.WriteAllText(treebank, SmallTreebank.Text);

        var (exit, output, _) = CliRunner.Run("train", "parser", "--train", treebank, "--dev", treebank, "--out", dir.Path, "--epochs", "3", "--folds", "3");

        Assert.Equal(0, exit);
        Assert.Contains("jackknifing", output, StringComparison.Ordinal);
        using var stream = File.OpenRead(dir.File("parser.bin"));
        var parser = DependencyParser.Load(stream, "parser.bin");
        var parse = parser.Parse(["Sanctions", "hurt", "exports", "."], ["NOUN", "VERB", "NOUN", "PUNCT"], ["NNS", "VBD", "NNS", "."]);
        Assert.Single(parse.Heads, h => h == 0);
    }

    [Fact]
    public void Training_from_a_missing_treebank_fails_with_exit_one()
    {
        using var dir = new TempDir();
        var (exit, _, err) = CliRunner.Run("train", "tagger", "--train", dir.File("none.conllu"), "--dev", dir.File("none.conllu"), "--out", dir.Path);
        Assert.Equal(1, exit);
        Assert.Contains("none.conllu", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_clusters_from_json_lines_writes_a_table_that_a_parser_run_then_uses()
    {
        // Given a small news corpus as JSON Lines (one bad line among them) and a tiny treebank
        using var dir = new TempDir();
        var corpus = dir.File("news.jsonl");
        var lines = new List<string>();
        foreach (var country in new[] { "France", "Iran", "Syria", "Russia", "China" })
        {
            lines.Add($$"""{"title": "Talks with {{country}}", "text": "The minister met officials from {{country}} on Monday. Sanctions against {{country}} were lifted."}""");
        }

        lines.Add("not json");
        File.WriteAllLines(corpus, lines);
        var treebank = dir.File("tiny.conllu");
        File.WriteAllText(treebank, SmallTreebank.Text);

        // When clusters are trained, then a parser with them on already-tagged files
        var (exit, output, err) = CliRunner.Run("train", "clusters", "--corpus", corpus, "--treebank", treebank, "--out", dir.Path, "--min-count", "1");
        var parserRun = CliRunner.Run("train", "parser", "--tagged", "--train", treebank, "--dev", treebank, "--out", dir.Path, "--epochs", "2",
            "--clusters", dir.File("clusters.bin"));

        // Then the bad line is reported by number, the table loads, and the parser records it
        Assert.Equal(0, exit);
        Assert.Contains("news.jsonl line 6", err, StringComparison.Ordinal);
        Assert.Contains("wrote clusters.bin", output, StringComparison.Ordinal);
        using var stream = File.OpenRead(dir.File("clusters.bin"));
        var clusters = WordClusters.Load(stream, "clusters.bin");
        Assert.True(clusters.TryGet("Syria", out _, out _));
        Assert.Equal(0, parserRun.Exit);
        Assert.DoesNotContain("jackknifing", parserRun.Out, StringComparison.Ordinal);
        using var ps = File.OpenRead(dir.File("parser.bin"));
        var parser = DependencyParser.Load(ps, "parser.bin", clusters);
        Assert.Equal(clusters.Fingerprint, parser.Clusters!.Fingerprint);
    }

    [Fact]
    public void Training_clusters_without_any_input_is_a_usage_error()
    {
        using var dir = new TempDir();
        var (exit, _, err) = CliRunner.Run("train", "clusters", "--out", dir.Path);
        Assert.Equal(2, exit);
        Assert.Contains("--corpus", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Right_to_left_and_graph_parsers_train_and_evaluate_as_an_ensemble()
    {
        // Given a tiny tagged treebank
        using var dir = new TempDir();
        var treebank = dir.File("tiny.conllu");
        File.WriteAllText(treebank, SmallTreebank.Text);

        // When a right-to-left parser, a left-to-right one and a graph parser are trained, and an ensemble of the three is evaluated
        var r2l = CliRunner.Run("train", "parser", "--tagged", "--reverse", "--train", treebank, "--dev", treebank, "--out", dir.Path, "--epochs", "3");
        var l2r = CliRunner.Run("train", "parser", "--tagged", "--train", treebank, "--dev", treebank, "--out", dir.Path, "--epochs", "3");
        var graph = CliRunner.Run("train", "parser", "--tagged", "--graph", "--train", treebank, "--dev", treebank, "--out", dir.Path, "--epochs", "3");
        File.WriteAllText(dir.File("three.txt"), "parser.bin 1.5\nparser-r2l.bin 1\nparser-graph.bin 1\n");
        var eval = CliRunner.Run("nlp", "eval", "--treebank", treebank, "--parser", dir.File("three.txt"), "--json");
        File.WriteAllText(dir.File("broken.txt"), "parser.bin 1\nmissing.bin 1\n");
        var broken = CliRunner.Run("nlp", "eval", "--treebank", treebank, "--parser", dir.File("broken.txt"));

        // Then each writes its own model, the right-to-left one says so, and the ensemble is scored under its file's name
        Assert.Equal(0, r2l.Exit);
        Assert.Contains("wrote parser-r2l.bin", r2l.Out, StringComparison.Ordinal);
        using (var s = File.OpenRead(dir.File("parser-r2l.bin")))
        {
            Assert.True(DependencyParser.Load(s, "parser-r2l.bin").Reverse);
        }

        Assert.Equal(0, l2r.Exit);
        Assert.Equal(0, graph.Exit);
        Assert.Contains("wrote parser-graph.bin", graph.Out, StringComparison.Ordinal);
        Assert.Equal(0, eval.Exit);
        Assert.Equal("three.txt", System.Text.Json.JsonDocument.Parse(eval.Out).RootElement.GetProperty("mode").GetString());
        Assert.Equal(1, broken.Exit);
        Assert.Contains("broken.txt line 2", broken.Err, StringComparison.Ordinal);
        Assert.Contains("missing.bin", broken.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Pruning_a_parser_writes_a_smaller_model_and_bad_arguments_are_named()
    {
        // Given a parser trained on a tiny treebank
        using var dir = new TempDir();
        var treebank = dir.File("tiny.conllu");
        File.WriteAllText(treebank, SmallTreebank.Text);
        Assert.Equal(0, CliRunner.Run("train", "parser", "--tagged", "--train", treebank, "--dev", treebank, "--out", dir.Path, "--epochs", "3", "--prune", "0").Exit);

        // When it is pruned at 1, and at a negative threshold, and a file that is no model is given
        var run = CliRunner.Run("train", "prune", "--model", dir.File("parser.bin"), "--threshold", "1", "--out", dir.File("small.bin"));
        var negative = CliRunner.Run("train", "prune", "--model", dir.File("parser.bin"), "--threshold", "-1", "--out", dir.File("x.bin"));
        var garbage = CliRunner.Run("train", "prune", "--model", treebank, "--threshold", "1", "--out", dir.File("y.bin"));

        // Then the smaller model loads and has fewer weights; the errors say what was wrong
        Assert.Equal(0, run.Exit);
        Assert.Contains("wrote small.bin", run.Out, StringComparison.Ordinal);
        DependencyParser Load(string f)
        {
            using var s = File.OpenRead(dir.File(f));
            return DependencyParser.Load(s, f);
        }

        Assert.True(Load("small.bin").WeightCount < Load("parser.bin").WeightCount);
        Assert.Equal(2, negative.Exit);
        Assert.Contains("--threshold", negative.Err, StringComparison.Ordinal);
        Assert.Equal(1, garbage.Exit);
        Assert.Contains("tiny.conllu", garbage.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("y.bin")));

        // and a new beam width is kept in the written model; a width below one is a usage error
        var beam = CliRunner.Run("train", "prune", "--model", dir.File("parser.bin"), "--threshold", "0", "--beam", "6", "--out", dir.File("beam6.bin"));
        Assert.Equal(0, beam.Exit);
        Assert.Contains("beam 6", beam.Out, StringComparison.Ordinal);
        Assert.Equal(6, Load("beam6.bin").BeamSize);
        Assert.Equal(1, Load("parser.bin").BeamSize);
        var zero = CliRunner.Run("train", "prune", "--model", dir.File("parser.bin"), "--threshold", "0", "--beam", "0", "--out", dir.File("z.bin"));
        Assert.Equal(2, zero.Exit);
        Assert.Contains("--beam", zero.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Autoparse_writes_parsed_sentences_from_every_third_document_and_skips_bad_lines()
    {
        // Given a corpus of six documents, one of them not JSON, and a second corpus
        using var dir = new TempDir();
        var a = dir.File("a.jsonl");
        var b = dir.File("b.jsonl");
        File.WriteAllLines(a, [
            """{"text": "The foreign minister of France met his counterpart from Iran in Paris on Monday."}""",
            "not json at all",
            """{"text": "Sanctions against the regime were extended by the council for another six months."}""",
        ]);
        File.WriteAllLines(b, [
            """{"text": "Short one."}""",
            """{"text": "The president signed a new trade agreement with the neighbouring state last week."}""",
            """{"title": "no text here"}""",
        ]);

        // When parts 0 and 1 are parsed (documents are read in turn: a1 b1 a2 b2 a3 b3)
        var part0 = CliRunner.Run("train", "autoparse", "--corpus", a, "--corpus", b, "--part", "0", "--out", dir.File("p0.conllu"));
        var part1 = CliRunner.Run("train", "autoparse", "--corpus", a, "--corpus", b, "--part", "1", "--out", dir.File("p1.conllu"));
        var part2 = CliRunner.Run("train", "autoparse", "--corpus", a, "--corpus", b, "--part", "2", "--out", dir.File("p2.conllu"));
        var bad = CliRunner.Run("train", "autoparse", "--corpus", a, "--part", "3", "--out", dir.File("x.conllu"));

        // Then part 0 holds documents a1 and b2, part 1 b1 and a3, part 2 a2 (not JSON: named) and b3; each tree is whole
        Assert.Equal(0, part0.Exit);
        var p0 = ConlluReader.ReadFile(dir.File("p0.conllu"));
        Assert.Equal(2, p0.Count);
        Assert.Equal("France", p0[0].Words[4].Form);
        Assert.Equal("president", p0[1].Words[1].Form);
        foreach (var s in p0)
        {
            Assert.Single(s.Words, w => w.Head == 0);
            Assert.All(s.Words, w => Assert.InRange(w.Head, 0, s.Words.Length));
        }

        Assert.Equal(0, part1.Exit);
        Assert.Equal(0, part2.Exit);
        Assert.Contains("a.jsonl line 2", part2.Err, StringComparison.Ordinal);
        Assert.Empty(ConlluReader.ReadFile(dir.File("p2.conllu")));
        var p1 = ConlluReader.ReadFile(dir.File("p1.conllu"));
        Assert.Single(p1); // "Short one." is under six words; the title-only document has no text
        Assert.Equal("Sanctions", p1[0].Words[0].Form);
        Assert.Equal(2, bad.Exit);
    }
}
