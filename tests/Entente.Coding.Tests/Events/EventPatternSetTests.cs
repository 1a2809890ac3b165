using Entente.Coding.Actors;
using Entente.Coding.Events;
using Entente.Core;
using Entente.Core.Ontology;

namespace Entente.Coding.Tests.Events;

public sealed class EventPatternSetTests
{
    private const string Classes = "# test classes\n@weapons\tweapon|arms|tank|fighter jet\n@aid\taid|humanitarian aid\n";

    // Verbs whose past tense the lemmatizer does not yet reduce to the base form (expelled → "expell", acceded → "acced",
    // severed → "severe"): the patterns keep the true lemma; remove an entry when the lemmatizer learns it.
    private static readonly HashSet<string> LemmatizerGaps = new(StringComparer.Ordinal)
    {
    };

    private static EventPatternSet Default => EventPatternSet.Default;

    private static EventPatternSet LoadOne(string line) =>
        EventPatternSet.Load(new StringReader(line), "patterns.jsonl", new StringReader(Classes), "classes.tsv", CameoOntology.Default);

    public static TheoryData<string> PatternIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var p in Default.Patterns)
            {
                data.Add(p.Id);
            }

            return data;
        }
    }

    [Fact]
    public void The_default_set_loads()
    {
        Assert.NotEmpty(Default.Patterns);
        Assert.NotEmpty(Default.Classes);
    }

    [Fact]
    public void Every_one_of_the_20_roots_is_covered()
    {
        var roots = Default.Patterns.Select(p => p.Code[..2]).ToHashSet(StringComparer.Ordinal);

        for (var root = 1; root <= 20; root++)
        {
            Assert.Contains(root.ToString("00", System.Globalization.CultureInfo.InvariantCulture), roots);
        }
    }

    [Fact]
    public void At_least_250_distinct_CAMEO_codes_are_covered()
    {
        var codes = Default.Patterns.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count();

        Assert.True(codes >= 250, $"{codes} codes");
    }

    [Theory]
    [MemberData(nameof(PatternIds))]
    public void Every_pattern_has_its_own_example_naming_the_expected_actors(string id)
    {
        // Given a pattern of the default set
        var pattern = Default.Patterns.Single(p => p.Id == id);
        Assert.NotNull(pattern.Expect);

        // When the actor resolver reads its example
        var mentions = ActorResolver.Default.Resolve(pattern.Example, new DateOnly(2024, 6, 1));
        var actors = mentions.SelectMany(m => new[] { m.Code, m.Country }).OfType<string>().ToHashSet(StringComparer.Ordinal);

        // Then both sides of the expected event are among them
        var sides = pattern.Expect!.Split('>');
        Assert.True(actors.Contains(sides[0]), $"{id}: source {sides[0]} not found in \"{pattern.Example}\" ({string.Join(", ", actors)})");
        Assert.True(actors.Contains(sides[1]), $"{id}: target {sides[1]} not found in \"{pattern.Example}\" ({string.Join(", ", actors)})");
    }

    [Theory]
    [MemberData(nameof(PatternIds))]
    public void Every_example_uses_its_predicate_as_the_lemmatizer_sees_it(string id)
    {
        // Given a pattern and the inflected forms the lemmatizer may meet in its example
        var pattern = Default.Patterns.Single(p => p.Id == id);
        if (LemmatizerGaps.Contains(pattern.Lemma))
        {
            return;
        }

        var (upos, tags) = pattern.Kind == PredicateKind.Verb
            ? ("VERB", new[] { "VBD", "VBZ", "VBN", "VBG", "VB", "VBP" })
            : ("NOUN", new[] { "NN", "NNS" });
        var words = pattern.Example.Split([' ', ',', '.', '\'', '’'], StringSplitOptions.RemoveEmptyEntries);

        // When each word is lemmatised with those tags
        var lemmas = words.SelectMany(w => tags.Select(t => Entente.Nlp.Lemmatization.Lemmatizer.Default.Lemmatize(w.ToLowerInvariant(), upos, t)));

        // Then the pattern's lemma is among them
        Assert.Contains(pattern.Lemma, lemmas);
    }

    [Theory]
    [MemberData(nameof(PatternIds))]
    public void An_example_of_a_prepositional_target_holds_the_preposition(string id)
    {
        var pattern = Default.Patterns.Single(p => p.Id == id);
        if (pattern.Target is "obj" or "iobj")
        {
            return;
        }

        var words = pattern.Example.ToLowerInvariant().Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains(pattern.Target, words);
    }

    [Fact]
    public void Examples_are_not_shared_between_patterns()
    {
        var shared = Default.Patterns.GroupBy(p => p.Example, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(shared);
    }

    [Fact]
    public void Object_classes_decide_the_code_of_supply()
    {
        var supply = Default.ForLemma("supply", PredicateKind.Verb);

        Assert.Contains(supply, p => p.Code == "072" && p.Objects.Contains("tank") && p.Target == "to");
        Assert.Contains(supply, p => p.Code == "061" && p.Objects.Contains("gas"));
        Assert.Contains(supply, p => p.Code == "073" && p.Objects.Contains("humanitarian aid"));
    }

    [Fact]
    public void Lookup_by_lemma_separates_verbs_from_nouns()
    {
        Assert.All(Default.ForLemma("visit", PredicateKind.Noun), p => Assert.Equal(PredicateKind.Noun, p.Kind));
        Assert.Contains(Default.ForLemma("visit", PredicateKind.Verb), p => p.Code == "042" && p.Target == "obj");
        Assert.Empty(Default.ForLemma("no-such-lemma", PredicateKind.Verb));
    }

    [Fact]
    public void A_line_with_defaults_loads_with_verb_and_obj()
    {
        var set = LoadOne("# comment\n\n// another\n{\"id\":\"visit\",\"lemma\":\"visit\",\"code\":\"042\",\"example\":\"Modi visited Kyiv.\",\"expect\":\"IND>UKR\"}");

        var p = Assert.Single(set.Patterns);
        Assert.Equal(PredicateKind.Verb, p.Kind);
        Assert.Equal("obj", p.Target);
        Assert.Empty(p.Objects);
        Assert.Equal(4, p.Line);
    }

    [Fact]
    public void An_object_class_is_expanded_and_literal_lemmas_are_kept()
    {
        var set = LoadOne("{\"id\":\"s\",\"lemma\":\"supply\",\"object\":\"@weapons|ammunition\",\"target\":\"to\",\"code\":\"072\",\"example\":\"x\",\"expect\":\"POL>UKR\"}");

        Assert.Equal(["weapon", "arms", "tank", "fighter jet", "ammunition"], set.Patterns[0].Objects.ToArray());
    }

    [Theory]
    [InlineData("{\"id\":\"a\",\"lemma\":\"supply\",\"code\":\"0999\",\"example\":\"x\"}", "patterns.jsonl:1: unknown CAMEO code 0999")]
    [InlineData("{\"id\":\"a\",\"lemma\":\"supply\",\"object\":\"@tanks\",\"code\":\"072\",\"example\":\"x\"}", "patterns.jsonl:1: unknown class @tanks")]
    [InlineData("{\"id\":\"a\",\"lemma\":\"supply\",\"target\":\"beside\",\"code\":\"072\",\"example\":\"x\"}", "patterns.jsonl:1: bad target 'beside'")]
    [InlineData("{\"id\":\"a\",\"lemma\":\"supply\",\"code\":\"072\"}", "patterns.jsonl:1: missing example")]
    [InlineData("{\"id\":\"a\",\"lemma\":\"supply\",\"code\":\"072\",\"example\":\"  \"}", "patterns.jsonl:1: missing example")]
    [InlineData("{\"id\":\"a\",\"lemma\":\"supply\",\"code\":\"072\",\"example\":\"x\"", "patterns.jsonl:1: malformed JSON")]
    [InlineData("{\"id\":\"a\",\"lemma\":\"Supply\",\"code\":\"072\",\"example\":\"x\"}", "patterns.jsonl:1: lemma 'Supply'")]
    [InlineData("{\"id\":\"a\",\"lemma\":\"supply\",\"pos\":\"adj\",\"code\":\"072\",\"example\":\"x\"}", "patterns.jsonl:1: pos 'adj'")]
    [InlineData("{\"id\":\"a\",\"lemma\":\"supply\",\"code\":\"072\",\"example\":\"x\",\"expect\":\"Poland>UKR\"}", "patterns.jsonl:1: expect 'Poland>UKR'")]
    [InlineData("{\"id\":\"a\",\"lemma\":\"supply\",\"code\":\"072\",\"example\":\"x\",\"colour\":\"red\"}", "patterns.jsonl:1: unknown key 'colour'")]
    [InlineData("{\"id\":\"a\",\"lemma\":\"supply\",\"code\":\"072\",\"example\":\"x\"}\n{\"id\":\"a\",\"lemma\":\"give\",\"code\":\"070\",\"example\":\"y\"}", "patterns.jsonl:2: duplicate id 'a' (first on line 1)")]
    [InlineData("{\"id\":\"a\",\"lemma\":\"supply\",\"code\":\"072\",\"example\":\"x\"}\n{\"id\":\"b\",\"lemma\":\"supply\",\"code\":\"070\",\"example\":\"y\"}", "patterns.jsonl:2: same predicate, target and objects as 'a' (line 1)")]
    public void A_malformed_pattern_is_reported_with_file_and_line(string patterns, string message)
    {
        var error = Assert.Throws<DataFileException>(() => LoadOne(patterns));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.MalformedEventPattern, error.Code);
    }

    [Theory]
    [InlineData("@weapons\ttank\n@weapons\tgun\n", "classes.tsv:2: class @weapons is defined twice")]
    [InlineData("# c\nweapons\ttank\n", "classes.tsv:2: 'weapons' is not a class name")]
    [InlineData("@weapons\ttank|Gun\n", "classes.tsv:1: 'Gun' is not a lower-case lemma")]
    [InlineData("@arms\t@weapons|gun\n", "classes.tsv:1: unknown class @weapons")]
    [InlineData("@weapons\ttank gun\textra\n", "classes.tsv:1: expected 2 tab-separated columns")]
    public void A_malformed_class_line_is_reported_with_file_and_line(string classes, string message)
    {
        var error = Assert.Throws<DataFileException>(() => EventPatternSet.Load(
            new StringReader(""), "patterns.jsonl", new StringReader(classes), "classes.tsv", CameoOntology.Default));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
