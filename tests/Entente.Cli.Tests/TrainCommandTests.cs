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
}
