using Entente.Nlp.Conllu;

namespace Entente.Nlp.Tests.Conllu;

public sealed class ConlluReaderTests
{
    private const string TwoSentences =
        "# newdoc id = wire-1\n" +
        "# newpar id = wire-1-p1\n" +
        "# sent_id = 1\n" +
        "# text = Poland cannot wait.\n" +
        "1\tPoland\tPoland\tPROPN\tNNP\tNumber=Sing\t3\tnsubj\t_\t_\n" +
        "2-3\tcannot\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tcan\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n" +
        "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
        "4\twait\twait\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n" +
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n" +
        "\n" +
        "# sent_id = 2\n" +
        "# text = Aid arrived.\n" +
        "1\tAid\taid\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n" +
        "2\tarrived\tarrive\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n" +
        "2.1\tgot\tget\tVERB\tVBD\t_\t_\t_\t_\t_\n" +
        "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n";

    [Fact]
    public void Reads_words_multiword_tokens_and_metadata()
    {
        var sentences = ConlluReader.Read(new StringReader(TwoSentences), "two.conllu").ToList();

        Assert.Equal(2, sentences.Count);
        var first = sentences[0];
        Assert.True(first.NewDoc);
        Assert.True(first.NewPar);
        Assert.Equal("Poland cannot wait.", first.Text);
        Assert.Equal(new[] { "Poland", "can", "not", "wait", "." }, first.Forms());
        Assert.Equal(new ConlluMultiword(2, 3, "cannot", "_"), first.Multiwords.Single());
        Assert.False(first.Words[3].SpaceAfter);
        Assert.Equal(0, first.Words[3].Head);
        Assert.False(sentences[1].NewDoc);
    }

    [Fact]
    public void Empty_nodes_of_the_enhanced_graph_are_skipped()
    {
        var second = ConlluReader.Read(new StringReader(TwoSentences), "two.conllu").Last();
        Assert.Equal(new[] { "Aid", "arrived", "." }, second.Forms());
    }

    [Theory]
    [InlineData("1\tSanctions\tsanction\tNOUN\tNNS\t_\t0\troot\t_\n", 1, "expected 10 tab-separated columns")]
    [InlineData("1\tSanctions\tsanction\tNOUN\tNNS\t_\t0\troot\t_\t_\n3\tbite\tbite\tVERB\tVBP\t_\t1\tdep\t_\t_\n", 2, "out of sequence")]
    [InlineData("1\tSanctions\tsanction\tNOUN\tNNS\t_\tX\troot\t_\t_\n", 1, "is not a number")]
    [InlineData("# text = x\n1\tSanctions\tsanction\tNOUN\tNNS\t_\t7\troot\t_\t_\n", 1, "beyond the sentence length")]
    [InlineData("# only a comment\n\n", 2, "no word lines")]
    public void Malformed_input_names_the_file_and_line(string text, int line, string reason)
    {
        var e = Assert.Throws<ConlluFormatException>(() => ConlluReader.Read(new StringReader(text), "bad.conllu").ToList());
        Assert.Equal("bad.conllu", e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.conllu:{line}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_final_blank_line_still_yields_its_last_sentence()
    {
        var text = "1\tTalks\ttalk\tNOUN\tNNS\t_\t0\troot\t_\t_";
        Assert.Single(ConlluReader.Read(new StringReader(text), "x.conllu"));
    }
}
