using Entente.Core;

namespace Entente.Sources.Tests;

public sealed class HtmlTests : IDisposable
{
    private const string ArticlePage = $$"""
        <!DOCTYPE html>
        <html><head>
          <title>Pakistan and Poland sign arms memorandum | The Daily</title>
          <meta property="og:title" content="Pakistan and Poland sign arms memorandum">
          <meta property="og:site_name" content="The Daily">
          <meta property="article:published_time" content="2023-05-10T08:30:00+05:00">
          <link rel="canonical" href="https://daily.example/pak-pol">
          <style>p { color: red }</style>
          <script>var tracking = "SCRIPT-MARKER";</script>
        </head>
        <body>
          <header><a href="/">HEADER-MARKER Home</a></header>
          <nav><ul><li><a href="/world">NAV-MARKER World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
          <main>
            <article>
              <h1>Pakistan and Poland sign arms memorandum</h1>
              <div class="share-box"><a href="#">SHARE-MARKER Share on X</a></div>
              <p>{{Texts.English}}</p>
              <!-- COMMENT-MARKER editor note -->
              <p>{{Texts.English2}}</p>
              <form><input name="q"> FORM-MARKER Subscribe</form>
            </article>
            <aside><p>ASIDE-MARKER Most read: a very long list of other stories that people liked and shared with friends today.</p></aside>
          </main>
          <footer><p>FOOTER-MARKER Copyright 2023 The Daily. All rights reserved. Terms of use and privacy policy apply.</p></footer>
        </body></html>
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_article_text_title_date_url_and_site_are_extracted()
    {
        var path = _dir.Write("page.html", ArticlePage);

        var document = Assert.Single(DocumentSource.Default.ReadFile(path)).Document!;

        Assert.Equal("page.html", document.Id);
        Assert.Equal("Pakistan and Poland sign arms memorandum", document.Title);
        Assert.Equal(new DateOnly(2023, 5, 10), document.Date);
        Assert.Equal("https://daily.example/pak-pol", document.Url);
        Assert.Equal("The Daily", document.Source);
        Assert.Contains(Texts.English, document.Text, StringComparison.Ordinal);
        Assert.Contains(Texts.English2, document.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HEADER-MARKER")]
    [InlineData("NAV-MARKER")]
    [InlineData("SHARE-MARKER")]
    [InlineData("COMMENT-MARKER")]
    [InlineData("FORM-MARKER")]
    [InlineData("ASIDE-MARKER")]
    [InlineData("FOOTER-MARKER")]
    [InlineData("SCRIPT-MARKER")]
    [InlineData("color: red")]
    public void Boilerplate_does_not_reach_the_text(string marker)
    {
        var path = _dir.Write("page.html", ArticlePage);

        var document = Assert.Single(DocumentSource.Default.ReadFile(path)).Document!;

        Assert.DoesNotContain(marker, document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_are_separated_by_blank_lines()
    {
        var path = _dir.Write("page.htm", ArticlePage);

        var document = Assert.Single(DocumentSource.Default.ReadFile(path)).Document!;

        Assert.Equal(
            $"Pakistan and Poland sign arms memorandum\n\n{Texts.English}\n\n{Texts.English2}",
            document.Text);
    }

    [Fact]
    public void Without_an_article_element_the_element_with_most_paragraph_text_wins()
    {
        var html = $$"""
            <html><head><title>Energy talks</title></head><body>
              <div class="menu-links"><p>Home</p><p>World</p></div>
              <div id="content"><div class="story"><h1>Russia sends delegation</h1><p>{{Texts.English2}}</p><p>{{Texts.English}}</p></div></div>
              <div class="teaser"><p>Weather: sunny in Karachi.</p></div>
            </body></html>
            """;
        var path = _dir.Write("story.html", html);

        var document = Assert.Single(DocumentSource.Default.ReadFile(path)).Document!;

        Assert.Equal("Energy talks", document.Title);
        Assert.StartsWith("Russia sends delegation", document.Text, StringComparison.Ordinal);
        Assert.Contains(Texts.English, document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Weather", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boilerplate_sounding_class_does_not_remove_the_article_body()
    {
        var html = $$"""
            <html><body>
              <div class="story-body has-comments"><p>{{Texts.English}}</p><p>{{Texts.English2}}</p></div>
              <div class="related-stories"><p>RELATED-MARKER Pakistan buys wheat from Russia.</p></div>
            </body></html>
            """;
        var path = _dir.Write("named.html", html);

        var document = Assert.Single(DocumentSource.Default.ReadFile(path)).Document!;

        Assert.Equal($"{Texts.English}\n\n{Texts.English2}", document.Text);
    }

    [Fact]
    public void The_title_falls_back_to_the_first_heading_and_the_date_to_a_time_element()
    {
        var html = $$"""
            <html><body><article><h1>Lavrov in Islamabad</h1>
              <p>Published <time datetime="2021-04-07">7 April 2021</time></p><p>{{Texts.English2}}</p></article></body></html>
            """;
        var path = _dir.Write("lavrov.html", html);

        var document = Assert.Single(DocumentSource.Default.ReadFile(path)).Document!;

        Assert.Equal("Lavrov in Islamabad", document.Title);
        Assert.Equal(new DateOnly(2021, 4, 7), document.Date);
    }

    [Fact]
    public void A_page_without_article_text_is_reported_with_ENT013()
    {
        var html = """
            <html><head><title>Index</title></head><body>
              <header>The Daily</header>
              <nav><a href="/a">World</a> <a href="/b">Business</a></nav>
              <div class="grid"><a href="/c">Story one</a> <a href="/d">Story two</a></div>
              <footer><p>Copyright 2023 The Daily. All rights reserved.</p></footer>
            </body></html>
            """;
        var path = _dir.Write("index.html", html);

        var diagnostic = Assert.Single(DocumentSource.Default.ReadFile(path)).Diagnostic!;

        Assert.Equal(DiagnosticCodes.NoArticleText, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal("index.html", diagnostic.Subject);
        Assert.StartsWith("no article text", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_publication_date_is_a_warning_and_the_page_is_kept()
    {
        var html = $$"""<html><head><meta name="date" content="sometime"></head><body><article><p>{{Texts.English}}</p></article></body></html>""";
        var path = _dir.Write("d.html", html);

        var items = DocumentSource.Default.ReadFile(path).ToList();

        Assert.Equal(DiagnosticCodes.InvalidField, items[0].Diagnostic?.Code);
        Assert.Equal(Severity.Warning, items[0].Diagnostic?.Severity);
        Assert.Null(items[1].Document?.Date);
    }
}
