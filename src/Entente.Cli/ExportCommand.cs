using System.CommandLine;
using Entente.Storage;

namespace Entente.Cli;

/// <summary><c>entente export --format jsonl|csv|parquet|gdelt --out FILE [--db FILE]</c>: every stored event to a file.</summary>
public static class ExportCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var db = StoreCli.DbOption();
        var format = new Option<string>("--format") { Description = "jsonl, csv, parquet, or gdelt (the GDELT 2.0 event table's 61 tab-separated columns).", Required = true };
        format.AcceptOnlyFromAmong("jsonl", "csv", "parquet", "gdelt");
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var cmd = new Command("export", "Write every stored event to a file.") { db, format, output };
        cmd.SetAction(result =>
        {
            using var store = StoreCli.Open(result.GetValue(db)!, mustExist: true, stderr);
            if (store is null)
            {
                return EntenteCli.Failure;
            }

            var path = result.GetValue(output)!;
            var fmt = result.GetValue(format)!;
            var events = store.Events(EventQuery.All);
            try
            {
                if (fmt == "parquet")
                {
                    ParquetFormat.Write(events, path);
                }
                else
                {
                    using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
                    switch (fmt)
                    {
                        case "jsonl":
                            EventFormats.WriteJsonLines(events, writer);
                            break;
                        case "csv":
                            EventFormats.WriteCsv(events, writer);
                            break;
                        default:
                            GdeltFormat.Write(events, writer, DateTime.UtcNow, store.Origins());
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
            {
                stderr.WriteLine($"entente: cannot write {path}: {e.Message}");
                return EntenteCli.Failure;
            }

            stdout.WriteLine($"wrote {path} ({fmt})");
            return EntenteCli.Ok;
        });
        return cmd;
    }
}
