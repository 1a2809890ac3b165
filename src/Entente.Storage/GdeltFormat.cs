using System.Globalization;

namespace Entente.Storage;

/// <summary>
/// Writes events as the GDELT 2.0 event table: 61 tab-separated columns, no header (docs/schema.md lists the mapping).
/// Columns Entente has no data for (religion, ethnicity, known group, geography, tone) are empty.
/// </summary>
public static class GdeltFormat
{
    public const int Columns = 61;

    public static void Write(IEnumerable<StoredEvent> events, TextWriter output, DateTime added)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var e in events)
        {
            output.Write(string.Join('\t', Row(e, added).Select(Clean)));
            output.Write('\n');
        }
    }

    /// <summary>The 61 values of one event.</summary>
    public static string[] Row(StoredEvent e, DateTime added)
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
        row.Add("0"); // IsRootEvent: lead-paragraph position is not tracked
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
        row.Add(string.Empty);
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
