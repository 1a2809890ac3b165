using System.Collections.Immutable;
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
        CheckWeighting(query.ModalityWeights, query.MaterialCodes, nameof(query));
        var weights = Summaries.Modalities.Select(m => (m, w: query.ModalityWeights.GetValueOrDefault(m))).Where(p => p.w != 0).ToList();

        string Weighted(Func<string, string> column) => weights.Count == 0
            ? "CAST(0 AS FLOAT8)"
            : "CAST(SUM(" + string.Join(" + ", weights.Select(p => $"{p.w.ToString("R", inv)} * {column(p.m)}")) + ") AS FLOAT8)";
        bool lean = query.WeightsOnly;
        string Total(string column) => $"CAST(SUM({column}) AS BIGINT)";
        string Count(string column) => lean ? "CAST(0 AS BIGINT)" : Total(column);

        string prefix = string.Empty, table = "pair_months";
        string? involvingList = null;
        var where = new List<string>();
        if (query.PairA is { } a && query.PairB is { } b)
        {
            var (x, y) = (a.Trim().ToUpperInvariant(), b.Trim().ToUpperInvariant());
            if (!Summaries.IsPlain(x + ">" + y))
            {
                throw new ArgumentException($"pair {x}, {y}: expected actor codes", nameof(query));
            }

            prefix = $"WITH sel AS MATERIALIZED (SELECT * FROM pair_months WHERE pair IN ({Summaries.Literal(x + ">" + y)}, {Summaries.Literal(y + ">" + x)})) ";
            table = "sel";
        }

        if (!query.Involving.IsDefaultOrEmpty)
        {
            var involving = query.Involving.Select(v => v.Trim().ToUpperInvariant()).ToList();
            if (!involving.All(IsCode))
            {
                throw new ArgumentException($"actors {string.Join(", ", involving)}: expected letters and digits", nameof(query));
            }

            var list = string.Join(", ", involving.Select(Summaries.Literal));
            involvingList = list;
        }

        if (!query.Sources.IsDefaultOrEmpty)
        {
            where.Add($"source IN ({string.Join(", ", Codes(query.Sources, nameof(query)).Select(Summaries.Literal))})");
        }

        if (first is { } f)
        {
            where.Add($"ym >= {f.ToString(inv)}");
        }

        if (last is { } l)
        {
            where.Add($"ym <= {l.ToString(inv)}");
        }

        if (involvingList is { } inv2)
        {
            // Rows whose source is one of the actors, then those whose target is and source is not: the table lies in
            // pair (source) order, so the first part reads a few blocks; an OR of both would read every block.
            string window = string.Concat(where.Select(w => " AND " + w));
            table = $"""
                (SELECT * FROM pair_months WHERE source IN ({inv2}){window}
                 UNION ALL SELECT * FROM pair_months WHERE target IN ({inv2}) AND source NOT IN ({inv2}){window}) u
                """;
            where.Clear();
        }

        bool material = !query.MaterialCodes.IsDefaultOrEmpty;
        var (year, sub) = Summaries.PeriodColumns(query.Grain);
        var sql = $"""
            {prefix}SELECT {year}, {sub}, source, target, {Total("events")}, {Total("reports")},
              {Count("c1")}, {Count("c2")}, {Count("c3")}, {Count("c4")},
              {Weighted(m => $"l1_{m}")}, {Weighted(m => $"l2_{m}")}, {Weighted(m => $"l3_{m}")}, {Weighted(m => $"l4_{m}")},
              {(material ? Weighted(m => $"lm_{m}") : "CAST(0 AS FLOAT8)")}, {(lean ? "CAST(0 AS FLOAT8)" : "CAST(SUM(g) AS FLOAT8)")},
              {(lean ? "CAST(0 AS FLOAT8)" : Weighted(m => $"gl_{m}"))},
              {Weighted(m => $"(l1_{m} + l2_{m} + l3_{m} + l4_{m})")},
              {Count("n_reported")}, {Count("n_intended")}, {Count("n_hypothetical")}, {Count("n_opinion")}, {Count("n_negated")},
              {Count("single")}, {Count("prec_year")}, {Count("prec_pub")}
            FROM {table}{(where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where))}
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            """;
        return ReadAggregates(sql, [], query.Grain);
    }

    /// <summary>The aggregate computed from the events themselves (any weights, any window).</summary>
    private List<PairAggregate> AggregateEvents(AggregateQuery query)
    {
        var args = new List<object?>();
        string Arg(object value)
        {
            args.Add(value);
            return "$" + args.Count.ToString(CultureInfo.InvariantCulture);
        }

        var weight = WeightSql(query.ModalityWeights, nameof(query));
        var material = MaterialSql(query.MaterialCodes, nameof(query));

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

        if (!query.Sources.IsDefaultOrEmpty)
        {
            where.Add("(" + string.Join(" OR ", Codes(query.Sources, nameof(query)).Select(a => $"pair LIKE '{a}>%'")) + ")");
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
        string Count(string condition) => query.WeightsOnly ? "CAST(0 AS BIGINT)" : $"CAST(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END) AS BIGINT)";
        string Weigh(string condition) => $"CAST(SUM(CASE WHEN {condition} THEN w ELSE 0 END) AS FLOAT8)";
        string Gold(string value) => query.WeightsOnly ? "CAST(0 AS FLOAT8)" : $"CAST(SUM({value}) AS FLOAT8)";
        var sql = $"""
            {prefix}SELECT {year} AS y, {sub} AS p, split_part(pair, '>', 1) AS s, split_part(pair, '>', 2) AS t,
              COUNT(*), CAST(SUM(n_reports) AS BIGINT),
              {Count("quad_class = 1")}, {Count("quad_class = 2")}, {Count("quad_class = 3")}, {Count("quad_class = 4")},
              {Weigh("quad_class = 1")}, {Weigh("quad_class = 2")}, {Weigh("quad_class = 3")}, {Weigh("quad_class = 4")},
              {Weigh("m")}, {Gold("goldstein")}, {Gold("goldstein * w")}, CAST(SUM(w) AS FLOAT8),
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

    /// <summary>An event's weight in SQL: its modality's weight times <c>1 + ln(independent sources)</c>.</summary>
    private static string WeightSql(ImmutableDictionary<string, double> weights, string parameter)
    {
        CheckWeighting(weights, [], parameter);
        var inv = CultureInfo.InvariantCulture;
        var weight = new StringBuilder("CAST(CASE modality");
        foreach (var (word, w) in weights.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            weight.Append(inv, $" WHEN '{word}' THEN {w.ToString("R", inv)}");
        }

        return weight.Append(" ELSE 0 END AS FLOAT8) * (1 + LN(GREATEST(CAST(n_sources AS FLOAT8), 1)))").ToString();
    }

    /// <summary>Whether an event's code is one of the material-support prefixes, in SQL.</summary>
    private static string MaterialSql(ImmutableArray<string> codes, string parameter)
    {
        CheckWeighting(ImmutableDictionary<string, double>.Empty, codes, parameter);
        return codes.IsDefaultOrEmpty ? "FALSE" : "(" + string.Join(" OR ", codes.Select(c => $"cameo LIKE '{c}%'")) + ")";
    }

    /// <summary>Modality weights are lower-case words with finite numbers, material codes digits (they are written into SQL).</summary>
    private static void CheckWeighting(ImmutableDictionary<string, double> weights, ImmutableArray<string> codes, string parameter)
    {
        foreach (var (word, w) in weights)
        {
            if (!IsWord(word) || !double.IsFinite(w))
            {
                throw new ArgumentException($"modality weight {word}={w}: expected a lower-case word and a finite number", parameter);
            }
        }

        foreach (var c in codes.IsDefault ? [] : codes)
        {
            if (!IsDigits(c))
            {
                throw new ArgumentException($"material code {c}: expected digits", parameter);
            }
        }
    }

    public IReadOnlyList<IReadOnlyList<StoredEvent>> TopEvents(IReadOnlyList<TopEventsQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var result = new List<StoredEvent>[queries.Count];
        if (queries.Count == 0)
        {
            return result;
        }

        EnsureOpen();
        var pairs = queries.SelectMany(q => q.Pairs).Distinct(StringComparer.Ordinal).ToList();
        if (pairs.Count == 0 || !pairs.All(p => p.Split('>') is [{ Length: > 0 }, { Length: > 0 }]))
        {
            throw new ArgumentException($"pairs {string.Join(", ", pairs)}: expected SOURCE>TARGET pair keys", nameof(queries));
        }

        foreach (var q in queries)
        {
            CheckWeighting(q.ModalityWeights, q.MaterialCodes, nameof(queries));
        }

        // The candidates in one read of a few narrow columns (the pair list is the scan's sole filter, so DuckDB may use the
        // pair index); then each selection's top N here, with the weights of the analytics.
        var ranked = queries.Select(_ => new List<(double Weight, DateOnly? Start, long Id)>()).ToArray();
        foreach (var (sql, args) in ByIds("SELECT id, pair, quad_class, cameo, modality, n_sources, date_start FROM events WHERE pair", pairs))
        {
            using var cmd = Sql.Command(Connection, null, sql, args);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                string pair = r.GetString(1), cameo = r.GetString(3), modality = r.GetString(4);
                int quad = r.Int(2);
                var start = r.Date(6);
                for (int i = 0; i < queries.Count; i++)
                {
                    var q = queries[i];
                    if (!q.Pairs.Contains(pair)
                        || (!q.QuadClasses.IsDefaultOrEmpty && !q.QuadClasses.Contains(quad))
                        || (q.MaterialOnly && !q.MaterialCodes.Any(c => cameo.StartsWith(c, StringComparison.Ordinal)))
                        || !InWindow(start, q.From, q.To))
                    {
                        continue;
                    }

                    double weight = q.ModalityWeights.GetValueOrDefault(modality) * (1 + Math.Log(Math.Max(r.Int(5), 1)));
                    if (weight > 0)
                    {
                        ranked[i].Add((weight, start, r.Int64(0)));
                    }
                }
            }
        }

        var picks = ranked.Select((list, i) => list
            .OrderByDescending(x => x.Weight).ThenByDescending(x => x.Start ?? DateOnly.MinValue).ThenBy(x => x.Id)
            .Take(Math.Max(0, queries[i].Limit)).Select(x => x.Id).ToList()).ToList();
        var events = EventsByIds(picks.SelectMany(p => p).ToHashSet()).ToDictionary(e => e.Id);
        for (int i = 0; i < queries.Count; i++)
        {
            result[i] = [.. picks[i].Select(id => events[id])];
        }

        return result;
    }

    /// <summary>A start date in a window; undated only when there is no window.</summary>
    private static bool InWindow(DateOnly? start, DateOnly? from, DateOnly? to) =>
        start is { } d ? (from is null || d >= from) && (to is null || d <= to) : from is null && to is null;

    public PairModalityCounts PairModalities(string a, string b, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (x, y) = (a.Trim().ToUpperInvariant(), b.Trim().ToUpperInvariant());
        if (!IsCode(x) || !IsCode(y))
        {
            throw new ArgumentException($"pair {x}, {y}: expected actor codes", nameof(a));
        }

        EnsureOpen();
        var args = new List<object?>();
        var where = new List<string>();
        if (from is not null || to is not null)
        {
            where.Add("date_start IS NOT NULL");
            if (from is { } f)
            {
                args.Add(f);
                where.Add("date_start >= $" + args.Count.ToString(CultureInfo.InvariantCulture));
            }

            if (to is { } t)
            {
                args.Add(t);
                where.Add("date_start <= $" + args.Count.ToString(CultureInfo.InvariantCulture));
            }
        }

        var counts = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        long undated = 0;
        using var cmd = Sql.Command(Connection, null, $"""
            WITH sel AS MATERIALIZED (SELECT modality, date_start FROM events WHERE pair IN ({Summaries.Literal(x + ">" + y)}, {Summaries.Literal(y + ">" + x)}))
            SELECT modality, COUNT(*), CAST(SUM(CASE WHEN date_start IS NULL THEN 1 ELSE 0 END) AS BIGINT) FROM sel
            {(where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where))} GROUP BY modality
            """, [.. args]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            counts[r.GetString(0)] = r.Int64(1);
            undated += r.Int64(2);
        }

        return new PairModalityCounts(counts.ToImmutable(), undated);
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
    private List<CoveragePoint> CoverageMentions(IReadOnlyList<string> actors, Grain grain, DateOnly? from, DateOnly? to)
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

        // Two reads (reports by event, then their documents by id) rather than a join, which DuckDB planned as a scan of
        // every document.
        var list = string.Join(", ", eventIds.Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var reports = ReadReports($"SELECT {ReportColumns} FROM reports WHERE event_id IN ({list}) ORDER BY id");
        var documents = Documents(reports.Select(r => r.DocId).Distinct(StringComparer.Ordinal).ToList());
        return [.. reports.Select(r => documents.TryGetValue(r.DocId, out var d)
            ? new EvidenceReport(r, d.Source, d.Title, d.Url, d.Published)
            : new EvidenceReport(r, null, null, null, null))];
    }

    /// <summary>The metadata of documents by id, read through the primary key.</summary>
    private Dictionary<string, DocumentInfo> Documents(IReadOnlyList<string> ids)
    {
        var found = new Dictionary<string, DocumentInfo>(StringComparer.Ordinal);
        foreach (var (sql, args) in ByIds("SELECT id, source, url, title, published, status, n_reports FROM documents WHERE id", ids))
        {
            using var cmd = Sql.Command(Connection, null, sql, args);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                found[r.GetString(0)] = new DocumentInfo(r.GetString(0), r.Text(1), r.Text(2), r.Text(3), r.Date(4), r.GetString(5), r.Int(6));
            }
        }

        return found;
    }

    /// <summary>
    /// <c>{head} IN (…)</c> statements over text values: plain values as literals, the others as parameters. DuckDB plans
    /// an index look-up only for literals (and only for short lists: a longer one it joins against a scan of the column).
    /// </summary>
    private static IEnumerable<(string Sql, object?[] Args)> ByIds(string head, IReadOnlyList<string> ids)
    {
        foreach (var chunk in ids.Where(Summaries.IsPlain).Chunk(500))
        {
            yield return ($"{head} IN ({string.Join(", ", chunk.Select(Summaries.Literal))})", []);
        }

        var other = ids.Where(id => !Summaries.IsPlain(id)).ToArray();
        if (other.Length > 0)
        {
            yield return ($"{head} IN ({string.Join(", ", other.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)))})", [.. other]);
        }
    }

    public IReadOnlyList<StoredReport> ReportsOfDocuments(IReadOnlyList<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        if (documentIds.Count == 0)
        {
            return [];
        }

        var rows = new List<StoredReport>();
        foreach (var (sql, args) in ByIds($"SELECT {ReportColumns} FROM reports WHERE doc_id", documentIds.Distinct(StringComparer.Ordinal).ToList()))
        {
            rows.AddRange(ReadReports(sql, args));
        }

        return [.. rows.OrderBy(r => r.DocId, StringComparer.Ordinal).ThenBy(r => r.SentenceIndex).ThenBy(r => r.EvidenceStart).ThenBy(r => r.Id)];
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

    /// <summary>Actor codes, upper-cased and checked (letters and digits), for SQL literals.</summary>
    private static List<string> Codes(IEnumerable<string> actors, string parameter)
    {
        var codes = actors.Select(v => v.Trim().ToUpperInvariant()).ToList();
        return codes.All(IsCode) ? codes : throw new ArgumentException($"actors {string.Join(", ", codes)}: expected letters and digits", parameter);
    }

    private static bool IsWord(string s) => s.Length > 0 && s.All(char.IsAsciiLetterLower);

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    private static bool IsCode(string s) => s.Length is > 0 and <= 16 && s.All(char.IsAsciiLetterOrDigit);
}
