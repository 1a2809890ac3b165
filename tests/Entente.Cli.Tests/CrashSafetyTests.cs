using System.Diagnostics;
using System.Globalization;
using System.Text;
using Entente.Storage;

namespace Entente.Cli.Tests;

/// <summary>
/// kill -9 in the middle of an ingest, then the same ingest again: the database ends as a clean run's, no document lost,
/// no event or report duplicated. The CLI runs as a child process (<c>dotnet entente.dll</c>) killed with its process tree.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private static readonly string[] Countries = ["Russia", "Pakistan", "Ukraine", "India", "China", "France", "Germany", "Poland", "Turkey", "Iran", "Japan", "Brazil"];

    private static readonly string[] Templates =
    [
        "{0} criticized {1} on {2}.",
        "{0} praised {1} on {2}.",
        "{0} and {1} signed an agreement on {2}.",
        "{0} sent weapons to {1} on {2}.",
        "{0} did not send weapons to {1}.",
    ];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Killing_an_ingest_and_running_it_again_gives_the_same_database_as_a_clean_run()
    {
        // Given a corpus that takes a while to code (batches grow from 32 documents: the kill comes after the second)
        const int documents = 600;
        var corpus = WriteCorpus(_dir, documents);

        // When one database is ingested in one go, and another is killed once mid-ingest and then ingested again
        var clean = _dir.File("clean.duckdb");
        Assert.Equal(0, RunToEnd(corpus, clean));
        var crashed = _dir.File("crashed.duckdb");
        KillMidIngest(corpus, crashed);
        long committed;
        using (var partial = EventStore.Open(crashed))
        {
            committed = partial.Counts().Documents;
        }

        Assert.InRange(committed, 1, documents - 1);
        Assert.Equal(0, RunToEnd(corpus, crashed));

        // Then both hold the same documents, events and reports
        using var a = EventStore.Open(clean);
        using var b = EventStore.Open(crashed);
        Assert.Equal(documents, a.Counts().Documents);
        Assert.Equal(a.Counts(), b.Counts());
        Assert.Equal(Canonical(a), Canonical(b));
    }

    private static List<string> Canonical(IEventStore store) =>
        store.Events(EventQuery.All)
            .Select(e => $"{e.Source.Code}|{e.Target.Code}|{e.Cameo}|{e.Date}|{e.DatePrecision}|{e.Modality}|{e.Reports}|{e.Documents}|{e.Sources}|{e.FirstSeen}|{e.LastSeen}")
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A JSON Lines corpus of short news items, three coded sentences each, four a day from 1 January 2022.</summary>
    internal static string WriteCorpus(TempDir dir, int documents)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < documents; i++)
        {
            var published = new DateOnly(2022, 1, 1).AddDays(i / 4);
            var text = new StringBuilder();
            for (int s = 0; s < 3; s++)
            {
                int k = (i * 7) + (s * 13);
                var a = Countries[k % Countries.Length];
                var b = Countries[(k / Countries.Length + 1 + k) % Countries.Length];
                if (a == b)
                {
                    b = Countries[(Array.IndexOf(Countries, a) + 1) % Countries.Length];
                }

                var day = published.AddDays(-(k % 3)).ToString("MMMM d, yyyy", inv);
                text.Append(string.Format(inv, Templates[(i + s) % Templates.Length], a, b, day)).Append(' ');
            }

            sb.Append(inv, $$"""{"id":"doc-{{i:D4}}","source":"outlet-{{i % 5}}","date":"{{published:yyyy-MM-dd}}","text":"{{text.ToString().Trim()}}"}""").Append('\n');
        }

        var path = dir.File("corpus.jsonl");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary><c>dotnet entente.dll ingest CORPUS --db DB</c> as a child process with redirected streams.</summary>
    internal static ProcessStartInfo Ingest(string corpus, string db)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "entente.dll"), "ingest", corpus, "--db", db })
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static int RunToEnd(string corpus, string db)
    {
        using var process = Process.Start(Ingest(corpus, db))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "the ingest did not finish in 5 minutes");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stdout.Result}\n{stderr.Result}");
        return process.ExitCode;
    }

    private static void KillMidIngest(string corpus, string db)
    {
        using var process = Process.Start(Ingest(corpus, db))!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        // The first progress line comes after 50 documents are stored: kill right then, in the middle of the run.
        var line = process.StandardError.ReadLine();
        while (line is not null && !line.StartsWith("entente ingest:", StringComparison.Ordinal))
        {
            line = process.StandardError.ReadLine();
        }

        Assert.False(process.HasExited, "the ingest ended before it could be killed");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }
}
