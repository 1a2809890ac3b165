using System.Text.Json;
using System.Xml.Linq;

namespace Entente.Cli.Tests;

/// <summary><c>dyad</c>, <c>network</c> and <c>assess</c> in-process over a DuckDB file filled by a real ingest.</summary>
public sealed class AnalyticsCommandTests : IDisposable
{
    private const string Corpus = """
        {"id":"a","source":"reuters","date":"2023-02-10","text":"Pakistan sent weapons to Ukraine on February 6, 2023."}
        {"id":"b","source":"tass","date":"2023-02-09","text":"Russia attacked Ukraine on February 1, 2023."}
        {"id":"c","source":"dawn","date":"2022-03-03","text":"Russia criticized Pakistan on March 2, 2022."}
        {"id":"d","source":"dawn","date":"2021-04-08","text":"Russia sent helicopters to Pakistan on April 7, 2021."}
        """;

    private readonly TempDir _dir = new();

    public AnalyticsCommandTests()
    {
        var corpus = _dir.File("corpus.jsonl");
        File.WriteAllText(corpus, Corpus);
        var (exit, _, err) = CliRunner.Run("ingest", corpus, "--db", Db);
        Assert.True(exit == 0, err);
    }

    public void Dispose() => _dir.Dispose();

    private string Db => _dir.File("test.duckdb");

    [Fact]
    public void Assess_json_follows_the_contract_and_names_the_hedge()
    {
        var (exit, output, err) = CliRunner.Run("assess", "PAK", "RUS", "--db", Db, "--format", "json");
        Assert.True(exit == 0, err);
        var x = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["PAK", "RUS"], x.GetProperty("pair").EnumerateArray().Select(e => e.GetString()));
        foreach (var field in new[] { "verdict", "score", "trend", "cooperation", "conflict", "hedging", "caveats" })
        {
            Assert.True(x.TryGetProperty(field, out _), field);
        }

        var helicopters = Assert.Single(x.GetProperty("cooperation").EnumerateArray());
        Assert.Equal("RUS>PAK", helicopters.GetProperty("edge").GetString());
        Assert.Equal("2021-04-07", helicopters.GetProperty("date").GetString());
        Assert.Equal("d", helicopters.GetProperty("doc_id").GetString());
        Assert.Contains("helicopters", helicopters.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        var criticism = Assert.Single(x.GetProperty("conflict").EnumerateArray());
        Assert.StartsWith("11", criticism.GetProperty("code").GetString(), StringComparison.Ordinal);
        var hedge = Assert.Single(x.GetProperty("hedging").EnumerateArray());
        Assert.Equal("UKR", hedge.GetProperty("third").GetString());
        Assert.Equal("conflict", hedge.GetProperty("relation_b_third").GetString());
        Assert.Equal(["PAK>UKR", "RUS>UKR"], hedge.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("edge").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("mixed", x.GetProperty("verdict").GetString());
        Assert.Contains(x.GetProperty("caveats").EnumerateArray(), c => c.GetString()!.StartsWith("Thin coverage", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_markdown_is_a_brief_with_caveats_and_evidence()
    {
        var (exit, output, _) = CliRunner.Run("assess", "PAK", "RUS", "--db", Db);
        Assert.Equal(0, exit);
        Assert.StartsWith("# PAK and RUS: mixed", output, StringComparison.Ordinal);
        Assert.Contains("## Caveats", output, StringComparison.Ordinal);
        Assert.Contains("## Hedging: PAK supports RUS's adversaries", output, StringComparison.Ordinal);
        Assert.Contains("> Russia sent helicopters to Pakistan on April 7, 2021.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_period_is_insufficient_evidence()
    {
        var (exit, output, _) = CliRunner.Run("assess", "PAK", "RUS", "--db", Db, "--from", "1999", "--to", "2000", "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal("insufficient evidence", JsonDocument.Parse(output).RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void An_unknown_actor_code_is_a_usage_error_listing_close_matches()
    {
        var (exit, _, err) = CliRunner.Run("assess", "PAKK", "RUS", "--db", Db);
        Assert.Equal(2, exit);
        Assert.Contains("unknown actor code PAKK; close matches: PAK (Pakistan)", err, StringComparison.Ordinal);
        var (exit2, _, err2) = CliRunner.Run("dyad", "RUS", "XQZ1", "--db", Db);
        Assert.Equal(2, exit2);
        Assert.Contains("unknown actor code XQZ1", err2, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("dyad", "RUS", "RUS", "--db", Db).Exit);
        Assert.Equal(2, CliRunner.Run("dyad", "RUS", "PAK", "--db", Db, "--from", "2023", "--to", "2022").Exit);
    }

    [Fact]
    public void Dyad_prints_a_series_as_csv_and_json_and_draws_a_png()
    {
        var png = _dir.File("charts/pak-rus.png");
        var (exit, csv, err) = CliRunner.Run("dyad", "PAK", "RUS", "--db", Db, "--by", "year", "--format", "csv", "--plot", png);
        Assert.True(exit == 0, err);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("period,events,a_to_b_verbal_cooperation,", lines[0], StringComparison.Ordinal);
        Assert.Equal(["2021", "2022"], lines[1..].Select(l => l.Split(',')[0]));
        Assert.StartsWith("2021,1,0,0,0,0,0,1,", lines[1], StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 1000);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);

        var (_, json, _) = CliRunner.Run("dyad", "RUS", "PAK", "--db", Db, "--format", "json");
        var s = JsonDocument.Parse(json).RootElement;
        Assert.Equal("month", s.GetProperty("by").GetString());
        Assert.Equal(12, s.GetProperty("points").GetArrayLength()); // 2021-04 … 2022-03, gaps kept
        Assert.Equal(2, s.GetProperty("total").GetProperty("events").GetInt64());
    }

    [Fact]
    public void Network_writes_json_and_graphml_with_signed_edges()
    {
        var (exit, json, _) = CliRunner.Run("network", "--db", Db);
        Assert.Equal(0, exit);
        var n = JsonDocument.Parse(json).RootElement;
        var edges = n.GetProperty("edges").EnumerateArray().ToDictionary(e => e.GetProperty("a").GetString() + "-" + e.GetProperty("b").GetString(), e => e.GetProperty("sign").GetInt32());
        Assert.Equal(1, edges["PAK-UKR"]);
        Assert.Equal(-1, edges["RUS-UKR"]);
        Assert.Equal(0, edges["PAK-RUS"]); // one cooperation, one criticism: an unsigned edge, so no signed triad
        Assert.Equal(0, n.GetProperty("triads").GetInt64());

        var (_, graphml, _) = CliRunner.Run("network", "--db", Db, "--format", "graphml", "--from", "2023");
        var doc = XDocument.Parse(graphml);
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        Assert.Equal(2, doc.Descendants(g + "edge").Count());
        Assert.Equal(["PAK", "RUS", "UKR"], doc.Descendants(g + "node").Select(e => (string?)e.Attribute("id")));
    }

    [Fact]
    public void A_missing_database_is_a_failure_with_a_message()
    {
        var (exit, _, err) = CliRunner.Run("network", "--db", _dir.File("none.duckdb"));
        Assert.Equal(1, exit);
        Assert.Contains("no database at", err, StringComparison.Ordinal);
    }
}
