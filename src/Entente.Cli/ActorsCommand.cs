using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Entente.Coding.Actors;
using Entente.Core;
using Entente.Nlp.Text;

namespace Entente.Cli;

/// <summary>
/// <c>entente actors [TEXT|-|FILE] [--date YYYY-MM-DD] [--json]</c>: the actors a text mentions, each with its
/// offsets, CAMEO code, country, sector, kind and evidence. A <c>.jsonl</c> file holds one document per line
/// (<c>{"text": …, "date": …}</c>, the date optional); every other input is one document.
/// With <c>--json</c>, one JSON array per document, one line each; otherwise one tab-separated line per mention.
/// </summary>
public static class ActorsCommand
{
    public static Command Build(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var input = new Argument<string?>("input")
        {
            Description = "Text to resolve, a file to read (.jsonl: one {\"text\",\"date\"} object per line), or '-' (the default) for standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var date = new Option<string?>("--date") { Description = "Date of the events (YYYY-MM-DD): picks the office holders' terms." };
        var json = new Option<bool>("--json") { Description = "Print one JSON array of mentions per document." };
        var cmd = new Command("actors", "Resolve the actors a text mentions to CAMEO codes, countries and sectors, with offsets.")
        {
            input, date, json,
        };
        cmd.SetAction(result =>
        {
            if (!CliIo.TryParseDateOption(result.GetValue(date), stderr, out var defaultDate))
            {
                return EntenteCli.Usage;
            }

            var arg = result.GetValue(input);
            var diagnostics = new List<Diagnostic>();
            if (!CliIo.TryRead(() => Read(arg, stdin, defaultDate, diagnostics), arg, stderr, out var documents))
            {
                return EntenteCli.Failure;
            }

            ActorResolver resolver;
            try
            {
                resolver = ActorResolver.Default;
                _ = resolver.KnowledgeBase.Counts;
            }
            catch (ActorDataException e)
            {
                stderr.WriteLine($"entente: {e.Message}");
                return EntenteCli.Failure;
            }

            foreach (var d in diagnostics)
            {
                stderr.WriteLine($"entente: {d}");
            }

            foreach (var (id, text, documentDate) in documents)
            {
                var segmented = Entente.Nlp.Tokenization.Segmenter.Default.Segment(text, id);
                foreach (var d in segmented.Diagnostics)
                {
                    stderr.WriteLine($"entente: {d}");
                }

                var mentions = resolver.ResolveWithPronouns(segmented, documentDate);
                if (result.GetValue(json))
                {
                    WriteJson(mentions, stdout);
                }
                else
                {
                    WriteTable(mentions, stdout);
                }
            }

            return EntenteCli.Ok;
        });
        return cmd;
    }

    private static List<(string Id, string Text, DateOnly? Date)> Read(string? arg, TextReader stdin, DateOnly? defaultDate, List<Diagnostic> diagnostics)
    {
        if (arg is null or "-")
        {
            return [("stdin", stdin.ReadToEnd(), defaultDate)];
        }

        if (!File.Exists(arg))
        {
            return [("text", arg, defaultDate)];
        }

        var id = Path.GetFileName(arg);
        if (!arg.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            var text = TextDecoding.Decode(File.ReadAllBytes(arg), id, out var decodeDiagnostics);
            diagnostics.AddRange(decodeDiagnostics);
            return [(id, text, defaultDate)];
        }

        var documents = new List<(string, string, DateOnly?)>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(arg))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.EmptyText, Severity.Warning, $"{id}:{lineNo}", "no \"text\" string; line skipped"));
                    continue;
                }

                DateOnly? lineDate = defaultDate;
                if (root.TryGetProperty("date", out var dateElement) && dateElement.ValueKind == JsonValueKind.String
                    && dateElement.GetString() is { Length: >= 10 } ds
                    && DateOnly.TryParseExact(ds[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    lineDate = parsed;
                }

                documents.Add(($"{id}:{lineNo}", textElement.GetString()!, lineDate));
            }
            catch (JsonException e)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.EmptyText, Severity.Warning, $"{id}:{lineNo}", $"not a JSON object ({e.Message}); line skipped"));
            }
        }

        return documents;
    }

    private static void WriteJson(IReadOnlyList<ActorMention> mentions, TextWriter stdout)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartArray();
            foreach (var m in mentions)
            {
                w.WriteStartObject();
                w.WriteString("text", m.Text);
                w.WriteNumber("start", m.Start);
                w.WriteNumber("end", m.End);
                WriteNullable(w, "code", m.Code);
                WriteNullable(w, "country", m.Country);
                WriteNullable(w, "sector", m.Sector);
                w.WriteString("kind", KindName(m.Kind));
                w.WriteString("resolved_by", ResolvedByName(m.ResolvedBy));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTable(IReadOnlyList<ActorMention> mentions, TextWriter stdout)
    {
        foreach (var m in mentions)
        {
            stdout.WriteLine(string.Join('\t', m.Start.ToString(CultureInfo.InvariantCulture), m.End.ToString(CultureInfo.InvariantCulture), m.Text,
                m.Code ?? "-", m.Country ?? "-", m.Sector ?? "-", KindName(m.Kind), ResolvedByName(m.ResolvedBy)));
        }

        stdout.WriteLine();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>The contract's name of a kind: state, igo, person, organisation, location.</summary>
    public static string KindName(ActorKind kind) => kind switch
    {
        ActorKind.State => "state",
        ActorKind.Igo => "igo",
        ActorKind.Person => "person",
        ActorKind.Organisation => "organisation",
        _ => "location",
    };

    /// <summary>The contract's name of the evidence: name, metonym, demonym, office, city, coreference.</summary>
    public static string ResolvedByName(ResolvedBy by) => by switch
    {
        ResolvedBy.Name => "name",
        ResolvedBy.Metonym => "metonym",
        ResolvedBy.Demonym => "demonym",
        ResolvedBy.Office => "office",
        ResolvedBy.City => "city",
        _ => "coreference",
    };
}
