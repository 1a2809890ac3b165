using System.Data.Common;
using System.Globalization;
using System.Text;
using Entente.Coding.Events;

namespace Entente.Storage;

/// <summary>The store's analytics queries (<see cref="IEventStore.Aggregate"/>, coverage, evidence) and the mention rows they need.</summary>
internal partial class SqlEventStore
{
    public IReadOnlyList<PairAggregate> Aggregate(AggregateQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var args = new List<object?>();
        string Arg(object value)
        {
            args.Add(value);
            return "$" + args.Count.ToString(CultureInfo.InvariantCulture);
        }

        var inv = CultureInfo.InvariantCulture;
        var weight = new StringBuilder("CAST(CASE modality");
        foreach (var (word, w) in query.ModalityWeights.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!IsWord(word) || !double.IsFinite(w))
            {
                throw new ArgumentException($"modality weight {word}={w}: expected a lower-case word and a finite number", nameof(query));
            }

            weight.Append(inv, $" WHEN '{word}' THEN {w.ToString("R", inv)}");
        }

        weight.Append(" ELSE 0 END AS FLOAT8) * (1 + LN(GREATEST(CAST(n_sources AS FLOAT8), 1)))");
        var material = query.MaterialCodes.IsDefaultOrEmpty
            ? "FALSE"
            : "(" + string.Join(" OR ", query.MaterialCodes.Select(c => IsDigits(c)
                ? $"cameo LIKE '{c}%'"
                : throw new ArgumentException($"material code {c}: expected digits", nameof(query)))) + ")";

        string prefix = string.Empty, table = "events";
        var where = new List<string> { "date_start IS NOT NULL" };
        if (query.PairA is { } a && query.PairB is { } b)
        {
            var (x, y) = (a.Trim().ToUpperInvariant(), b.Trim().ToUpperInvariant());
            if (IsCode(x) && IsCode(y))
            {
                // Literals (checked codes), not parameters: DuckDB plans an index scan only for constants (EventFilter).
                prefix = $"WITH pair_events AS MATERIALIZED (SELECT * FROM events WHERE pair IN ('{x}>{y}', '{y}>{x}')) ";
                table = "pair_events";
            }
            else
            {
                where.Add($"pair IN ({Arg(x + ">" + y)}, {Arg(y + ">" + x)})");
            }
        }

        if (!query.Involving.IsDefaultOrEmpty)
        {
            var likes = new List<string>();
            foreach (var actor in query.Involving.Select(v => v.Trim().ToUpperInvariant()))
            {
                if (!IsCode(actor))
                {
                    throw new ArgumentException($"actor {actor}: expected letters and digits", nameof(query));
                }

                likes.Add($"pair LIKE '{actor}>%' OR pair LIKE '%>{actor}'");
            }

            where.Add("(" + string.Join(" OR ", likes) + ")");
        }

        if (query.From is { } from)
        {
            where.Add($"date_start >= {Arg(from)}");
        }

        if (query.To is { } to)
        {
            where.Add($"date_start <= {Arg(to)}");
        }

        var (year, sub) = PeriodColumns("date_start", query.Grain);
        string Count(string condition) => $"CAST(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END) AS BIGINT)";
        string Weigh(string condition) => $"CAST(SUM(CASE WHEN {condition} THEN w ELSE 0 END) AS FLOAT8)";
        var sql = $"""
            {prefix}SELECT {year} AS y, {sub} AS p, split_part(pair, '>', 1) AS s, split_part(pair, '>', 2) AS t,
              COUNT(*), CAST(SUM(n_reports) AS BIGINT),
              {Count("quad_class = 1")}, {Count("quad_class = 2")}, {Count("quad_class = 3")}, {Count("quad_class = 4")},
              {Weigh("quad_class = 1")}, {Weigh("quad_class = 2")}, {Weigh("quad_class = 3")}, {Weigh("quad_class = 4")},
              {Weigh("m")}, CAST(SUM(goldstein) AS FLOAT8), CAST(SUM(goldstein * w) AS FLOAT8), CAST(SUM(w) AS FLOAT8),
              {Count("modality = 'reported'")}, {Count("modality = 'intended'")}, {Count("modality = 'hypothetical'")},
              {Count("modality = 'opinion'")}, {Count("modality = 'negated'")}, {Count("n_sources <= 1")},
              {Count("date_precision = 'year'")}, {Count("date_precision = 'publication'")}
            FROM (SELECT pair, date_start, quad_class, goldstein, modality, n_reports, n_sources, date_precision,
                {weight} AS w, {material} AS m
              FROM {table} WHERE {string.Join(" AND ", where)}) e
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            """;
        var rows = new List<PairAggregate>();
        using var cmd = Sql.Command(Connection, null, sql, [.. args]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add(new PairAggregate(
                Periods.Key(query.Grain, r.Int(0), r.Int(1)), r.GetString(2), r.GetString(3), r.Int64(4), r.Int64(5),
                r.Int64(6), r.Int64(7), r.Int64(8), r.Int64(9), r.Double(10), r.Double(11), r.Double(12), r.Double(13),
                r.Double(14), r.Double(15), r.Double(16), r.Double(17),
                r.Int64(18), r.Int64(19), r.Int64(20), r.Int64(21), r.Int64(22), r.Int64(23), r.Int64(24), r.Int64(25)));
        }

        return rows;
    }

    public IReadOnlyList<CoveragePoint> Coverage(IReadOnlyList<string> actors, Grain grain, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(actors);
        if (actors.Count == 0)
        {
            return [];
        }

        var args = new List<object?>();
        string Arg(object value)
        {
            args.Add(value);
            return "$" + args.Count.ToString(CultureInfo.InvariantCulture);
        }

        var names = string.Join(", ", actors.Select(a => Arg(a.Trim().ToUpperInvariant())));
        var where = new List<string> { $"actor IN ({names})", "published IS NOT NULL" };
        if (from is { } f)
        {
            where.Add($"published >= {Arg(f)}");
        }

        if (to is { } t)
        {
            where.Add($"published <= {Arg(t)}");
        }

        var (year, sub) = PeriodColumns("published", grain);
        var points = new List<CoveragePoint>();
        using var cmd = Sql.Command(Connection, null, $"""
            SELECT {year} AS y, {sub} AS p, COUNT(DISTINCT doc_id) FROM document_actors
            WHERE {string.Join(" AND ", where)} GROUP BY 1, 2 ORDER BY 1, 2
            """, [.. args]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            points.Add(new CoveragePoint(Periods.Key(grain, r.Int(0), r.Int(1)), r.Int64(2)));
        }

        return points;
    }

    public IReadOnlyList<EvidenceReport> Evidence(IReadOnlyList<long> eventIds)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        if (eventIds.Count == 0)
        {
            return [];
        }

        var list = string.Join(", ", eventIds.Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var rows = new List<EvidenceReport>();
        using var cmd = Sql.Command(Connection, null, $"""
            SELECT r.id, r.event_id, r.doc_id, r.sentence_index, r.sentence, r.evidence_start, r.evidence_end, r.modality, r.attribution,
              r.confidence, r.pattern, d.source, d.title, d.url, d.published
            FROM reports r JOIN documents d ON d.id = r.doc_id WHERE r.event_id IN ({list}) ORDER BY r.id
            """);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var report = new StoredReport(r.Int64(0), r.Int64(1), r.GetString(2), r.Int(3), r.GetString(4), r.Int(5), r.Int(6),
                r.GetString(7), r.Text(8), r.Double(9), r.Text(10));
            rows.Add(new EvidenceReport(report, r.Text(11), r.Text(12), r.Text(13), r.Date(14)));
        }

        return rows;
    }

    /// <summary>One row per actor the document mentions or its events name (country, else code), in one statement.</summary>
    private void InsertMentions(DbTransaction tx, StoredDocument document, IReadOnlyList<CodedEvent> reports)
    {
        var actors = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var a in document.MentionedActors.IsDefault ? [] : document.MentionedActors)
        {
            actors.Add(a);
        }

        foreach (var e in reports)
        {
            foreach (var actor in e.Via is { } via ? [e.Source, e.Target, via] : new[] { e.Source, e.Target })
            {
                if ((actor.Country ?? actor.Code) is { } key)
                {
                    actors.Add(key);
                }
            }
        }

        if (actors.Count == 0)
        {
            return;
        }

        var args = new List<object?>();
        var values = new List<string>();
        foreach (var actor in actors)
        {
            values.Add(string.Create(CultureInfo.InvariantCulture, $"(${args.Count + 1}, ${args.Count + 2}, ${args.Count + 3})"));
            args.Add(document.Id);
            args.Add(actor);
            args.Add(document.Published);
        }

        Sql.Execute(Connection, tx, "INSERT INTO document_actors (doc_id, actor, published) VALUES " + string.Join(", ", values), [.. args]);
    }

    private static (string Year, string Sub) PeriodColumns(string column, Grain grain) => grain switch
    {
        Grain.All => ("0", "0"),
        Grain.Year => ($"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)", "0"),
        Grain.Quarter => ($"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)", $"CAST(EXTRACT(QUARTER FROM {column}) AS INTEGER)"),
        _ => ($"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)", $"CAST(EXTRACT(MONTH FROM {column}) AS INTEGER)"),
    };

    private static bool IsWord(string s) => s.Length > 0 && s.All(char.IsAsciiLetterLower);

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    private static bool IsCode(string s) => s.Length is > 0 and <= 16 && s.All(char.IsAsciiLetterOrDigit);
}
