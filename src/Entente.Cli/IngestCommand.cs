using System.CommandLine;
using System.Globalization;
using Entente.Coding.Events;
using Entente.Core;
using Entente.Core.Documents;
using Entente.Sources;
using Entente.Storage;
using Spectre.Console;

namespace Entente.Cli;

/// <summary>
/// <c>entente ingest PATH... [--db FILE] [--feed URL-or-file] [--strict]</c>: code documents and store them,
/// idempotently, one transaction per document. A progress bar on a terminal, a line every 50 documents otherwise;
/// a summary on stdout at the end. Exit 0, or 1 with <c>--strict</c> when any input was skipped.
/// </summary>
public static class IngestCommand
{
    /// <summary>How many documents between two progress lines when the output is not a terminal.</summary>
    private const int PlainProgressEvery = 50;

    public static Command Build(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var paths = new Argument<string[]>("path")
        {
            Description = "Files or directories (.txt, .jsonl, .html, .xml/.rss/.atom), URLs, or '-' for standard input (the default when no --feed is given).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var db = StoreCli.DbOption();
        var feeds = new Option<string[]>("--feed") { Description = "An RSS/Atom feed (URL or file) to ingest, whatever its extension; repeatable." };
        var strict = new Option<bool>("--strict") { Description = "Exit 1 when any input or document was skipped." };
        var date = new Option<string?>("--date") { Description = "Publication date (YYYY-MM-DD) for documents that carry none (a .txt file): anchors relative dates and dates the events." };
        var cmd = new Command("ingest", "Code documents into events and store them (idempotent: unchanged documents are skipped).")
        {
            paths, db, feeds, strict, date,
        };
        cmd.SetAction(result =>
        {
            var inputs = result.GetValue(paths) ?? [];
            var feedInputs = result.GetValue(feeds) ?? [];
            if (inputs.Length == 0 && feedInputs.Length == 0)
            {
                inputs = ["-"];
            }

            if (!CliIo.TryParseDateOption(result.GetValue(date), stderr, out var published))
            {
                return EntenteCli.Usage;
            }

            return Run(inputs, feedInputs, result.GetValue(db)!, result.GetValue(strict), published, stdin, stdout, stderr);
        });
        return cmd;
    }

    private static int Run(string[] inputs, string[] feeds, string db, bool strict, DateOnly? published, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        EventCoder coder;
        try
        {
            coder = EventCoder.Default;
        }
        catch (Exception e) when (e is DataFileException or InvalidDataException or IOException)
        {
            stderr.WriteLine($"entente: cannot load the event coder: {e.Message}");
            return EntenteCli.Failure;
        }

        using var store = StoreCli.Open(db, mustExist: false, stderr);
        if (store is null)
        {
            return EntenteCli.Failure;
        }

        bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var skips = new List<Diagnostic>();
        var source = DocumentSource.Default;
        var items = source.Read(inputs, stdin).Concat(feeds.SelectMany(source.ReadFeed));
        var documents = Documents(items, skips, d =>
        {
            if (!terminal)
            {
                stderr.WriteLine($"{d.Subject}: {d.Message} ({d.Code})");
            }
        }).Select(d => d.Date is null && published is not null ? d with { Date = published } : d);
        var ingestor = new Ingestor(store, coder);
        IngestSummary summary;
        try
        {
            summary = terminal ? WithProgressBar(ingestor, documents, stderr) : WithProgressLines(ingestor, documents, stderr);
        }
        catch (System.Data.Common.DbException e)
        {
            stderr.WriteLine($"entente: the database failed: {e.Message}");
            return EntenteCli.Failure;
        }

        if (terminal)
        {
            foreach (var d in skips)
            {
                stderr.WriteLine($"{d.Subject}: {d.Message} ({d.Code})");
            }
        }

        int skipped = skips.Count(d => d.Severity == Severity.Error) + summary.Rejected;
        WriteSummary(stdout, summary, skips, db);
        return strict && skipped > 0 ? EntenteCli.Failure : EntenteCli.Ok;
    }

    /// <summary>The documents of the source items; diagnostics go to <paramref name="skips"/> (errors and warnings) as they come.</summary>
    private static IEnumerable<Document> Documents(IEnumerable<SourceItem> items, List<Diagnostic> skips, Action<Diagnostic> report)
    {
        foreach (var item in items)
        {
            if (item.Diagnostic is { Severity: not Severity.Info } d)
            {
                skips.Add(d);
                report(d);
            }

            if (item.Document is { } doc)
            {
                yield return doc;
            }
        }
    }

    private static IngestSummary WithProgressLines(Ingestor ingestor, IEnumerable<Document> documents, TextWriter stderr) =>
        ingestor.Ingest(documents, p =>
        {
            if (p.Documents % PlainProgressEvery == 0)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"entente ingest: {p.Documents} documents ({p.Unchanged} unchanged), {p.Reports} reports, {p.Elapsed.TotalSeconds:F1} s"));
                stderr.Flush();
            }
        });

    private static IngestSummary WithProgressBar(Ingestor ingestor, IEnumerable<Document> documents, TextWriter stderr)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        IngestSummary? summary = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("ingest", maxValue: 1).IsIndeterminate();
                summary = ingestor.Ingest(documents, p => task.Description = string.Create(CultureInfo.InvariantCulture,
                    $"{p.Documents} documents, {p.Reports} reports, {p.Documents / Math.Max(p.Elapsed.TotalSeconds, 1e-3):F1}/s"));
                task.IsIndeterminate(false).Value = 1;
                task.StopTask();
            });
        return summary!;
    }

    private static void WriteSummary(TextWriter stdout, IngestSummary s, List<Diagnostic> skips, string db)
    {
        var inv = CultureInfo.InvariantCulture;
        double seconds = Math.Max(s.Elapsed.TotalSeconds, 1e-9);
        int skipped = skips.Count(d => d.Severity == Severity.Error);
        stdout.WriteLine(string.Create(inv,
            $"documents read: {s.Documents} ({s.Added} added, {s.Replaced} replaced, {s.Unchanged} unchanged, {s.Rejected} not coded)"));
        stdout.WriteLine(string.Create(inv, $"skipped inputs: {skipped}"));
        foreach (var group in skips.Where(d => d.Severity == Severity.Error).GroupBy(d => d.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            stdout.WriteLine(string.Create(inv, $"  {group.Key} ×{group.Count()}: {group.First().Message} (e.g. {group.First().Subject})"));
        }

        stdout.WriteLine(string.Create(inv, $"reports stored: {s.Reports}"));
        stdout.WriteLine(string.Create(inv,
            $"database: {s.Totals.Documents} documents, {s.Totals.Events} events, {s.Totals.Reports} reports, {s.Totals.Actors} actors ({(EventStore.IsPostgres(db) ? "PostgreSQL" : db)})"));
        stdout.WriteLine(string.Create(inv, $"seconds: {s.Elapsed.TotalSeconds:F1} ({s.Documents / seconds:F1} documents/s)"));
    }
}
