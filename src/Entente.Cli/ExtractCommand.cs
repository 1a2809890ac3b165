using System.CommandLine;
using System.Globalization;
using Entente.Coding.Events;
using Entente.Core;
using Entente.Sources;

namespace Entente.Cli;

/// <summary>
/// <c>entente extract [PATH...]</c>: code documents and print one JSON event per line on stdout (PRODUCT.md schema v1),
/// no database. A document that cannot be read or coded is reported on stderr as <c>id: reason</c> and the run goes on.
/// </summary>
public static class ExtractCommand
{
    public static Command Build(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var paths = new Argument<string[]>("path")
        {
            Description = "Files or directories (.txt, .jsonl, .html, .xml/.rss/.atom), or '-' (the default) for standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var date = new Option<string?>("--date") { Description = "Publication date (YYYY-MM-DD) for documents that carry none." };
        var stats = new Option<bool>("--stats") { Description = "Print documents, sentences, events and speed on stderr at the end." };
        var cmd = new Command("extract", "Code documents into events and print them as JSON Lines (one event per line).")
        {
            paths, date, stats,
        };
        cmd.SetAction(result =>
        {
            if (!CliIo.TryParseDateOption(result.GetValue(date), stderr, out var defaultDate))
            {
                return EntenteCli.Usage;
            }

            var inputs = result.GetValue(paths) is { Length: > 0 } given ? given : ["-"];
            return Run(inputs, defaultDate, result.GetValue(stats), stdin, stdout, stderr);
        });
        return cmd;
    }

    private static int Run(string[] inputs, DateOnly? defaultDate, bool stats, TextReader stdin, TextWriter stdout, TextWriter stderr)
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

        var clock = System.Diagnostics.Stopwatch.StartNew();
        long documents = 0, skipped = 0, sentences = 0, parsed = 0, events = 0;
        foreach (var item in DocumentSource.Default.Read(inputs, stdin))
        {
            if (item.Diagnostic is { Severity: not Severity.Info } d)
            {
                Report(stderr, d);
                if (d.Severity == Severity.Error)
                {
                    skipped++;
                }
            }

            if (item.Document is not { } doc)
            {
                continue;
            }

            if (doc.Date is null && defaultDate is not null)
            {
                doc = doc with { Date = defaultDate };
            }

            documents++;
            var coded = coder.Code(doc);
            sentences += coded.Sentences;
            parsed += coded.SentencesParsed;
            foreach (var diagnostic in coded.Document.Diagnostics)
            {
                Report(stderr, diagnostic);
            }

            foreach (var e in coded.Document.Events)
            {
                stdout.Write(EventJson.ToJson(e));
                stdout.Write('\n');
                events++;
            }
        }

        stdout.Flush();
        if (stats)
        {
            double seconds = clock.Elapsed.TotalSeconds;
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"entente extract: {documents} documents ({skipped} skipped), {sentences} sentences ({parsed} parsed), {events} events in {seconds:F1} s: {sentences / Math.Max(seconds, 1e-9):F0} sentences/s"));
        }

        return EntenteCli.Ok;
    }

    private static void Report(TextWriter stderr, Diagnostic d) =>
        stderr.WriteLine($"{d.Subject}: {d.Message} ({d.Code})");
}
