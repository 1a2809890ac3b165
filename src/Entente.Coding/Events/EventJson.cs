using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Entente.Coding.Events;

/// <summary>Writes events as JSON Lines in the PRODUCT.md schema v1 (snake_case, fixed field order).</summary>
public static class EventJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>One event as a single line of JSON (no newline).</summary>
    public static string ToJson(CodedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            Write(w, e);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes one event object.</summary>
    public static void Write(Utf8JsonWriter w, CodedEvent e)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        w.WriteString("doc_id", e.DocId);
        w.WriteNumber("sentence_index", e.SentenceIndex);
        w.WriteString("sentence", e.Sentence);
        w.WriteStartObject("evidence");
        w.WriteNumber("start", e.Evidence.Start);
        w.WriteNumber("end", e.Evidence.End);
        w.WriteEndObject();
        WriteActor(w, "source", e.Source);
        WriteActor(w, "target", e.Target);
        WriteActor(w, "via", e.Via);
        w.WriteString("cameo", e.Cameo);
        w.WriteString("cameo_name", e.CameoName);
        w.WriteString("root", e.Root);
        w.WriteNumber("quad_class", e.QuadClass);
        w.WriteNumber("goldstein", e.Goldstein);
        WriteNullable(w, "plover", e.Plover);
        WriteNullable(w, "date", e.Date?.Value);
        WriteNullable(w, "date_precision", e.Date is null ? null : PrecisionName(e.Date.Precision));
        w.WriteString("modality", ModalityName(e.Modality));
        WriteNullable(w, "attribution", e.Attribution);
        w.WriteNumber("confidence", e.Confidence);
        WriteNullable(w, "pattern", e.PatternId);
        w.WriteEndObject();
    }

    /// <summary>The schema's word for a modality.</summary>
    public static string ModalityName(Modality modality) => modality switch
    {
        Modality.Asserted => "asserted",
        Modality.Reported => "reported",
        Modality.Intended => "intended",
        Modality.Hypothetical => "hypothetical",
        Modality.Negated => "negated",
        Modality.Opinion => "opinion",
        _ => throw new ArgumentOutOfRangeException(nameof(modality)),
    };

    /// <summary>The schema's word for a date precision.</summary>
    public static string PrecisionName(DatePrecision precision) => precision switch
    {
        DatePrecision.Day => "day",
        DatePrecision.Week => "week",
        DatePrecision.Month => "month",
        DatePrecision.Year => "year",
        DatePrecision.Publication => "publication",
        _ => throw new ArgumentOutOfRangeException(nameof(precision)),
    };

    private static void WriteActor(Utf8JsonWriter w, string name, EventActor? a)
    {
        if (a is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("text", a.Text);
        WriteNullable(w, "code", a.Code);
        WriteNullable(w, "country", a.Country);
        WriteNullable(w, "sector", a.Sector);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
