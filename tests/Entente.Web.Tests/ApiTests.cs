using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Entente.Cli;
using Entente.Web.Api;
using Microsoft.AspNetCore.Builder;

namespace Entente.Web.Tests;

/// <summary>Every endpoint of the HTTP API against a real DuckDB file ingested from the test corpus.</summary>
[Collection("corpus")]
public sealed class ApiTests(CorpusFixture corpus) : IAsyncLifetime
{
    private static readonly string[] EventFields =
    [
        "id", "source", "target", "via", "cameo", "cameo_name", "base_code", "root", "quad_class", "goldstein", "plover", "date",
        "date_precision", "modality", "first_seen", "last_seen", "n_reports", "n_documents", "n_sources",
    ];

    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync() => (_app, _client) = await TestServers.InMemory(corpus.Copy());

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Events_come_newest_first_with_the_field_names_of_the_CLI_JSON()
    {
        var json = await Get("api/events");
        Assert.Equal(50, json.GetProperty("count").GetInt32());
        var events = json.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(50, events.Count);
        Assert.Equal(EventFields, events[0].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["text", "code", "country", "sector"], events[0].GetProperty("source").EnumerateObject().Select(p => p.Name).ToArray());
        // Newest first: the first event is the hostile story's (2024-06-28), the last of the page is older.
        Assert.Equal("2024-06-28", events[0].GetProperty("date").GetString());
        Assert.True(string.CompareOrdinal(events[^1].GetProperty("date").GetString(), "2024-06-01") < 0);
        Assert.Equal("/api/events?offset=50", json.GetProperty("next").GetString());
    }

    [Fact]
    public async Task Pages_walked_through_next_hold_every_event_once()
    {
        var all = await Get("api/events?limit=1000");
        int total = all.GetProperty("count").GetInt32();
        Assert.Equal(corpus.Summary.Totals.Events, total);
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next").ValueKind);

        var seen = new List<long>();
        string? next = "api/events?limit=40";
        while (next is not null)
        {
            var page = await Get(next.TrimStart('/'));
            seen.AddRange(page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            next = page.GetProperty("next").GetString();
        }

        Assert.Equal(all.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()), seen);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [Fact]
    public async Task Paging_edges_last_item_exact_end_and_past_the_end()
    {
        long total = corpus.Summary.Totals.Events;
        var last = await Get($"api/events?limit=1&offset={total - 1}");
        Assert.Equal(1, last.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);

        var exact = await Get($"api/events?limit={total}");
        Assert.Equal(total, exact.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, exact.GetProperty("next").ValueKind);

        var past = await Get($"api/events?offset={total + 10}");
        Assert.Equal(0, past.GetProperty("count").GetInt32());
        Assert.Empty(past.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task Filters_match_the_CLI_filters()
    {
        var pair = await Get("api/events?pair=PAK,RUS&from=2024-01&to=2024-06&limit=1000");
        var events = pair.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            var countries = new[] { e.GetProperty("source").GetProperty("country").GetString(), e.GetProperty("target").GetProperty("country").GetString() };
            Assert.Contains("PAK", countries);
            Assert.Contains("RUS", countries);
            Assert.StartsWith("2024-0", e.GetProperty("date").GetString());
        });

        var sanctions = await Get("api/events?code=163&limit=1000");
        Assert.All(sanctions.GetProperty("events").EnumerateArray(), e => Assert.Equal("163", e.GetProperty("cameo").GetString()));
        Assert.Equal(18, sanctions.GetProperty("count").GetInt32());

        var intended = await Get("api/events?modality=intended&actor=CHN&limit=1000");
        Assert.All(intended.GetProperty("events").EnumerateArray(), e => Assert.Equal("intended", e.GetProperty("modality").GetString()));
        Assert.Equal(18, intended.GetProperty("count").GetInt32());

        var twice = await Get("api/events?min_reports=2");
        var merged = Assert.Single(twice.GetProperty("events").EnumerateArray());
        Assert.Equal(2, merged.GetProperty("n_sources").GetInt32());
    }

    [Theory]
    [InlineData("api/events?actor=PAKK", "actor", "close matches: PAK")]
    [InlineData("api/events?pair=PAK,RUSS", "pair", "close matches: RUS")]
    [InlineData("api/events?from=2024-06&to=2023-01", "to", "is before 'from'")]
    [InlineData("api/events?limit=100000", "limit", "from 1 to 1000")]
    [InlineData("api/events?limit=0", "limit", "from 1 to 1000")]
    [InlineData("api/events?offset=-1", "offset", "at least 0")]
    [InlineData("api/events?quad=7", "quad", "from 1 to 4")]
    [InlineData("api/events?modality=maybe", "modality", "is not one of")]
    [InlineData("api/events?from=2024-13", "from", "is not a date")]
    [InlineData("api/events?pair=PAK", "pair", "two actors")]
    [InlineData("api/events?code=07'%3B%20DROP%20TABLE%20events%3B--", "code", "not a CAMEO code")]
    [InlineData("api/events?actor=PAK'%20OR%201%3D1--", "actor", "no stored event has an actor")]
    [InlineData("api/pairs/PAK/RSU/series", "b", "close matches: RUS")]
    [InlineData("api/stats?top=-3", "top", "from 0 to 1000")]
    [InlineData("api/pairs/PAK/RUS/series?by=week", "by", "not month, quarter or year")]
    [InlineData("api/pairs/PAK/RUS/assess?from=2024&to=2023", "to", "is before 'from'")]
    [InlineData("api/network?from=2024-02-30", "from", "is not a date")]
    [InlineData("api/actors/PAKK", "code", "close matches: PAK")]
    public async Task Bad_parameters_are_problem_details_naming_the_parameter(string url, string parameter, string message)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        var errors = json.RootElement.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.Contains(message, StringComparison.Ordinal));

        // Nothing was harmed by the text that looked like SQL.
        var stats = await Get("api/stats");
        Assert.Equal(corpus.Summary.Totals.Events, stats.GetProperty("totals").GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task An_event_comes_with_its_reports_documents_and_evidence()
    {
        var merged = (await Get("api/events?min_reports=2")).GetProperty("events")[0];
        var json = await Get($"api/events/{merged.GetProperty("id").GetInt64()}");
        Assert.Equal("163", json.GetProperty("event").GetProperty("cameo").GetString());
        var reports = json.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal(2, reports.Count);
        Assert.Equal(["ur-2024-06", "ur-2024-06-b"], reports.Select(r => r.GetProperty("document").GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        foreach (var r in reports)
        {
            var report = r.GetProperty("report");
            var sentence = report.GetProperty("sentence").GetString()!;
            var span = report.GetProperty("evidence_in_sentence");
            var evidence = sentence[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()];
            Assert.StartsWith("United States imposed", evidence, StringComparison.Ordinal);
            Assert.EndsWith("on Russia", evidence, StringComparison.Ordinal);
            Assert.Equal(report.GetProperty("evidence_end").GetInt32() - report.GetProperty("evidence_start").GetInt32(), evidence.Length);
            Assert.StartsWith("https://news.example.org/ur-2024-06", r.GetProperty("document").GetProperty("url").GetString());
        }
    }

    [Fact]
    public async Task A_document_comes_with_its_reports_and_events()
    {
        var json = await Get("api/documents/pr-2024-03");
        Assert.Equal("Islamabad and Moscow sign trade deal", json.GetProperty("document").GetProperty("title").GetString());
        Assert.Equal("2024-03-12", json.GetProperty("document").GetProperty("published").GetString());
        var reports = json.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal(4, reports.Count);
        Assert.Equal(reports.Select(r => r.GetProperty("sentence_index").GetInt32()).Order(), reports.Select(r => r.GetProperty("sentence_index").GetInt32()));
        Assert.Equal(4, json.GetProperty("events").GetArrayLength());
    }

    [Theory]
    [InlineData("api/events/999999", "no event has id 999999")]
    [InlineData("api/documents/no-such-doc", "no document has id 'no-such-doc'")]
    public async Task Unknown_ids_are_404_problem_details(string url, string detail)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(detail, json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Stats_count_what_was_ingested()
    {
        var json = await Get("api/stats?top=3");
        var totals = json.GetProperty("totals");
        Assert.Equal(corpus.Documents, totals.GetProperty("documents").GetInt64());
        Assert.Equal(corpus.Summary.Totals.Reports, totals.GetProperty("reports").GetInt64());
        Assert.Equal(["2023", "2024"], json.GetProperty("by_year").EnumerateArray().Select(y => y.GetProperty("label").GetString()));
        Assert.Equal(3, json.GetProperty("top_pairs").GetArrayLength());
        Assert.Equal(corpus.Summary.Totals.Events, json.GetProperty("by_root").EnumerateArray().Sum(r => r.GetProperty("count").GetInt64()));
    }

    [Fact]
    public async Task A_pair_series_has_both_directions_by_month()
    {
        var series = await Get("api/pairs/pak/rus/series");
        Assert.Equal(["PAK", "RUS"], series.GetProperty("pair").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("month", series.GetProperty("by").GetString());
        var points = series.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(18, points.Count);
        Assert.Equal("2023-01", points[0].GetProperty("period").GetString());
        var events = await Get("api/events?pair=PAK,RUS&limit=1000");
        Assert.Equal(events.GetProperty("count").GetInt32(), points.Sum(m => m.GetProperty("events").GetInt32()));
        Assert.Equal(points.Sum(p => p.GetProperty("events").GetInt32()), points.Sum(p => p.GetProperty("a_to_b").GetProperty("events").GetInt32() + p.GetProperty("b_to_a").GetProperty("events").GetInt32()));
        // Warmer in 2024: Pakistan's criticism of Russia stops.
        double Mean(string year) => points.Where(p => p.GetProperty("period").GetString()!.StartsWith(year, StringComparison.Ordinal)).Average(p => p.GetProperty("score").GetDouble());
        Assert.True(Mean("2024") > Mean("2023"));

        var quarters = await Get("api/pairs/PAK/RUS/series?by=quarter&from=2024-01&to=2024-06");
        Assert.Equal(["2024-Q1", "2024-Q2"], quarters.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("period").GetString()));
    }

    [Fact]
    public async Task Assess_gives_a_verdict_with_evidence_and_caveats()
    {
        var x = await Get("api/pairs/USA/RUS/assess");
        Assert.Contains(x.GetProperty("verdict").GetString(), new[] { "improving", "stable", "deteriorating", "mixed" });
        Assert.True(x.GetProperty("score").GetDouble() < 0);
        var conflict = x.GetProperty("conflict").EnumerateArray().ToList();
        Assert.NotEmpty(conflict);
        Assert.All(conflict, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("sentence").GetString())));
        Assert.Equal(JsonValueKind.Array, x.GetProperty("caveats").ValueKind);

        // China aids Pakistan, which is in conflict with India: a hedging triad for China toward India.
        var hedge = await Get("api/pairs/CHN/IND/assess");
        var third = Assert.Single(hedge.GetProperty("hedging").EnumerateArray());
        Assert.Equal("PAK", third.GetProperty("third").GetString());
        Assert.NotEmpty(third.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task The_network_signs_each_pair()
    {
        var n = await Get("api/network?from=2024-01&to=2024-06");
        Assert.Equal(["CHN", "IND", "PAK", "RUS", "USA"], n.GetProperty("nodes").EnumerateArray().Select(x => x.GetString()));
        var signs = n.GetProperty("edges").EnumerateArray().ToDictionary(e => e.GetProperty("a").GetString() + "-" + e.GetProperty("b").GetString(), e => e.GetProperty("sign").GetInt32());
        Assert.Equal(1, signs["PAK-RUS"]);
        Assert.Equal(1, signs["CHN-PAK"]);
        Assert.Equal(-1, signs["IND-PAK"]);
        Assert.Equal(-1, signs["RUS-USA"]);
    }

    [Fact]
    public async Task An_actor_profile_has_partners_and_adversaries()
    {
        var p = await Get("api/actors/pak");
        Assert.Equal("PAK", p.GetProperty("actor").GetString());
        var partners = p.GetProperty("partners").EnumerateArray().Select(e => e.GetProperty("b").GetString()).ToList();
        Assert.Contains("CHN", partners);
        Assert.Contains("RUS", partners);
        Assert.Equal(["IND"], p.GetProperty("adversaries").EnumerateArray().Select(e => e.GetProperty("b").GetString()));
        Assert.Equal(6, p.GetProperty("series").GetArrayLength());
        Assert.Equal("quarter", p.GetProperty("trend").GetProperty("by").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_description_lists_every_endpoint()
    {
        var json = await Get(EntenteServer.OpenApiPath.TrimStart('/'));
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["/api/actors/{code}", "/api/documents", "/api/documents/{id}", "/api/events", "/api/events/{id}", "/api/feeds", "/api/network", "/api/pairs/{a}/{b}/assess", "/api/pairs/{a}/{b}/series", "/api/stats"],
            paths.Order(StringComparer.Ordinal));
        Assert.True(json.GetProperty("paths").GetProperty("/api/documents").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task Writes_are_off_without_a_configured_key()
    {
        using var response = await _client.PostAsync(new Uri("api/documents?id=x", UriKind.Relative), new StringContent("Russia criticized the United States on Friday."));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("no API key configured", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var feed = await _client.PostAsync(new Uri("api/feeds", UriKind.Relative), JsonContent("""{"url":"/tmp/x.xml"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, feed.StatusCode);
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_that_allows_no_script()
    {
        using var response = await _client.GetAsync(new Uri("event/1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        using var missing = await _client.GetAsync(new Uri("event/999999", UriKind.Relative));
        Assert.Contains("There is no event with id 999999", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_loopback_address_without_a_key_is_refused()
    {
        Assert.Null(new ServerOptions { Db = "x", Urls = ["http://127.0.0.1:5080", "http://localhost:5081", "http://[::1]:5082"] }.Problem());
        var problem = new ServerOptions { Db = "x", Urls = ["http://0.0.0.0:5080"] }.Problem();
        Assert.Contains("refusing to listen on http://0.0.0.0:5080", problem, StringComparison.Ordinal);
        Assert.NotNull(new ServerOptions { Db = "x", Urls = ["http://*:5080"] }.Problem());
        Assert.NotNull(new ServerOptions { Db = "x", Urls = ["http://192.168.1.4:5080"] }.Problem());
        Assert.Null(new ServerOptions { Db = "x", Urls = ["http://0.0.0.0:5080"], ApiKey = TestServers.Key }.Problem());
        Assert.Throws<ArgumentException>(() => EntenteServer.Build(new ServerOptions { Db = "x", Urls = ["http://10.0.0.1:80"] }, null!));

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = EntenteCli.Run(["serve", "--db", corpus.DbPath, "--urls", "http://0.0.0.0:5999"], TextReader.Null, stdout, stderr);
        Assert.Equal(EntenteCli.Usage, code);
        Assert.Contains("refusing to listen on http://0.0.0.0:5999: it is not a loopback address and no API key is configured", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_comparison_accepts_only_the_key()
    {
        Assert.True(ApiKeyFilter.Matches(TestServers.Key, TestServers.Key));
        Assert.False(ApiKeyFilter.Matches(TestServers.Key + "x", TestServers.Key));
        Assert.False(ApiKeyFilter.Matches(TestServers.Key[..^1], TestServers.Key));
        Assert.False(ApiKeyFilter.Matches(string.Empty, TestServers.Key));
        Assert.False(ApiKeyFilter.Matches(null, TestServers.Key));
    }

    private async Task<JsonElement> Get(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    internal static StringContent JsonContent(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
