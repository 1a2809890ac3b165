using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Entente.Coding.Events;

namespace Entente.Coding.Dates;

/// <summary>A date expression found in a text: <c>[Start, End)</c> offsets into the text, its words and the date it means.</summary>
/// <param name="IsFuture">True when the expression points forward from the publication date ("tomorrow", "next week", "in two weeks").</param>
public sealed record TemporalExpression(int Start, int End, string Text, EventDate Date, bool IsFuture);

/// <summary>
/// Finds date expressions in news sentences and resolves them to an <see cref="EventDate"/>: absolute dates
/// ("January 1, 2018", "2018-01-01", "in April 2021", "since 2014"), dates that need the publication date for their year
/// ("on January 14", "in April") and relative ones ("yesterday", "last week", "on Friday", "two years ago").
/// Immutable and thread-safe: use <see cref="Default"/>. See docs/dates.md.
/// </summary>
/// <remarks>
/// A sentence is first checked for cheap cues (a capitalised month prefix, a 19xx/20xx number, a word such as "yesterday",
/// "ago", "last week" or "Friday") and only the regular expressions its cues call for run, so sentences without dates cost three
/// vectorised scans. When expressions overlap, the longest wins ("5 May 2018" over "5 May" and "May 2018").
/// </remarks>
public sealed class TemporalTagger
{
    private static readonly SearchValues<string> MonthCues = SearchValues.Create(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], StringComparison.Ordinal);

    /// <summary>Every relative expression holds one of these ("in two weeks" holds "in two").</summary>
    private static readonly SearchValues<string> RelativeCues = SearchValues.Create(
        [
            "today", "tonight", "yesterday", "tomorrow", "last night", "this morning", "this afternoon", "this evening",
            "this week", "last week", "next week", "this month", "last month", "next month", "this year", "last year", "next year", "ago",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "in a ", "in an ", "in one", "in two", "in three", "in four", "in five", "in six", "in seven", "in eight", "in nine", "in ten",
            "in eleven", "in twelve", "in 1", "in 2", "in 3", "in 4", "in 5", "in 6", "in 7", "in 8", "in 9",
        ],
        StringComparison.OrdinalIgnoreCase);

    private TemporalTagger()
    {
    }

    /// <summary>The tagger (it has no settings).</summary>
    public static TemporalTagger Default { get; } = new();

    /// <summary>
    /// Finds the date expressions of <c>text[start..end)</c> (typically one sentence of a document), in text order, with
    /// offsets into <paramref name="text"/>. Expressions that need the publication date (relative ones, a month or day
    /// without a year) resolve against <paramref name="publication"/>, and are skipped when it is null.
    /// </summary>
    public ImmutableArray<TemporalExpression> Find(string text, int start, int end, DateOnly? publication)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);

        var span = text.AsSpan(start, end - start);
        bool month = span.ContainsAny(MonthCues);
        bool year = HasYearDigits(span);
        bool relative = publication is not null && span.ContainsAny(RelativeCues);
        if (!month && !year && !relative)
        {
            return [];
        }

        var found = new List<TemporalExpression>();
        if (year)
        {
            Scan(TemporalPatterns.FullDate(), text, start, end, publication, found, FullDate);
            Scan(TemporalPatterns.YearWithCue(), text, start, end, publication, found, YearWithCue);
        }

        if (month && year)
        {
            Scan(TemporalPatterns.MonthYear(), text, start, end, publication, found, MonthYear);
        }

        if (month && publication is not null)
        {
            Scan(TemporalPatterns.MonthDay(), text, start, end, publication, found, MonthDay);
            Scan(TemporalPatterns.MonthAlone(), text, start, end, publication, found, MonthAlone);
        }

        if (relative)
        {
            Scan(TemporalPatterns.Relative(), text, start, end, publication, found, Relative);
        }

        return found.Count switch
        {
            0 => [],
            1 => [found[0]],
            _ => WithoutOverlaps(found),
        };
    }

    /// <summary>
    /// Picks the expression for an event whose predicate starts at <paramref name="predicateStart"/>: the nearest by
    /// character distance (zero when the offset lies inside it); on a tie the more precise, then the earlier one.
    /// Null when nothing was found.
    /// </summary>
    public static EventDate? Choose(ImmutableArray<TemporalExpression> found, int predicateStart)
    {
        if (found.IsDefaultOrEmpty)
        {
            return null;
        }

        TemporalExpression? best = null;
        int bestDistance = int.MaxValue;
        foreach (var expression in found)
        {
            int distance = expression.Start > predicateStart ? expression.Start - predicateStart
                : expression.End <= predicateStart ? predicateStart - expression.End + 1
                : 0;
            if (distance < bestDistance || (distance == bestDistance && expression.Date.Precision < best!.Date.Precision))
            {
                best = expression;
                bestDistance = distance;
            }
        }

        return best!.Date;
    }

    private delegate (EventDate Date, bool IsFuture)? Resolver(Match match, DateOnly? publication);

    /// <summary>
    /// Adds the resolved matches of <paramref name="regex"/>. An expression runs from group p (words before the key word, matched in a
    /// look-behind: "last", "early", "in two") or else the match start, to the match end.
    /// </summary>
    private static void Scan(Regex regex, string text, int start, int end, DateOnly? publication, List<TemporalExpression> found, Resolver resolve)
    {
        for (var match = regex.Match(text, start, end - start); match.Success; match = match.NextMatch())
        {
            int from = match.Groups["p"] is { Success: true } prefix ? prefix.Index : match.Index;
            int to = match.Index + match.Length;
            if (ContinuesNumber(text, start, from)
                || (match.Groups["inunit"].Success && IsSpan(text, start, from))
                || resolve(match, publication) is not { } resolved)
            {
                continue;
            }

            found.Add(new TemporalExpression(from, to, text[from..to], resolved.Date, resolved.IsFuture));
        }
    }

    /// <summary>True when a match that starts with a digit continues a number ("1,14 May", "3.14 May", "1-2018-01-01").</summary>
    private static bool ContinuesNumber(string text, int start, int index)
        => char.IsAsciiDigit(text[index]) && index - 2 >= start && (text[index - 1] is ',' or '.' or '-') && char.IsAsciiDigit(text[index - 2]);

    /// <summary>True when "in two years" at <paramref name="index"/> follows a superlative and so is a span ("the first visit in five years").</summary>
    private static bool IsSpan(string text, int start, int index)
    {
        int from = Math.Max(start, index - 40);
        return TemporalPatterns.SpanBefore().IsMatch(text.AsSpan(from, index - from));
    }

    private static ImmutableArray<TemporalExpression> WithoutOverlaps(List<TemporalExpression> found)
    {
        // Longest first; a kept expression blocks every shorter one it overlaps.
        var byLength = found.OrderByDescending(x => x.End - x.Start).ThenBy(x => x.Start).ToList();
        var kept = new List<TemporalExpression>(byLength.Count);
        foreach (var candidate in byLength)
        {
            if (!kept.Exists(k => k.Start < candidate.End && candidate.Start < k.End))
            {
                kept.Add(candidate);
            }
        }

        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return [.. kept];
    }

    /// <summary>True when the text holds a number 1900–2099 (four digits, not part of a longer one).</summary>
    private static bool HasYearDigits(ReadOnlySpan<char> span)
    {
        int i = 0;
        while (true)
        {
            int at = span[i..].IndexOfAnyInRange('0', '9');
            if (at < 0)
            {
                return false;
            }

            i += at;
            int run = span[i..].IndexOfAnyExceptInRange('0', '9');
            if (run < 0)
            {
                run = span.Length - i;
            }

            if (run == 4 && (span[i] == '1' ? span[i + 1] == '9' : span[i] == '2' && span[i + 1] == '0'))
            {
                return true;
            }

            i += run;
            if (i >= span.Length)
            {
                return false;
            }
        }
    }

    private static (EventDate, bool)? FullDate(Match match, DateOnly? publication)
    {
        foreach (var (y, m, d) in (ReadOnlySpan<(string, string, string)>)[("iy", "im", "id"), ("y1", "m1", "d1"), ("y2", "m2", "d2")])
        {
            var yearGroup = match.Groups[y];
            if (!yearGroup.Success)
            {
                continue;
            }

            int year = Number(yearGroup.ValueSpan);
            var monthText = match.Groups[m].ValueSpan;
            int month = char.IsAsciiDigit(monthText[0]) ? Number(monthText) : MonthOf(monthText);
            int day = Number(match.Groups[d].ValueSpan);
            return IsValid(year, month, day) ? (EventDate.OfDay(new DateOnly(year, month, day)), false) : null;
        }

        return null;
    }

    private static (EventDate, bool)? MonthYear(Match match, DateOnly? publication)
        => (EventDate.OfMonth(Number(match.Groups["y"].ValueSpan), MonthOf(match.Groups["m"].ValueSpan)), false);

    private static (EventDate, bool)? YearWithCue(Match match, DateOnly? publication)
        => (EventDate.OfYear(Number(match.Groups["y"].ValueSpan)), false);

    private static (EventDate, bool)? MonthDay(Match match, DateOnly? publication)
    {
        if (publication is not { } pub)
        {
            return null;
        }

        bool first = match.Groups["m1"].Success;
        int month = MonthOf(match.Groups[first ? "m1" : "m2"].ValueSpan);
        int day = Number(match.Groups[first ? "d1" : "d2"].ValueSpan);

        // The most recent such day on or before the publication date (eight years back covers 29 February).
        for (int year = pub.Year; year >= pub.Year - 8 && year >= 1; year--)
        {
            if (IsValid(year, month, day) && new DateOnly(year, month, day) <= pub)
            {
                return (EventDate.OfDay(new DateOnly(year, month, day)), false);
            }
        }

        return null;
    }

    private static (EventDate, bool)? MonthAlone(Match match, DateOnly? publication)
    {
        if (publication is not { } pub)
        {
            return null;
        }

        int month = MonthOf(match.Groups["m"].ValueSpan);
        var rel = match.Groups["rel"];
        var relation = rel.Success ? rel.ValueSpan : default;
        int year = relation.Equals("next", StringComparison.OrdinalIgnoreCase) ? (month > pub.Month ? pub.Year : pub.Year + 1)
            : relation.Equals("last", StringComparison.OrdinalIgnoreCase) ? (month < pub.Month ? pub.Year : pub.Year - 1)
            : relation.Equals("this", StringComparison.OrdinalIgnoreCase) ? pub.Year
            : month <= pub.Month ? pub.Year : pub.Year - 1;
        bool future = year > pub.Year || (year == pub.Year && month > pub.Month);
        return year is >= 1 and <= 9999 ? (EventDate.OfMonth(year, month), future) : null;
    }

    private static (EventDate, bool)? Relative(Match match, DateOnly? publication)
    {
        if (publication is not { } pub)
        {
            return null;
        }

        if (match.Groups["day"] is { Success: true } dayWord)
        {
            var word = dayWord.ValueSpan;
            int shift = word.Equals("yesterday", StringComparison.OrdinalIgnoreCase) || match.Groups["p"].ValueSpan.Equals("last", StringComparison.OrdinalIgnoreCase) ? -1
                : word.Equals("tomorrow", StringComparison.OrdinalIgnoreCase) ? 1
                : 0;
            return Day(pub, shift, future: shift > 0);
        }

        if (match.Groups["unit"] is { Success: true } unit)
        {
            var relation = match.Groups["rel"].ValueSpan;
            int shift = relation.Equals("last", StringComparison.OrdinalIgnoreCase) ? -1
                : relation.Equals("next", StringComparison.OrdinalIgnoreCase) ? 1
                : 0;
            bool future = shift > 0 || relation.StartsWith("later", StringComparison.OrdinalIgnoreCase);
            return Shifted(pub, UnitOf(unit.ValueSpan), shift, future);
        }

        if (match.Groups["agounit"] is { Success: true } ago)
        {
            return Shifted(pub, UnitOf(ago.ValueSpan), -CountOf(match.Groups["n"].ValueSpan), future: false);
        }

        if (match.Groups["inunit"] is { Success: true } ahead)
        {
            return Shifted(pub, UnitOf(ahead.ValueSpan), CountOf(match.Groups["nin"].ValueSpan), future: true);
        }

        var weekday = WeekdayOf(match.Groups["wd"].ValueSpan);
        var wrel = match.Groups["wrel"];
        var rel = wrel.Success ? wrel.ValueSpan : default;
        int back = ((int)pub.DayOfWeek - (int)weekday + 7) % 7;
        if (rel.Equals("next", StringComparison.OrdinalIgnoreCase))
        {
            int forward = ((int)weekday - (int)pub.DayOfWeek + 7) % 7;
            return Day(pub, forward == 0 ? 7 : forward, future: true);
        }

        if (rel.Equals("this", StringComparison.OrdinalIgnoreCase))
        {
            int fromMonday = ((int)weekday + 6) % 7 - ((int)pub.DayOfWeek + 6) % 7;
            return Day(pub, fromMonday, future: fromMonday > 0);
        }

        return Day(pub, rel.Equals("last", StringComparison.OrdinalIgnoreCase) && back == 0 ? -7 : -back, future: false);
    }

    private static (EventDate, bool)? Day(DateOnly pub, int shift, bool future)
        => AddDays(pub, shift) is { } day ? (EventDate.OfDay(day), future) : null;

    /// <summary><paramref name="pub"/> moved by <paramref name="count"/> units, at the unit's precision.</summary>
    private static (EventDate, bool)? Shifted(DateOnly pub, DatePrecision unit, int count, bool future)
    {
        switch (unit)
        {
            case DatePrecision.Day:
                return Day(pub, count, future);
            case DatePrecision.Week:
                return AddDays(pub, (7 * count) - (((int)pub.DayOfWeek + 6) % 7)) is { } monday ? (EventDate.OfWeek(monday), future) : null;
            case DatePrecision.Month:
                int months = (pub.Year * 12) + pub.Month - 1 + count;
                int year = Math.DivRem(months, 12, out int month0);
                return year is >= 1 and <= 9999 ? (EventDate.OfMonth(year, month0 + 1), future) : null;
            default:
                return pub.Year + count is var y and >= 1 and <= 9999 ? (EventDate.OfYear(y), future) : null;
        }
    }

    private static DateOnly? AddDays(DateOnly day, int days)
    {
        long number = (long)day.DayNumber + days;
        return number >= DateOnly.MinValue.DayNumber && number <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber((int)number) : null;
    }

    private static bool IsValid(int year, int month, int day)
        => year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static int Number(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The month of a (possibly abbreviated) English month name, by its first three letters.</summary>
    private static int MonthOf(ReadOnlySpan<char> name)
    {
        Span<char> key = stackalloc char[3];
        name[..3].ToLowerInvariant(key);
        return key switch
        {
            "jan" => 1,
            "feb" => 2,
            "mar" => 3,
            "apr" => 4,
            "may" => 5,
            "jun" => 6,
            "jul" => 7,
            "aug" => 8,
            "sep" => 9,
            "oct" => 10,
            "nov" => 11,
            _ => 12,
        };
    }

    private static DayOfWeek WeekdayOf(ReadOnlySpan<char> name) => name[..2] switch
    {
        "Mo" => DayOfWeek.Monday,
        "Tu" => DayOfWeek.Tuesday,
        "We" => DayOfWeek.Wednesday,
        "Th" => DayOfWeek.Thursday,
        "Fr" => DayOfWeek.Friday,
        "Sa" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    private static DatePrecision UnitOf(ReadOnlySpan<char> unit) => char.ToLowerInvariant(unit[0]) switch
    {
        'd' => DatePrecision.Day,
        'w' => DatePrecision.Week,
        'm' => DatePrecision.Month,
        _ => DatePrecision.Year,
    };

    private static int CountOf(ReadOnlySpan<char> word)
    {
        if (char.IsAsciiDigit(word[0]))
        {
            return Number(word);
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return lower switch
        {
            "a" or "an" or "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            _ => 12,
        };
    }
}
