using System.Globalization;

namespace Entente.Storage;

/// <summary>The bound of a query period as users write it: a day (2021-04-07), a month (2021-04) or a year (2021).</summary>
public static class DateBounds
{
    /// <summary>
    /// Parses <paramref name="text"/> as the first day of its period, or as the last when <paramref name="end"/> is true
    /// ("2021-04" ends on 2021-04-30); false when it is none of the three forms.
    /// </summary>
    public static bool TryParse(string text, bool end, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        var inv = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var month))
        {
            date = end ? month.AddMonths(1).AddDays(-1) : month;
            return true;
        }

        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, inv, out int year) && year >= 1)
        {
            date = end ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
            return true;
        }

        return false;
    }
}
