using System.Text.Json;

namespace Entente.Cli.Tests;

public sealed class CliTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("nlp", "--help")]
    [InlineData("nlp", "parse", "--help")]
    [InlineData("nlp", "eval", "--help")]
    [InlineData("train", "--help")]
    [InlineData("train", "tagger", "--help")]
    [InlineData("train", "parser", "--help")]
    public void Every_command_prints_help_and_exits_zero(params string[] args)
    {
        var (exit, output, _) = CliRunner.Run(args);
        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("nlp", "eval")]
    [InlineData("nlp", "parse", "--format", "xml", "Text")]
    [InlineData("train", "tagger", "--train", "a.conllu")]
    public void Usage_errors_exit_with_two_and_explain_on_stderr(params string[] args)
    {
        var (exit, _, err) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("entente: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_prints_conllu_whose_offsets_slice_back_to_the_input()
    {
        const string text = "The foreign minister said Russia would supply gas to Pakistan. Talks begin in Moscow on Monday.";
        var (exit, output, _) = CliRunner.Run("nlp", "parse", text);

        Assert.Equal(0, exit);
        var sentences = output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, sentences.Length);
        foreach (var sentence in sentences)
        {
            var rows = sentence.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
            Assert.Single(rows, r => r[6] == "0");
            foreach (var r in rows)
            {
                var range = r[9]["TokenRange=".Length..].Split(':').Select(int.Parse).ToArray();
                Assert.Equal(r[1], text[range[0]..range[1]]);
                Assert.InRange(int.Parse(r[6]), 0, rows.Count);
            }
        }

        Assert.Contains("\tsupply\t", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_as_json_gives_tokens_with_offsets_tags_and_heads()
    {
        var (exit, output, _) = CliRunner.Run("nlp", "parse", "--format", "json", "Poland sent tanks to Ukraine.");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var tokens = json.RootElement.GetProperty("sentences")[0].GetProperty("tokens");
        Assert.Equal(6, tokens.GetArrayLength());
        var sent = tokens[1];
        Assert.Equal("sent", sent.GetProperty("form").GetString());
        Assert.Equal(7, sent.GetProperty("start").GetInt32());
        Assert.Equal("VERB", sent.GetProperty("upos").GetString());
        Assert.Equal("send", sent.GetProperty("lemma").GetString());
        Assert.Equal(0, sent.GetProperty("head").GetInt32());
        Assert.Equal("root", sent.GetProperty("deprel").GetString());
    }

    [Fact]
    public void Parse_reads_standard_input_when_given_a_dash()
    {
        var (exit, output, _) = CliRunner.RunWithInput("Ministers met.", "nlp", "parse", "-");
        Assert.Equal(0, exit);
        Assert.Contains("# text = Ministers met.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_input_gives_no_sentences_and_a_diagnostic()
    {
        var (exit, output, err) = CliRunner.RunWithInput("   \n  ", "nlp", "parse");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("ENT001", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_reported_not_thrown()
    {
        using var dir = new TempDir();
        var path = dir.File("image.bin");
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        File.WriteAllBytes(path, bytes);

        var (exit, _, err) = CliRunner.Run("nlp", "parse", path);

        Assert.Equal(0, exit);
        Assert.Contains("image.bin", err, StringComparison.Ordinal);
        Assert.Contains("ENT002", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_reported_and_the_valid_text_is_still_parsed()
    {
        using var dir = new TempDir();
        var path = dir.File("latin1.txt");
        var bytes = System.Text.Encoding.UTF8.GetBytes("Sanctions were lifted in ").Concat(new byte[] { 0xC0, 0xFF }).Concat(
            System.Text.Encoding.UTF8.GetBytes(" March.")).ToArray();
        File.WriteAllBytes(path, bytes);

        var (exit, output, err) = CliRunner.Run("nlp", "parse", path);

        Assert.Equal(0, exit);
        Assert.Contains("ENT003", err, StringComparison.Ordinal);
        Assert.Contains("\tSanctions\t", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Eval_prints_every_score_as_one_json_object(bool accurate)
    {
        using var dir = new TempDir();
        var path = dir.File("small.conllu");
        File.WriteAllText(path, SmallTreebank.Text);

        var (exit, output, _) = accurate
            ? CliRunner.Run("nlp", "eval", "--treebank", path, "--json", "--accurate")
            : CliRunner.Run("nlp", "eval", "--treebank", path, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("sentences").GetInt32());
        Assert.Equal(15, root.GetProperty("tokens").GetInt32());
        foreach (var key in new[] { "upos", "xpos", "lemma", "uas", "las", "token_f1", "sentence_f1" })
        {
            Assert.InRange(root.GetProperty(key).GetDouble(), 0.5, 1.0);
        }

        Assert.True(root.GetProperty("tokens_per_second").GetDouble() > 0);
        Assert.Equal(accurate ? "accurate" : "fast", root.GetProperty("mode").GetString());
    }

    [Fact]
    public void Eval_of_a_malformed_treebank_fails_naming_the_line()
    {
        using var dir = new TempDir();
        var path = dir.File("broken.conllu");
        File.WriteAllText(path, SmallTreebank.Text.Replace("3\tgas\tgas\tNOUN\tNN\t_\t2\tobj", "3\tgas\tgas\tNOUN\tNN\t_\ttwo\tobj", StringComparison.Ordinal));

        var (exit, _, err) = CliRunner.Run("nlp", "eval", "--treebank", path);

        Assert.Equal(1, exit);
        Assert.Contains("broken.conllu:7:", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_of_a_missing_file_fails_with_exit_one()
    {
        var (exit, _, err) = CliRunner.Run("nlp", "eval", "--treebank", "/nonexistent/none.conllu");
        Assert.Equal(1, exit);
        Assert.Contains("none.conllu", err, StringComparison.Ordinal);
    }
}
