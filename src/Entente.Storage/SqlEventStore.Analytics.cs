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
        EnsureOpen();
        return Summaries.WholeMonths(query.From, query.To) is { } months && SummaryWeighs(query)
            ? AggregateSummary(query, months.First, months.Last)
            : AggregateEvents(query);
    }

    /// <summary>Whether <c>pair_months</c> holds what the query weighs: its modalities and its material codes.</summary>
    private static bool SummaryWeighs(AggregateQuery query) =>
        query.ModalityWeights.All(p => p.Value == 0 || Summaries.Modalities.Contains(p.Key))
        && (query.MaterialCodes.IsDefaultOrEmpty || query.MaterialCodes.ToHashSet(StringComparer.Ordinal).SetEquals(Summaries.MaterialCodes));

    /// <summary>The aggregate from <c>pair_months</c>: the same rows as <see cref="AggregateEvents"/>, up to rounding.</summary>
    private List<PairAggregate> AggregateSummary(AggregateQuery query, int? first, int? last)
    {
        var inv = CultureInfo.InvariantCulture;
        var weights = Summaries.Modalities.Select(m => (m, w: query.ModalityWeights.GetValueOrDefault(m))).Where(p => p.w != 0 && double.IsFinite(p.w)).ToList();
        if (query.ModalityWeights.Any(p => !double.IsFinite(p.Value)))
        {
            throw new ArgumentException("modality weights must be finite numbers", nameof(query));
        }

        string Weighted(Func<string, string> column) => weights.Count == 0
            ? "CAST(0 AS FLOAT8)"
            : "CAST(SUM(" + string.Join(" + ", weights.Select(p => $"{p.w.ToString("R", inv)} * {column(p.m)}")) + ") AS FLOAT8)";
        string Total(string column) => $"CAST(SUM({column}) AS BIGINT)";

        string prefix = string.Empty, table = "pair_months";
        var where = new List<string>();
        if (query.PairA is { } a && query.PairB is { } b)
        {
            var (x, y) = (a.Trim().ToUpperInvariant(), b.Trim().ToUpperInvariant());
            prefix = $"WITH sel AS MATERIALIZED (SELECT * FROM pair_months WHERE pair IN ({Summaries.Literal(x + ">" + y)}, {Summaries.Literal(y + ">" + x)})) ";
            table = "sel";
        }

        if (!query.Involving.IsDefaultOrEmpty)
        {
            var list = string.Join(", ", query.Involving.Select(v => Summaries.Literal(v.Trim().ToUpperInvariant())));
            where.Add($"(source IN ({list}) OR target IN ({list}))");
        }

        if (first is { } f)
        {
            where.Add($"ym >= {f.ToString(inv)}");
        }

        if (last is { } l)
        {
            where.Add($"ym <= {l.ToString(inv)}");
        }

        bool material = !query.MaterialCodes.IsDefaultOrEmpty;
        var (year, sub) = Summaries.PeriodColumns(query.Grain);
        var sql = $"""
            {prefix}SELECT {year}, {sub}, source, target, {Total("events")}, {Total("reports")},
              {Total("c1")}, {Total("c2")}, {Total("c3")}, {Total("c4")},
              {Weighted(m => $"l1_{m}")}, {Weighted(m => $"l2_{m}")}, {Weighted(m => $"l3_{m}")}, {Weighted(m => $"l4_{m}")},
              {(material ? Weighted(m => $"lm_{m}") : "CAST(0 AS FLOAT8)")}, CAST(SUM(g) AS FLOAT8), {Weighted(m => $"gl_{m}")},
              {Weighted(m => $"(l1_{m} + l2_{m} + l3_{m} + l4_{m})")},
              {Total("n_reported")}, {Total("n_intended")}, {Total("n_hypothetical")}, {Total("n_opinion")}, {Total("n_negated")},
              {Total("single")}, {Total("prec_year")}, {Total("prec_pub")}
            FROM {table}{(where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where))}
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            """;
        return ReadAggregates(sql, [], query.Grain);
    }

    /// <summary>The aggregate computed from the events themselves (any weights, any window).</summary>
    internal IReadOnlyList<PairAggregate> AggregateEvents(AggregateQuery query)
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
        return ReadAggregates(sql, [.. args], query.Grain);
    }

    private List<PairAggregate> ReadAggregates(string sql, object?[] args, Grain grain)
    {
        var rows = new List<PairAggregate>();
        using var cmd = Sql.Command(Connection, null, sql, args);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add(new PairAggregate(
                Periods.Key(grain, r.Int(0), r.Int(1)), r.GetString(2), r.GetString(3), r.Int64(4), r.Int64(5),
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

        EnsureOpen();
        var distinct = actors.Select(a => a.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count <= 2 && Summaries.WholeMonths(from, to) is { } months)
        {
            return CoverageSummary(distinct, grain, months.First, months.Last);
        }

        return CoverageMentions(distinct, grain, from, to);
    }

    /// <summary>Documents mentioning one actor, or either of two (A + B − both), by period, from the month summaries.</summary>
    private List<CoveragePoint> CoverageSummary(List<string> actors, Grain grain, int? first, int? last)
    {
        var inv = CultureInfo.InvariantCulture;
        string window = (first is { } f ? $" AND ym >= {f.ToString(inv)}" : string.Empty) + (last is { } l ? $" AND ym <= {l.ToString(inv)}" : string.Empty);
        string both = actors.Count == 2
            ? $" UNION ALL SELECT y, q, m, -docs FROM actor_pair_months WHERE a = $1 AND b = $2{window}"
            : string.Empty;
        var (year, sub) = Summaries.PeriodColumns(grain);
        var points = new List<CoveragePoint>();
        using var cmd = Sql.Command(Connection, null, $"""
            SELECT {year}, {sub}, CAST(SUM(docs) AS BIGINT) FROM (
              SELECT y, q, m, docs FROM actor_months WHERE actor IN ({(actors.Count == 2 ? "$1, $2" : "$1")}){window}{both}) c
            GROUP BY 1, 2 HAVING SUM(docs) > 0 ORDER BY 1, 2
            """, [.. actors]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            points.Add(new CoveragePoint(Periods.Key(grain, r.Int(0), r.Int(1)), r.Int64(2)));
        }

        return points;
    }

    /// <summary>Documents mentioning any of the actors, by period, counted over the mentions.</summary>
    internal List<CoveragePoint> CoverageMentions(IReadOnlyList<string> actors, Grain grain, DateOnly? from, DateOnly? to)
    {
        var args = new List<object?>();
        string Arg(object value)
        {
            args.Add(value);
            return "$" + args.Count.ToString(CultureInfo.InvariantCulture);
        }

        var names = string.Join(", ", actors.Select(a => Arg(a)));
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

    public IReadOnlyList<StoredReport> ReportsOfDocuments(IReadOnlyList<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        if (documentIds.Count == 0)
        {
            return [];
        }

        var ids = documentIds.Distinct(StringComparer.Ordinal).ToArray();
        var list = string.Join(", ", ids.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)));
        var rows = new List<StoredReport>();
        using var cmd = Sql.Command(Connection, null, $"""
            SELECT id, event_id, doc_id, sentence_index, sentence, evidence_start, evidence_end, modality, attribution, confidence, pattern
            FROM reports WHERE doc_id IN ({list}) ORDER BY doc_id, sentence_index, evidence_start, id
            """, [.. ids]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add(new StoredReport(r.Int64(0), r.Int64(1), r.GetString(2), r.Int(3), r.GetString(4), r.Int(5), r.Int(6),
                r.GetString(7), r.Text(8), r.Double(9), r.Text(10)));
        }

        return rows;
    }

    /// <summary>One row per actor the document mentions or its events name (country, else code), in one statement.</summary>
    private void InsertMentions(DbTransaction tx, StoredDocument document, IReadOnlyList<CodedEvent> reports)
    {
        var rows = MentionRows(document, reports);
        WriteRows(tx, "document_actors", "doc_id, actor, published", rows);
        CountMentions(rows, +1);
    }

    /// <summary>The <c>document_actors</c> rows of a document: its mentioned actors and the actors of its events, once each.</summary>
    private static List<object?[]> MentionRows(StoredDocument document, IReadOnlyList<CodedEvent> reports)
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

        return actors.Select(actor => new object?[] { document.Id, actor, document.Published }).ToList();
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
