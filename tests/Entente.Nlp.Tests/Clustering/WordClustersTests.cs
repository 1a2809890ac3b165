using Entente.Nlp.Clustering;
using Entente.Nlp.Parsing;
using Entente.Nlp.Tests.Parsing;

namespace Entente.Nlp.Tests.Clustering;

public class WordClustersTests
{
    private static readonly string[] Countries = ["France", "Iran", "Syria", "Russia", "China", "Turkey"];
    private static readonly string[] Verbs = ["signed", "rejected", "welcomed", "criticised", "drafted"];

    private static readonly WordClusterOptions Small = new(MinCount: 1, ContextWords: 40, Dimensions: 64, Coarse: 3, FinePerCoarse: 3, Iterations: 10, Seed: 2);

    /// <summary>News-like sentences in which every country and every verb occurs in exactly the same contexts.</summary>
    private static List<IReadOnlyList<string>> Corpus()
    {
        var sentences = new List<IReadOnlyList<string>>();
        foreach (var v in Verbs)
        {
            foreach (var c in Countries)
            {
                sentences.Add(["The", "minister", v, "the", "treaty", "with", c, "."]);
                sentences.Add(["Officials", v, "a", "deal", "on", "aid", "to", c, "in", "2024", "."]);
            }
        }

        return sentences;
    }

    private static byte[] Bytes(Action<Stream> save)
    {
        using var ms = new MemoryStream();
        save(ms);
        return ms.ToArray();
    }

    [Fact]
    public void Words_used_in_the_same_contexts_share_a_cluster_and_the_two_groups_differ()
    {
        var clusters = WordClusterTrainer.Train(Corpus(), Small, null);

        Assert.True(clusters.TryGet("France", out var franceCoarse, out var franceFine));
        foreach (var c in Countries)
        {
            Assert.True(clusters.TryGet(c, out var coarse, out var fine));
            Assert.Equal((franceCoarse, franceFine), (coarse, fine));
        }

        Assert.True(clusters.TryGet("signed", out _, out var signedFine));
        foreach (var v in Verbs)
        {
            Assert.True(clusters.TryGet(v, out _, out var fine));
            Assert.Equal(signedFine, fine);
        }

        Assert.NotEqual(franceFine, signedFine);
    }

    [Fact]
    public void Lookup_ignores_case_and_folds_digits_and_unknown_words_are_absent()
    {
        var clusters = WordClusterTrainer.Train(Corpus(), Small, null);

        Assert.True(clusters.TryGet("FRANCE", out _, out var upper));
        Assert.True(clusters.TryGet("france", out _, out var lower));
        Assert.Equal(upper, lower);
        Assert.True(clusters.TryGet("1999", out _, out _)); // "2024" was seen: both are "0000"
        Assert.False(clusters.TryGet("Kyrgyzstan", out var c, out var f));
        Assert.Equal((0, 0), (c, f));
    }

    [Fact]
    public void Training_twice_gives_identical_bytes_and_save_then_load_keeps_them()
    {
        var first = WordClusterTrainer.Train(Corpus(), Small, null);
        var second = WordClusterTrainer.Train(Corpus(), Small, null);
        var bytes = Bytes(first.Save);

        Assert.Equal(bytes, Bytes(second.Save));
        var loaded = WordClusters.Load(new MemoryStream(bytes), "clusters.bin");
        Assert.Equal(bytes, Bytes(loaded.Save));
        Assert.Equal(first.Fingerprint, loaded.Fingerprint);
        Assert.Equal(first.Count, loaded.Count);
    }

    [Fact]
    public void Loading_garbage_or_a_truncated_table_names_the_file()
    {
        var e = Assert.Throws<InvalidDataException>(() => WordClusters.Load(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8, 9]), "broken.bin"));
        Assert.Contains("broken.bin", e.Message, StringComparison.Ordinal);

        var bytes = Bytes(WordClusterTrainer.Train(Corpus(), Small, null).Save);
        var cut = Assert.Throws<InvalidDataException>(() => WordClusters.Load(new MemoryStream(bytes[..(bytes.Length / 2)]), "cut.bin"));
        Assert.Contains("cut.bin", cut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parser_trained_with_clusters_saves_their_fingerprint_and_refuses_another_table()
    {
        var clusters = WordClusterTrainer.Train(Corpus(), Small, null);
        var parser = DependencyParser.Train(NewsTreebank.Sentences, null, new ParserOptions(Epochs: 6, Prune: 0f, Clusters: clusters), null);
        var bytes = Bytes(parser.Save);

        var loaded = DependencyParser.Load(new MemoryStream(bytes), "clustered.bin", clusters);

        Assert.Same(clusters, loaded.Clusters);
        Assert.Equal(bytes, Bytes(loaded.Save));
        foreach (var s in NewsTreebank.Sentences)
        {
            var forms = s.Words.Select(w => w.Form).ToArray();
            var upos = s.Words.Select(w => w.Upos).ToArray();
            var xpos = s.Words.Select(w => w.Xpos).ToArray();
            Assert.Equal(parser.Parse(forms, upos, xpos).Heads, loaded.Parse(forms, upos, xpos).Heads);
            Assert.Equal(s.Words.Select(w => w.Head), loaded.Parse(forms, upos, xpos).Heads);
        }

        var other = WordClusterTrainer.Train(Corpus(), Small with { Seed = 5, Coarse = 2 }, null);
        var e = Assert.Throws<InvalidDataException>(() => DependencyParser.Load(new MemoryStream(bytes), "clustered.bin", other));
        Assert.Contains("clustered.bin", e.Message, StringComparison.Ordinal);
        Assert.Contains("word-cluster", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Committed_table_loads_and_puts_countries_together_and_apart_from_verbs()
    {
        var clusters = WordClusters.Default;

        Assert.True(clusters.Count > 10_000);
        Assert.True(clusters.TryGet("France", out var france, out _));
        Assert.True(clusters.TryGet("Germany", out var germany, out _));
        Assert.True(clusters.TryGet("announced", out var announced, out _));
        Assert.Equal(france, germany);
        Assert.NotEqual(france, announced);
    }
}

public class TaggerClusterTests
{
    private static byte[] Bytes(Action<Stream> save)
    {
        using var ms = new MemoryStream();
        save(ms);
        return ms.ToArray();
    }

    [Fact]
    public void A_tagger_trained_with_clusters_round_trips_and_refuses_another_table()
    {
        var corpus = NewsTreebank.Sentences.Select(s => (IReadOnlyList<string>)s.Words.Select(w => w.Form).ToArray()).ToList();
        var options = new WordClusterOptions(MinCount: 1, ContextWords: 30, Dimensions: 32, Coarse: 4, FinePerCoarse: 2, Seed: 3);
        var clusters = WordClusterTrainer.Train(corpus, options, null);
        var tagger = Entente.Nlp.Tagging.PosTagger.Train(NewsTreebank.Sentences, null, new Entente.Nlp.Tagging.TaggerOptions(Epochs: 4, Clusters: clusters), null);
        var bytes = Bytes(tagger.Save);

        var loaded = Entente.Nlp.Tagging.PosTagger.Load(new MemoryStream(bytes), "tagger.bin", clusters);

        Assert.Same(clusters, loaded.Clusters);
        Assert.Equal(bytes, Bytes(loaded.Save));
        var words = NewsTreebank.Sentences[0].Words.Select(w => w.Form).ToArray();
        Assert.Equal(tagger.Tag(words).Xpos, loaded.Tag(words).Xpos);
        Assert.Equal(NewsTreebank.Sentences[0].Words.Select(w => w.Xpos), loaded.Tag(words).Xpos);

        var other = WordClusterTrainer.Train(corpus, options with { Seed = 9, Coarse = 3 }, null);
        var e = Assert.Throws<InvalidDataException>(() => Entente.Nlp.Tagging.PosTagger.Load(new MemoryStream(bytes), "tagger.bin", other));
        Assert.Contains("tagger.bin", e.Message, StringComparison.Ordinal);
    }
}
