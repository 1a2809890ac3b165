using Entente.Nlp.Tokenization;

namespace Entente.Nlp.Tests.Tokenization;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var result = Segmenter.Default.Segment(text);
        return result.Sentences.Select(s => string.Join(" ", s.Tokens.Select(t => t.Text))).ToArray();
    }

    [Theory]
    [InlineData("Russia condemned the move. Pakistan denied it.", new[] { "Russia condemned the move .", "Pakistan denied it ." })]
    [InlineData("Will Delhi stay neutral? Nobody knows! Talks resume today.", new[] { "Will Delhi stay neutral ?", "Nobody knows !", "Talks resume today ." })]
    [InlineData("Mr. Lavrov met Gen. Munir in Islamabad. They discussed Mi-35 helicopters.", new[] { "Mr. Lavrov met Gen. Munir in Islamabad .", "They discussed Mi - 35 helicopters ." })]
    [InlineData("The deal was signed on Sept. 12 in Warsaw. It covers ammunition.", new[] { "The deal was signed on Sept. 12 in Warsaw .", "It covers ammunition ." })]
    [InlineData("J. R. Smith of the U.S. State Department spoke.", new[] { "J. R. Smith of the U.S. State Department spoke ." })]
    [InlineData("The aid came from the U.S. The Kremlin objected.", new[] { "The aid came from the U.S.", "The Kremlin objected ." })]
    public void Sentences_end_at_final_punctuation_but_not_after_titles_and_initials(string text, string[] expected)
    {
        Assert.Equal(expected, Sentences(text));
    }

    [Fact]
    public void Closing_quotes_after_the_final_period_stay_with_the_sentence()
    {
        Assert.Equal(["He said \" no . \"", "Then the minister left ."], Sentences("He said \"no.\" Then the minister left."));
        Assert.Equal(["“ We will respond . ”", "The envoy left ."], Sentences("“We will respond.” The envoy left."));
    }

    [Fact]
    public void A_quoted_question_followed_by_its_attribution_is_one_sentence()
    {
        Assert.Equal(["\" Why now ? \" he asked .", "( The talks resumed . )", "Kyiv agreed ."], Sentences("\"Why now?\" he asked. (The talks resumed.) Kyiv agreed."));
    }

    [Fact]
    public void A_lowercase_word_after_a_bare_period_starts_a_new_sentence_as_in_web_text()
    {
        Assert.Equal(["The embassy closed .", "no reason was given ."], Sentences("The embassy closed. no reason was given."));
    }

    [Fact]
    public void A_sentence_ending_in_an_abbreviation_gives_its_period_back()
    {
        Assert.Equal(["They sent tanks , drones etc .", "The list grew ."], Sentences("They sent tanks, drones etc. The list grew."));
    }

    [Fact]
    public void An_ellipsis_before_a_lowercase_word_does_not_end_the_sentence()
    {
        Assert.Equal(["The talks ... stalled again .", "Nobody was surprised ."], Sentences("The talks ... stalled again. Nobody was surprised."));
    }

    [Fact]
    public void A_headline_without_final_punctuation_is_its_own_sentence()
    {
        var text = "Pakistan Suspends Arms Talks With Moscow\nIslamabad announced the decision on Monday.";
        Assert.Equal(["Pakistan Suspends Arms Talks With Moscow", "Islamabad announced the decision on Monday ."], Sentences(text));
    }

    [Fact]
    public void A_blank_line_always_ends_a_sentence()
    {
        var text = "Sanctions and aid\n\nministers met in Geneva";
        Assert.Equal(["Sanctions and aid", "ministers met in Geneva"], Sentences(text));
    }

    [Fact]
    public void A_hard_wrapped_line_does_not_end_the_sentence()
    {
        var text = "The foreign ministers of both countries met in Geneva to discuss the\nSanctions regime and the aid package.";
        Assert.Single(Sentences(text));
    }

    [Fact]
    public void Bullet_items_are_separate_sentences()
    {
        var text = "The package includes:\n- artillery shells\n- Mi-35 spare parts\n• medical aid";
        Assert.Equal(["The package includes :", "- artillery shells", "- Mi - 35 spare parts", "• medical aid"], Sentences(text));
    }

    [Fact]
    public void The_number_of_a_list_item_starts_its_sentence()
    {
        var text = "Kyiv's demands:\n1. Lift the blockade.\n2. Release the aid convoys.";
        Assert.Equal(["Kyiv 's demands :", "1 . Lift the blockade .", "2 . Release the aid convoys ."], Sentences(text));
    }

    [Fact]
    public void Sentence_offsets_cover_their_tokens_and_indexes_count_up()
    {
        var text = "Kyiv asked for aid. Warsaw agreed. Berlin hesitated.";
        var result = Segmenter.Default.Segment(text);
        Assert.Equal([0, 1, 2], result.Sentences.Select(s => s.Index));
        Assert.All(result.Sentences, s =>
        {
            Assert.Equal(s.Tokens[0].Start, s.Start);
            Assert.Equal(s.Tokens[^1].End, s.End);
        });
        Assert.Equal("Warsaw agreed.", text[result.Sentences[1].Start..result.Sentences[1].End]);
    }

    [Fact]
    public void An_endless_sentence_is_cut_at_the_limit()
    {
        var splitter = new SentenceSplitter(maxSentenceTokens: 10);
        var text = string.Join(' ', Enumerable.Repeat("sanctions", 25));
        var sentences = splitter.Split(text, Tokenizer.Default.Tokenize(text));
        Assert.Equal([10, 10, 5], sentences.Select(s => s.Tokens.Length));
    }
}
