using System.Net;
using System.Text;
using System.Text.Json;

namespace Entente.Web.Tests;

/// <summary>The write endpoints with a key configured: the key, the body limit, the rate limit, JSON Lines, feeds.</summary>
[Collection("corpus")]
public sealed class WriteApiTests(CorpusFixture corpus)
{
    private const string Story = "Russia criticized the United States on Friday.";

    [Fact]
    public async Task A_write_needs_the_key_in_a_header()
    {
        var (app, client) = await TestServers.InMemory(corpus.Copy(), o => o with { ApiKey = TestServers.Key });
        await using var _ = app;
        using (var none = await client.PostAsync(new Uri("api/documents?id=k1", UriKind.Relative), new StringContent(Story)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        }

        using (var wrong = Post("api/documents?id=k1", new StringContent(Story), "X-Api-Key", TestServers.Key + "0"))
        using (var r = await client.SendAsync(wrong))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        }

        Assert.Equal(404, (int)(await client.GetAsync(new Uri("api/documents/k1", UriKind.Relative))).StatusCode);

        using (var right = Post("api/documents?id=k1", new StringContent(Story), "X-Api-Key", TestServers.Key))
        using (var r = await client.SendAsync(right))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            using var json = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
            Assert.Equal(1, json.RootElement.GetProperty("added").GetInt32());
            Assert.Equal(1, json.RootElement.GetProperty("events").GetProperty("k1").GetArrayLength());
        }

        using (var bearer = Post("api/documents?id=k1", new StringContent(Story), "Authorization", "Bearer " + TestServers.Key))
        using (var r = await client.SendAsync(bearer))
        {
            using var json = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
            Assert.Equal(1, json.RootElement.GetProperty("unchanged").GetInt32());
        }

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("api/documents/k1", UriKind.Relative)));
        Assert.Equal(Story, doc.RootElement.GetProperty("reports")[0].GetProperty("sentence").GetString());
    }

    [Fact]
    public async Task JSON_Lines_ingest_every_good_line_and_name_the_bad_one()
    {
        var (app, client) = await TestServers.InMemory(corpus.Copy(), o => o with { ApiKey = TestServers.Key });
        await using var _ = app;
        var lines = """
            {"id":"j1","date":"2024-06-01","title":"One","text":"China will send economic aid to Pakistan, the Chinese foreign ministry said."}
            {"id":"j2","text":
            {"id":"j3","date":"2024-06-02","text":"The United States imposed sanctions on Russia on Tuesday."}
            """;
        using var request = Post("api/documents", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"), "X-Api-Key", TestServers.Key);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, json.RootElement.GetProperty("added").GetInt32());
        var skipped = Assert.Single(json.RootElement.GetProperty("skipped").EnumerateArray());
        Assert.Contains(":2", skipped.GetString(), StringComparison.Ordinal);

        using var single = Post("api/documents", ApiTests.JsonContent("""{"id":"j4","text":"India accused Pakistan of violating the ceasefire on Sunday.","date":"2024-06-03"}"""), "X-Api-Key", TestServers.Key);
        using var r2 = await client.SendAsync(single);
        using var j2 = JsonDocument.Parse(await r2.Content.ReadAsStringAsync());
        Assert.Equal(1, j2.RootElement.GetProperty("added").GetInt32());

        using var empty = Post("api/documents", ApiTests.JsonContent("""{"id":"j5"}"""), "X-Api-Key", TestServers.Key);
        using var r3 = await client.SendAsync(empty);
        Assert.Equal(HttpStatusCode.BadRequest, r3.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var (app, client) = await TestServers.InMemory(corpus.Copy(), o => o with { ApiKey = TestServers.Key, MaxRequestBytes = 1000 });
        await using var _ = app;
        using var request = Post("api/documents?id=big", new StringContent(new string('a', 2000)), "X-Api-Key", TestServers.Key);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("over the limit of 1000 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clients_over_the_rate_limit_get_429()
    {
        var (app, client) = await TestServers.InMemory(corpus.Copy(), o => o with { ApiKey = TestServers.Key, ReadsPerMinute = 3, WritesPerMinute = 1 });
        await using var _ = app;
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("api/stats", UriKind.Relative))).StatusCode);
        }

        using var limited = await client.GetAsync(new Uri("api/stats", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many requests", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using (var first = await client.SendAsync(Post("api/documents?id=r1", new StringContent(Story), "X-Api-Key", TestServers.Key)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await client.SendAsync(Post("api/documents?id=r2", new StringContent(Story), "X-Api-Key", TestServers.Key));
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task A_feed_file_is_polled_and_its_items_ingested()
    {
        var (app, client) = await TestServers.InMemory(corpus.Copy(), o => o with { ApiKey = TestServers.Key });
        await using var _ = app;
        var feed = Path.Combine(Path.GetTempPath(), "entente-feed-" + Guid.NewGuid().ToString("N") + ".xml");
        await File.WriteAllTextAsync(feed, """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Test wire</title>
              <item><title>Moscow rebukes Washington</title><link>https://news.example.org/feed-1</link><guid>feed-1</guid>
                <pubDate>Fri, 28 Jun 2024 09:00:00 GMT</pubDate><description>Russia criticized the United States on Friday.</description></item>
            </channel></rss>
            """);
        try
        {
            using var response = await client.SendAsync(Post("api/feeds", ApiTests.JsonContent($$"""{"url":{{JsonSerializer.Serialize(feed)}},"interval_minutes":30}"""), "X-Api-Key", TestServers.Key));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Contains("1 added", body, StringComparison.Ordinal);
            using var list = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/feeds") { Headers = { { "X-Api-Key", TestServers.Key } } });
            using var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
            var state = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal(feed, state.GetProperty("feed").GetString());
            Assert.Equal("00:30:00", state.GetProperty("interval").GetString());

            using var bad = await client.SendAsync(Post("api/feeds", ApiTests.JsonContent("""{"url":"x","interval_minutes":0}"""), "X-Api-Key", TestServers.Key));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        finally
        {
            File.Delete(feed);
        }
    }

    private static HttpRequestMessage Post(string url, HttpContent content, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }
}
