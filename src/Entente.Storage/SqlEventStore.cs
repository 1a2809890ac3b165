using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Entente.Coding.Events;
using Entente.Core;

namespace Entente.Storage;

/// <summary>The store over any ADO.NET connection whose SQL reads <c>$1</c> parameters: DuckDB and PostgreSQL.</summary>
internal partial class SqlEventStore : IEventStore
{
    private const string ActorColumns = "source_text, source_code, source_country, source_sector, target_text, target_code, target_country, target_sector, via_text, via_code, via_country, via_sector";

    private const string EventColumns = "id, " + ActorColumns + ", cameo, cameo_name, base_code, root, quad_class, goldstein, plover, date, date_precision, modality, first_seen, last_seen, n_reports, n_documents, n_sources";

    private const string ReportColumns = "id, event_id, doc_id, sentence_index, sentence, evidence_start, evidence_end, modality, attribution, confidence, pattern";

    private const string DocumentColumns = "id, source, url, title, published, content_hash, language, status, diagnostics, n_reports, ingested_at";

    private const string EventColumnsWritten = "id, merge_key, pair, " + ActorColumns
        + ", cameo, cameo_name, base_code, root, quad_class, goldstein, plover, date, date_precision, date_start, date_end, modality, first_seen, last_seen, n_reports, n_documents, n_sources";

    private const string ReportColumnsWritten = "id, event_id, doc_id, sentence_index, sentence, evidence_start, evidence_end, " + ActorColumns
        + ", cameo, cameo_name, root, quad_class, goldstein, plover, date, date_precision, modality, attribution, confidence, pattern";

    private readonly DbConnection _connection;
    private readonly SqlDialect _dialect;
    private readonly MergeOptions _merge;

    protected SqlEventStore(DbConnection connection, SqlDialect dialect, MergeOptions merge, bool migrate = true)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(merge);
        _connection = connection;
        _merge = merge;
        _dialect = dialect;
        Kind = dialect.Name;
        SchemaVersion = migrate ? Schema.Migrate(connection, dialect) : Schema.Check(connection);
    }

    public string Kind { get; }

    public int SchemaVersion { get; }

    protected DbConnection Connection => _connection;

    /// <summary>Lets other processes open the database until the next call that needs it (see <see cref="IEventStore.Release"/>).</summary>
    public virtual void Release()
    {
    }

    public string? ContentHashOf(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        EnsureOpen();
        return Sql.Scalar(_connection, null, "SELECT content_hash FROM documents WHERE id = $1", documentId) as string;
    }

    public StoreOutcome Store(StoredDocument document, IReadOnlyList<CodedEvent> reports)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(reports);
        return StoreBatch([(document, reports)])[0];
    }

    public IReadOnlyList<StoreOutcome> StoreBatch(IReadOnlyList<(StoredDocument Document, IReadOnlyList<CodedEvent> Reports)> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var (document, reports) in batch)
        {
            ArgumentNullException.ThrowIfNull(document);
            ArgumentNullException.ThrowIfNull(reports);
        }

        var outcomes = new StoreOutcome[batch.Count];
        if (batch.Count == 0)
        {
            return outcomes;
        }

        EnsureOpen();
        using var tx = _connection.BeginTransaction();
        try
        {
            Write(tx, batch, outcomes);
        }
        finally
        {
            ForgetSummaryChanges();
        }

        AfterBatch();
        return outcomes;
    }

    private void Write(DbTransaction tx, IReadOnlyList<(StoredDocument Document, IReadOnlyList<CodedEvent> Reports)> batch, StoreOutcome[] outcomes)
    {
        // New documents (the usual case) go through the bulk path in runs; a stored id (replaced or unchanged) or an id
        // seen earlier in the run ends the run and is stored alone, so the order of the batch is kept.
        var stored = StoredHashes(tx, batch.Select(b => b.Document.Id).Distinct(StringComparer.Ordinal).ToList());
        var run = new List<(StoredDocument Document, IReadOnlyList<CodedEvent> Reports)>();
        var runIds = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            if (!stored.ContainsKey(item.Document.Id) && runIds.Add(item.Document.Id))
            {
                run.Add(item);
                outcomes[i] = StoreOutcome.Added;
                continue;
            }

            AddNew(tx, run);
            foreach (var (document, _) in run)
            {
                stored[document.Id] = document.ContentHash;
            }

            run.Clear();
            runIds.Clear();
            outcomes[i] = StoreOne(tx, item.Document, item.Reports);
            stored[item.Document.Id] = item.Document.ContentHash;
        }

        AddNew(tx, run);
        if (outcomes.All(o => o == StoreOutcome.Unchanged))
        {
            tx.Rollback();
        }
        else
        {
            FlushSummaries(tx);
            tx.Commit();
        }
    }

    private StoreOutcome StoreOne(DbTransaction tx, StoredDocument document, IReadOnlyList<CodedEvent> reports)
    {
        var stored = Sql.Scalar(_connection, tx, "SELECT content_hash FROM documents WHERE id = $1", document.Id) as string;
        if (stored == document.ContentHash)
        {
            return StoreOutcome.Unchanged;
        }

        var outcome = stored is null ? StoreOutcome.Added : StoreOutcome.Replaced;
        if (outcome == StoreOutcome.Replaced)
        {
            var affected = EventIdsOf(tx, document.Id);
            TouchEvents(tx, affected);
            CountMentions(StoredMentions(tx, document.Id), -1);
            Sql.Execute(_connection, tx, "DELETE FROM reports WHERE doc_id = $1", document.Id);
            Sql.Execute(_connection, tx, "DELETE FROM actors_seen WHERE doc_id = $1", document.Id);
            Sql.Execute(_connection, tx, "DELETE FROM document_actors WHERE doc_id = $1", document.Id);
            foreach (var id in affected)
            {
                Recount(tx, id);
            }

            Sql.Execute(_connection, tx, """
                UPDATE documents SET source = $2, url = $3, title = $4, published = $5, content_hash = $6, language = $7,
                  status = $8, diagnostics = $9, n_reports = $10, ingested_at = $11 WHERE id = $1
                """, DocumentValues(document, reports.Count, DateTime.UtcNow));
        }
        else
        {
            Sql.Execute(_connection, tx, """
                INSERT INTO documents (id, source, url, title, published, content_hash, language, status, diagnostics, n_reports, ingested_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                """, DocumentValues(document, reports.Count, DateTime.UtcNow));
        }

        foreach (var report in reports)
        {
            _dirtyPairs.Add(MergePolicy.Pair(report.Source, report.Target));
            long eventId = FindEvent(tx, report) ?? NewEvent(tx, report);
            InsertReport(tx, eventId, report);
            Recount(tx, eventId);
        }

        InsertActors(tx, document.Id, reports);
        InsertMentions(tx, document, reports);
        return outcome;
    }

    public IEnumerable<StoredEvent> Events(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = EventFilter.Build(query);
        var sql = new StringBuilder(filter.Prefix).Append("SELECT ").Append(query.Limit > 0 ? "id" : EventColumns)
            .Append(" FROM ").Append(filter.Table).Append(filter.Where).Append(" ORDER BY date_start DESC NULLS LAST, id");
        if (query.Limit > 0)
        {
            sql.Append(CultureInfo.InvariantCulture, $" LIMIT {query.Limit}");
        }

        if (query.Offset > 0)
        {
            sql.Append(CultureInfo.InvariantCulture, $" OFFSET {query.Offset}");
        }

        return query.Limit > 0 ? Page(sql.ToString(), filter.Args) : ReadEvents(sql.ToString(), filter.Args);
    }

    public IReadOnlyList<StoredReport> Reports(long eventId) =>
        ReadReports($"SELECT {ReportColumns} FROM reports WHERE event_id = $1 ORDER BY id", eventId);

    public IReadOnlyList<StoredReport> ReportsOfDocument(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return ReadReports($"SELECT {ReportColumns} FROM reports WHERE doc_id = $1 ORDER BY sentence_index, evidence_start, id", documentId);
    }

    public IReadOnlyDictionary<long, EventOrigin> Origins()
    {
        EnsureOpen();
        var origins = new Dictionary<long, EventOrigin>();
        using var cmd = Sql.Command(_connection, null, """
            SELECT r.event_id, r.doc_id, d.url, r.sentence_index FROM reports r JOIN documents d ON d.id = r.doc_id
            WHERE r.id IN (SELECT MIN(id) FROM reports GROUP BY event_id)
            """);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var origin = new EventOrigin(r.Int64(0), r.GetString(1), r.Text(2), r.Int(3));
            origins[origin.EventId] = origin;
        }

        return origins;
    }

    public StoreCounts Counts()
    {
        EnsureOpen();
        return new(
            Sql.Long(_connection, null, "SELECT COUNT(*) FROM documents"),
            Sql.Long(_connection, null, "SELECT COUNT(*) FROM events"),
            Sql.Long(_connection, null, "SELECT COUNT(*) FROM reports"),
            Sql.Long(_connection, null, "SELECT COUNT(*) FROM (SELECT DISTINCT code, text FROM actors_seen) a"));
    }

    public StoreStatistics Statistics(int topPairs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topPairs);
        EnsureOpen();
        // One scan for all four breakdowns.
        var years = new List<(int? Year, long Count)>();
        var roots = new List<LabelCount>();
        var modalities = new List<LabelCount>();
        var allPairs = new List<PairCount>();
        using (var cmd = Sql.Command(_connection, null, """
            SELECT GROUPING(y), GROUPING(root), GROUPING(modality), y, root, modality, s, t, COUNT(*) FROM (
              SELECT CAST(EXTRACT(YEAR FROM date_start) AS INTEGER) AS y, root, modality,
                COALESCE(source_country, source_code, source_text) AS s, COALESCE(target_country, target_code, target_text) AS t
              FROM events) e
            GROUP BY GROUPING SETS ((y), (root), (modality), (s, t))
            """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                long n = r.Int64(8);
                if (r.Int(0) == 0)
                {
                    years.Add((r.IsDBNull(3) ? null : r.Int(3), n));
                }
                else if (r.Int(1) == 0)
                {
                    roots.Add(new LabelCount(r.Text(4) ?? "?", n));
                }
                else if (r.Int(2) == 0)
                {
                    modalities.Add(new LabelCount(r.Text(5) ?? "?", n));
                }
                else
                {
                    allPairs.Add(new PairCount(r.Text(6) ?? "?", r.Text(7) ?? "?", n));
                }
            }
        }

        var byYear = years.OrderBy(y => y.Year ?? int.MaxValue)
            .Select(y => new LabelCount(y.Year?.ToString(CultureInfo.InvariantCulture) ?? "undated", y.Count)).ToImmutableArray();
        var byRoot = roots.OrderBy(x => x.Label, StringComparer.Ordinal).ToImmutableArray();
        var byModality = modalities.OrderByDescending(x => x.Count).ThenBy(x => x.Label, StringComparer.Ordinal).ToImmutableArray();
        var pairs = allPairs.OrderByDescending(p => p.Count).ThenBy(p => p.Source, StringComparer.Ordinal).ThenBy(p => p.Target, StringComparer.Ordinal)
            .Take(topPairs).ToImmutableArray();
        return new StoreStatistics(Counts(), byYear, byRoot, byModality, pairs);
    }

    public IReadOnlyList<MonthPoint> MonthlySeries(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var f = EventFilter.Build(new EventQuery { PairA = a, PairB = b });
        var points = new List<MonthPoint>();
        using var cmd = Sql.Command(_connection, null, $"""
            {f.Prefix}SELECT CAST(EXTRACT(YEAR FROM date_start) AS INTEGER), CAST(EXTRACT(MONTH FROM date_start) AS INTEGER), COUNT(*), CAST(SUM(goldstein) AS FLOAT8)
            FROM {f.Table}{f.Where}{(f.Where.Length == 0 ? " WHERE" : " AND")} date_start IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
            """, f.Args);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            points.Add(new MonthPoint($"{r.Int(0):D4}-{r.Int(1):D2}", r.Int64(2), r.Double(3)));
        }

        return points;
    }

    public DocumentInfo? Document(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        EnsureOpen();
        using var cmd = Sql.Command(_connection, null, "SELECT id, source, url, title, published, status, n_reports FROM documents WHERE id = $1", documentId);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new DocumentInfo(r.GetString(0), r.Text(1), r.Text(2), r.Text(3), r.Date(4), r.GetString(5), r.Int(6)) : null;
    }

    public IReadOnlyList<StoredEvent> EventsByIds(IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        EnsureOpen();
        if (ids.Count == 0)
        {
            return [];
        }

        // Ids are numbers formatted here, not text from a caller: no injection; DuckDB reads a literal IN list by index.
        var list = string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return ReadEvents($"SELECT {EventColumns} FROM events WHERE id IN ({list})", []).ToList();
    }

    public IReadOnlyList<string> ActorCodes()
    {
        EnsureOpen();
        var codes = new List<string>();
        using var cmd = Sql.Command(_connection, null, """
            SELECT DISTINCT c FROM (
              SELECT source_code AS c FROM events UNION SELECT target_code FROM events
              UNION SELECT source_country FROM events UNION SELECT target_country FROM events) a
            WHERE c IS NOT NULL ORDER BY c
            """);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            codes.Add(r.GetString(0));
        }

        return codes;
    }

    /// <summary>Reopens the connection after <see cref="Release"/>; the base store never lets it go.</summary>
    protected virtual void EnsureOpen()
    {
    }

    /// <summary>Called after each batch is stored (committed or found unchanged).</summary>
    protected virtual void AfterBatch()
    {
    }

    public void Dispose()
    {
        _connection.Dispose();
        GC.SuppressFinalize(this);
    }

    private static object?[] DocumentValues(StoredDocument d, int reports, DateTime now) =>
    [
        d.Id, d.Source, d.Url, d.Title, d.Published, d.ContentHash, d.Language, d.Status, DiagnosticsJson(d.Diagnostics), reports, now,
    ];

    private static string DiagnosticsJson(ImmutableArray<Diagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var d in diagnostics.IsDefault ? [] : diagnostics)
            {
                d.WriteJson(w);
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private List<long> EventIdsOf(DbTransaction tx, string documentId)
    {
        var ids = new List<long>();
        using var cmd = Sql.Command(_connection, tx, "SELECT DISTINCT event_id FROM reports WHERE doc_id = $1 ORDER BY event_id", documentId);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            ids.Add(r.Int64(0));
        }

        return ids;
    }

    private long? FindEvent(DbTransaction tx, CodedEvent report)
    {
        var key = MergePolicy.Key(report, _merge);
        var range = MergePolicy.Range(report.Date, _merge);
        var value = range is { } d
            ? Sql.Scalar(_connection, tx, """
                SELECT id FROM events WHERE merge_key = $1 AND date_start <= $2 AND date_end >= $3
                ORDER BY date_end - date_start, id LIMIT 1
                """, key, d.End, d.Start)
            : Sql.Scalar(_connection, tx, "SELECT id FROM events WHERE merge_key = $1 AND date_start IS NULL ORDER BY id LIMIT 1", key);
        return value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private long NewEvent(DbTransaction tx, CodedEvent report)
    {
        long id = Sql.Long(_connection, tx, "SELECT nextval('event_ids')");
        var range = MergePolicy.Range(report.Date, _merge);
        Sql.Execute(_connection, tx, """
            INSERT INTO events (id, merge_key, pair, cameo, base_code, root, quad_class, goldstein, modality, date_start, date_end, n_reports, n_documents, n_sources)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, 0, 0)
            """,
            id, MergePolicy.Key(report, _merge), MergePolicy.Pair(report.Source, report.Target), report.Cameo, MergePolicy.BaseCode(report.Cameo), report.Root, report.QuadClass, report.Goldstein,
            EventJson.ModalityName(report.Modality), range?.Start, range?.End);
        return id;
    }

    private void InsertReport(DbTransaction tx, long eventId, CodedEvent e)
    {
        long id = Sql.Long(_connection, tx, "SELECT nextval('report_ids')");
        Sql.Execute(_connection, tx, $"INSERT INTO reports ({ReportColumnsWritten}) VALUES ({Placeholders(1, 31)})", ReportValues(id, eventId, e));
    }

    private static object?[] ReportValues(long id, long eventId, CodedEvent e) =>
    [
        id, eventId, e.DocId, e.SentenceIndex, e.Sentence, e.Evidence.Start, e.Evidence.End,
        e.Source.Text, e.Source.Code, e.Source.Country, e.Source.Sector,
        e.Target.Text, e.Target.Code, e.Target.Country, e.Target.Sector,
        e.Via?.Text, e.Via?.Code, e.Via?.Country, e.Via?.Sector,
        e.Cameo, e.CameoName, e.Root, e.QuadClass, e.Goldstein, e.Plover,
        e.Date?.Value, e.Date is null ? null : EventJson.PrecisionName(e.Date.Precision),
        EventJson.ModalityName(e.Modality), e.Attribution, e.Confidence, e.PatternId,
    ];

    /// <summary>Recomputes an event from its reports (its descriptive fields from the first, its date from the most precise), or deletes it when none is left.</summary>
    private void Recount(DbTransaction tx, long eventId)
    {
        var rows = new List<ReportFacts>();
        using (var cmd = Sql.Command(_connection, tx, $"""
            SELECT r.source_text, r.source_code, r.source_country, r.source_sector, r.target_text, r.target_code, r.target_country, r.target_sector,
              r.via_text, r.via_code, r.via_country, r.via_sector, r.cameo, r.cameo_name, r.root, r.quad_class, r.goldstein, r.plover,
              r.date, r.date_precision, r.doc_id, COALESCE(d.source, d.id), COALESCE(d.published, CAST(d.ingested_at AS DATE))
            FROM reports r JOIN documents d ON d.id = r.doc_id WHERE r.event_id = $1 ORDER BY r.id
            """, eventId))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var values = new object?[20];
                for (int i = 0; i < 20; i++)
                {
                    values[i] = r.IsDBNull(i) ? null : r.GetValue(i);
                }

                rows.Add(new ReportFacts(values, r.Text(18), r.Text(19), r.GetString(20), r.GetString(21), r.Date(22)));
            }
        }

        if (rows.Count == 0)
        {
            Sql.Execute(_connection, tx, "DELETE FROM events WHERE id = $1", eventId);
            return;
        }

        var first = rows[0];
        ReportFacts best = first;
        int bestRank = int.MaxValue, bestDays = int.MaxValue;
        foreach (var row in rows)
        {
            var range = MergePolicy.Range(row.Date, row.Precision, _merge);
            int rank = MergePolicy.PrecisionRank(row.Precision), days = range?.Days ?? int.MaxValue;
            if (rank < bestRank || (rank == bestRank && days < bestDays))
            {
                (best, bestRank, bestDays) = (row, rank, days);
            }
        }

        var bestRange = MergePolicy.Range(best.Date, best.Precision, _merge);
        var seen = rows.Where(r => r.Seen is not null).Select(r => r.Seen!.Value).ToList();
        var args = new List<object?>(first.Values[..18])
        {
            best.Date, best.Precision, bestRange?.Start, bestRange?.End,
            seen.Count == 0 ? null : seen.Min(), seen.Count == 0 ? null : seen.Max(),
            rows.Count, rows.Select(r => r.DocId).Distinct(StringComparer.Ordinal).Count(),
            rows.Select(r => r.Source).Distinct(StringComparer.Ordinal).Count(), eventId,
        };
        Sql.Execute(_connection, tx, """
            UPDATE events SET source_text = $1, source_code = $2, source_country = $3, source_sector = $4,
              target_text = $5, target_code = $6, target_country = $7, target_sector = $8,
              via_text = $9, via_code = $10, via_country = $11, via_sector = $12,
              cameo = $13, cameo_name = $14, root = $15, quad_class = $16, goldstein = $17, plover = $18,
              date = $19, date_precision = $20, date_start = $21, date_end = $22, first_seen = $23, last_seen = $24,
              n_reports = $25, n_documents = $26, n_sources = $27
            WHERE id = $28
            """, [.. args]);
    }

    private void InsertActors(DbTransaction tx, string documentId, IReadOnlyList<CodedEvent> reports)
    {
        foreach (var row in ActorRows(documentId, reports))
        {
            Sql.Execute(_connection, tx, "INSERT INTO actors_seen (doc_id, role, text, code, country, sector, n_mentions) VALUES ($1, $2, $3, $4, $5, $6, $7)", row);
        }
    }

    /// <summary>The actors_seen rows of a document: each (role, words, code) once with its number of mentions.</summary>
    private static IEnumerable<object?[]> ActorRows(string documentId, IReadOnlyList<CodedEvent> reports)
    {
        var seen = new Dictionary<(string Role, string Text, string? Code, string? Country, string? Sector), int>();
        foreach (var e in reports)
        {
            Count("source", e.Source);
            Count("target", e.Target);
            if (e.Via is { } via)
            {
                Count("via", via);
            }
        }

        return seen.OrderBy(p => p.Key.Role, StringComparer.Ordinal).ThenBy(p => p.Key.Text, StringComparer.Ordinal)
            .Select(p => new object?[] { documentId, p.Key.Role, p.Key.Text, p.Key.Code, p.Key.Country, p.Key.Sector, p.Value });

        void Count(string role, EventActor a)
        {
            var key = (role, a.Text, a.Code, a.Country, a.Sector);
            seen[key] = seen.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>
    /// A page in two steps: the ids (one column to sort and cut), then their rows by primary key. Both back ends read
    /// far less than when every column of every matching row is carried through the sort.
    /// </summary>
    private IEnumerable<StoredEvent> Page(string idSql, object?[] args)
    {
        var ids = new List<long>();
        using (var cmd = Sql.Command(_connection, null, idSql, args))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                ids.Add(r.Int64(0));
            }
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var list = string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var byId = ReadEvents($"SELECT {EventColumns} FROM events WHERE id IN ({list})", []).ToDictionary(e => e.Id);
        return ids.Select(id => byId[id]).ToList();
    }

    private IEnumerable<StoredEvent> ReadEvents(string sql, object?[] args)
    {
        using var cmd = Sql.Command(_connection, null, sql, args);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return new StoredEvent(
                r.Int64(0),
                new StoredActor(r.Text(1), r.Text(2), r.Text(3), r.Text(4)),
                new StoredActor(r.Text(5), r.Text(6), r.Text(7), r.Text(8)),
                r.IsDBNull(9) && r.IsDBNull(10) ? null : new StoredActor(r.Text(9), r.Text(10), r.Text(11), r.Text(12)),
                r.GetString(13), r.Text(14), r.GetString(15), r.GetString(16), r.Int(17), r.Double(18), r.Text(19),
                r.Text(20), r.Text(21), r.GetString(22), r.Date(23), r.Date(24), r.Int(25), r.Int(26), r.Int(27));
        }
    }

    private List<StoredReport> ReadReports(string sql, params object?[] args)
    {
        var list = new List<StoredReport>();
        using var cmd = Sql.Command(_connection, null, sql, args);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new StoredReport(r.Int64(0), r.Int64(1), r.GetString(2), r.Int(3), r.GetString(4), r.Int(5), r.Int(6),
                r.GetString(7), r.Text(8), r.Double(9), r.Text(10)));
        }

        return list;
    }

    private sealed record ReportFacts(object?[] Values, string? Date, string? Precision, string DocId, string Source, DateOnly? Seen);
}
