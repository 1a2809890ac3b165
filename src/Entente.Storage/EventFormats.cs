using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Entente.Storage;

/// <summary>Writes stored events as JSON Lines and CSV (the columns of <see cref="CsvHeader"/>, docs/schema.md).</summary>
public static class EventFormats
{
    /// <summary>The CSV columns, in order.</summary>
    public static readonly string[] CsvHeader =
    [
        "id", "date", "date_precision", "source_text", "source_code", "source_country", "source_sector",
        "target_text", "target_code", "target_country", "target_sector", "via_code", "via_country",
        "cameo", "cameo_name", "base_code", "root", "quad_class", "goldstein", "plover", "modality",
        "first_seen", "last_seen", "n_reports", "n_documents", "n_sources",
    ];

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One event as one line of JSON (no newline).</summary>
    public static string ToJson(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("id", e.Id);
            Actor(w, "source", e.Source);
            Actor(w, "target", e.Target);
            Actor(w, "via", e.Via);
            w.WriteString("cameo", e.Cameo);
            w.WriteString("cameo_name", e.CameoName);
            w.WriteString("base_code", e.BaseCode);
            w.WriteString("root", e.Root);
            w.WriteNumber("quad_class", e.QuadClass);
            w.WriteNumber("goldstein", e.Goldstein);
            w.WriteString("plover", e.Plover);
            w.WriteString("date", e.Date);
            w.WriteString("date_precision", e.DatePrecision);
            w.WriteString("modality", e.Modality);
            w.WriteString("first_seen", Day(e.FirstSeen));
            w.WriteString("last_seen", Day(e.LastSeen));
            w.WriteNumber("n_reports", e.Reports);
            w.WriteNumber("n_documents", e.Documents);
            w.WriteNumber("n_sources", e.Sources);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteJsonLines(IEnumerable<StoredEvent> events, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var e in events)
        {
            output.Write(ToJson(e));
            output.Write('\n');
        }
    }

    /// <summary>RFC 4180 CSV with a header line.</summary>
    public static void WriteCsv(IEnumerable<StoredEvent> events, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(string.Join(',', CsvHeader));
        output.Write("\r\n");
        foreach (var e in events)
        {
            output.Write(string.Join(',', CsvValues(e).Select(Csv)));
            output.Write("\r\n");
        }
    }

    /// <summary>The values of <see cref="CsvHeader"/> for one event, null where empty.</summary>
    public static string?[] CsvValues(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var inv = CultureInfo.InvariantCulture;
        return
        [
            e.Id.ToString(inv), e.Date, e.DatePrecision, e.Source.Text, e.Source.Code, e.Source.Country, e.Source.Sector,
            e.Target.Text, e.Target.Code, e.Target.Country, e.Target.Sector, e.Via?.Code, e.Via?.Country,
            e.Cameo, e.CameoName, e.BaseCode, e.Root, e.QuadClass.ToString(inv), e.Goldstein.ToString("R", inv), e.Plover, e.Modality,
            Day(e.FirstSeen), Day(e.LastSeen), e.Reports.ToString(inv), e.Documents.ToString(inv), e.Sources.ToString(inv),
        ];
    }

    internal static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Csv(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Actor(Utf8JsonWriter w, string name, StoredActor? a)
    {
        if (a is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("text", a.Text);
        w.WriteString("code", a.Code);
        w.WriteString("country", a.Country);
        w.WriteString("sector", a.Sector);
        w.WriteEndObject();
    }
}
