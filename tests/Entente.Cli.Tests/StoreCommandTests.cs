using System.Text.Json;
using DuckDB.NET.Data;

namespace Entente.Cli.Tests;

/// <summary><c>ingest</c>, <c>events</c>, <c>stats</c> and <c>export</c> in-process against a DuckDB file in a temporary directory.</summary>
public sealed class StoreCommandTests : IDisposable
{
    private const string Corpus = """
        {"id":"a","source":"reuters","date":"2023-02-10","url":"https://example.org/a","text":"Pakistan sent weapons to Ukraine on February 6, 2023."}
        {"id":"b","source":"tass","date":"2023-02-09","text":"Pakistan sent weapons to Ukraine on February 6, 2023."}
        {"id":"c","source":"dawn","date":"2023-02-11","text":"Pakistan did not send weapons to Ukraine."}
        {"id":"d","source":"dawn","date":"2022-03-03","text":"Pakistan criticized Russia on March 2, 2022."}
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Db => _dir.File("test.duckdb");

    private string WriteCorpus(string text = Corpus)
    {
        var path = _dir.File("corpus.jsonl");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Ingest_stores_merged_events_and_events_lists_them_as_json_lines()
    {
        var (exit, output, _) = CliRunner.Run("ingest", WriteCorpus(), "--db", Db);
        Assert.Equal(0, exit);
        Assert.Contains("documents read: 4 (4 added", output, StringComparison.Ordinal);
        Assert.Contains("database: 4 documents, 3 events, 4 reports", output, StringComparison.Ordinal);

        var (exit2, jsonl, _) = CliRunner.Run("events", "--db", Db, "--pair", "UKR", "PAK", "--format", "jsonl");
        Assert.Equal(0, exit2);
        var events = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, events.Count);
        var asserted = events.Single(e => e.GetProperty("modality").GetString() == "asserted");
        Assert.Equal(2, asserted.GetProperty("n_reports").GetInt32());
        Assert.Equal(2, asserted.GetProperty("n_sources").GetInt32());
        Assert.Equal("2023-02-06", asserted.GetProperty("date").GetString());
    }

    [Fact]
    public void Ingesting_the_same_files_again_changes_nothing()
    {
        var corpus = WriteCorpus();
        CliRunner.Run("ingest", corpus, "--db", Db);
        var (exit, output, _) = CliRunner.Run("ingest", corpus, "--db", Db);
        Assert.Equal(0, exit);
        Assert.Contains("(0 added, 0 replaced, 4 unchanged", output, StringComparison.Ordinal);
        Assert.Contains("database: 4 documents, 3 events, 4 reports", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_line_is_reported_and_skipped_and_strict_makes_it_an_error()
    {
        var corpus = WriteCorpus(Corpus + "\n{\"id\": \"broken\", \"text\": \n");
        var (exit, output, err) = CliRunner.Run("ingest", corpus, "--db", Db);
        Assert.Equal(0, exit);
        Assert.Contains("corpus.jsonl:5", err, StringComparison.Ordinal);
        Assert.Contains("skipped inputs: 1", output, StringComparison.Ordinal);
        Assert.Contains("ENT010", output, StringComparison.Ordinal);
        Assert.Equal(1, CliRunner.Run("ingest", corpus, "--db", Db, "--strict").Exit);
    }

    [Fact]
    public void Events_filters_by_modality_code_and_dates_and_prints_a_table_or_csv()
    {
        CliRunner.Run("ingest", WriteCorpus(), "--db", Db);
        var (_, table, _) = CliRunner.Run("events", "--db", Db, "--modality", "negated");
        Assert.Contains("(1 events)", table, StringComparison.Ordinal);
        var (_, csv, _) = CliRunner.Run("events", "--db", Db, "--code", "11", "--from", "2022", "--to", "2022-03", "--format", "csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,date,date_precision,", lines[0], StringComparison.Ordinal);
        Assert.Single(lines[1..]);
        Assert.Contains(",111,", lines[1], StringComparison.Ordinal);
        Assert.Contains("(2 events)", CliRunner.Run("events", "--db", Db, "--min-reports", "1", "--country", "UKR").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_filters_are_usage_errors_and_a_missing_database_a_failure()
    {
        Assert.Equal(1, CliRunner.Run("events", "--db", _dir.File("none.duckdb")).Exit);
        CliRunner.Run("ingest", WriteCorpus(), "--db", Db);
        Assert.Equal(2, CliRunner.Run("events", "--db", Db, "--from", "last week").Exit);
        Assert.Equal(2, CliRunner.Run("events", "--db", Db, "--modality", "maybe").Exit);
        Assert.Equal(2, CliRunner.Run("events", "--db", Db, "--quad", "7").Exit);
    }

    [Fact]
    public void Stats_counts_by_year_root_modality_and_pair()
    {
        CliRunner.Run("ingest", WriteCorpus(), "--db", Db);
        var (exit, output, _) = CliRunner.Run("stats", "--db", Db);
        Assert.Equal(0, exit);
        Assert.Contains("documents 4, events 3, reports 4", output, StringComparison.Ordinal);
        Assert.Contains("by year", output, StringComparison.Ordinal);
        Assert.Matches(@"2023\s+2", output);
        Assert.Matches(@"PAK\s+UKR\s+2", output);
    }

    [Fact]
    public void Export_writes_json_lines_csv_parquet_and_gdelt()
    {
        CliRunner.Run("ingest", WriteCorpus(), "--db", Db);
        foreach (var format in new[] { "jsonl", "csv", "parquet", "gdelt" })
        {
            var (exit, _, err) = CliRunner.Run("export", "--db", Db, "--format", format, "--out", _dir.File("out." + format));
            Assert.True(exit == 0, err);
        }

        Assert.Equal(3, File.ReadAllLines(_dir.File("out.jsonl")).Length);
        Assert.Equal(4, File.ReadAllLines(_dir.File("out.csv")).Length);
        var gdelt = File.ReadAllLines(_dir.File("out.gdelt"));
        Assert.Equal(3, gdelt.Length);
        Assert.All(gdelt, line => Assert.Equal(61, line.Split('\t').Length));
        var send = gdelt.Select(l => l.Split('\t')).Single(c => c[1] == "20230206");
        Assert.Equal(("PAK", "UKR", "072", "07", "2"), (send[5], send[15], send[26], send[28], send[29]));
        Assert.Equal(("1", "https://example.org/a"), (send[25], send[60]));

        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using var cmd = duck.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*), CAST(SUM(n_reports) AS BIGINT) FROM read_parquet('{_dir.File("out.parquet")}')";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(3L, Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4L, Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }
}
