using System.Net;
using System.Text;
using Entente.Core;

namespace Entente.Sources.Tests;

public sealed class FeedTests : IDisposable
{
    private const string Rss = $$"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>The Daily: World</title>
            <link>https://daily.example/</link>
            <description>World news</description>
            <item>
              <title>Pakistan and Poland sign arms memorandum</title>
              <link>https://daily.example/pak-pol</link>
              <guid>urn:daily:1</guid>
              <pubDate>Wed, 10 May 2023 08:00:00 +0000</pubDate>
              <description>&lt;p&gt;{{Texts.English}}&lt;/p&gt;&lt;p&gt;{{Texts.English2}}&lt;/p&gt;</description>
            </item>
            <item>
              <title>Energy talks</title>
              <link>https://daily.example/energy</link>
              <pubDate>Thu, 11 May 2023 09:00:00 GMT</pubDate>
              <description>Short &lt;b&gt;summary&lt;/b&gt; only.</description>
              <content:encoded><![CDATA[<p>{{Texts.English2}}</p><script>SCRIPT-MARKER</script>]]></content:encoded>
            </item>
            <item>
              <title>Third</title>
              <link>https://daily.example/third</link>
              <description>{{Texts.English}}</description>
            </item>
          </channel>
        </rss>
        """;

    private const string Atom = $$"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Wire Service</title>
          <id>urn:wire</id>
          <updated>2023-05-12T00:00:00Z</updated>
          <entry>
            <title>Russia sends delegation</title>
            <id>urn:wire:42</id>
            <link href="https://wire.example/42"/>
            <published>2023-05-12T10:15:00Z</published>
            <updated>2023-05-13T10:15:00Z</updated>
            <content type="html">&lt;p&gt;{{Texts.English2}}&lt;/p&gt;</content>
          </entry>
        </feed>
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Each_RSS_item_is_a_document()
    {
        var path = _dir.Write("world.rss", Rss);

        var documents = DocumentSource.Default.ReadFile(path).Select(i => i.Document!).ToList();

        Assert.Equal(3, documents.Count);
        var first = documents[0];
        Assert.Equal("urn:daily:1", first.Id);
        Assert.Equal("Pakistan and Poland sign arms memorandum", first.Title);
        Assert.Equal(new DateOnly(2023, 5, 10), first.Date);
        Assert.Equal("https://daily.example/pak-pol", first.Url);
        Assert.Equal("The Daily: World", first.Source);
        Assert.Equal($"{Texts.English}\n\n{Texts.English2}", first.Text);
    }

    [Fact]
    public void Content_is_preferred_to_description_and_stripped_of_HTML()
    {
        var path = _dir.Write("world.xml", Rss);

        var second = DocumentSource.Default.ReadFile(path).Select(i => i.Document!).ElementAt(1);

        Assert.Equal("https://daily.example/energy", second.Id);
        Assert.Equal(Texts.English2, second.Text);
        Assert.Equal(new DateOnly(2023, 5, 11), second.Date);
    }

    [Fact]
    public void Each_Atom_entry_is_a_document()
    {
        var path = _dir.Write("wire.atom", Atom);

        var document = Assert.Single(DocumentSource.Default.ReadFile(path)).Document!;

        Assert.Equal("urn:wire:42", document.Id);
        Assert.Equal("Russia sends delegation", document.Title);
        Assert.Equal(new DateOnly(2023, 5, 12), document.Date);
        Assert.Equal("https://wire.example/42", document.Url);
        Assert.Equal("Wire Service", document.Source);
        Assert.Equal(Texts.English2, document.Text);
    }

    [Fact]
    public void A_truncated_feed_is_reported_and_the_items_before_the_cut_are_kept()
    {
        int cut = Rss.IndexOf("<title>Third</title>", StringComparison.Ordinal) + 12;
        var path = _dir.Write("cut.rss", Rss[..cut]);

        var items = DocumentSource.Default.ReadFile(path).ToList();

        var diagnostic = items[0].Diagnostic!;
        Assert.Equal(DiagnosticCodes.MalformedFeed, diagnostic.Code);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Equal("cut.rss", diagnostic.Subject);
        Assert.Contains("kept the 2 item(s)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["urn:daily:1", "https://daily.example/energy"], items.Skip(1).Select(i => i.Document?.Id));
    }

    [Fact]
    public void A_feed_with_a_doctype_and_HTML_entities_is_read_whole()
    {
        var xml = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old&nbsp;Wire</title><link>https://old.example/</link><description>x</description>
            <item><title>Talks&nbsp;&mdash; day one</title><link>https://old.example/1</link><description>Kyiv and Warsaw agreed&hellip;</description></item>
            <item><title>Day two</title><link>https://old.example/2</link><description>Islamabad said no.</description></item>
            </channel></rss>
            """;
        var path = _dir.Write("old.rss", xml);

        var items = DocumentSource.Default.ReadFile(path).ToList();

        Assert.All(items, i => Assert.NotNull(i.Document));
        Assert.Equal(2, items.Count);
        Assert.Equal("Talks \u2014 day one", items[0].Document!.Title);
        Assert.Equal("Kyiv and Warsaw agreed\u2026", items[0].Document!.Text);
        Assert.Equal("Old Wire", items[1].Document!.Source);
    }

    [Fact]
    public void A_feed_broken_before_its_first_item_is_an_error()
    {
        var path = _dir.Write("broken.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken &amp feed</title>");

        var diagnostic = Assert.Single(DocumentSource.Default.ReadFile(path)).Diagnostic!;

        Assert.Equal(DiagnosticCodes.MalformedFeed, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal("broken.xml", diagnostic.Subject);
    }

    [Fact]
    public void An_XML_file_that_is_not_a_feed_is_reported()
    {
        var path = _dir.Write("config.xml", "<?xml version=\"1.0\"?><configuration><setting name=\"a\" /></configuration>");

        var diagnostic = Assert.Single(DocumentSource.Default.ReadFile(path)).Diagnostic!;

        Assert.Equal(DiagnosticCodes.MalformedFeed, diagnostic.Code);
        Assert.Contains("not an RSS or Atom feed", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFeed_reads_a_file_of_any_extension()
    {
        var path = _dir.Write("feed.data", Atom);

        Assert.Equal("urn:wire:42", Assert.Single(DocumentSource.Default.ReadFeed(path)).Document?.Id);
    }

    [Fact]
    public void ReadFeed_fetches_an_http_url()
    {
        var source = new DocumentSource(new SourceOptions(), new StubHandler(HttpStatusCode.OK, Atom, "application/atom+xml"));

        var document = Assert.Single(source.ReadFeed("https://wire.example/feed")).Document!;

        Assert.Equal("urn:wire:42", document.Id);
    }

    [Fact]
    public void An_http_error_is_reported_with_ENT012()
    {
        var source = new DocumentSource(new SourceOptions(), new StubHandler(HttpStatusCode.NotFound, "gone", "text/plain"));

        var diagnostic = Assert.Single(source.ReadFeed("https://wire.example/feed")).Diagnostic!;

        Assert.Equal(DiagnosticCodes.UnreadableInput, diagnostic.Code);
        Assert.Equal("https://wire.example/feed", diagnostic.Subject);
        Assert.Contains("404", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_url_is_reported_with_ENT012()
    {
        var source = new DocumentSource(new SourceOptions(FetchTimeoutSeconds: 5));

        var diagnostic = Assert.Single(source.ReadFeed("http://127.0.0.1:1/feed.xml")).Diagnostic!;

        Assert.Equal(DiagnosticCodes.UnreadableInput, diagnostic.Code);
    }

    [Fact]
    public void An_html_url_given_to_Read_is_read_as_an_article()
    {
        var html = $"<html><head><title>Deal</title></head><body><article><p>{Texts.English}</p></article></body></html>";
        var source = new DocumentSource(new SourceOptions(), new StubHandler(HttpStatusCode.OK, html, "text/html"));

        var document = Assert.Single(source.Read(["https://daily.example/deal"], TextReader.Null)).Document!;

        Assert.Equal("https://daily.example/deal", document.Id);
        Assert.Equal("https://daily.example/deal", document.Url);
        Assert.Equal(Texts.English, document.Text);
    }

    private sealed class StubHandler(HttpStatusCode status, string body, string mediaType) : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }
}
