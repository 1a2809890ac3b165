using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Entente.Web.Tests;

/// <summary>The dashboard in a real browser: what a person sees and can click, at desktop and phone width.</summary>
[Collection("corpus")]
public sealed partial class BrowserTests(CorpusFixture corpus) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new(corpus);

    public Task InitializeAsync() => _browser.InitializeAsync();

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task Overview_to_pair_to_event_to_evidence()
    {
        var (page, dialogs) = await _browser.NewPage();
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" }));
        Assert.Contains("Signed network, 2023-06-29 to 2024-06-28", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.True(await page.Locator(".network svg a.node").CountAsync() >= 5);
        Assert.True(await page.Locator("section[aria-labelledby='movers-h'] tbody tr").CountAsync() >= 1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "overview.png"), FullPage = true });

        // Click the PAK–RUS edge of the network.
        await page.Locator(".network a.edge[href='pair/PAK/RUS']").ClickAsync();
        await page.WaitForURLAsync(new Regex("/pair/PAK/RUS$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "PAK – RUS" }));
        var pairText = await page.InnerTextAsync("main");
        Assert.Contains("Timeline, both directions", pairText, StringComparison.Ordinal);
        Assert.Matches("Verdict: . (improving|stable|mixed|deteriorating)", pairText);
        Assert.Contains("Caveats", pairText, StringComparison.Ordinal);
        Assert.Contains("Hedging: third parties PAK supports while they are in conflict with RUS", pairText, StringComparison.Ordinal);
        Assert.Contains("PAK → RUS", pairText, StringComparison.Ordinal);
        Assert.Contains("Sign formal agreement", pairText, StringComparison.Ordinal);
        Assert.True(await page.Locator("section[aria-labelledby='timeline-h'] svg path").CountAsync() >= 2, "the timeline chart draws both directions");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "pair.png"), FullPage = true });

        // Click the newest event, then see its report with the evidence marked.
        await page.Locator("section[aria-labelledby='events-h'] tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/event/[0-9]+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reports (1)" }));
        var evidence = await page.Locator("mark.evidence").First.InnerTextAsync();
        Assert.Contains("Pakistan", evidence, StringComparison.Ordinal);
        Assert.Contains("Russia", evidence, StringComparison.Ordinal);
        var eventText = await page.InnerTextAsync("main");
        Assert.Contains("modality: asserted", eventText, StringComparison.Ordinal);
        Assert.Contains("attribution: none", eventText, StringComparison.Ordinal);
        var original = page.GetByRole(AriaRole.Link, new() { Name = "original article" });
        Assert.StartsWith("https://news.example.org/pr-2024-06", await original.GetAttributeAsync("href"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "event.png"), FullPage = true });

        // The evidence sentence's document.
        await page.Locator("section.report a[href^='document/']").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/document/pr-2024-06$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Islamabad and Moscow sign trade deal" }));
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task An_event_reported_twice_shows_both_reports_with_their_evidence()
    {
        var (page, _) = await _browser.NewPage();
        await page.GotoAsync("events?min_reports=2");
        await page.Locator("table tbody tr a").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reports (2)" }));
        var marks = await page.Locator("mark.evidence").AllInnerTextsAsync();
        Assert.Equal(2, marks.Count);
        Assert.All(marks, m => Assert.Matches("^United States imposed (new )?sanctions on Russia$", m));
    }

    [Fact]
    public async Task Hostile_markup_in_an_article_is_shown_as_text_and_never_runs()
    {
        var (page, dialogs) = await _browser.NewPage();
        await page.GotoAsync("document/hostile-1");
        Assert.Contains("<script>window.__pwned='title'</script>Hostile", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Contains("<script>document.title='pwned'</script>", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("script, main img, a[href^='javascript']").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));

        await page.Locator("a[href^='event/']").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/event/[0-9]+$"));
        var text = await page.InnerTextAsync("main");
        Assert.Contains("<script>document.title='pwned'</script>", text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=window.", text, StringComparison.Ordinal);
        Assert.Contains("<script>window.__pwned='title'</script>Hostile", text, StringComparison.Ordinal);
        Assert.Contains("address (not a web link): javascript:window.__pwned='url'", text, StringComparison.Ordinal);
        Assert.Equal("Russia criticized the United States", await page.Locator("mark.evidence").InnerTextAsync());
        Assert.Equal(0, await page.Locator("script, main img, a[href^='javascript']").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task Pasted_text_is_ingested_and_its_events_appear()
    {
        var (page, _) = await _browser.NewPage();
        await page.GotoAsync("ingest");
        await page.GetByLabel("API key").FillAsync(TestServers.Key);
        await page.GetByLabel("document id").FillAsync("pasted-1");
        await page.GetByLabel("title").FillAsync("Pasted story");
        await page.GetByLabel("published").FillAsync("2024-06-29");
        await page.GetByLabel("Text").FillAsync("China will send economic aid to Pakistan, the Chinese foreign ministry said. Russia criticized the United States on Friday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingest" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Events of the ingested documents" }));
        var text = await page.InnerTextAsync("main");
        Assert.Contains("1 added", text, StringComparison.Ordinal);
        Assert.Contains("Criticize or denounce", text, StringComparison.Ordinal);
        Assert.Contains("intended", text, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "ingest.png"), FullPage = true });

        await page.GetByLabel("API key").FillAsync("wrong-key");
        await page.GetByLabel("Text").FillAsync("India accused Pakistan of violating the ceasefire on Sunday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingest" }).ClickAsync();
        await Expect(page.GetByText("The API key is wrong: nothing was ingested."));
    }

    [Theory]
    [InlineData(1366, 768, "")]
    [InlineData(390, 844, "")]
    [InlineData(390, 844, "pair/PAK/RUS")]
    [InlineData(390, 844, "events")]
    public async Task Pages_fit_the_screen_width(int width, int height, string path)
    {
        var (page, _) = await _browser.NewPage(width, height);
        await page.GotoAsync(path);
        int scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scroll <= width, $"{path}: the page is {scroll} px wide on a {width} px screen");
        if (width < 500 && path.Length == 0)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "overview-phone.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task The_network_is_reachable_from_the_keyboard()
    {
        var (page, _) = await _browser.NewPage();
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        string? href = null;
        for (int i = 0; i < 40 && href?.StartsWith("pair/", StringComparison.Ordinal) != true; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            href = await page.EvaluateAsync<string?>("() => document.activeElement.getAttribute('href')");
        }

        Assert.StartsWith("pair/", href, StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/pair/[A-Z]+/[A-Z]+$"));
    }

    [Fact]
    public async Task A_hedging_triad_links_to_both_of_its_pairs()
    {
        var (page, _) = await _browser.NewPage();
        await page.GotoAsync("pair/CHN/IND");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "CHN → PAK" }));
        await page.GetByRole(AriaRole.Link, new() { Name = "IND ✕ PAK" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/pair/IND/PAK$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "IND – PAK" }));
        await page.GotoAsync("actor/PAK");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Adversaries" }));
        Assert.Equal("IND", await page.Locator("section[aria-labelledby='adversaries-h'] tbody tr a").First.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "actor.png"), FullPage = true });
    }

    [Fact]
    public async Task An_unknown_actor_shows_close_matches()
    {
        var (page, _) = await _browser.NewPage();
        await page.GotoAsync("pair/PAKK/RUS");
        await Expect(page.GetByText("no stored event has an actor 'PAKK'; close matches: PAK"));
    }

    [Fact]
    public async Task Stylesheets_load_under_the_content_security_policy()
    {
        var (page, _) = await _browser.NewPage();
        var failed = new List<string>();
        page.Console += (_, m) => failed.Add(m.Text);
        await page.GotoAsync("pair/PAK/RUS");
        Assert.Equal("rgb(31, 45, 61)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.topbar')).backgroundColor"));
        Assert.Empty(failed);
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();
}
