using CsCheck;
using Entente.Nlp.Tokenization;

namespace Entente.Nlp.Tests.Tokenization;

public sealed class TokenizerPropertyTests
{
    private static readonly string[] Fragments =
    [
        "Pakistan", "'s", "’s", "n't", "U.S.", "Gen.", "Mr", ".", "..", "...", "…", "?!", "\"", "“", "”", "„", "«", "»", "‘", "’",
        "—", "–", "―", "-", "--", "$", "33bn", "1,500", "3.5", "5%", "Mi-35", "e-mail", "http://", "www.", "@", "a@b.c", " ",
        "\u00a0", "\n", "\n\n", "\t", "\0", "\u200b", "Москва", "مرحبا", "北京", "\U0001F600", "\ud800", "\udc00", "cannot", "can't",
        "x", "I", "(", ")", ":)", ",", ";", ":", "/", "&", "_", "'", "`", "0", "9",
    ];

    private static readonly Gen<string> Texts = Gen.Frequency(
        (4, Gen.OneOf(Fragments.Select(f => Gen.Const(f)).ToArray()).Array[0, 40].Select(string.Concat)),
        (1, Gen.String),
        (1, Gen.String["aZ09 .,'’\"“”-–—…$%@:/\u00a0\n\0\ud83d\ude00"]));

    [Fact]
    public void Tokens_are_in_bounds_ordered_non_overlapping_and_equal_to_their_slice()
    {
        Texts.Sample(text =>
        {
            var tokens = Tokenizer.Default.Tokenize(text);
            int previousEnd = 0;
            foreach (var t in tokens)
            {
                Assert.True(t.Start >= previousEnd, $"token [{t.Start},{t.End}) overlaps or goes back");
                Assert.True(t.End > t.Start && t.End <= text.Length, $"token [{t.Start},{t.End}) out of bounds");
                Assert.Equal(text[t.Start..t.End], t.Text);
                previousEnd = t.End;
            }
        }, iter: 3000);
    }

    [Fact]
    public void Segmenting_any_text_never_throws_and_keeps_every_printable_character()
    {
        Texts.Sample(text =>
        {
            var result = Segmenter.Default.Segment(text);
            var tokens = result.Sentences.SelectMany(s => s.Tokens).ToList();
            int covered = tokens.Sum(t => t.Length);
            int printable = text.Count(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && c is not ('\u200b' or '\u200c' or '\u200d' or '\u2060' or '\ufeff'));
            Assert.Equal(printable, covered);
            for (int i = 1; i < tokens.Count; i++)
            {
                Assert.True(tokens[i].Start >= tokens[i - 1].End);
            }
        }, iter: 2000);
    }
}
