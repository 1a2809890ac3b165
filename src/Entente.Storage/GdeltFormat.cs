using System.Globalization;

namespace Entente.Storage;

/// <summary>
/// Writes events as the GDELT 2.0 event table: 61 tab-separated columns, no header (docs/schema.md lists the mapping).
/// Columns Entente has no data for (religion, ethnicity, known group, geography, tone) are empty. SOURCEURL and
/// IsRootEvent come from the event's first report (<see cref="EventOrigin"/>): the URL of its document, and 1 when it is
/// one of the document's first <see cref="LeadSentences"/> sentences (GDELT's flag marks events of the lead paragraph).
/// </summary>
public static class GdeltFormat
{
    public const int Columns = 61;

    /// <summary>How many opening sentences of a document count as its lead (a news lead paragraph is one or two sentences).</summary>
    public const int LeadSentences = 2;

    public static void Write(IEnumerable<StoredEvent> events, TextWriter output, DateTime added, IReadOnlyDictionary<long, EventOrigin>? origins = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var e in events)
        {
            output.Write(string.Join('\t', Row(e, added, origins?.GetValueOrDefault(e.Id)).Select(Clean)));
            output.Write('\n');
        }
    }

    /// <summary>The 61 values of one event; <paramref name="origin"/> (its first report) gives SOURCEURL and IsRootEvent.</summary>
    public static string[] Row(StoredEvent e, DateTime added, EventOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var inv = CultureInfo.InvariantCulture;
        var range = MergePolicy.Range(e.Date, e.DatePrecision, MergeOptions.Default);
        DateOnly? day = e.DatePrecision == "publication" && e.Date is not null
            ? DateOnly.ParseExact(e.Date, "yyyy-MM-dd", inv)
            : range?.Start;
        var row = new List<string>(Columns)
        {
            e.Id.ToString(inv),
            day?.ToString("yyyyMMdd", inv) ?? string.Empty,
            day?.ToString("yyyyMM", inv) ?? string.Empty,
            day?.ToString("yyyy", inv) ?? string.Empty,
            day is { } d ? (d.Year + ((d.DayOfYear - 1) / 365.0)).ToString("F4", inv) : string.Empty,
        };
        Actor(row, e.Source);
        Actor(row, e.Target);
        row.Add(origin is { SentenceIndex: < LeadSentences } ? "1" : "0");
        row.Add(e.Cameo);
        row.Add(e.BaseCode);
        row.Add(e.Root);
        row.Add(e.QuadClass.ToString(inv));
        row.Add(e.Goldstein.ToString("0.0##", inv));
        row.Add(e.Reports.ToString(inv));
        row.Add(e.Sources.ToString(inv));
        row.Add(e.Documents.ToString(inv));
        row.Add(string.Empty);
        for (int geo = 0; geo < 3; geo++)
        {
            row.AddRange(Enumerable.Repeat(string.Empty, 8));
        }

        row.Add(added.ToString("yyyyMMddHHmmss", inv));
        row.Add(origin?.Url ?? string.Empty);
        return [.. row];
    }

    private static void Actor(List<string> row, StoredActor a)
    {
        // Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code
        row.Add(a.Code ?? string.Empty);
        row.Add(a.Text?.ToUpperInvariant() ?? string.Empty);
        row.Add(a.Country ?? string.Empty);
        row.Add(string.Empty);
        row.Add(string.Empty);
        row.Add(string.Empty);
        row.Add(string.Empty);
        row.Add(a.Sector ?? string.Empty);
        row.Add(string.Empty);
        row.Add(string.Empty);
    }

    private static string Clean(string value) =>
        value.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0 ? value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ') : value;
}
