using System.Text;

namespace Entente.Storage;

/// <summary>
/// The SQL of an <see cref="EventQuery"/>: <c>{Prefix}SELECT … FROM {Table}{Where}</c> with positional parameters. A pair
/// of two countries reads the indexed pair column first, in a materialised CTE: DuckDB uses an index only for a scan
/// whose sole filter is on the indexed column.
/// </summary>
internal sealed record FilterSql(string Prefix, string Table, string Where, object?[] Args);

/// <summary>Turns an <see cref="EventQuery"/> into SQL with positional parameters.</summary>
internal static class EventFilter
{
    public static FilterSql Build(EventQuery q)
    {
        var parts = new List<string>();
        var args = new List<object?>();
        string prefix = string.Empty, table = "events";
        string Arg(object? value)
        {
            args.Add(value);
            return "$" + args.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        string ActorMatch(string role, string actor)
        {
            var a = actor.Trim().ToUpperInvariant();
            return $"({role}_country = {Arg(a)} OR {role}_code LIKE {Arg(a + "%")})";
        }

        if (q.Actor is { } actor)
        {
            parts.Add($"({ActorMatch("source", actor)} OR {ActorMatch("target", actor)})");
        }

        if (q.Country is { } country)
        {
            var c = country.Trim().ToUpperInvariant();
            parts.Add($"(source_country = {Arg(c)} OR target_country = {Arg(c)})");
        }

        if (q.PairA is { } a && q.PairB is { } b && IsCountry(a) && IsCountry(b))
        {
            // Two countries: the indexed directed-pair column, both directions.
            var (x, y) = (a.Trim().ToUpperInvariant(), b.Trim().ToUpperInvariant());
            // Literals (three ASCII letters each, checked), not parameters: DuckDB plans an index scan only for constants.
            prefix = $"WITH pair_events AS MATERIALIZED (SELECT * FROM events WHERE pair IN ('{x}>{y}', '{y}>{x}')) ";
            table = "pair_events";
        }
        else if (q.PairA is { } a2 && q.PairB is { } b2)
        {
            parts.Add($"(({ActorMatch("source", a2)} AND {ActorMatch("target", b2)}) OR ({ActorMatch("source", b2)} AND {ActorMatch("target", a2)}))");
        }

        if (q.CodePrefix is { } code)
        {
            parts.Add($"cameo LIKE {Arg(code.Trim() + "%")}");
        }

        if (q.QuadClass is { } quad)
        {
            parts.Add($"quad_class = {Arg(quad)}");
        }

        if (q.From is { } from)
        {
            parts.Add($"date_end >= {Arg(from)}");
        }

        if (q.To is { } to)
        {
            parts.Add($"date_start <= {Arg(to)}");
        }

        if (q.Modality is { } modality)
        {
            parts.Add($"modality = {Arg(modality.Trim().ToLowerInvariant())}");
        }

        if (q.MinReports is { } min)
        {
            parts.Add($"n_reports >= {Arg(min)}");
        }

        if (parts.Count == 0)
        {
            return new FilterSql(prefix, table, string.Empty, [.. args]);
        }

        static bool IsCountry(string value)
        {
            var v = value.Trim();
            return v.Length == 3 && v.All(char.IsAsciiLetter);
        }

        var where = new StringBuilder(" WHERE ").AppendJoin(" AND ", parts);
        return new FilterSql(prefix, table, where.ToString(), [.. args]);
    }
}
