using System.Diagnostics;
using System.Text;
using Entente.Core;
using Entente.Nlp.Tokenization;

namespace Entente.Nlp.Tests.Tokenization;

public sealed class SegmenterTests
{
    private static string[] Codes(Entente.Nlp.Text.SegmentedText result) => result.Diagnostics.Select(d => d.Code).ToArray();

    [Fact]
    public void The_stage_is_named_segmenter_and_processes_text()
    {
        IStage<string, Entente.Nlp.Text.SegmentedText> stage = Segmenter.Default;
        Assert.Equal("segmenter", stage.Name);
        var result = stage.Process("Ankara mediated. Moscow agreed.");
        Assert.Equal(2, result.Sentences.Length);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\t \u00a0\u3000\r\n")]
    public void Empty_or_whitespace_text_gives_no_sentences_and_an_empty_text_diagnostic(string text)
    {
        var result = Segmenter.Default.Segment(text, "doc-7");
        Assert.Empty(result.Sentences);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.EmptyText, d.Code);
        Assert.Equal("doc-7", d.Subject);
    }

    [Fact]
    public void Text_with_nul_bytes_is_reported_as_binary_and_its_printable_parts_are_segmented()
    {
        var result = Segmenter.Default.Segment("Kyiv\0\0\u0001asked for aid.\0", "upload.bin");
        Assert.Contains(DiagnosticCodes.BinaryInput, Codes(result));
        Assert.Equal(["Kyiv", "asked", "for", "aid", "."], result.Sentences.SelectMany(s => s.Tokens).Select(t => t.Text));
    }

    [Fact]
    public void Pure_binary_junk_gives_no_sentences_and_a_binary_diagnostic()
    {
        var junk = new string(Enumerable.Range(0, 4096).Select(i => (char)(i % 32)).ToArray());
        var result = Segmenter.Default.Segment(junk);
        Assert.Empty(result.Sentences);
        Assert.Equal([DiagnosticCodes.BinaryInput], Codes(result));
    }

    [Fact]
    public void Random_bytes_read_as_text_never_throw()
    {
        var random = new Random(42);
        var bytes = new byte[200_000];
        random.NextBytes(bytes);
        var text = Encoding.Latin1.GetString(bytes) + Encoding.UTF8.GetString(bytes);
        var result = Segmenter.Default.Segment(text);
        Assert.Contains(DiagnosticCodes.BinaryInput, Codes(result));
        Assert.All(result.Sentences.SelectMany(s => s.Tokens), t => Assert.Equal(text[t.Start..t.End], t.Text));
    }

    [Fact]
    public void Mostly_cyrillic_text_is_reported_as_non_latin_and_still_tokenized()
    {
        var result = Segmenter.Default.Segment("Министр иностранных дел России провёл переговоры в Исламабаде. Стороны обсудили поставки.");
        Assert.Equal([DiagnosticCodes.NonLatinScript], Codes(result));
        Assert.Equal(2, result.Sentences.Length);
        Assert.Equal("Министр", result.Sentences[0].Tokens[0].Text);
    }

    [Theory]
    [InlineData("وزير الخارجية الباكستاني يزور موسكو لإجراء محادثات حول التعاون.")]
    [InlineData("巴基斯坦外交部长访问莫斯科，双方讨论了能源合作与地区安全问题。")]
    public void Arabic_and_chinese_text_is_reported_as_non_latin(string text)
    {
        var result = Segmenter.Default.Segment(text);
        Assert.Contains(DiagnosticCodes.NonLatinScript, Codes(result));
        Assert.NotEmpty(result.Sentences);
    }

    [Fact]
    public void English_text_with_a_few_foreign_names_is_not_reported()
    {
        var result = Segmenter.Default.Segment("Foreign Minister Sergei Lavrov (Сергей Лавров) arrived in Islamabad on Tuesday for talks with his counterpart.");
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void An_oversized_token_is_cut_and_reported()
    {
        var result = Segmenter.Default.Segment("The file said " + new string('x', 5000) + " and ended.");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Oversized, d.Code);
        Assert.All(result.Sentences.SelectMany(s => s.Tokens), t => Assert.True(t.Length <= Tokenizer.DefaultMaxTokenLength));
    }

    [Fact]
    public void A_50_megabyte_single_line_is_segmented_in_linear_time()
    {
        // About five million tokens on one line without final punctuation: one endless sentence, cut into pieces.
        var sb = new StringBuilder(50 * 1024 * 1024);
        while (sb.Length < 50 * 1024 * 1024)
        {
            sb.Append("humanitarian organisations negotiated ceasefire arrangements with neighbouring governments ");
        }

        var text = sb.ToString();
        var watch = Stopwatch.StartNew();
        var result = Segmenter.Default.Segment(text, "huge");
        watch.Stop();

        // A few seconds on an idle machine in Release; the generous bound tolerates Debug builds on a shared CI machine
        // and still fails for any super-linear step, which would take hours on this input.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.Equal([DiagnosticCodes.Oversized], Codes(result));
        Assert.Equal(text.Length - 1, result.Sentences[^1].End);
        Assert.All(result.Sentences, s => Assert.True(s.Tokens.Length <= SentenceSplitter.DefaultMaxSentenceTokens));
    }

    [Fact]
    public void A_50_megabyte_line_without_spaces_is_cut_into_bounded_tokens()
    {
        var text = new string('a', 50 * 1024 * 1024);
        var result = Segmenter.Default.Segment(text);
        Assert.Contains(DiagnosticCodes.Oversized, Codes(result));
        Assert.Equal(text.Length / Tokenizer.DefaultMaxTokenLength + 1, result.Sentences.Sum(s => s.Tokens.Length));
    }

    [Fact]
    public void Segmenting_is_thread_safe()
    {
        const string text = "The U.S. didn't object. Pakistan's envoy said “no.” Talks resume on Sept. 12.";
        var expected = Segmenter.Default.Segment(text).Sentences.SelectMany(s => s.Tokens).ToArray();
        Parallel.For(0, 64, _ =>
        {
            var actual = Segmenter.Default.Segment(text).Sentences.SelectMany(s => s.Tokens).ToArray();
            Assert.Equal(expected, actual);
        });
    }
}
