using System.CommandLine;
using System.Globalization;
using Entente.Storage;

namespace Entente.Cli;

/// <summary>
/// <c>entente events [--db FILE] [filters] [--format table|jsonl|csv]</c>: query stored events, most recent first.
/// </summary>
public static class EventsCommand
{
    private static readonly string[] Modalities = ["asserted", "reported", "intended", "hypothetical", "negated", "opinion"];

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var db = StoreCli.DbOption();
        var actor = new Option<string?>("--actor") { Description = "An actor as source or target: a CAMEO code prefix (PAK, RUSGOV) or an ISO country code." };
        var country = new Option<string?>("--country") { Description = "A country (ISO alpha-3) as source or target." };
        var pair = new Option<string[]>("--pair") { Description = "Two actors, either direction: --pair PAK RUS.", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var code = new Option<string?>("--code") { Description = "A CAMEO code or root prefix: 07 (provide aid), 0332." };
        var quad = new Option<int?>("--quad") { Description = "Quad class 1-4 (verbal/material cooperation, verbal/material conflict)." };
        var from = new Option<string?>("--from") { Description = "Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)." };
        var to = new Option<string?>("--to") { Description = "Events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)." };
        var modality = new Option<string?>("--modality") { Description = "asserted, reported, intended, hypothetical, negated or opinion." };
        modality.AcceptOnlyFromAmong(Modalities);
        var minReports = new Option<int?>("--min-reports") { Description = "Only events with at least this many reports." };
        var limit = new Option<int?>("--limit") { Description = "At most this many events (default 50 for a table, all otherwise; 0 for all)." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl", "csv");
        var cmd = new Command("events", "List stored events, with filters.")
        {
            db, actor, country, pair, code, quad, from, to, modality, minReports, limit, format,
        };
        cmd.SetAction(result =>
        {
            var query = new EventQuery
            {
                Actor = result.GetValue(actor),
                Country = result.GetValue(country),
                CodePrefix = result.GetValue(code),
                QuadClass = result.GetValue(quad),
                Modality = result.GetValue(modality),
                MinReports = result.GetValue(minReports),
            };
            if (result.GetValue(pair) is [var a, var b])
            {
                query = query with { PairA = a, PairB = b };
            }

            foreach (var (option, isEnd) in new[] { (from, false), (to, true) })
            {
                if (result.GetValue(option) is not { } text)
                {
                    continue;
                }

                if (!DateBounds.TryParse(text, isEnd, out var date))
                {
                    stderr.WriteLine($"entente: {option.Name} {text}: expected YYYY, YYYY-MM or YYYY-MM-DD");
                    return EntenteCli.Usage;
                }

                query = isEnd ? query with { To = date } : query with { From = date };
            }

            if (query.QuadClass is < 1 or > 4)
            {
                stderr.WriteLine("entente: --quad: expected 1, 2, 3 or 4");
                return EntenteCli.Usage;
            }

            var fmt = result.GetValue(format)!;
            int max = result.GetValue(limit) ?? (fmt == "table" ? 50 : 0);
            if (max < 0)
            {
                stderr.WriteLine("entente: --limit: expected 0 or more");
                return EntenteCli.Usage;
            }

            using var store = StoreCli.Open(result.GetValue(db)!, mustExist: true, stderr);
            if (store is null)
            {
                return EntenteCli.Failure;
            }

            var events = store.Events(query with { Limit = max });
            switch (fmt)
            {
                case "jsonl":
                    EventFormats.WriteJsonLines(events, stdout);
                    break;
                case "csv":
                    EventFormats.WriteCsv(events, stdout);
                    break;
                default:
                    WriteTable(events.ToList(), stdout);
                    break;
            }

            stdout.Flush();
            return EntenteCli.Ok;
        });
        return cmd;
    }

    private static void WriteTable(List<StoredEvent> events, TextWriter stdout)
    {
        string[] header = ["id", "date", "source", "target", "cameo", "event", "modality", "reports", "docs", "sources"];
        var rows = events.Select(e => new[]
        {
            e.Id.ToString(CultureInfo.InvariantCulture), e.Date ?? "-", e.Source.Code ?? e.Source.Text ?? "?", e.Target.Code ?? e.Target.Text ?? "?",
            e.Cameo, Cut(e.CameoName ?? string.Empty, 40), e.Modality,
            e.Reports.ToString(CultureInfo.InvariantCulture), e.Documents.ToString(CultureInfo.InvariantCulture), e.Sources.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        stdout.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var r in rows)
        {
            stdout.WriteLine(string.Join("  ", r.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
        }

        stdout.WriteLine($"({events.Count} events)");
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");
}
