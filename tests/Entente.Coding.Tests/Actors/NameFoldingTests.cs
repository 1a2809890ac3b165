using Entente.Coding.Actors;

namespace Entente.Coding.Tests.Actors;

public class NameFoldingTests
{
    [Theory]
    [InlineData("Türkiye", "turkiye")]
    [InlineData("Côte", "cote")]
    [InlineData("U.S.", "us")]
    [InlineData("Łódź", "lodz")]
    [InlineData("d’Ivoire", "d'ivoire")]
    [InlineData("Kyiv", "kyiv")]
    [InlineData("army", "army")]
    public void Tokens_fold_to_lower_case_without_diacritics_dots_or_curly_apostrophes(string token, string expected)
    {
        // Given a token
        // When folded
        var folded = NameFolding.Fold(token);

        // Then it meets its plain spelling
        Assert.Equal(expected, folded);
    }

    [Theory]
    [InlineData("US", "US", true)]
    [InlineData("U.S.", "US", true)]
    [InlineData("us", "US", false)]
    [InlineData("Us", "US", false)]
    [InlineData("Turkey", "Turkey", true)]
    [InlineData("TURKEY", "Turkey", true)]
    [InlineData("turkey", "Turkey", false)]
    [InlineData("LeT", "LeT", true)]
    [InlineData("Let", "LeT", false)]
    [InlineData("Of", "of", true)]
    public void The_case_of_a_name_decides_what_text_it_matches(string text, string alias, bool matches)
    {
        // Given the case rule of an alias token
        var rule = NameFolding.RuleOf(alias, caseInsensitive: false);

        // When a text token is checked against it
        var result = NameFolding.Satisfies(text, alias, rule);

        // Then only the right case matches
        Assert.Equal(matches, result);
    }
}
