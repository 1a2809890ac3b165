using Entente.Nlp.Tokenization;

namespace Entente.Nlp.Tests.Tokenization;

public sealed class TokenizerTests
{
    private static string Tokens(string text) => string.Join(" | ", Tokenizer.Default.Tokenize(text).Select(t => t.Text));

    [Theory]
    [InlineData("Pakistan's army chief flew to Beijing.", "Pakistan | 's | army | chief | flew | to | Beijing | .")]
    [InlineData("Pakistan’s foreign ministry objected.", "Pakistan | ’s | foreign | ministry | objected | .")]
    [InlineData("The ministers' statement was brief.", "The | ministers | ' | statement | was | brief | .")]
    [InlineData("The U.S.'s allies and the U.K.’s envoy", "The | U.S. | 's | allies | and | the | U.K. | ’s | envoy")]
    public void Possessive_s_is_split_from_the_country_name(string text, string expected)
    {
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("Islamabad didn't sign the memorandum.", "Islamabad | did | n't | sign | the | memorandum | .")]
    [InlineData("Kyiv can't wait for the aid.", "Kyiv | ca | n't | wait | for | the | aid | .")]
    [InlineData("Moscow won't supply the helicopters.", "Moscow | wo | n't | supply | the | helicopters | .")]
    [InlineData("Delhi cannot stay neutral.", "Delhi | can | not | stay | neutral | .")]
    [InlineData("The envoy said: I'm sure they're ready and we've agreed.", "The | envoy | said | : | I | 'm | sure | they | 're | ready | and | we | 've | agreed | .")]
    [InlineData("She’ll vote and he’d abstain, but they don’t know.", "She | ’ll | vote | and | he | ’d | abstain | , | but | they | do | n’t | know | .")]
    [InlineData("Sanctions are gonna bite.", "Sanctions | are | gon | na | bite | .")]
    [InlineData("O'Brien met Shi'ite leaders.", "O'Brien | met | Shi'ite | leaders | .")]
    public void Contractions_are_split_as_in_EWT(string text, string expected)
    {
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("The U.S. embassy in Islamabad", "The | U.S. | embassy | in | Islamabad")]
    [InlineData("Mr. Lavrov met Gen. Munir and Dr. Khan", "Mr. | Lavrov | met | Gen. | Munir | and | Dr. | Khan")]
    [InlineData("on Jan. 5 and Sept. 12 at 10 a.m. sharp", "on | Jan. | 5 | and | Sept. | 12 | at | 10 | a.m. | sharp")]
    [InlineData("arms, e.g. drones, etc. were listed", "arms | , | e.g. | drones | , | etc. | were | listed")]
    [InlineData("Resolution No. 2231 was cited", "Resolution | No. | 2231 | was | cited")]
    [InlineData("J. R. Smith of Carnegie Inc. spoke", "J. | R. | Smith | of | Carnegie | Inc. | spoke")]
    public void Abbreviations_keep_their_period(string text, string expected)
    {
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("Aid rose in 2018.", "Aid | rose | in | 2018 | .")]
    [InlineData("Nobody said no.", "Nobody | said | no | .")]
    [InlineData("The talks were held in Doha.", "The | talks | were | held | in | Doha | .")]
    public void A_sentence_final_period_is_its_own_token(string text, string expected)
    {
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("USD 900 million", "USD | 900 | million")]
    [InlineData("a $33bn package", "a | $ | 33 | bn | package")]
    [InlineData("$5 and 5% and €2.5m", "$ | 5 | and | 5 | % | and | € | 2.5 | m")]
    [InlineData("1,500 troops and 3.5 tonnes", "1,500 | troops | and | 3.5 | tonnes")]
    [InlineData("at 7:30 on 11/28/2022", "at | 7:30 | on | 11/28/2022")]
    [InlineData("the 23rd summit in the 1990s", "the | 23rd | summit | in | the | 1990s")]
    [InlineData("call 713-555-0199 now", "call | 713-555-0199 | now")]
    [InlineData("at 10:30pm and 5pm", "at | 10:30 | pm | and | 5 | pm")]
    public void Numbers_and_amounts_follow_EWT(string text, string expected)
    {
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("Mi-35 helicopters", "Mi | - | 35 | helicopters")]
    [InlineData("the S-400 system and F-16s", "the | S | - | 400 | system | and | F | - | 16s")]
    [InlineData("the Anza Mark-II launcher", "the | Anza | Mark | - | II | launcher")]
    [InlineData("a US-led, long-term mission", "a | US | - | led | , | long | - | term | mission")]
    [InlineData("anti-aircraft and non-aligned states by e-mail", "anti-aircraft | and | non-aligned | states | by | e-mail")]
    [InlineData("post-war co-operation", "post-war | co-operation")]
    [InlineData("between 2001-2002 and 5-10 times", "between | 2001 | - | 2002 | and | 5 | - | 10 | times")]
    public void Hyphens_are_split_except_after_prefixes(string text, string expected)
    {
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("“We will respond,” he said.", "“ | We | will | respond | , | ” | he | said | .")]
    [InlineData("„Nein“ and «non» and ‘maybe’", "„ | Nein | “ | and | « | non | » | and | ‘ | maybe | ’")]
    [InlineData("Kyiv—and Warsaw–agreed ― twice -- again", "Kyiv | — | and | Warsaw | – | agreed | ― | twice | -- | again")]
    [InlineData("He paused... then left…", "He | paused | ... | then | left | …")]
    [InlineData("Really?! Yes!!!", "Really | ?! | Yes | !!!")]
    [InlineData("(see [annex])", "( | see | [ | annex | ] | )")]
    public void Quotes_dashes_and_ellipses_of_every_kind_are_tokens(string text, string expected)
    {
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("See https://www.mid.ru/en/foreign_policy/news?id=1, then reply.", "See | https://www.mid.ru/en/foreign_policy/news?id=1 | , | then | reply | .")]
    [InlineData("(www.mofa.gov.pk)", "( | www.mofa.gov.pk | )")]
    [InlineData("Write to press@mofa.gov.pk.", "Write | to | press@mofa.gov.pk | .")]
    [InlineData("<desk.officer@fco.gov.uk>", "< | desk.officer@fco.gov.uk | >")]
    public void Urls_and_emails_are_one_token(string text, string expected)
    {
        Assert.Equal(expected, Tokens(text));
    }

    [Fact]
    public void Unicode_whitespace_and_control_characters_separate_tokens()
    {
        var text = "Kyiv\u00a0and\u2009Warsaw\u3000met\u200bagain\tin\u2028May\u0007today";
        Assert.Equal("Kyiv | and | Warsaw | met | again | in | May | today", Tokens(text));
    }

    [Fact]
    public void Other_scripts_are_tokenized_at_spaces_and_punctuation()
    {
        Assert.Equal("Москва | и | Пекин | , | مرحبا | 北京欢迎你 | 。", Tokens("Москва и Пекин, مرحبا 北京欢迎你。"));
    }

    [Fact]
    public void Token_text_is_the_slice_of_the_original_at_its_offsets()
    {
        var text = "  The U.S. didn't send $5bn to Kyiv.  ";
        foreach (var t in Tokenizer.Default.Tokenize(text))
        {
            Assert.Equal(text[t.Start..t.End], t.Text);
        }
    }

    [Fact]
    public void A_range_of_the_text_is_tokenized_with_offsets_into_the_whole_string()
    {
        var text = "Ignore this. Pakistan's aid. Ignore that.";
        int start = text.IndexOf("Pakistan", StringComparison.Ordinal), end = text.IndexOf(" Ignore that", StringComparison.Ordinal);
        var tokens = Tokenizer.Default.Tokenize(text, start, end);
        Assert.Equal(["Pakistan", "'s", "aid", "."], tokens.Select(t => t.Text));
        Assert.Equal(start, tokens[0].Start);
        Assert.Equal(end, tokens[^1].End);
    }

    [Fact]
    public void Tokens_longer_than_the_limit_are_cut_into_pieces()
    {
        var text = "x " + new string('a', 2500) + " y";
        var tokens = Tokenizer.Default.Tokenize(text);
        Assert.Equal([1, 1000, 1000, 500, 1], tokens.Select(t => t.Length));
    }

    [Fact]
    public void A_surrogate_pair_is_never_cut_in_half()
    {
        var text = "https://example.org/" + string.Concat(Enumerable.Repeat("\U0001F600", 10));
        var tokens = new Tokenizer(maxTokenLength: 5).Tokenize(text);
        Assert.True(tokens.Length > 4);
        Assert.All(tokens, t => Assert.False(char.IsHighSurrogate(t.Text[^1])));
        Assert.Equal(text, string.Concat(tokens.Select(t => t.Text)));
    }
}
