using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Entente.Web.Tests;

/// <summary>
/// The dashboard on a free loopback port over a copy of the corpus database (writes on, with the test key), and
/// Debian's Chromium driven by Playwright: headless, no downloads, no sandbox (CI runs as root). Chromium must be at
/// <see cref="Chromium"/>: when it is not, the fixture installs it with apt-get where it can (Debian, root), and otherwise
/// every browser test fails with the install command (.ci/run installs it too).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private readonly CorpusFixture _corpus;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public BrowserFixture(CorpusFixture corpus) => _corpus = corpus;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>docs/screenshots in the repository (the README shows them).</summary>
    public static string Screenshots
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Entente.slnx")))
            {
                dir = dir.Parent;
            }

            var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "docs", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            await InstallChromium();
        }

        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {Chromium}, and it is not there. Install it with " +
                "'apt-get update && apt-get install -y chromium' (.ci/run does this before the tests).");
        }

        (_app, Address) = await TestServers.Kestrel(_corpus.Copy(), o => o with { ApiKey = TestServers.Key });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// On a Debian machine where the tests run as root (CI, a fresh container), installs Debian's Chromium with apt-get, so
    /// that the README's test command needs no set-up of its own; elsewhere does nothing (the caller then fails clearly).
    /// </summary>
    private static async Task InstallChromium()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return;
        }

        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(Chromium))
            {
                return;
            }

            var start = new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = System.Diagnostics.Process.Start(start);
            if (process is not null)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                await Task.WhenAll(output, errors);
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>A new page of the given size, with every script dialog recorded (none should open).</summary>
    public async Task<(IPage Page, List<string> Dialogs)> NewPage(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = Address.ToString() });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, d) =>
        {
            dialogs.Add(d.Message);
            await d.DismissAsync();
        };
        return (page, dialogs);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
