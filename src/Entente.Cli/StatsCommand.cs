using System.CommandLine;
using System.Globalization;
using Entente.Storage;

namespace Entente.Cli;

/// <summary><c>entente stats [--db FILE] [--top N]</c>: totals, events by year, root and modality, and the top actor pairs.</summary>
public static class StatsCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var db = StoreCli.DbOption();
        var top = new Option<int>("--top") { Description = "How many actor pairs to list.", DefaultValueFactory = _ => 10 };
        var cmd = new Command("stats", "Counts of the stored events: by year, CAMEO root, modality, and the top actor pairs.") { db, top };
        cmd.SetAction(result =>
        {
            int n = result.GetValue(top);
            if (n < 0)
            {
                stderr.WriteLine("entente: --top: expected 0 or more");
                return EntenteCli.Usage;
            }

            using var store = StoreCli.Open(result.GetValue(db)!, mustExist: true, stderr);
            if (store is null)
            {
                return EntenteCli.Failure;
            }

            var s = store.Statistics(n);
            var inv = CultureInfo.InvariantCulture;
            stdout.WriteLine(string.Create(inv, $"documents {s.Totals.Documents}, events {s.Totals.Events}, reports {s.Totals.Reports}, actors {s.Totals.Actors}"));
            Section(stdout, "by year", s.ByYear);
            Section(stdout, "by root", s.ByRoot);
            Section(stdout, "by modality", s.ByModality);
            stdout.WriteLine("top pairs");
            foreach (var p in s.TopPairs)
            {
                stdout.WriteLine(string.Create(inv, $"  {p.Source,-10} {p.Target,-10} {p.Count,8}"));
            }

            return EntenteCli.Ok;
        });
        return cmd;
    }

    private static void Section(TextWriter stdout, string title, IEnumerable<LabelCount> counts)
    {
        stdout.WriteLine(title);
        foreach (var c in counts)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Label,-12} {c.Count,8}"));
        }
    }
}
