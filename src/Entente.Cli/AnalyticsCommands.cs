using Grain = Entente.Storage.Grain;
using System.CommandLine;
using System.Globalization;
using System.Xml;
using Entente.Analytics;
using Entente.Storage;

namespace Entente.Cli;

/// <summary>
/// <c>entente dyad A B</c> (a pair's series), <c>entente network</c> (the signed network) and <c>entente assess A B</c>
/// (the answer for a pair): relations analytics over the stored events (docs/analytics.md).
/// </summary>
public static class AnalyticsCommands
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IEnumerable<Command> Build(TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        yield return Dyad(stdout, stderr);
        yield return Network(stdout, stderr);
        yield return Assess(stdout, stderr);
    }

    private static Command Dyad(TextWriter stdout, TextWriter stderr)
    {
        var (a, b) = Actors();
        var db = StoreCli.DbOption();
        var (from, to) = Window();
        var by = new Option<string>("--by") { Description = "Period: month, quarter or year.", DefaultValueFactory = _ => "month" };
        by.AcceptOnlyFromAmong("month", "quarter", "year");
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var plot = new Option<string?>("--plot") { Description = "Also draw the series as a PNG chart into this file." };
        var cmd = new Command("dyad", "A pair's events over time, both directions: counts per quad class, Goldstein, weighted cooperation and conflict, coverage, trend.")
        {
            a, b, db, by, from, to, format, plot,
        };
        cmd.SetAction(result =>
        {
            if (!Resolve(result, a, b, from, to, stderr, out var x, out var y, out var f, out var t))
            {
                return EntenteCli.Usage;
            }

            using var store = StoreCli.Open(result.GetValue(db)!, mustExist: true, stderr);
            if (store is null)
            {
                return EntenteCli.Failure;
            }

            var grain = GrainOf(result.GetValue(by)!);
            var series = new RelationsAnalytics(store).Dyad(x, y, grain, f, t);
            switch (result.GetValue(format))
            {
                case "json":
                    stdout.WriteLine(AnalyticsJson.Serialize(series));
                    break;
                case "csv":
                    WriteDyadCsv(series, stdout);
                    break;
                default:
                    WriteDyadTable(series, stdout);
                    break;
            }

            if (result.GetValue(plot) is { } png)
            {
                try
                {
                    DyadChart.Save(series, png);
                    stderr.WriteLine($"entente: chart written to {png}");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or TypeInitializationException or DllNotFoundException)
                {
                    stderr.WriteLine($"entente: cannot draw the chart {png}: {e.Message}");
                    return EntenteCli.Failure;
                }
            }

            stdout.Flush();
            return EntenteCli.Ok;
        });
        return cmd;
    }

    private static Command Network(TextWriter stdout, TextWriter stderr)
    {
        var db = StoreCli.DbOption();
        var (from, to) = Window();
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "graphml");
        var triads = new Option<int>("--triads") { Description = "List at most this many unbalanced triads (heaviest first).", DefaultValueFactory = _ => 50 };
        var cmd = new Command("network", "Every pair's net cooperation–conflict score as a signed, weighted graph, with the structurally unbalanced triads.")
        {
            db, from, to, format, triads,
        };
        cmd.SetAction(result =>
        {
            if (!Dates(result, from, to, stderr, out var f, out var t))
            {
                return EntenteCli.Usage;
            }

            if (result.GetValue(triads) < 0)
            {
                stderr.WriteLine("entente: --triads: expected 0 or more");
                return EntenteCli.Usage;
            }

            using var store = StoreCli.Open(result.GetValue(db)!, mustExist: true, stderr);
            if (store is null)
            {
                return EntenteCli.Failure;
            }

            var network = new RelationsAnalytics(store).Network(f, t, result.GetValue(triads));
            if (result.GetValue(format) == "graphml")
            {
                WriteGraphMl(network, stdout);
            }
            else
            {
                stdout.WriteLine(AnalyticsJson.Serialize(network));
            }

            stdout.Flush();
            return EntenteCli.Ok;
        });
        return cmd;
    }

    private static Command Assess(TextWriter stdout, TextWriter stderr)
    {
        var (a, b) = Actors();
        var db = StoreCli.DbOption();
        var (from, to) = Window();
        var by = new Option<string>("--by") { Description = "Period of the trend: month, quarter or year.", DefaultValueFactory = _ => "quarter" };
        by.AcceptOnlyFromAmong("month", "quarter", "year");
        var format = new Option<string>("--format") { Description = "md: a short brief; json: the contract of docs/analytics.md.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json");
        var cmd = new Command("assess", "How the relation of A toward B stands and moves, who A supports among B's adversaries, and how far the evidence goes.")
        {
            a, b, db, from, to, by, format,
        };
        cmd.SetAction(result =>
        {
            if (!Resolve(result, a, b, from, to, stderr, out var x, out var y, out var f, out var t))
            {
                return EntenteCli.Usage;
            }

            using var store = StoreCli.Open(result.GetValue(db)!, mustExist: true, stderr);
            if (store is null)
            {
                return EntenteCli.Failure;
            }

            var assessment = new RelationsAnalytics(store).Assess(x, y, f, t, GrainOf(result.GetValue(by)!));
            if (result.GetValue(format) == "json")
            {
                stdout.WriteLine(AnalyticsJson.Serialize(assessment));
            }
            else
            {
                Briefs.WriteMarkdown(assessment, stdout);
            }

            stdout.Flush();
            return EntenteCli.Ok;
        });
        return cmd;
    }

    private static (Argument<string> A, Argument<string> B) Actors() =>
        (new Argument<string>("A") { Description = "An actor: ISO alpha-3 country (PAK) or the code of an organisation (IGOUNO)." },
         new Argument<string>("B") { Description = "The other actor." });

    private static (Option<string?> From, Option<string?> To) Window() =>
        (new Option<string?>("--from") { Description = "Events dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD)." },
         new Option<string?>("--to") { Description = "Events dated on or before this (YYYY, YYYY-MM or YYYY-MM-DD)." });

    private static bool Resolve(ParseResult result, Argument<string> a, Argument<string> b, Option<string?> from, Option<string?> to, TextWriter stderr,
        out string x, out string y, out DateOnly? f, out DateOnly? t)
    {
        x = result.GetValue(a)!.Trim().ToUpperInvariant();
        y = result.GetValue(b)!.Trim().ToUpperInvariant();
        f = t = null;
        foreach (var code in new[] { x, y })
        {
            if (!ActorLookup.Default.IsKnown(code))
            {
                var close = ActorLookup.Default.CloseMatches(code);
                stderr.WriteLine(close.Length > 0
                    ? $"entente: unknown actor code {code}; close matches: {string.Join(", ", close)}"
                    : $"entente: unknown actor code {code}: expected an ISO alpha-3 country (PAK) or an organisation code (IGOUNO); 'entente actors TEXT' shows codes");
                return false;
            }
        }

        if (x == y)
        {
            stderr.WriteLine($"entente: A and B are both {x}: a pair needs two actors");
            return false;
        }

        return Dates(result, from, to, stderr, out f, out t);
    }

    private static bool Dates(ParseResult result, Option<string?> from, Option<string?> to, TextWriter stderr, out DateOnly? f, out DateOnly? t)
    {
        f = t = null;
        foreach (var (option, isEnd) in new[] { (from, false), (to, true) })
        {
            if (result.GetValue(option) is not { } text)
            {
                continue;
            }

            if (!DateBounds.TryParse(text, isEnd, out var date))
            {
                stderr.WriteLine($"entente: {option.Name} {text}: expected YYYY, YYYY-MM or YYYY-MM-DD");
                return false;
            }

            if (isEnd)
            {
                t = date;
            }
            else
            {
                f = date;
            }
        }

        if (f > t)
        {
            stderr.WriteLine($"entente: --from {f:yyyy-MM-dd} is after --to {t:yyyy-MM-dd}");
            return false;
        }

        return true;
    }

    private static Grain GrainOf(string by) => by switch
    {
        "year" => Grain.Year,
        "quarter" => Grain.Quarter,
        _ => Grain.Month,
    };

    private static string N(double? v, string format = "0.##") => v is { } d ? d.ToString(format, Inv) : "-";

    private static void WriteDyadTable(DyadSeries s, TextWriter w)
    {
        var (a, b) = (s.Pair[0], s.Pair[1]);
        string[] header = ["period", "events", $"{a}>{b} coop", $"{a}>{b} conf", $"{b}>{a} coop", $"{b}>{a} conf", "goldstein", "mean", "w.coop", "w.conf", "score", "docs", "net/100 docs"];
        var rows = s.Points.Append(s.Total).Select(p => new[]
        {
            p.Period, p.Events.ToString(Inv),
            (p.AToB.VerbalCooperation + p.AToB.MaterialCooperation).ToString(Inv), (p.AToB.VerbalConflict + p.AToB.MaterialConflict).ToString(Inv),
            (p.BToA.VerbalCooperation + p.BToA.MaterialCooperation).ToString(Inv), (p.BToA.VerbalConflict + p.BToA.MaterialConflict).ToString(Inv),
            N(p.GoldsteinSum, "0.#"), N(p.GoldsteinMean, "0.00"), N(p.Cooperation), N(p.Conflict), N(p.Score, "+0.00;-0.00;0.00"),
            p.Coverage.ToString(Inv), N(p.NetPer100Documents, "0.0"),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        w.WriteLine(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))));
        foreach (var r in rows)
        {
            w.WriteLine(string.Join("  ", r.Select((v, i) => v.PadLeft(widths[i]))));
        }

        var tr = s.Trend;
        w.WriteLine(tr.Slope is { } slope
            ? $"trend of the net score: {tr.Direction}, Theil–Sen slope {slope.ToString("+0.0000;-0.0000;0", Inv)} per {tr.By} (95 % bootstrap interval {N(tr.SlopeLow, "0.0000")} to {N(tr.SlopeHigh, "0.0000")}) over {tr.Periods} periods"
            : $"trend: unknown ({tr.Periods} periods with evidence)");
        foreach (var c in tr.ChangePoints)
        {
            w.WriteLine($"change point at {c.Period}: mean net score {N(c.Before, "0.00")} before, {N(c.After, "0.00")} after");
        }

        if (s.Undated > 0)
        {
            w.WriteLine($"({s.Undated} undated events left out)");
        }
    }

    private static void WriteDyadCsv(DyadSeries s, TextWriter w)
    {
        w.Write("period,events,a_to_b_verbal_cooperation,a_to_b_material_cooperation,a_to_b_verbal_conflict,a_to_b_material_conflict,");
        w.Write("b_to_a_verbal_cooperation,b_to_a_material_cooperation,b_to_a_verbal_conflict,b_to_a_material_conflict,");
        w.Write("goldstein_sum,goldstein_mean,cooperation,conflict,score,coverage,volume_per_100_documents,net_per_100_documents\r\n");
        foreach (var p in s.Points)
        {
            var cells = new[]
            {
                p.Period, p.Events.ToString(Inv),
                p.AToB.VerbalCooperation.ToString(Inv), p.AToB.MaterialCooperation.ToString(Inv), p.AToB.VerbalConflict.ToString(Inv), p.AToB.MaterialConflict.ToString(Inv),
                p.BToA.VerbalCooperation.ToString(Inv), p.BToA.MaterialCooperation.ToString(Inv), p.BToA.VerbalConflict.ToString(Inv), p.BToA.MaterialConflict.ToString(Inv),
                p.GoldsteinSum.ToString("R", Inv), C(p.GoldsteinMean), p.Cooperation.ToString("R", Inv), p.Conflict.ToString("R", Inv), C(p.Score),
                p.Coverage.ToString(Inv), C(p.VolumePer100Documents), C(p.NetPer100Documents),
            };
            w.Write(string.Join(',', cells));
            w.Write("\r\n");
        }

        static string C(double? v) => v is { } d ? d.ToString("R", Inv) : string.Empty;
    }

    private static void WriteGraphMl(SignedNetwork n, TextWriter w)
    {
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false };
        using var x = XmlWriter.Create(w, settings);
        const string ns = "http://graphml.graphdrawing.org/xmlns";
        x.WriteStartElement("graphml", ns);
        foreach (var (id, name, type) in new[] { ("score", "score", "double"), ("sign", "sign", "int"), ("weight", "weight", "double"), ("cooperation", "cooperation", "double"), ("conflict", "conflict", "double"), ("events", "events", "long") })
        {
            x.WriteStartElement("key", ns);
            x.WriteAttributeString("id", id);
            x.WriteAttributeString("for", "edge");
            x.WriteAttributeString("attr.name", name);
            x.WriteAttributeString("attr.type", type);
            x.WriteEndElement();
        }

        x.WriteStartElement("graph", ns);
        x.WriteAttributeString("id", "entente");
        x.WriteAttributeString("edgedefault", "undirected");
        foreach (var node in n.Nodes)
        {
            x.WriteStartElement("node", ns);
            x.WriteAttributeString("id", node);
            x.WriteEndElement();
        }

        foreach (var e in n.Edges)
        {
            x.WriteStartElement("edge", ns);
            x.WriteAttributeString("source", e.A);
            x.WriteAttributeString("target", e.B);
            foreach (var (key, value) in new[]
            {
                ("score", e.Score.ToString("R", Inv)), ("sign", e.Sign.ToString(Inv)), ("weight", e.Weight.ToString("R", Inv)),
                ("cooperation", e.Cooperation.ToString("R", Inv)), ("conflict", e.Conflict.ToString("R", Inv)), ("events", e.Events.ToString(Inv)),
            })
            {
                x.WriteStartElement("data", ns);
                x.WriteAttributeString("key", key);
                x.WriteString(value);
                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        x.WriteEndElement();
        x.WriteEndElement();
        x.Flush();
        w.WriteLine();
    }
}
