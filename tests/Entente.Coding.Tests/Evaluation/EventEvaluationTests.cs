using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Entente.Coding.Evaluation;
using Entente.Coding.Events;

namespace Entente.Coding.Tests.Evaluation;

public class EventEvaluationTests
{
    private static readonly string DevPath = Path.Combine(AppContext.BaseDirectory, "Evaluation", "events-dev.jsonl");

    private static EventActor Actor(string key) => key.StartsWith("IGO", StringComparison.Ordinal)
        ? new EventActor(key, key, null, null, 0, 0)
        : new EventActor(key, key + "GOV", key, "GOV", 0, 0);

    private static CodedEvent Coded(string source, string target, string cameo, Modality modality = Modality.Asserted, EventDate? date = null, string doc = "d")
        => new(doc, 0, "", new Span(0, 0), Actor(source), Actor(target), null, cameo, "", cameo[..2], 1, 0, null, date, modality, null, 1);

    private static GoldEvent Gold(string source, string target, string cameo, string modality = "asserted", string? date = null, string? precision = null)
        => new(source, target, cameo, modality, date, precision ?? (date is null ? null : date.Length switch { 4 => "year", 7 => "month", _ => "day" }), null);

    private static GoldDocument Doc(params GoldEvent[] events) => new("d", new DateOnly(2023, 5, 10), "text", [.. events], 1);

    private static Modality ModalityOf(string word) => word switch
    {
        "asserted" => Modality.Asserted,
        "reported" => Modality.Reported,
        "intended" => Modality.Intended,
        "hypothetical" => Modality.Hypothetical,
        "negated" => Modality.Negated,
        _ => Modality.Opinion,
    };

    /// <summary>What a perfect coder would output for a gold event.</summary>
    private static CodedEvent Perfect(GoldDocument d, GoldEvent e)
    {
        EventDate date = e.Date is null
            ? EventDate.OfPublication(d.Date ?? new DateOnly(2000, 1, 1))
            : new EventDate(e.Date, e.DatePrecision switch
            {
                "week" => DatePrecision.Week,
                "month" => DatePrecision.Month,
                "year" => DatePrecision.Year,
                _ => DatePrecision.Day,
            });
        return Coded(e.Source, e.Target, e.Cameo, ModalityOf(e.Modality), date, d.Id);
    }

    private static ImmutableArray<GoldDocument> ReadDev()
    {
        using var reader = new StreamReader(DevPath);
        return GoldSetReader.Read(reader, "events-dev.jsonl");
    }

    [Fact]
    public void Perfect_prediction_scores_one_in_every_view()
    {
        var gold = ReadDev();
        var scores = EventEvaluation.Score(gold, d => [.. d.Events.Select(e => Perfect(d, e))]);
        Assert.All(scores.Views, v => Assert.Equal(1.0, v.F1));
        Assert.Equal(gold.Length, scores.Documents);
        Assert.Equal(scores.GoldEvents, scores.PredictedEvents);
        Assert.Empty(scores.Errors);
    }

    [Fact]
    public void Swapped_source_and_target_is_a_false_positive_and_a_false_negative()
    {
        var scores = EventEvaluation.Score([Doc(Gold("POL", "UKR", "072"))], _ => [Coded("UKR", "POL", "072")]);
        foreach (var v in scores.Views)
        {
            Assert.Equal((0, 1, 1), (v.TruePositives, v.FalsePositives, v.FalseNegatives));
        }

        var error = Assert.Single(scores.Errors);
        Assert.Equal("POL>UKR 072 asserted publication", Assert.Single(error.Missed));
        Assert.Equal("UKR>POL 072 asserted publication", Assert.Single(error.Spurious));
    }

    [Fact]
    public void Identical_gold_events_need_as_many_predictions()
    {
        var gold = Doc(Gold("RUS", "UKR", "195"), Gold("RUS", "UKR", "195"));
        var one = EventEvaluation.Score([gold], _ => [Coded("RUS", "UKR", "195")]);
        Assert.Equal((1, 0, 1), (one.Code.TruePositives, one.Code.FalsePositives, one.Code.FalseNegatives));
        var three = EventEvaluation.Score([gold], _ => [Coded("RUS", "UKR", "195"), Coded("RUS", "UKR", "195"), Coded("RUS", "UKR", "195")]);
        Assert.Equal((2, 1, 0), (three.Code.TruePositives, three.Code.FalsePositives, three.Code.FalseNegatives));
    }

    [Fact]
    public void Root_view_forgives_the_subcode_and_code_view_does_not()
    {
        var scores = EventEvaluation.Score([Doc(Gold("DEU", "UKR", "0332", "intended"))], _ => [Coded("DEU", "UKR", "033", Modality.Intended)]);
        Assert.Equal(1.0, scores.Root.F1);
        Assert.Equal(0.0, scores.Code.F1);
        Assert.Equal(1.0, scores.Modality.F1);
    }

    [Fact]
    public void Null_gold_date_matches_publication_precision_only()
    {
        var gold = Doc(Gold("IND", "RUS", "042"));
        var publication = EventEvaluation.Score([gold], _ => [Coded("IND", "RUS", "042", date: EventDate.OfPublication(new DateOnly(2023, 5, 10)))]);
        Assert.Equal(1.0, publication.Date.F1);
        var undated = EventEvaluation.Score([gold], _ => [Coded("IND", "RUS", "042")]);
        Assert.Equal(1.0, undated.Date.F1);
        var day = EventEvaluation.Score([gold], _ => [Coded("IND", "RUS", "042", date: EventDate.OfDay(new DateOnly(2023, 5, 10)))]);
        Assert.Equal(0.0, day.Date.F1);
        Assert.Equal(1.0, day.Root.F1);
    }

    [Fact]
    public void Dated_gold_needs_the_same_value_and_week_only_matches_week()
    {
        var month = EventEvaluation.Score([Doc(Gold("POL", "UKR", "072", date: "2023-02"))], _ => [Coded("POL", "UKR", "072", date: EventDate.OfMonth(2023, 2))]);
        Assert.Equal(1.0, month.Date.F1);
        var publication = EventEvaluation.Score([Doc(Gold("POL", "UKR", "072", date: "2023-02"))], _ => [Coded("POL", "UKR", "072", date: EventDate.OfPublication(new DateOnly(2023, 5, 10)))]);
        Assert.Equal(0.0, publication.Date.F1);
        var week = Doc(Gold("RUS", "UKR", "154", date: "2023-05-01", precision: "week"));
        Assert.Equal(1.0, EventEvaluation.Score([week], _ => [Coded("RUS", "UKR", "154", date: EventDate.OfWeek(new DateOnly(2023, 5, 1)))]).Date.F1);
        Assert.Equal(0.0, EventEvaluation.Score([week], _ => [Coded("RUS", "UKR", "154", date: EventDate.OfDay(new DateOnly(2023, 5, 1)))]).Date.F1);
    }

    [Fact]
    public void Modality_mismatch_only_hurts_the_modality_view()
    {
        var scores = EventEvaluation.Score([Doc(Gold("PAK", "UKR", "072", "negated"))], _ => [Coded("PAK", "UKR", "072", Modality.Asserted)]);
        Assert.Equal(1.0, scores.Root.F1);
        Assert.Equal(1.0, scores.Code.F1);
        Assert.Equal(1.0, scores.Date.F1);
        Assert.Equal(0.0, scores.Modality.F1);
    }

    [Fact]
    public void Igo_actors_are_matched_by_code()
    {
        var scores = EventEvaluation.Score([Doc(Gold("IGOEUREEC", "RUS", "163"))], _ => [Coded("IGOEUREEC", "RUS", "163")]);
        Assert.Equal(1.0, scores.Code.F1);
    }

    [Fact]
    public void Micro_average_sums_counts_over_documents()
    {
        var a = Doc(Gold("USA", "CHN", "111"), Gold("CHN", "USA", "111"));
        var b = Doc(Gold("IRN", "ISR", "138")) with { Id = "b" };
        var scores = EventEvaluation.Score([a, b], d => d.Id == "b" ? [Coded("IRN", "ISR", "138"), Coded("ISR", "IRN", "195")] : [Coded("USA", "CHN", "111")]);
        Assert.Equal((2, 1, 1), (scores.Code.TruePositives, scores.Code.FalsePositives, scores.Code.FalseNegatives));
        Assert.Equal(2.0 / 3, scores.Code.Precision, 9);
        Assert.Equal(2.0 / 3, scores.Code.Recall, 9);
        Assert.Equal(2, scores.Errors.Length);
    }

    [Fact]
    public void Json_has_snake_case_keys_and_errors_on_request()
    {
        var scores = EventEvaluation.Score([Doc(Gold("POL", "UKR", "072"))], _ => []);
        using var plain = JsonDocument.Parse(scores.ToJson());
        Assert.Equal(1, plain.RootElement.GetProperty("gold_events").GetInt32());
        Assert.Equal(0, plain.RootElement.GetProperty("predicted_events").GetInt32());
        Assert.Equal(1, plain.RootElement.GetProperty("root").GetProperty("false_negatives").GetInt32());
        Assert.False(plain.RootElement.TryGetProperty("errors", out _));
        using var full = JsonDocument.Parse(scores.ToJson(includeErrors: true));
        Assert.Equal("POL>UKR 072 asserted publication", full.RootElement.GetProperty("errors")[0].GetProperty("missed")[0].GetString());
        Assert.Contains("modality", scores.ToTable(), StringComparison.Ordinal);
        Assert.Contains("missed   POL>UKR 072", scores.ErrorsToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_reports_file_and_line_of_every_bad_line()
    {
        var text = string.Join('\n',
            """{"id":"a","date":"2023-05-10","text":"Poland sent tanks to Ukraine.","events":[{"source":"POL","target":"UKR","cameo":"072","modality":"asserted","date":null,"via":null}]}""",
            """{"id":"b","date":"2023-05-10","text":"broken",""",
            """{"id":"c","date":"2023-05-10","text":"x","events":[{"source":"POL","target":"UKR","cameo":"072","modality":"maybe","date":null,"via":null}]}""",
            """{"id":"d","date":"2023-05-10","events":[]}""",
            "",
            """{"id":"e","date":"2023-05-10","text":"x","events":[{"source":"POL","target":"UKR","cameo":"21","modality":"asserted","date":"2023-13","via":null}]}""",
            """{"id":"a","date":"2023-05-10","text":"x","events":[]}""");
        var e = Assert.Throws<GoldSetException>(() => GoldSetReader.Read(new StringReader(text), "test.jsonl"));
        Assert.Contains(e.Errors, m => m.StartsWith("test.jsonl:2: malformed JSON", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.StartsWith("test.jsonl:3: ", StringComparison.Ordinal) && m.Contains("unknown modality \"maybe\"", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.StartsWith("test.jsonl:4: ", StringComparison.Ordinal) && m.Contains("missing field \"text\"", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.StartsWith("test.jsonl:6: ", StringComparison.Ordinal) && m.Contains("cameo \"21\"", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.StartsWith("test.jsonl:6: ", StringComparison.Ordinal) && m.Contains("date \"2023-13\"", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.StartsWith("test.jsonl:7: duplicate id", StringComparison.Ordinal));
        Assert.DoesNotContain(e.Errors, m => m.StartsWith("test.jsonl:1:", StringComparison.Ordinal));
        Assert.Contains("test.jsonl:2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_derives_precision_from_the_date()
    {
        var text = """{"id":"a","date":"2023-05-10","text":"x","events":[{"source":"POL","target":"UKR","cameo":"072","modality":"asserted","date":"2023-02","via":"DEU"},{"source":"POL","target":"UKR","cameo":"072","modality":"asserted","date":"2023-05-01","date_precision":"week","via":null}]}""";
        var doc = Assert.Single(GoldSetReader.Read(new StringReader(text), "t"));
        Assert.Equal(new DateOnly(2023, 5, 10), doc.Date);
        Assert.Equal(new GoldEvent("POL", "UKR", "072", "asserted", "2023-02", "month", "DEU"), doc.Events[0]);
        Assert.Equal("week", doc.Events[1].DatePrecision);
        Assert.Equal(1, doc.Line);
    }

    [Fact]
    public void Dev_set_loads_and_meets_the_coverage_minimums()
    {
        var gold = ReadDev();
        Assert.True(gold.Length >= 420, $"{gold.Length} items");
        var events = gold.SelectMany(d => d.Events).ToList();

        foreach (var root in Enumerable.Range(1, 20).Select(r => r.ToString("D2", CultureInfo.InvariantCulture)))
        {
            int items = gold.Count(d => d.Events.Any(e => e.Cameo.StartsWith(root, StringComparison.Ordinal)));
            Assert.True(items >= 10, $"root {root}: {items} items");
        }

        foreach (var modality in GoldSetReader.Modalities)
        {
            int count = events.Count(e => e.Modality == modality);
            Assert.True(count >= 20, $"{modality}: {count} events");
        }

        Assert.True(gold.Count(d => d.Events.IsEmpty) >= 50, "items with no event");
        Assert.True(gold.Count(d => d.Events.Any(e => e.Date is not null)) >= 40, "items with a dated event");
        Assert.True(gold.Count(d => d.Events.Any(e => e.Via is not null)) >= 10, "items with an intermediary");
        Assert.True(events.Count(e => e.DatePrecision == "week") >= 5, "week dates");

        // tags (pass, nom, conj, ...) are not part of GoldDocument; count them from the JSON
        var tags = File.ReadLines(DevPath)
            .Where(l => l.Length > 0)
            .SelectMany(l =>
            {
                using var json = JsonDocument.Parse(l);
                return json.RootElement.TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            })
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.True(tags.GetValueOrDefault("pass") >= 30, "passives");
        Assert.True(tags.GetValueOrDefault("nom") >= 30, "nominalisations");
        Assert.True(tags.GetValueOrDefault("conj") >= 15, "conjunctions");
    }

    [Fact]
    public void Dev_set_codes_and_actors_are_well_formed()
    {
        foreach (var d in ReadDev())
        {
            Assert.True(d.Date is not null, $"{d.Id}: publication date");
            Assert.True(d.Date!.Value.Year is >= 2015 and <= 2025, $"{d.Id}: publication year");
            foreach (var e in d.Events)
            {
                Assert.True(GoldSetReader.IsCameoCode(e.Cameo) && e.Cameo.Length >= 3, $"{d.Id}: cameo {e.Cameo}");
                foreach (var actor in new[] { e.Source, e.Target }.Concat(e.Via is null ? [] : [e.Via]))
                {
                    Assert.True(IsActorKey(actor), $"{d.Id}: actor {actor}");
                }

                Assert.NotEqual(e.Source, e.Target);
            }
        }

        static bool IsActorKey(string a) => (a.Length == 3 && a.All(char.IsAsciiLetterUpper))
            || (a.Length > 3 && a.StartsWith("IGO", StringComparison.Ordinal) && a.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)));
    }
}
