using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Entente.Storage;

/// <summary>
/// The summary tables (schema v3) that analytics read instead of the events (docs/schema.md):
/// <list type="bullet">
/// <item><c>pair_months</c>: one row per directed pair and month of the events' start dates, with counts and the sums a
/// weighted aggregate needs kept apart by modality, so that any modality weights combine them at query time. Rebuilt
/// from the events for every pair a write touches.</item>
/// <item><c>actor_months</c> and <c>actor_pair_months</c>: documents per actor, and per ordered pair of actors mentioned
/// together, by month of publication; kept by adding and subtracting as documents are stored and replaced. The
/// documents mentioning A or B are then A + B − (A and B).</item>
/// </list>
/// Months are numbered <c>ym = 12 · year + month − 1</c>.
/// </summary>
internal static class Summaries
{
    /// <summary>The modalities kept apart in <c>pair_months</c>; events of any other weigh nothing there.</summary>
    public static readonly ImmutableArray<string> Modalities = ["asserted", "reported", "intended", "hypothetical", "negated", "opinion"];

    /// <summary>The CAMEO prefixes whose events <c>pair_months</c> sums as material support (the analytics' default).</summary>
    public static readonly ImmutableArray<string> MaterialCodes = ["06", "07", "031", "033"];

    /// <summary>The value columns of <c>pair_months</c> in table order, with their types.</summary>
    public static IEnumerable<(string Name, string Type)> PairValueColumns()
    {
        yield return ("events", "BIGINT");
        yield return ("reports", "BIGINT");
        for (int q = 1; q <= 4; q++)
        {
            yield return ($"c{q}", "BIGINT");
        }

        yield return ("g", "FLOAT8");
        yield return ("single", "BIGINT");
        yield return ("prec_year", "BIGINT");
        yield return ("prec_pub", "BIGINT");
        foreach (var m in Modalities)
        {
            yield return ($"n_{m}", "BIGINT");
            for (int q = 1; q <= 4; q++)
            {
                yield return ($"l{q}_{m}", "FLOAT8");
            }

            yield return ($"lm_{m}", "FLOAT8");
            yield return ($"gl_{m}", "FLOAT8");
        }
    }

    public static string CreatePairMonths() =>
        "CREATE TABLE pair_months (pair TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, y INTEGER NOT NULL, q INTEGER NOT NULL, m INTEGER NOT NULL, ym INTEGER NOT NULL, "
        + string.Join(", ", PairValueColumns().Select(c => $"{c.Name} {c.Type} NOT NULL")) + ")";

    public const string CreateActorMonths =
        "CREATE TABLE actor_months (actor TEXT NOT NULL, y INTEGER NOT NULL, q INTEGER NOT NULL, m INTEGER NOT NULL, ym INTEGER NOT NULL, docs BIGINT NOT NULL, PRIMARY KEY (actor, ym))";

    public const string CreateActorPairMonths =
        "CREATE TABLE actor_pair_months (a TEXT NOT NULL, b TEXT NOT NULL, y INTEGER NOT NULL, q INTEGER NOT NULL, m INTEGER NOT NULL, ym INTEGER NOT NULL, docs BIGINT NOT NULL, PRIMARY KEY (a, b, ym))";

    /// <summary>
    /// <c>INSERT … SELECT</c> of the <c>pair_months</c> rows of the dated events of the pairs in <paramref name="pairs"/>
    /// (a list of SQL literals, read through the pair index), or of all events when null. Rows go in pair and month order,
    /// so that a pair's rows lie together and its look-up reads a few blocks.
    /// </summary>
    /// <summary>The event columns <see cref="FillPairMonths"/> reads (an index scan fetches each one apart).</summary>
    private const string Read = "pair, date_start, quad_class, goldstein, modality, n_reports, n_sources, date_precision, cameo";

    public static string FillPairMonths(string? pairs)
    {
        const string ls = "(1 + LN(GREATEST(CAST(n_sources AS FLOAT8), 1)))";
        string material = "(" + string.Join(" OR ", MaterialCodes.Select(c => $"cameo LIKE '{c}%'")) + ")";
        string Count(string condition) => $"CAST(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END) AS BIGINT)";
        string Sum(string condition, string value) => $"CAST(SUM(CASE WHEN {condition} THEN {value} ELSE 0 END) AS FLOAT8)";
        var values = new List<string>
        {
            "COUNT(*)", "CAST(SUM(n_reports) AS BIGINT)",
            Count("quad_class = 1"), Count("quad_class = 2"), Count("quad_class = 3"), Count("quad_class = 4"),
            "CAST(SUM(goldstein) AS FLOAT8)", Count("n_sources <= 1"), Count("date_precision = 'year'"), Count("date_precision = 'publication'"),
        };
        foreach (var m in Modalities)
        {
            string is_ = $"modality = '{m}'";
            values.Add(Count(is_));
            for (int q = 1; q <= 4; q++)
            {
                values.Add(Sum($"{is_} AND quad_class = {q}", ls));
            }

            values.Add(Sum($"{is_} AND {material}", ls));
            values.Add(Sum(is_, $"goldstein * {ls}"));
        }

        return $"""
            INSERT INTO pair_months
            SELECT pair, split_part(pair, '>', 1), split_part(pair, '>', 2), y, q, m, 12 * y + m - 1, {string.Join(", ", values)}
            FROM ({(pairs is null ? string.Empty : $"WITH sel AS MATERIALIZED (SELECT {Read} FROM events WHERE pair IN ({pairs})) ")}
                  SELECT {Read}, CAST(EXTRACT(YEAR FROM date_start) AS INTEGER) AS y, CAST(EXTRACT(QUARTER FROM date_start) AS INTEGER) AS q,
                    CAST(EXTRACT(MONTH FROM date_start) AS INTEGER) AS m
                  FROM {(pairs is null ? "events" : "sel")} WHERE date_start IS NOT NULL) e
            GROUP BY pair, y, q, m ORDER BY pair, y, m
            """;
    }

    public const string FillActorMonths = """
        INSERT INTO actor_months
        SELECT actor, y, q, m, 12 * y + m - 1, COUNT(DISTINCT doc_id)
        FROM (SELECT actor, doc_id, CAST(EXTRACT(YEAR FROM published) AS INTEGER) AS y,
                CAST(EXTRACT(QUARTER FROM published) AS INTEGER) AS q, CAST(EXTRACT(MONTH FROM published) AS INTEGER) AS m
              FROM document_actors WHERE published IS NOT NULL) d
        GROUP BY actor, y, q, m
        """;

    public const string FillActorPairMonths = """
        INSERT INTO actor_pair_months
        SELECT a, b, y, q, m, 12 * y + m - 1, COUNT(DISTINCT doc_id)
        FROM (SELECT x.actor AS a, z.actor AS b, x.doc_id, CAST(EXTRACT(YEAR FROM x.published) AS INTEGER) AS y,
                CAST(EXTRACT(QUARTER FROM x.published) AS INTEGER) AS q, CAST(EXTRACT(MONTH FROM x.published) AS INTEGER) AS m
              FROM document_actors x JOIN document_actors z ON z.doc_id = x.doc_id AND z.actor <> x.actor
              WHERE x.published IS NOT NULL) d
        GROUP BY a, b, y, q, m
        """;

    /// <summary>The statements that (re)build every summary from the events and mentions.</summary>
    public static ImmutableArray<string> Rebuild() =>
    [
        "DELETE FROM pair_months", FillPairMonths(null),
        "DELETE FROM actor_months", FillActorMonths,
        "DELETE FROM actor_pair_months", FillActorPairMonths,
    ];

    /// <summary>
    /// Whether a value may be written into SQL as a quoted literal: no quote, backslash or control character, so it cannot
    /// end the literal in either back end. DuckDB reads a list of literals through an index and a list of parameters
    /// by scanning; values that are not plain go as parameters.
    /// </summary>
    public static bool IsPlain(string value) => value.Length <= 256 && !value.Any(c => c is '\'' or '\\' || char.IsControl(c));

    /// <summary>The quoted literal of a plain value (<see cref="IsPlain"/>).</summary>
    public static string Literal(string value) => IsPlain(value)
        ? "'" + value + "'"
        : throw new ArgumentException("not a plain value for a SQL literal", nameof(value));

    /// <summary>The month number of a date (<c>12 · year + month − 1</c>).</summary>
    public static int Month(DateOnly d) => (12 * d.Year) + d.Month - 1;

    /// <summary>
    /// The months [first, last] a window covers when it is made of whole months (null bounds are open); null when a bound
    /// falls inside a month, which the month summaries cannot answer.
    /// </summary>
    public static (int? First, int? Last)? WholeMonths(DateOnly? from, DateOnly? to)
    {
        if (from is { } f && f.Day != 1)
        {
            return null;
        }

        if (to is { } t && t.Day != DateTime.DaysInMonth(t.Year, t.Month))
        {
            return null;
        }

        return (from is { } a ? Month(a) : null, to is { } b ? Month(b) : null);
    }

    /// <summary>Column expressions (year, sub-period) of a grain over a summary's y, q, m columns.</summary>
    public static (string Year, string Sub) PeriodColumns(Grain grain) => grain switch
    {
        Grain.All => ("0", "0"),
        Grain.Year => ("y", "0"),
        Grain.Quarter => ("y", "q"),
        _ => ("y", "m"),
    };

    /// <summary>Upserts of document-count changes (<paramref name="deltas"/>: key columns then the change) into a month table.</summary>
    public static IEnumerable<(string Sql, object?[] Args)> Upserts(string table, string keyColumns, string conflictColumns, IEnumerable<(object?[] Key, long Delta)> deltas)
    {
        int width = keyColumns.Split(',').Length + 1;
        foreach (var chunk in deltas.Where(d => d.Delta != 0).Chunk(2_000))
        {
            var sql = new StringBuilder("INSERT INTO " + table + " (" + keyColumns + ", docs) VALUES ");
            var args = new List<object?>(chunk.Length * width);
            foreach (var (key, delta) in chunk)
            {
                sql.Append(args.Count == 0 ? "(" : ", (");
                for (int i = 0; i < width; i++)
                {
                    sql.Append(i == 0 ? "$" : ", $").Append((args.Count + i + 1).ToString(CultureInfo.InvariantCulture));
                }

                sql.Append(')');
                args.AddRange(key);
                args.Add(delta);
            }

            sql.Append(CultureInfo.InvariantCulture, $" ON CONFLICT ({conflictColumns}) DO UPDATE SET docs = {table}.docs + EXCLUDED.docs");
            yield return (sql.ToString(), [.. args]);
        }
    }
}
