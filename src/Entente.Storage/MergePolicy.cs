using System.Globalization;
using Entente.Coding.Events;

namespace Entente.Storage;

/// <summary>The days an event date covers, both ends included.</summary>
public readonly record struct DateRange(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Overlaps(DateRange other) => Start <= other.End && other.Start <= End;
}

/// <summary>
/// One event, many reports: two reports are the same event when their source, target (by <see cref="MergeOptions.Actors"/>), CAMEO base code (three digits)
/// and modality are equal and their dates are compatible, that is their <see cref="Range"/>s overlap. A day is one
/// day, so two day-precise reports must name the same day; a week, month or year covers its days; a publication date
/// covers the <see cref="MergeOptions.PublicationWindowDays"/> days up to it. Undated reports merge only with undated
/// events. Pure functions.
/// </summary>
public static class MergePolicy
{
    /// <summary>The first three digits of a CAMEO code (the whole code when shorter).</summary>
    public static string BaseCode(string cameo)
    {
        ArgumentNullException.ThrowIfNull(cameo);
        return cameo.Length > 3 ? cameo[..3] : cameo;
    }

    /// <summary>The merge key: source, target, base code and modality; reports with different keys never merge.</summary>
    public static string Key(CodedEvent report, MergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        return string.Join('|', ActorOf(report.Source, options.Actors), ActorOf(report.Target, options.Actors), BaseCode(report.Cameo),
            EventJson.ModalityName(report.Modality));
    }

    /// <summary>The directed pair of an event, <c>PAK>RUS</c>: each actor's country, or its code when it has none (events.pair).</summary>
    public static string Pair(EventActor source, EventActor target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return PairPart(source) + ">" + PairPart(target);
    }

    /// <summary>The pair part of an actor: its country, else its code, else its words.</summary>
    public static string PairPart(EventActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Country ?? actor.Code ?? ("~" + actor.Text.Trim().ToUpperInvariant());
    }

    /// <summary>The days a report's date covers, or null when it has no date.</summary>
    public static DateRange? Range(EventDate? date, MergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (date is null)
        {
            return null;
        }

        return Range(date.Value, EventJson.PrecisionName(date.Precision), options);
    }

    /// <summary>The days a stored date (<c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>) of a precision covers.</summary>
    public static DateRange? Range(string? value, string? precision, MergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (value is null || precision is null)
        {
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        switch (precision)
        {
            case "year" when int.TryParse(value, NumberStyles.None, inv, out int year) && year is >= 1 and <= 9999:
                return new DateRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            case "month" when DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var first):
                return new DateRange(first, first.AddMonths(1).AddDays(-1));
            case "week" when DateOnly.TryParseExact(value, "yyyy-MM-dd", inv, DateTimeStyles.None, out var monday):
                return new DateRange(monday, monday.AddDays(6));
            case "day" when DateOnly.TryParseExact(value, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day):
                return new DateRange(day, day);
            case "publication" when DateOnly.TryParseExact(value, "yyyy-MM-dd", inv, DateTimeStyles.None, out var published):
                return new DateRange(published.AddDays(-options.PublicationWindowDays), published);
            default:
                return null;
        }
    }

    /// <summary>Whether a report dated <paramref name="report"/> can join an event dated <paramref name="event"/>.</summary>
    public static bool Compatible(DateRange? report, DateRange? @event) =>
        report is null ? @event is null : @event is not null && report.Value.Overlaps(@event.Value);

    /// <summary>How a date precision ranks for choosing an event's date: lower is better; dates from the text beat publication dates.</summary>
    public static int PrecisionRank(string? precision) => precision switch
    {
        "day" => 0,
        "week" => 1,
        "month" => 2,
        "year" => 3,
        "publication" => 4,
        _ => 5,
    };

    private static string ActorOf(EventActor actor, ActorKey key) =>
        (key == ActorKey.Country ? actor.Country ?? actor.Code : actor.Code ?? actor.Country) ?? ("~" + actor.Text.Trim().ToUpperInvariant());
}
