using System.Text.Json;
using System.Text.Json.Nodes;
using Entente.Storage;

namespace Entente.Web.Api;

/// <summary>
/// The JSON of the API. Events are written exactly as <c>entente events --format jsonl</c> writes them
/// (<see cref="EventFormats.ToJson"/>); everything else uses snake_case names, as the store's columns do.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        return options;
    }

    /// <summary>An event as the CLI's JSON Lines write it.</summary>
    public static JsonNode Event(StoredEvent e) => JsonNode.Parse(EventFormats.ToJson(e))!;

    /// <summary>A report with its evidence placed in the sentence (<c>evidence_in_sentence</c>).</summary>
    public static ReportJson Report(StoredReport r, StoredEvent? e)
    {
        ArgumentNullException.ThrowIfNull(r);
        var span = Evidence.Locate(r, e?.Source, e?.Target);
        return new ReportJson(r.Id, r.EventId, r.DocId, r.SentenceIndex, r.Sentence, r.EvidenceStart, r.EvidenceEnd,
            new SpanJson(span.Start, span.End), r.Modality, r.Attribution, r.Confidence, r.Pattern);
    }

    public static DocumentJson Document(DocumentInfo d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DocumentJson(d.Id, d.Title, d.Source, d.Url, EventFormatsDay(d.Published), d.Status, d.Reports);
    }

    internal static string? EventFormatsDay(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record SpanJson(int Start, int End);

public sealed record ReportJson(
    long Id,
    long EventId,
    string DocId,
    int SentenceIndex,
    string Sentence,
    int EvidenceStart,
    int EvidenceEnd,
    SpanJson EvidenceInSentence,
    string Modality,
    string? Attribution,
    double Confidence,
    string? Pattern);

public sealed record DocumentJson(string Id, string? Title, string? Source, string? Url, string? Published, string Status, int NReports);
