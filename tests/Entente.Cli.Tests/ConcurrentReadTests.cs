using System.Diagnostics;
using DuckDB.NET.Data;
using Entente.Storage;

namespace Entente.Cli.Tests;

/// <summary>
/// DuckDB admits one writing process and no reader beside it. An ingest (a child process) lets readers in between
/// batches: <c>stats</c> and <c>events</c> in this process work while it runs. A process that keeps the file fails the
/// reader after the wait with a message naming it.
/// </summary>
public sealed class ConcurrentReadTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Queries_work_while_an_ingest_runs_in_another_process()
    {
        // Given an ingest running in a child process, past its first batch
        const int documents = 1500;
        var corpus = CrashSafetyTests.WriteCorpus(_dir, documents);
        var db = _dir.File("shared.duckdb");
        using var ingest = Process.Start(CrashSafetyTests.Ingest(corpus, db))!;
        ingest.StandardInput.Close();
        var stdout = ingest.StandardOutput.ReadToEndAsync();
        var line = ingest.StandardError.ReadLine();
        while (line is not null && !line.StartsWith("entente ingest:", StringComparison.Ordinal))
        {
            line = ingest.StandardError.ReadLine();
        }

        var stderr = ingest.StandardError.ReadToEndAsync();
        Assert.False(ingest.HasExited, "the ingest ended before the queries");

        // When stats and events run meanwhile, in this process
        int whileRunning = 0;
        var seen = new List<long>();
        while (!ingest.HasExited && whileRunning < 3)
        {
            var (exit, output, err) = CliRunner.Run("stats", "--db", db);
            Assert.True(exit == 0, err);
            var documentsLine = output.Split('\n').First(l => l.Contains("documents", StringComparison.Ordinal));
            seen.Add(long.Parse(System.Text.RegularExpressions.Regex.Match(documentsLine, @"documents (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            var (eventsExit, events, eventsErr) = CliRunner.Run("events", "--db", db, "--format", "jsonl");
            Assert.True(eventsExit == 0, eventsErr);
            Assert.NotEmpty(events);
            if (!ingest.HasExited)
            {
                whileRunning++;
            }
        }

        // Then they read committed batches, the ingest ends normally and stores everything
        Assert.True(ingest.WaitForExit(TimeSpan.FromMinutes(5)), "the ingest did not finish");
        var (output1, error1) = (await stdout, await stderr);
        Assert.True(ingest.ExitCode == 0, $"exit {ingest.ExitCode}: {output1}\n{error1}");
        Assert.True(whileRunning >= 1, "no query ran while the ingest was running");
        Assert.All(seen, n => Assert.InRange(n, 1, documents));
        using var store = EventStore.Open(db);
        Assert.Equal(documents, store.Counts().Documents);
    }

    [Fact]
    public async Task A_reader_says_which_process_holds_the_database_when_it_is_not_let_in()
    {
        // Given this process holding a DuckDB file for writing (as a program other than an ingest would)
        var db = _dir.File("held.duckdb");
        using (EventStore.Open(db))
        {
        }

        using var holder = new DuckDBConnection($"Data Source={db}");
        holder.Open();

        // When stats runs in another process, waiting one second at most
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "entente.dll"), "stats", "--db", db })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ENTENTE_DB_WAIT"] = "1";
        using var stats = Process.Start(info)!;
        var errTask = stats.StandardError.ReadToEndAsync();
        var outTask = stats.StandardOutput.ReadToEndAsync();
        Assert.True(stats.WaitForExit(TimeSpan.FromMinutes(1)), "stats did not give up");
        var err = await errTask;
        await outTask;

        // Then it fails, naming this process and saying what to do
        Assert.Equal(1, stats.ExitCode);
        Assert.Contains("is in use by another process", err, StringComparison.Ordinal);
        Assert.Contains($"PID {Environment.ProcessId}", err, StringComparison.Ordinal);
        Assert.Contains("try again", err, StringComparison.Ordinal);
        Assert.False(File.Exists(db + ".wait"), "the reader left its marker behind");
    }
}
