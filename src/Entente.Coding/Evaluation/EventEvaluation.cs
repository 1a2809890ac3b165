using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Entente.Coding.Events;

namespace Entente.Coding.Evaluation;

/// <summary>
/// One gold event of a <see cref="GoldDocument"/> (data/eval/README.md). <paramref name="Source"/> and
/// <paramref name="Target"/> are ISO 3166-1 alpha-3 countries or IGO actor codes; <paramref name="Modality"/> is one of
/// the six lower-case words of <see cref="Events.Modality"/>; <paramref name="Date"/> is <c>yyyy-MM-dd</c>,
/// <c>yyyy-MM</c>, <c>yyyy</c> or null (the text gives no date: the publication date stands in);
/// <paramref name="DatePrecision"/> is day, week, month, year or publication (derived from the date when the line
/// leaves it out), null when <paramref name="Date"/> is null and no precision was given.
/// </summary>
public sealed record GoldEvent(string Source, string Target, string Cameo, string Modality, string? Date, string? DatePrecision, string? Via);

/// <summary>A gold mini-document: its publication date, its text and every event it holds; <paramref name="Line"/> is 1-based.</summary>
public sealed record GoldDocument(string Id, DateOnly? Date, string Text, ImmutableArray<GoldEvent> Events, int Line);

/// <summary>
/// A gold set is malformed. <see cref="Errors"/> holds every problem found, each naming the file and the line
/// (<c>events-dev.jsonl:12: unknown modality "maybe"</c>).
/// </summary>
public sealed class GoldSetException : Exception
{
    public GoldSetException()
    {
    }

    public GoldSetException(string message)
        : base(message)
    {
    }

    public GoldSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal GoldSetException(ImmutableArray<string> errors)
        : base(Summarise(errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem, as <c>name:line: message</c>.</summary>
    public ImmutableArray<string> Errors { get; } = [];

    private static string Summarise(ImmutableArray<string> errors)
    {
        var more = errors.Length > 10 ? $"{Environment.NewLine}… and {errors.Length - 10} more" : "";
        return $"the gold set has {errors.Length} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Take(10)) + more;
    }
}

/// <summary>Reads a gold set: JSON Lines, one <see cref="GoldDocument"/> per line (data/eval/README.md).</summary>
public static class GoldSetReader
{
    /// <summary>The modality words, as the gold set and PRODUCT.md write them.</summary>
    public static readonly ImmutableArray<string> Modalities = [.. Enum.GetValues<Modality>().Select(EventJson.ModalityName)];

    /// <summary>The date precision words.</summary>
    public static readonly ImmutableArray<string> DatePrecisions = [.. Enum.GetValues<DatePrecision>().Select(EventJson.PrecisionName)];

    /// <summary>
    /// Reads every line of <paramref name="reader"/>; blank lines are skipped. Throws <see cref="GoldSetException"/>
    /// listing every malformed line as <c><paramref name="name"/>:line: problem</c>.
    /// </summary>
    public static ImmutableArray<GoldDocument> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var documents = ImmutableArray.CreateBuilder<GoldDocument>();
        var errors = ImmutableArray.CreateBuilder<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int number = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var problems = new List<string>();
            var document = ParseLine(line, number, problems);
            if (document is not null && !ids.Add(document.Id))
            {
                problems.Add($"duplicate id \"{document.Id}\"");
            }

            if (problems.Count > 0)
            {
                errors.AddRange(problems.Select(p => $"{name}:{number}: {p}"));
            }
            else if (document is not null)
            {
                documents.Add(document);
            }
        }

        if (errors.Count > 0)
        {
            throw new GoldSetException(errors.ToImmutable());
        }

        return documents.ToImmutable();
    }

    private static GoldDocument? ParseLine(string line, int number, List<string> problems)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            problems.Add($"malformed JSON: {e.Message}");
            return null;
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add("expected a JSON object");
                return null;
            }

            var id = RequiredString(root, "id", problems);
            var text = RequiredString(root, "text", problems);
            DateOnly? date = null;
            var dateText = OptionalString(root, "date", problems);
            if (dateText is not null)
            {
                if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    date = d;
                }
                else
                {
                    problems.Add($"date \"{dateText}\" is not yyyy-MM-dd");
                }
            }

            var events = ImmutableArray.CreateBuilder<GoldEvent>();
            if (!root.TryGetProperty("events", out var array))
            {
                problems.Add("missing field \"events\"");
            }
            else if (array.ValueKind != JsonValueKind.Array)
            {
                problems.Add("\"events\" is not an array");
            }
            else
            {
                int index = 0;
                foreach (var e in array.EnumerateArray())
                {
                    index++;
                    var ev = ParseEvent(e, index, problems);
                    if (ev is not null)
                    {
                        events.Add(ev);
                    }
                }
            }

            return id is null || text is null ? null : new GoldDocument(id, date, text, events.ToImmutable(), number);
        }
    }

    private static GoldEvent? ParseEvent(JsonElement e, int index, List<string> problems)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"event {index} is not a JSON object");
            return null;
        }

        int before = problems.Count;
        var local = new List<string>();
        var source = RequiredString(e, "source", local);
        var target = RequiredString(e, "target", local);
        var cameo = RequiredString(e, "cameo", local);
        var modality = RequiredString(e, "modality", local);
        var date = OptionalString(e, "date", local);
        var precision = OptionalString(e, "date_precision", local);
        var via = OptionalString(e, "via", local);
        OptionalString(e, "attribution", local);

        if (cameo is not null && !IsCameoCode(cameo))
        {
            local.Add($"cameo \"{cameo}\" is not a CAMEO event code (2-4 digits, root 01-20)");
        }

        if (modality is not null && !Modalities.Contains(modality))
        {
            local.Add($"unknown modality \"{modality}\"");
        }

        if (precision is not null && !DatePrecisions.Contains(precision))
        {
            local.Add($"unknown date_precision \"{precision}\"");
        }

        if (date is not null)
        {
            var implied = PrecisionOf(date);
            if (implied is null)
            {
                local.Add($"date \"{date}\" is not yyyy-MM-dd, yyyy-MM or yyyy");
            }
            else if (precision is null)
            {
                precision = implied;
            }
            else if (precision != implied && !(precision == "week" && implied == "day"))
            {
                local.Add($"date \"{date}\" does not fit date_precision \"{precision}\"");
            }
        }

        problems.AddRange(local.Select(p => $"event {index}: {p}"));
        return problems.Count > before ? null : new GoldEvent(source!, target!, cameo!, modality!, date, precision, via);
    }

    /// <summary>True for a well-formed CAMEO event code: 2 to 4 digits whose first two are a root 01-20.</summary>
    public static bool IsCameoCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        int root = int.Parse(code.AsSpan(0, 2), CultureInfo.InvariantCulture);
        return root is >= 1 and <= 20;
    }

    private static string? PrecisionOf(string date) => date.Length switch
    {
        10 when DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "day",
        7 when DateOnly.TryParseExact(date + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "month",
        4 when date.All(char.IsAsciiDigit) => "year",
        _ => null,
    };

    private static string? RequiredString(JsonElement o, string field, List<string> problems)
    {
        if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"missing field \"{field}\"");
            return null;
        }

        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
        {
            problems.Add($"field \"{field}\" is not a non-empty string");
            return null;
        }

        return v.GetString();
    }

    private static string? OptionalString(JsonElement o, string field, List<string> problems)
    {
        if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            problems.Add($"field \"{field}\" is not a string or null");
            return null;
        }

        return v.GetString();
    }
}

/// <summary>Precision, recall and F1 of one view, from micro-averaged counts.</summary>
public sealed record ViewScore(string View, int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>tp / (tp + fp); 1 when nothing was predicted.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>tp / (tp + fn); 1 when there is nothing to find.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// The events of one document that the coder missed or added, each written
/// <c>SOURCE&gt;TARGET cameo modality date</c> (date <c>publication</c> when the text gives none).
/// </summary>
public sealed record DocumentErrors(string Id, int Line, string Text, ImmutableArray<string> Missed, ImmutableArray<string> Spurious);

/// <summary>
/// Scores of a coder on a gold set: counts, the four views (<see cref="EventEvaluation"/>) and the documents with
/// errors, in gold order.
/// </summary>
public sealed record EventScores(
    int Documents,
    int GoldEvents,
    int PredictedEvents,
    ViewScore Root,
    ViewScore Code,
    ViewScore Modality,
    ViewScore Date,
    ImmutableArray<DocumentErrors> Errors)
{
    /// <summary>The four views in report order.</summary>
    public ImmutableArray<ViewScore> Views => [Root, Code, Modality, Date];

    /// <summary>Precision of the predicted events by confidence decile (root view): how well confidence is calibrated.</summary>
    public ImmutableArray<CalibrationBin> Calibration { get; init; } = [];

    /// <summary>One JSON object with snake_case keys; the per-document errors only when <paramref name="includeErrors"/>.</summary>
    public string ToJson(bool includeErrors = false)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteNumber("documents", Documents);
            w.WriteNumber("gold_events", GoldEvents);
            w.WriteNumber("predicted_events", PredictedEvents);
            foreach (var v in Views)
            {
                w.WriteStartObject(v.View);
                w.WriteNumber("precision", Math.Round(v.Precision, 4));
                w.WriteNumber("recall", Math.Round(v.Recall, 4));
                w.WriteNumber("f1", Math.Round(v.F1, 4));
                w.WriteNumber("true_positives", v.TruePositives);
                w.WriteNumber("false_positives", v.FalsePositives);
                w.WriteNumber("false_negatives", v.FalseNegatives);
                w.WriteEndObject();
            }

            w.WriteNumber("documents_with_errors", Errors.Length);
            w.WriteStartArray("calibration");
            foreach (var b in Calibration)
            {
                w.WriteStartObject();
                w.WriteNumber("low", b.Low);
                w.WriteNumber("high", b.High);
                w.WriteNumber("events", b.Events);
                w.WriteNumber("precision", Math.Round(b.Precision, 4));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (includeErrors)
            {
                w.WriteStartArray("errors");
                foreach (var e in Errors)
                {
                    w.WriteStartObject();
                    w.WriteString("id", e.Id);
                    w.WriteNumber("line", e.Line);
                    w.WriteString("text", e.Text);
                    w.WriteStartArray("missed");
                    foreach (var m in e.Missed)
                    {
                        w.WriteStringValue(m);
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("spurious");
                    foreach (var s in e.Spurious)
                    {
                        w.WriteStringValue(s);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A plain-text table: the counts, then one row per view.</summary>
    public string ToTable()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"documents {Documents}, gold events {GoldEvents}, predicted events {PredictedEvents}, documents with errors {Errors.Length}").AppendLine();
        sb.Append(CultureInfo.InvariantCulture, $"{"view",-10}{"precision",10}{"recall",10}{"f1",10}{"tp",7}{"fp",7}{"fn",7}").AppendLine();
        foreach (var v in Views)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{v.View,-10}{v.Precision,10:F3}{v.Recall,10:F3}{v.F1,10:F3}{v.TruePositives,7}{v.FalsePositives,7}{v.FalseNegatives,7}").AppendLine();
        }

        if (!Calibration.IsDefaultOrEmpty)
        {
            sb.AppendLine("confidence   events  precision (root view)");
            foreach (var b in Calibration)
            {
                sb.Append(CultureInfo.InvariantCulture, $"[{b.Low:F1}, {b.High:F1})  {b.Events,7}  {b.Precision,9:F3}").AppendLine();
            }
        }

        return sb.ToString();
    }

    /// <summary>The per-document errors as text, one block per document (for <c>--errors</c>).</summary>
    public string ErrorsToText()
    {
        var sb = new StringBuilder();
        foreach (var e in Errors)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{e.Id} (line {e.Line}): {e.Text}").AppendLine();
            foreach (var m in e.Missed)
            {
                sb.Append("  missed   ").AppendLine(m);
            }

            foreach (var s in e.Spurious)
            {
                sb.Append("  spurious ").AppendLine(s);
            }
        }

        return sb.ToString();
    }
}

/// <summary>
/// Scores coded events against a gold set. Per document, predicted and gold events are matched as multisets on a
/// key (two identical gold events need two predictions); true positives, false positives and false negatives are
/// summed over all documents (micro-average). The views and their keys:
/// <list type="bullet">
/// <item><c>root</c>: source, target, CAMEO root (first two digits);</item>
/// <item><c>code</c>: source, target, exact CAMEO code;</item>
/// <item><c>modality</c>: source, target, root, modality;</item>
/// <item><c>date</c>: source, target, root, date; a gold null date matches a predicted date of precision
/// publication (or no predicted date), and week dates match only week dates.</item>
/// </list>
/// A predicted actor is its <see cref="EventActor.Country"/>, else its <see cref="EventActor.Code"/>.
/// </summary>
/// <summary>Predicted events whose confidence falls in [Low, High), and how many of them are right (root view).</summary>
public sealed record CalibrationBin(double Low, double High, int Events, int Correct)
{
    public double Precision => Events == 0 ? 0 : (double)Correct / Events;
}

public static class EventEvaluation
{
    private const string Publication = "publication";

    /// <summary>Codes every gold document with <paramref name="predict"/> and scores the result.</summary>
    public static EventScores Score(IReadOnlyList<GoldDocument> gold, Func<GoldDocument, IReadOnlyList<CodedEvent>> predict)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predict);
        var counts = new int[4, 3];
        var bins = new int[10, 2];
        var errors = ImmutableArray.CreateBuilder<DocumentErrors>();
        int goldEvents = 0, predictedEvents = 0;
        foreach (var document in gold)
        {
            var predicted = predict(document) ?? [];
            goldEvents += document.Events.Length;
            predictedEvents += predicted.Count;
            var g = document.Events.Select(Key.Of).ToList();
            var p = predicted.Select(Key.Of).ToList();
            for (int view = 0; view < 4; view++)
            {
                var (tp, fp, fn, _, _) = Match(g, p, k => k.For(view));
                counts[view, 0] += tp;
                counts[view, 1] += fp;
                counts[view, 2] += fn;
            }

            // Calibration: is each predicted event right on the root view? Most confident first.
            var open = g.Select(k => k.For(0)).ToList();
            foreach (var e in predicted.OrderByDescending(e => e.Confidence))
            {
                int bin = Math.Clamp((int)(e.Confidence * 10), 0, 9);
                bins[bin, 0]++;
                if (open.Remove(Key.Of(e).For(0)))
                {
                    bins[bin, 1]++;
                }
            }

            var (_, _, _, missed, spurious) = Match(g, p, k => k.Full);
            if (missed.Count > 0 || spurious.Count > 0)
            {
                errors.Add(new DocumentErrors(document.Id, document.Line, document.Text, [.. missed.Select(k => k.Full)], [.. spurious.Select(k => k.Full)]));
            }
        }

        ViewScore View(int i, string name) => new(name, counts[i, 0], counts[i, 1], counts[i, 2]);
        var calibration = ImmutableArray.CreateBuilder<CalibrationBin>();
        for (int b = 0; b < 10; b++)
        {
            if (bins[b, 0] > 0)
            {
                calibration.Add(new CalibrationBin(b / 10.0, (b + 1) / 10.0, bins[b, 0], bins[b, 1]));
            }
        }

        return new EventScores(gold.Count, goldEvents, predictedEvents, View(0, "root"), View(1, "code"), View(2, "modality"), View(3, "date"), errors.ToImmutable())
        {
            Calibration = calibration.ToImmutable(),
        };
    }

    private static (int Tp, int Fp, int Fn, List<Key> Missed, List<Key> Spurious) Match(List<Key> gold, List<Key> predicted, Func<Key, string> key)
    {
        var open = new Dictionary<string, List<Key>>(StringComparer.Ordinal);
        foreach (var g in gold)
        {
            var k = key(g);
            if (!open.TryGetValue(k, out var list))
            {
                open[k] = list = [];
            }

            list.Add(g);
        }

        int tp = 0;
        var spurious = new List<Key>();
        foreach (var p in predicted)
        {
            if (open.TryGetValue(key(p), out var list) && list.Count > 0)
            {
                list.RemoveAt(list.Count - 1);
                tp++;
            }
            else
            {
                spurious.Add(p);
            }
        }

        var missed = gold.Where(g => open.TryGetValue(key(g), out var list) && list.Contains(g)).ToList();
        return (tp, spurious.Count, missed.Count, missed, spurious);
    }

    /// <summary>The parts of an event that the views compare; a reference type so that multiset matching tracks instances.</summary>
    private sealed class Key(string source, string target, string cameo, string modality, string date)
    {
        public string Full { get; } = $"{source}>{target} {cameo} {modality} {date}";

        public string For(int view) => view switch
        {
            0 => $"{source}|{target}|{Root(cameo)}",
            1 => $"{source}|{target}|{cameo}",
            2 => $"{source}|{target}|{Root(cameo)}|{modality}",
            _ => $"{source}|{target}|{Root(cameo)}|{date}",
        };

        public static Key Of(GoldEvent e) => new(e.Source, e.Target, e.Cameo, e.Modality, DateKey(e.Date, e.DatePrecision));

        public static Key Of(CodedEvent e)
        {
            var date = e.Date is null || e.Date.Precision == DatePrecision.Publication
                ? Publication
                : DateKey(e.Date.Value, EventJson.PrecisionName(e.Date.Precision));
            return new(Actor(e.Source), Actor(e.Target), e.Cameo, EventJson.ModalityName(e.Modality), date);
        }

        private static string Actor(EventActor a) => a.Country ?? a.Code ?? "?";

        private static string Root(string cameo) => cameo.Length >= 2 ? cameo[..2] : cameo;

        private static string DateKey(string? value, string? precision) => value is null || precision == Publication
            ? Publication
            : precision == "week" ? value + "/week" : value;
    }
}
