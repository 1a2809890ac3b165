using System.Data.Common;
using System.Globalization;
using System.Text;
using Entente.Coding.Events;

namespace Entente.Storage;

/// <summary>
/// The write path for new documents: a run of documents not yet stored is written with a handful of statements per
/// batch instead of several per report. Statements cost milliseconds each in DuckDB.NET (parse and plan every time),
/// so the work is done in memory: the candidate events of the run's merge keys are read once, each report joins one of
/// them or starts one exactly as <see cref="FindEvent"/> and <see cref="Recount"/> would decide report by report, and the
/// rows are then written with multi-row INSERTs and two set-based UPDATEs.
/// </summary>
internal partial class SqlEventStore
{
    /// <summary>Rows per multi-row INSERT are capped so that one statement has at most this many parameters (PostgreSQL allows 65,535).</summary>
    private const int MaxParameters = 30_000;

    public IReadOnlyDictionary<string, string> ContentHashes()
    {
        EnsureOpen();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cmd = Sql.Command(_connection, null, "SELECT id, content_hash FROM documents");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            hashes[r.GetString(0)] = r.GetString(1);
        }

        return hashes;
    }

    /// <summary>The stored content hashes of some document ids (one query).</summary>
    private Dictionary<string, string> StoredHashes(DbTransaction tx, IReadOnlyCollection<string> ids)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(MaxParameters))
        {
            using var cmd = Sql.Command(_connection, tx, $"SELECT id, content_hash FROM documents WHERE id IN ({Placeholders(1, chunk.Length)})", chunk);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                hashes[r.GetString(0)] = r.GetString(1);
            }
        }

        return hashes;
    }

    /// <summary>Stores documents whose ids are not stored and are distinct, in order, inside <paramref name="tx"/>.</summary>
    private void AddNew(DbTransaction tx, List<(StoredDocument Document, IReadOnlyList<CodedEvent> Reports)> run)
    {
        if (run.Count == 0)
        {
            return;
        }

        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        WriteRows(tx, "documents", DocumentColumns, run.Select(d => DocumentValues(d.Document, d.Reports.Count, now)).ToList());
        WriteRows(tx, "actors_seen", "doc_id, role, text, code, country, sector, n_mentions", run.SelectMany(d => ActorRows(d.Document.Id, d.Reports)).ToList());
        var mentions = run.SelectMany(d => MentionRows(d.Document, d.Reports)).ToList();
        WriteRows(tx, "document_actors", "doc_id, actor, published", mentions);
        CountMentions(mentions, +1);
        var reports = run.SelectMany(d => d.Reports.Select(r => (Report: r, d.Document))).ToList();
        foreach (var (report, _) in reports)
        {
            _dirtyPairs.Add(MergePolicy.Pair(report.Source, report.Target));
        }

        if (reports.Count == 0)
        {
            return;
        }

        // Merge in memory, in report order, against the stored events of the same keys and the events this run starts.
        var keys = reports.Select(r => MergePolicy.Key(r.Report, _merge)).Distinct(StringComparer.Ordinal).ToArray();
        var candidates = LoadCandidates(tx, keys);
        var created = new List<Candidate>();
        var eventOf = new Candidate[reports.Count];
        for (int i = 0; i < reports.Count; i++)
        {
            var (report, document) = reports[i];
            var key = MergePolicy.Key(report, _merge);
            var range = MergePolicy.Range(report.Date, _merge);
            if (!candidates.TryGetValue(key, out var list))
            {
                candidates[key] = list = [];
            }

            var target = Match(list, range);
            if (target is null)
            {
                // Ordered after every stored event and after the ones started before it, as a sequence id would be.
                target = new Candidate(long.MaxValue - reports.Count + created.Count, key, report);
                created.Add(target);
                list.Add(target);
            }

            target.Add(report.Date?.Value, report.Date is null ? null : EventJson.PrecisionName(report.Date.Precision), _merge);
            target.Seen(document.Id, document.Source ?? document.Id, document.Published ?? today);
            eventOf[i] = target;
        }

        var eventIds = NextValues(tx, "event_ids", created.Count);
        for (int i = 0; i < created.Count; i++)
        {
            created[i].Id = eventIds[i];
        }

        var reportIds = NextValues(tx, "report_ids", reports.Count);
        WriteRows(tx, "events", EventColumnsWritten, created.Select(NewEventValues).ToList());
        WriteRows(tx, "reports", ReportColumnsWritten, reports.Select((r, i) => ReportValues(reportIds[i], eventOf[i].Id, r.Report)).ToList());

        // Stored events that gained reports: their date (as chosen above) and their counts (over all their reports).
        var touched = eventOf.Where(c => c.First is null).Distinct().ToList();
        foreach (var chunk in touched.Chunk(MaxParameters / 5))
        {
            var values = new StringBuilder();
            var args = new List<object?>(chunk.Length * 5);
            foreach (var c in chunk)
            {
                int n = args.Count;
                values.Append(values.Length == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture,
                    $"(CAST(${n + 1} AS BIGINT), CAST(${n + 2} AS TEXT), CAST(${n + 3} AS TEXT), CAST(${n + 4} AS DATE), CAST(${n + 5} AS DATE))");
                args.AddRange([c.Id, c.Date, c.Precision, c.Range?.Start, c.Range?.End]);
            }

            Sql.Execute(_connection, tx, $"""
                UPDATE events SET date = v.d, date_precision = v.p, date_start = v.ds, date_end = v.de
                FROM (VALUES {values}) AS v(id, d, p, ds, de) WHERE events.id = v.id
                """, [.. args]);
            var ids = string.Join(", ", chunk.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)));
            Sql.Execute(_connection, tx, $"""
                UPDATE events SET n_reports = s.n, n_documents = s.nd, n_sources = s.ns, first_seen = s.fs, last_seen = s.ls
                FROM (SELECT r.event_id, COUNT(*) AS n, COUNT(DISTINCT r.doc_id) AS nd, COUNT(DISTINCT COALESCE(d.source, d.id)) AS ns,
                        MIN(COALESCE(d.published, CAST(d.ingested_at AS DATE))) AS fs, MAX(COALESCE(d.published, CAST(d.ingested_at AS DATE))) AS ls
                      FROM reports r JOIN documents d ON d.id = r.doc_id WHERE r.event_id IN ({ids}) GROUP BY r.event_id) AS s
                WHERE events.id = s.event_id
                """);
        }
    }

    /// <summary>
    /// Writes whole rows (every column of the table, in the table's order: <paramref name="columns"/> names them) inside
    /// <paramref name="tx"/>: multi-row INSERTs here, DuckDB's appender in <see cref="DuckDbEventStore"/>.
    /// </summary>
    protected virtual void WriteRows(DbTransaction tx, string table, string columns, IReadOnlyList<object?[]> rows)
    {
        int width = columns.Split(',').Length;
        foreach (var chunk in rows.Chunk(Math.Max(1, MaxParameters / width)))
        {
            var sql = new StringBuilder($"INSERT INTO {table} ({columns}) VALUES ");
            var args = new List<object?>(chunk.Length * width);
            foreach (var row in chunk)
            {
                sql.Append(args.Count == 0 ? "(" : ", (").Append(Placeholders(args.Count + 1, width)).Append(')');
                args.AddRange(row);
            }

            Sql.Execute(_connection, tx, sql.ToString(), [.. args]);
        }
    }

    /// <summary>The event a report joins, as <see cref="FindEvent"/> picks it: the narrowest overlapping date range, then the lowest id.</summary>
    private static Candidate? Match(List<Candidate> list, DateRange? range)
    {
        Candidate? best = null;
        foreach (var c in list)
        {
            bool fits = range is { } d ? c.Range is { } e && e.Start <= d.End && e.End >= d.Start : c.Range is null;
            if (!fits)
            {
                continue;
            }

            if (best is null || Width(c) < Width(best) || (Width(c) == Width(best) && c.Id < best.Id))
            {
                best = c;
            }
        }

        return best;

        static int Width(Candidate c) => c.Range is { } r ? r.End.DayNumber - r.Start.DayNumber : 0;
    }

    private Dictionary<string, List<Candidate>> LoadCandidates(DbTransaction tx, string[] keys)
    {
        var byKey = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(MaxParameters))
        {
            using var cmd = Sql.Command(_connection, tx,
                $"SELECT id, merge_key, date, date_precision, date_start, date_end FROM events WHERE merge_key IN ({Placeholders(1, chunk.Length)})", chunk);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var c = new Candidate(r.Int64(0), r.GetString(1), null);
                c.Restore(r.Text(2), r.Text(3), r.Date(4), r.Date(5), _merge);
                if (!byKey.TryGetValue(c.Key, out var list))
                {
                    byKey[c.Key] = list = [];
                }

                list.Add(c);
            }
        }

        return byKey;
    }

    private long[] NextValues(DbTransaction tx, string sequence, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var ids = new List<long>(count);
        using (var cmd = Sql.Command(_connection, tx, $"SELECT nextval('{sequence}') FROM {_dialect.Series(count)}"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                ids.Add(r.Int64(0));
            }
        }

        ids.Sort();
        return [.. ids];
    }

    /// <summary>A new event's row: its fields from its first report, its date and counts from all of them, as <see cref="Recount"/> gives them.</summary>
    private static object?[] NewEventValues(Candidate c)
    {
        var e = c.First!;
        return
        [
            c.Id, c.Key, MergePolicy.Pair(e.Source, e.Target),
            e.Source.Text, e.Source.Code, e.Source.Country, e.Source.Sector,
            e.Target.Text, e.Target.Code, e.Target.Country, e.Target.Sector,
            e.Via?.Text, e.Via?.Code, e.Via?.Country, e.Via?.Sector,
            e.Cameo, e.CameoName, MergePolicy.BaseCode(e.Cameo), e.Root, e.QuadClass, e.Goldstein, e.Plover,
            c.Date, c.Precision, c.Range?.Start, c.Range?.End, EventJson.ModalityName(e.Modality),
            c.FirstSeen, c.LastSeen, c.Reports, c.Documents.Count, c.Sources.Count,
        ];
    }

    private static string Placeholders(int first, int count)
    {
        var sb = new StringBuilder(count * 5);
        for (int i = 0; i < count; i++)
        {
            sb.Append(i == 0 ? "$" : ", $").Append((first + i).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>An event a report of the run may join: its merge key, its date as <see cref="Recount"/> chooses it, and for a new one its first report.</summary>
    private sealed class Candidate(long id, string key, CodedEvent? first)
    {
        private int _rank = int.MaxValue;
        private int _days = int.MaxValue;

        public long Id { get; set; } = id;

        public string Key { get; } = key;

        public CodedEvent? First { get; } = first;

        public string? Date { get; private set; }

        public string? Precision { get; private set; }

        public DateRange? Range { get; private set; }

        public int Reports { get; private set; }

        public HashSet<string> Documents { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Sources { get; } = new(StringComparer.Ordinal);

        public DateOnly? FirstSeen { get; private set; }

        public DateOnly? LastSeen { get; private set; }

        /// <summary>Counts a report of a document of this run (used for the events the run starts).</summary>
        public void Seen(string documentId, string source, DateOnly seen)
        {
            Reports++;
            Documents.Add(documentId);
            Sources.Add(source);
            FirstSeen = FirstSeen is { } f && f < seen ? f : seen;
            LastSeen = LastSeen is { } l && l > seen ? l : seen;
        }

        public void Restore(string? date, string? precision, DateOnly? start, DateOnly? end, MergeOptions merge)
        {
            (Date, Precision) = (date, precision);
            Range = start is { } s && end is { } e ? new DateRange(s, e) : null;
            _rank = MergePolicy.PrecisionRank(precision);
            _days = MergePolicy.Range(date, precision, merge)?.Days ?? int.MaxValue;
        }

        /// <summary>A report joins: its date becomes the event's when more precise (the first of equals wins, as in <see cref="Recount"/>).</summary>
        public void Add(string? date, string? precision, MergeOptions merge)
        {
            var range = MergePolicy.Range(date, precision, merge);
            int rank = MergePolicy.PrecisionRank(precision), days = range?.Days ?? int.MaxValue;
            if (rank < _rank || (rank == _rank && days < _days))
            {
                (Date, Precision, Range, _rank, _days) = (date, precision, range, rank, days);
            }
        }
    }
}
