namespace Entente.Sources.Tests;

public sealed class EnglishCheckTests
{
    [Theory]
    [InlineData(Texts.English)]
    [InlineData(Texts.English2)]
    [InlineData("Also present at the opening ceremony were Mr Sobczak’s widow Mrs Nowak, St Petersburg’s Governor Anna Petrova, novelist Ivan Granov, actor Pavel Orlov and conductor Yuri Temkin.")]
    public void English_passes_including_terse_text_full_of_names(string text)
    {
        Assert.Null(EnglishCheck.Problem(text));
    }

    [Theory]
    [InlineData(Texts.French)]
    [InlineData(Texts.German)]
    [InlineData(Texts.Spanish)]
    [InlineData("Il ministro degli Esteri ha detto che il governo non è pronto a firmare l'accordo con la Polonia, e che la decisione sarà presa dopo le elezioni di maggio nel paese.")]
    public void Other_Latin_script_languages_are_not_English(string text)
    {
        Assert.StartsWith("not English", EnglishCheck.Problem(text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_text_without_English_function_words_is_not_English_even_without_known_foreign_words()
    {
        // Polish: none of its function words are on either list.
        var polish = string.Join(' ', Enumerable.Repeat("Minister spraw zagranicznych Polski powiedział wczoraj w Warszawie, że rząd podpisze umowę z Pakistanem.", 6));

        Assert.StartsWith("not English", EnglishCheck.Problem(polish), StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_twenty_words_are_not_judged()
    {
        Assert.Null(EnglishCheck.Problem("Le ministre a signé l'accord avec la Pologne et le Pakistan hier."));
    }
}
