using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Entente.Coding.Events;
using Entente.Core;
using Entente.Core.Documents;
using Entente.Storage;

namespace Entente.Cluster;

/// <summary>
/// A coded document as the store takes it (<see cref="StoredDocument"/> and its reports), and its JSON form for the trip
/// from the coding node to the storing node. Built exactly as <see cref="Ingestor"/> builds it, so that the cluster
/// stores what a single-machine ingest stores.
/// </summary>
public sealed record CodedPayload(StoredDocument Document, ImmutableArray<CodedEvent> Reports)
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = false };

    /// <summary>Codes <paramref name="document"/> with <paramref name="coder"/>: rejected when the coder reports an error about it.</summary>
    public static CodedPayload Code(Func<Document, CodingResult> coder, Document document)
    {
        ArgumentNullException.ThrowIfNull(coder);
        ArgumentNullException.ThrowIfNull(document);
        var coded = coder(document);
        return new CodedPayload(Ingestor.Describe(document, ContentHash.Of(document), coded), coded.Document.Events);
    }

    public bool IsRejected => Document.Status == "rejected";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CodedPayload FromJson(string json) =>
        JsonSerializer.Deserialize<CodedPayload>(json, Json) ?? throw new InvalidDataException("empty coded payload");

    public static WireDocument ToWire(Document d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new WireDocument(d.Id, d.Text, d.Title, d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Url, d.Source);
    }

    public static Document FromWire(WireDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new Document(d.Id, d.Text, d.Title,
            d.Date is null ? null : DateOnly.ParseExact(d.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), d.Url, d.Source);
    }
}
