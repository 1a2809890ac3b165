using System.Data.Common;

namespace Entente.Storage;

/// <summary>
/// Keeping the summary tables (<see cref="Summaries"/>) in step with every write: the pairs whose events a batch creates,
/// changes or deletes are rebuilt from the events, and the document counts change by what the batch adds and removes,
/// in the batch's transaction.
/// </summary>
internal partial class SqlEventStore
{
    private readonly HashSet<string> _dirtyPairs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Actor, int Month), long> _actorDocs = [];
    private readonly Dictionary<(string A, string B, int Month), long> _actorPairDocs = [];

    /// <summary>Rebuilds every summary from the stored events and mentions (after rows were written around the store).</summary>
    public void RebuildSummaries()
    {
        EnsureOpen();
        using var tx = _connection.BeginTransaction();
        foreach (var statement in Summaries.Rebuild())
        {
            Sql.Execute(_connection, tx, statement);
        }

        tx.Commit();
    }

    /// <summary>Counts <c>document_actors</c> rows (document, actor, published) in or out of the document summaries.</summary>
    private void CountMentions(IEnumerable<object?[]> rows, int sign)
    {
        foreach (var doc in rows.Where(r => r[2] is DateOnly).GroupBy(r => (string)r[0]!, StringComparer.Ordinal))
        {
            int month = Summaries.Month((DateOnly)doc.First()[2]!);
            var actors = doc.Select(r => (string)r[1]!).Distinct(StringComparer.Ordinal).ToList();
            foreach (var a in actors)
            {
                _actorDocs[(a, month)] = _actorDocs.GetValueOrDefault((a, month)) + sign;
                foreach (var b in actors)
                {
                    if (!string.Equals(a, b, StringComparison.Ordinal))
                    {
                        _actorPairDocs[(a, b, month)] = _actorPairDocs.GetValueOrDefault((a, b, month)) + sign;
                    }
                }
            }
        }
    }

    /// <summary>The stored mention rows of a document (before they are replaced).</summary>
    private List<object?[]> StoredMentions(DbTransaction tx, string documentId)
    {
        var rows = new List<object?[]>();
        using var cmd = Sql.Command(_connection, tx, "SELECT doc_id, actor, published FROM document_actors WHERE doc_id = $1", documentId);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add([r.GetString(0), r.GetString(1), r.Date(2)]);
        }

        return rows;
    }

    /// <summary>Marks the pairs of stored events (before they change or go) for rebuilding.</summary>
    private void TouchEvents(DbTransaction tx, IReadOnlyCollection<long> eventIds)
    {
        if (eventIds.Count == 0)
        {
            return;
        }

        var list = string.Join(", ", eventIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var cmd = Sql.Command(_connection, tx, $"SELECT DISTINCT pair FROM events WHERE id IN ({list})");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            _dirtyPairs.Add(r.GetString(0));
        }
    }

    /// <summary>Writes the batch's summary changes inside its transaction, then forgets them.</summary>
    private void FlushSummaries(DbTransaction tx)
    {
        foreach (var chunk in _dirtyPairs.Where(Summaries.IsPlain).Order(StringComparer.Ordinal).Chunk(500))
        {
            var list = string.Join(", ", chunk.Select(Summaries.Literal));
            Sql.Execute(_connection, tx, $"DELETE FROM pair_months WHERE pair IN ({list})");
            Sql.Execute(_connection, tx, Summaries.FillPairMonths(list));
        }

        foreach (var pair in _dirtyPairs.Where(p => !Summaries.IsPlain(p)))
        {
            Sql.Execute(_connection, tx, "DELETE FROM pair_months WHERE pair = $1", pair);
            Sql.Execute(_connection, tx, Summaries.FillPairMonths("$1"), pair);
        }

        static object?[] Month(int ym) => [ym / 12, ((ym % 12) + 3) / 3, (ym % 12) + 1, ym];
        var statements = Summaries.Upserts("actor_months", "actor, y, q, m, ym", "actor, ym",
                _actorDocs.Select(kv => ((object?[])[kv.Key.Actor, .. Month(kv.Key.Month)], kv.Value)))
            .Concat(Summaries.Upserts("actor_pair_months", "a, b, y, q, m, ym", "a, b, ym",
                _actorPairDocs.Select(kv => ((object?[])[kv.Key.A, kv.Key.B, .. Month(kv.Key.Month)], kv.Value))));
        foreach (var (sql, args) in statements)
        {
            Sql.Execute(_connection, tx, sql, args);
        }

        ForgetSummaryChanges();
    }

    private void ForgetSummaryChanges()
    {
        _dirtyPairs.Clear();
        _actorDocs.Clear();
        _actorPairDocs.Clear();
    }
}
