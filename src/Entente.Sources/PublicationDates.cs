using System.Globalization;

namespace Entente.Sources;

/// <summary>Reads publication dates as sources write them: <c>2023-05-10</c>, <c>2023/05/10</c>, ISO timestamps, RFC 822 dates.</summary>
internal static class PublicationDates
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy/M/d", "yyyyMMdd", "yyyy.MM.dd"];

    /// <summary>The calendar date as written (a timestamp keeps the date of its own offset, not UTC's).</summary>
    public static bool TryParse(string? value, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var s = value.Trim();
        if (IsPartial(s))
        {
            return false; // a year or month is not a day, whatever a lenient parser would make of it
        }

        if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        // Timestamps: 2023-05-10T08:30:00Z, 2023-05-10 08:30:00+02:00, Wed, 10 May 2023 08:00:00 +0000.
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var stamp))
        {
            date = DateOnly.FromDateTime(stamp.DateTime);
            return true;
        }

        // RFC 822 with a zone name the parser does not know (EST, PDT, ...): the date part alone.
        int lastSpace = s.LastIndexOf(' ');
        if (lastSpace > 0 && s[(lastSpace + 1)..].All(char.IsAsciiLetterUpper)
            && DateTime.TryParse(s[..lastSpace], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            date = DateOnly.FromDateTime(local);
            return true;
        }

        return false;
    }

    /// <summary>A year (<c>2015</c>) or a year and month (<c>2015-09</c>, <c>2015/09</c>): a real date, but not a day.</summary>
    public static bool IsPartial(string value)
    {
        var s = value.AsSpan().Trim();
        return (s.Length == 4 && IsDigits(s))
            || (s.Length == 7 && IsDigits(s[..4]) && s[4] is '-' or '/' && IsDigits(s[5..]));
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
