using System.Text.Json;

namespace Entente.Cli.Tests;

public sealed class ExtractCommandTests
{
    private static List<JsonElement> Events(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void Extract_prints_one_json_event_per_line_from_standard_input()
    {
        var (exit, stdout, stderr) = CliRunner.RunWithInput("Poland supplied tanks to Ukraine in March 2023.", "extract", "--date", "2023-06-01");
        Assert.Equal(0, exit);
        var e = Assert.Single(Events(stdout));
        Assert.Equal("POL", e.GetProperty("source").GetProperty("country").GetString());
        Assert.Equal("UKR", e.GetProperty("target").GetProperty("country").GetString());
        Assert.Equal("072", e.GetProperty("cameo").GetString());
        Assert.Equal("2023-03", e.GetProperty("date").GetString());
        Assert.Equal("month", e.GetProperty("date_precision").GetString());
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public void Text_file_is_one_document_named_after_the_file()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("brief.txt"), "The weather was fine. Japan imposed sanctions on Russia on Friday.");
        var (exit, stdout, _) = CliRunner.Run("extract", dir.File("brief.txt"));
        Assert.Equal(0, exit);
        var e = Assert.Single(Events(stdout));
        Assert.Equal("brief.txt", e.GetProperty("doc_id").GetString());
        Assert.Equal(1, e.GetProperty("sentence_index").GetInt32());
    }

    [Fact]
    public void Bad_json_lines_are_reported_with_their_line_and_the_rest_is_coded()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("news.jsonl"),
        [
            """{"id":"a","date":"2022-02-01","text":"Canada sent weapons to Ukraine yesterday."}""",
            """{"id":"b","text": broken""",
            """{"id":"c","date":"2022-02-01","text":""}""",
            """{"id":"d","date":"2022-02-01","text":"Germany criticized Hungary on Monday."}""",
        ]);
        var (exit, stdout, stderr) = CliRunner.Run("extract", dir.File("news.jsonl"));
        Assert.Equal(0, exit);
        var ids = Events(stdout).Select(e => e.GetProperty("doc_id").GetString()).ToList();
        Assert.Contains("a", ids);
        Assert.Contains("d", ids);
        Assert.Contains("news.jsonl:2", stderr);
        Assert.Contains("c", stderr);
    }

    [Fact]
    public void Binary_and_foreign_documents_are_reported_and_skipped()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("blob.txt"), [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x00, 0x00]);
        File.WriteAllText(dir.File("french.txt"),
            "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les agriculteurs touchés par la sécheresse, " +
            "et le ministre a déclaré que les aides seraient versées avant la fin du mois dans toutes les régions concernées du pays.");
        File.WriteAllText(dir.File("good.txt"), "Brazil criticized Argentina.");
        var (exit, stdout, stderr) = CliRunner.Run("extract", dir.Path);
        Assert.Equal(0, exit);
        Assert.Single(Events(stdout));
        Assert.Contains("blob.txt", stderr);
        Assert.Contains("french.txt", stderr);
    }

    [Fact]
    public void Missing_file_is_reported_and_does_not_stop_the_run()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("good.txt"), "Brazil criticized Argentina.");
        var (exit, stdout, stderr) = CliRunner.Run("extract", dir.File("absent.txt"), dir.File("good.txt"));
        Assert.Equal(0, exit);
        Assert.Single(Events(stdout));
        Assert.Contains("absent.txt", stderr);
    }

    [Fact]
    public void Bad_date_option_is_a_usage_error()
    {
        var (exit, _, stderr) = CliRunner.Run("extract", "--date", "yesterday");
        Assert.Equal(2, exit);
        Assert.Contains("--date", stderr);
    }

    [Fact]
    public void Eval_events_scores_a_small_gold_file()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("gold.jsonl"),
        [
            """{"id":"g1","date":"2023-05-10","text":"Poland supplied tanks to Ukraine.","events":[{"source":"POL","target":"UKR","cameo":"072","modality":"asserted","date":null,"via":null}]}""",
            """{"id":"g2","date":"2023-05-10","text":"It rained in Oslo.","events":[]}""",
        ]);
        var (exit, stdout, _) = CliRunner.Run("eval", "events", "--gold", dir.File("gold.jsonl"), "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(1.0, json.RootElement.GetProperty("root").GetProperty("f1").GetDouble(), 3);
    }
}
