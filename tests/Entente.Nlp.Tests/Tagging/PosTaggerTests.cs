using System.Diagnostics;
using Entente.Nlp.Tagging;

namespace Entente.Nlp.Tests.Tagging;

public class PosTaggerTests
{
    private static readonly TaggerOptions Small = new(Epochs: 8, Prune: 0f);

    private static byte[] Bytes(PosTagger tagger)
    {
        using var ms = new MemoryStream();
        tagger.Save(ms);
        return ms.ToArray();
    }

    private static string[] Words(string sentence) => sentence.Split(' ');

    // Key words of news sentences and the tags the shipped model must give them.
    public static TheoryData<string, int, string, string> NewsSentences() => new()
    {
        { "The minister said sanctions would hurt exports .", 1, "NOUN", "NN" },
        { "The minister said sanctions would hurt exports .", 2, "VERB", "VBD" },
        { "The minister said sanctions would hurt exports .", 3, "NOUN", "NNS" },
        { "The minister said sanctions would hurt exports .", 4, "AUX", "MD" },
        { "The minister said sanctions would hurt exports .", 5, "VERB", "VB" },
        { "Russia imposed new sanctions on Iran on Monday .", 0, "PROPN", "NNP" },
        { "Russia imposed new sanctions on Iran on Monday .", 1, "VERB", "VBD" },
        { "Russia imposed new sanctions on Iran on Monday .", 2, "ADJ", "JJ" },
        { "The United States will send humanitarian aid to Gaza .", 3, "AUX", "MD" },
        { "The United States will send humanitarian aid to Gaza .", 4, "VERB", "VB" },
        { "The United States will send humanitarian aid to Gaza .", 6, "NOUN", "NN" },
        { "Police have arrested dozens of protesters in Tehran .", 2, "VERB", "VBN" },
        { "Police have arrested dozens of protesters in Tehran .", 5, "NOUN", "NNS" },
        { "The talks have collapsed .", 1, "NOUN", "NNS" },
        { "The talks have collapsed .", 3, "VERB", "VBN" },
    };

    [Theory]
    [MemberData(nameof(NewsSentences))]
    public void Default_tagger_tags_key_words_of_news_sentences(string sentence, int index, string upos, string xpos)
    {
        var result = PosTagger.Default.Tag(Words(sentence));

        Assert.Equal((upos, xpos), (result.Upos[index], result.Xpos[index]));
    }

    [Fact]
    public void Tagging_from_many_threads_gives_the_same_tags_as_from_one()
    {
        var sentences = NewsSentences().Select(row => Words((string)row[0])).ToArray();
        var expected = sentences.Select(PosTagger.Default.Tag).ToArray();

        var actual = new TagResult[sentences.Length * 8];
        Parallel.For(0, actual.Length, i => actual[i] = PosTagger.Default.Tag(sentences[i % sentences.Length]));

        for (int i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % sentences.Length], actual[i], TagResultComparer.Instance);
        }
    }

    [Fact]
    public void Empty_sentence_gives_empty_result()
    {
        var result = PosTagger.Default.Tag([]);

        Assert.Empty(result.Upos);
        Assert.Empty(result.Xpos);
    }

    [Fact]
    public void Odd_words_get_a_tag_without_failing()
    {
        var words = new[] { new string('x', 5000), "Путин", "习近平", "", "ـ", "🙂", "a-b-c-d-e-f", "1,234.5" };

        var result = PosTagger.Default.Tag(words);

        Assert.Equal(words.Length, result.Count);
        Assert.All(result.Upos, u => Assert.False(string.IsNullOrEmpty(u)));
    }

    [Fact]
    public void Trained_tagger_reproduces_its_training_sentences()
    {
        var train = TinyTreebank.Sentences();

        var tagger = PosTagger.Train(train, null, Small, null);

        foreach (var s in train)
        {
            var r = tagger.Tag(s.Forms());
            Assert.Equal(s.Words.Select(w => w.Upos), r.Upos);
            Assert.Equal(s.Words.Select(w => w.Xpos), r.Xpos);
        }
    }

    [Fact]
    public void Training_twice_gives_identical_model_bytes()
    {
        var train = TinyTreebank.Sentences();

        var a = Bytes(PosTagger.Train(train, null, Small, null));
        var b = Bytes(PosTagger.Train(train, null, Small, null));

        Assert.Equal(a, b);
    }

    [Fact]
    public void Save_then_load_gives_identical_tags_and_identical_bytes()
    {
        var train = TinyTreebank.Sentences();
        var tagger = PosTagger.Train(train, null, Small, null);
        var bytes = Bytes(tagger);

        var loaded = PosTagger.Load(new MemoryStream(bytes), "tiny-tagger.bin");

        Assert.Equal(bytes, Bytes(loaded));
        var sample = Words("The minister rejected new sanctions on France .");
        Assert.Equal(tagger.Tag(sample), loaded.Tag(sample), TagResultComparer.Instance);
    }

    [Fact]
    public void Corrupt_tagger_file_gives_InvalidDataException_naming_the_file()
    {
        var bytes = Bytes(PosTagger.Train(TinyTreebank.Sentences(), null, Small, null));
        bytes[bytes.Length / 2] ^= 0x5A;
        bytes[(bytes.Length / 2) + 1] ^= 0xA5;

        var truncated = Assert.Throws<InvalidDataException>(() => PosTagger.Load(new MemoryStream(bytes[..(bytes.Length / 3)]), "cut-tagger.bin"));
        var garbage = Assert.Throws<InvalidDataException>(() => PosTagger.Load(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]), "junk-tagger.bin"));

        Assert.Contains("cut-tagger.bin", truncated.Message, StringComparison.Ordinal);
        Assert.Contains("junk-tagger.bin", garbage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jackknife_tags_every_sentence_with_a_tagger_that_did_not_see_it()
    {
        var train = TinyTreebank.Sentences();

        var tags = PosTagger.Jackknife(train, 3, Small, null);

        Assert.Equal(train.Count, tags.Count);
        for (int i = 0; i < train.Count; i++)
        {
            Assert.Equal(train[i].Words.Length, tags[i].Count);
        }
    }

    [Fact]
    public void Single_pass_tagger_also_works()
    {
        var train = TinyTreebank.Sentences();

        var tagger = PosTagger.Train(train, null, Small with { TwoPass = false }, null);
        var loaded = PosTagger.Load(new MemoryStream(Bytes(tagger)), "one-pass.bin");

        Assert.Equal("VBD", loaded.Tag(Words("Iran rejected the proposal .")).Xpos[1]);
    }

    private sealed class TagResultComparer : IEqualityComparer<TagResult>
    {
        public static readonly TagResultComparer Instance = new();

        public bool Equals(TagResult? x, TagResult? y) =>
            x is not null && y is not null && x.Upos.SequenceEqual(y.Upos) && x.Xpos.SequenceEqual(y.Xpos);

        public int GetHashCode(TagResult obj) => obj.Count;
    }
}
