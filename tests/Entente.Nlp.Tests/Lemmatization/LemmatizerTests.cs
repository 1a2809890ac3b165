using Entente.Nlp.Lemmatization;
using Entente.Nlp.Tests.Tagging;

namespace Entente.Nlp.Tests.Lemmatization;

public class LemmatizerTests
{
    // A lemmatiser with no lexicon and no vocabulary: the rules alone.
    private static readonly Lemmatizer RulesOnly = Lemmatizer.Train([]);

    private static byte[] Bytes(Lemmatizer lemmatizer)
    {
        using var ms = new MemoryStream();
        lemmatizer.Save(ms);
        return ms.ToArray();
    }

    public static TheoryData<string, string, string, string> ShippedLemmas() => new()
    {
        // irregular verbs
        { "went", "VERB", "VBD", "go" },
        { "was", "AUX", "VBD", "be" },
        { "is", "AUX", "VBZ", "be" },
        { "has", "AUX", "VBZ", "have" },
        { "said", "VERB", "VBD", "say" },
        { "took", "VERB", "VBD", "take" },
        { "fought", "VERB", "VBD", "fight" },
        { "withdrew", "VERB", "VBD", "withdraw" },
        // plurals
        { "sanctions", "NOUN", "NNS", "sanction" },
        { "countries", "NOUN", "NNS", "country" },
        { "taxes", "NOUN", "NNS", "tax" },
        { "children", "NOUN", "NNS", "child" },
        { "women", "NOUN", "NNS", "woman" },
        // -ed / -ing with doubling and e-restoration
        { "stopped", "VERB", "VBD", "stop" },
        { "hoped", "VERB", "VBD", "hope" },
        { "created", "VERB", "VBN", "create" },
        { "making", "VERB", "VBG", "make" },
        { "running", "VERB", "VBG", "run" },
        { "imposed", "VERB", "VBD", "impose" },
        // past forms of verbs outside the lexicon: doubled l undone in longer words, silent e restored, no adjective lemma
        { "expelled", "VERB", "VBD", "expel" },
        { "patrolled", "VERB", "VBD", "patrol" },
        { "expelling", "VERB", "VBG", "expel" },
        { "shelled", "VERB", "VBD", "shell" },
        { "forestalled", "VERB", "VBD", "forestall" },
        { "acceded", "VERB", "VBD", "accede" },
        { "conceded", "VERB", "VBD", "concede" },
        { "rebuked", "VERB", "VBD", "rebuke" },
        { "blockaded", "VERB", "VBD", "blockade" },
        { "severed", "VERB", "VBD", "sever" },
        { "loaded", "VERB", "VBD", "load" },
        { "freed", "VERB", "VBD", "free" },
        { "censured", "VERB", "VBD", "censure" },
        { "monitored", "VERB", "VBD", "monitor" },
        { "cleansed", "VERB", "VBD", "cleanse" },
        { "paused", "VERB", "VBD", "pause" },
        { "visited", "VERB", "VBD", "visit" },
        // comparatives and superlatives
        { "bigger", "ADJ", "JJR", "big" },
        { "larger", "ADJ", "JJR", "large" },
        { "better", "ADJ", "JJR", "good" },
        { "worst", "ADJ", "JJS", "bad" },
        // case: proper nouns keep it, the rest is lowercased, "I" stays
        { "The", "DET", "DT", "the" },
        { "Russia", "PROPN", "NNP", "Russia" },
        { "Ministers", "NOUN", "NNS", "minister" },
        { "me", "PRON", "PRP", "I" },
    };

    [Theory]
    [MemberData(nameof(ShippedLemmas))]
    public void Default_lemmatizer_gives_EWT_lemmas(string form, string upos, string xpos, string lemma)
    {
        Assert.Equal(lemma, Lemmatizer.Default.Lemmatize(form, upos, xpos));
    }

    public static TheoryData<string, string, string, string> RuleLemmas() => new()
    {
        { "sanctioned", "VERB", "VBD", "sanction" },
        { "embargoes", "NOUN", "NNS", "embargo" },
        { "crises", "NOUN", "NNS", "crisis" },
        { "militias", "NOUN", "NNS", "militia" },
        { "ceasefires", "NOUN", "NNS", "ceasefire" },
        { "policies", "NOUN", "NNS", "policy" },
        { "churches", "NOUN", "NNS", "church" },
        { "congressmen", "NOUN", "NNS", "congressman" },
        { "mobilized", "VERB", "VBD", "mobilize" },
        { "negotiating", "VERB", "VBG", "negotiate" },
        { "vetoed", "VERB", "VBD", "veto" },
        { "shelled", "VERB", "VBD", "shell" },
        { "planned", "VERB", "VBN", "plan" },
        { "denies", "VERB", "VBZ", "deny" },
        { "threatens", "VERB", "VBZ", "threaten" },
        { "tried", "VERB", "VBD", "try" },
        { "happier", "ADJ", "JJR", "happy" },
        { "hottest", "ADJ", "JJS", "hot" },
        { "Kyiv", "PROPN", "NNP", "Kyiv" },
        { "Afghans", "PROPN", "NNPS", "Afghan" },
        { "Sanctions", "NOUN", "NNS", "sanction" },
        { "2,500", "NUM", "CD", "2,500" },
    };

    [Theory]
    [MemberData(nameof(RuleLemmas))]
    public void Rules_lemmatize_unknown_words(string form, string upos, string xpos, string lemma)
    {
        Assert.Equal(lemma, RulesOnly.Lemmatize(form, upos, xpos));
    }

    [Fact]
    public void Learned_lexicon_wins_over_rules()
    {
        var lemmatizer = Lemmatizer.Train(TinyTreebank.Sentences());

        Assert.Equal("meet", lemmatizer.Lemmatize("met", "VERB", "VBD"));
        Assert.Equal("talk", lemmatizer.Lemmatize("talks", "NOUN", "NNS"));
        Assert.Equal("minister", lemmatizer.Lemmatize("Ministers", "NOUN", "NNS"));
    }

    [Fact]
    public void Odd_input_is_returned_sensibly()
    {
        var longWord = new string('z', 5000);

        Assert.Equal(string.Empty, Lemmatizer.Default.Lemmatize(string.Empty, "X", "FW"));
        Assert.Equal(longWord, Lemmatizer.Default.Lemmatize(longWord, "NOUN", "NN"));
        Assert.Equal("путин", Lemmatizer.Default.Lemmatize("Путин", "NOUN", "NN"));
        Assert.Equal("习近平", Lemmatizer.Default.Lemmatize("习近平", "PROPN", "NNP"));
    }

    [Fact]
    public void Save_then_load_gives_identical_lemmas_and_identical_bytes()
    {
        var lemmatizer = Lemmatizer.Train(TinyTreebank.Sentences());
        var bytes = Bytes(lemmatizer);

        var loaded = Lemmatizer.Load(new MemoryStream(bytes), "tiny-lemmas.bin");

        Assert.Equal(bytes, Bytes(loaded));
        Assert.Equal(bytes, Bytes(Lemmatizer.Train(TinyTreebank.Sentences())));
        Assert.Equal(lemmatizer.Lemmatize("sent", "VERB", "VBD"), loaded.Lemmatize("sent", "VERB", "VBD"));
    }

    [Fact]
    public void Corrupt_lemma_file_gives_InvalidDataException_naming_the_file()
    {
        var bytes = Bytes(Lemmatizer.Train(TinyTreebank.Sentences()));

        var truncated = Assert.Throws<InvalidDataException>(() => Lemmatizer.Load(new MemoryStream(bytes[..(bytes.Length / 2)]), "cut-lemmas.bin"));
        var garbage = Assert.Throws<InvalidDataException>(() => Lemmatizer.Load(new MemoryStream([9, 9, 9, 9, 9, 9, 9, 9, 9]), "junk-lemmas.bin"));

        Assert.Contains("cut-lemmas.bin", truncated.Message, StringComparison.Ordinal);
        Assert.Contains("junk-lemmas.bin", garbage.Message, StringComparison.Ordinal);
    }
}
