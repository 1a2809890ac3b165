using System.Globalization;
using Entente.Storage;
using Microsoft.AspNetCore.Http;

namespace Entente.Web.Api;

/// <summary>
/// Reads the event filters of a request (the names of <c>entente events</c>' options, snake_case): actor, country,
/// pair=A,B, code, quad, from, to, modality, min_reports, limit, offset. Every problem is collected, so that one
/// response names them all.
/// </summary>
public static class ApiQuery
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 1000;

    public static readonly string[] Modalities = ["asserted", "reported", "intended", "hypothetical", "negated", "opinion"];

    public static (EventQuery Query, Dictionary<string, string[]> Errors) Events(IQueryCollection q, IReadOnlyList<string> actorCodes)
    {
        ArgumentNullException.ThrowIfNull(q);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = new EventQuery
        {
            Actor = Text(q, "actor"),
            Country = Text(q, "country"),
            CodePrefix = Text(q, "code"),
            Modality = Text(q, "modality")?.ToLowerInvariant(),
        };
        if (query.CodePrefix is { } code && !code.All(char.IsAsciiDigit))
        {
            errors["code"] = [$"'{code}' is not a CAMEO code or root prefix (digits, such as 07 or 0332)"];
        }

        if (query.Modality is { } m && !Modalities.Contains(m))
        {
            errors["modality"] = [$"'{m}' is not one of {string.Join(", ", Modalities)}"];
        }

        if (Text(q, "pair") is { } pair)
        {
            var parts = pair.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                errors["pair"] = [$"'{pair}' is not two actors separated by a comma (pair=PAK,RUS)"];
            }
            else
            {
                query = query with { PairA = parts[0], PairB = parts[1] };
            }
        }

        foreach (var (name, value) in new[] { ("actor", query.Actor), ("country", query.Country), ("pair", query.PairA), ("pair", query.PairB) })
        {
            if (value is not null)
            {
                CheckActor(name, value, actorCodes, errors);
            }
        }

        query = query with
        {
            QuadClass = Int(q, "quad", 1, 4, errors),
            MinReports = Int(q, "min_reports", 0, int.MaxValue, errors),
            Limit = Int(q, "limit", 1, MaxLimit, errors) ?? DefaultLimit,
            Offset = Int(q, "offset", 0, int.MaxValue, errors) ?? 0,
        };
        var (from, to) = Period(q, errors);
        return (query with { From = from, To = to }, errors);
    }

    /// <summary>The <c>from</c> and <c>to</c> parameters (YYYY, YYYY-MM or YYYY-MM-DD), checked to be in order.</summary>
    public static (DateOnly? From, DateOnly? To) Period(IQueryCollection q, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(errors);
        var from = Date(q, "from", end: false, errors);
        var to = Date(q, "to", end: true, errors);
        if (from is { } f && to is { } t && f > t)
        {
            errors["to"] = [$"'to' ({Text(q, "to")}) is before 'from' ({Text(q, "from")})"];
        }

        return (from, to);
    }

    public static void CheckActor(string name, string value, IReadOnlyList<string> actorCodes, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (ActorNames.IsKnown(value, actorCodes))
        {
            return;
        }

        var close = ActorNames.CloseMatches(value, actorCodes);
        var message = close.Count == 0
            ? $"no stored event has an actor '{value}'"
            : $"no stored event has an actor '{value}'; close matches: {string.Join(", ", close)}";
        errors[name] = errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];
    }

    public static string? Text(IQueryCollection q, string name)
    {
        ArgumentNullException.ThrowIfNull(q);
        var value = q[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    private static DateOnly? Date(IQueryCollection q, string name, bool end, Dictionary<string, string[]> errors)
    {
        if (Text(q, name) is not { } text)
        {
            return null;
        }

        if (DateBounds.TryParse(text, end, out var date))
        {
            return date;
        }

        errors[name] = [$"'{text}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"];
        return null;
    }

    private static int? Int(IQueryCollection q, string name, int min, int max, Dictionary<string, string[]> errors)
    {
        if (Text(q, name) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            errors[name] = [max == int.MaxValue
                ? $"'{text}' is not a whole number of at least {min}"
                : $"'{text}' is not a whole number from {min} to {max}"];
            return null;
        }

        return value;
    }
}
