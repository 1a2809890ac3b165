using System.Collections.Immutable;
using System.Data.Common;

namespace Entente.Storage;

/// <summary>
/// The versioned schema (docs/schema.md). Each migration is a list of statements; opening a store applies, in one
/// transaction each, the migrations above the version recorded in <c>schema_version</c>.
/// </summary>
internal static class Schema
{
    /// <summary>The version this code writes and reads.</summary>
    public const int Current = 3;

    public static ImmutableArray<string> Migration(int version, SqlDialect dialect) => version switch
    {
        1 => V1(dialect),
        2 => V2(dialect),
        3 => V3(dialect),
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    /// <summary>Brings the database to <see cref="Current"/>; throws <see cref="InvalidDataException"/> when it is newer.</summary>
    public static int Migrate(DbConnection connection, SqlDialect dialect)
    {
        Sql.Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at " + dialect.Timestamp + " NOT NULL)");
        int version = Convert.ToInt32(Sql.Scalar(connection, null, "SELECT CAST(COALESCE(MAX(version), 0) AS INTEGER) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Current)
        {
            throw new InvalidDataException($"the database has schema version {version}; this Entente reads up to {Current}");
        }

        for (int v = version + 1; v <= Current; v++)
        {
            using var tx = connection.BeginTransaction();
            foreach (var statement in Migration(v, dialect))
            {
                Sql.Execute(connection, tx, statement);
            }

            Sql.Execute(connection, tx, "INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)", v, DateTime.UtcNow);
            tx.Commit();
        }

        return Current;
    }

    /// <summary>
    /// The version of a database opened read-only: 0 when it has no schema yet; throws <see cref="InvalidDataException"/>
    /// when it is newer than <see cref="Current"/>.
    /// </summary>
    public static int Check(DbConnection connection)
    {
        int version;
        try
        {
            version = Convert.ToInt32(Sql.Scalar(connection, null, "SELECT CAST(COALESCE(MAX(version), 0) AS INTEGER) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return 0;
        }

        return version > Current
            ? throw new InvalidDataException($"the database has schema version {version}; this Entente reads up to {Current}")
            : version;
    }

    private static ImmutableArray<string> V1(SqlDialect d)
    {
        string actor(string role) =>
            $"{role}_text TEXT, {role}_code TEXT, {role}_country TEXT, {role}_sector TEXT";
        var statements = ImmutableArray.CreateBuilder<string>();
        statements.Add($"""
            CREATE TABLE documents (
              id TEXT PRIMARY KEY,
              source TEXT,
              url TEXT,
              title TEXT,
              published DATE,
              content_hash TEXT NOT NULL,
              language TEXT,
              status TEXT NOT NULL,
              diagnostics TEXT NOT NULL,
              n_reports INTEGER NOT NULL,
              ingested_at {d.Timestamp} NOT NULL)
            """);
        statements.Add("CREATE SEQUENCE event_ids START 1");
        statements.Add($"""
            CREATE TABLE events (
              id BIGINT PRIMARY KEY,
              merge_key TEXT NOT NULL,
              pair TEXT NOT NULL,
              {actor("source")},
              {actor("target")},
              {actor("via")},
              cameo TEXT NOT NULL,
              cameo_name TEXT,
              base_code TEXT NOT NULL,
              root TEXT NOT NULL,
              quad_class INTEGER NOT NULL,
              goldstein FLOAT8 NOT NULL,
              plover TEXT,
              date TEXT,
              date_precision TEXT,
              date_start DATE,
              date_end DATE,
              modality TEXT NOT NULL,
              first_seen DATE,
              last_seen DATE,
              n_reports INTEGER NOT NULL,
              n_documents INTEGER NOT NULL,
              n_sources INTEGER NOT NULL)
            """);
        statements.Add("CREATE SEQUENCE report_ids START 1");
        statements.Add($"""
            CREATE TABLE reports (
              id BIGINT PRIMARY KEY,
              event_id BIGINT NOT NULL,
              doc_id TEXT NOT NULL,
              sentence_index INTEGER NOT NULL,
              sentence TEXT NOT NULL,
              evidence_start INTEGER NOT NULL,
              evidence_end INTEGER NOT NULL,
              {actor("source")},
              {actor("target")},
              {actor("via")},
              cameo TEXT NOT NULL,
              cameo_name TEXT,
              root TEXT NOT NULL,
              quad_class INTEGER NOT NULL,
              goldstein FLOAT8 NOT NULL,
              plover TEXT,
              date TEXT,
              date_precision TEXT,
              modality TEXT NOT NULL,
              attribution TEXT,
              confidence FLOAT8 NOT NULL,
              pattern TEXT)
            """);
        statements.Add("""
            CREATE TABLE actors_seen (
              doc_id TEXT NOT NULL,
              role TEXT NOT NULL,
              text TEXT NOT NULL,
              code TEXT,
              country TEXT,
              sector TEXT,
              n_mentions INTEGER NOT NULL)
            """);
        // DuckDB uses an index for selective equality and IN filters only: the directed pair is the one worth it.
        statements.Add("CREATE INDEX events_pair ON events (pair)");
        if (d.SecondaryIndexes)
        {
            statements.Add("CREATE INDEX events_merge_key ON events (merge_key, date_start)");
            statements.Add("CREATE INDEX events_date ON events (date_start)");
            statements.Add("CREATE INDEX reports_doc ON reports (doc_id)");
            statements.Add("CREATE INDEX reports_event ON reports (event_id)");
            statements.Add("CREATE INDEX actors_seen_doc ON actors_seen (doc_id)");
        }

        return statements.ToImmutable();
    }

    /// <summary>
    /// Version 2: <c>document_actors</c>, the actors each document mentions (any mention, not only those in events), with
    /// the publication date, so that analytics can normalise by coverage. Filled from <c>actors_seen</c> for documents
    /// stored before it (those know only the actors of their events).
    /// </summary>
    private static ImmutableArray<string> V2(SqlDialect d)
    {
        var statements = ImmutableArray.CreateBuilder<string>();
        statements.Add("""
            CREATE TABLE document_actors (
              doc_id TEXT NOT NULL,
              actor TEXT NOT NULL,
              published DATE)
            """);
        statements.Add("""
            INSERT INTO document_actors (doc_id, actor, published)
            SELECT DISTINCT a.doc_id, COALESCE(a.country, a.code), d.published
            FROM actors_seen a JOIN documents d ON d.id = a.doc_id
            WHERE COALESCE(a.country, a.code) IS NOT NULL
            """);
        if (d.SecondaryIndexes)
        {
            statements.Add("CREATE INDEX document_actors_actor ON document_actors (actor, published)");
            statements.Add("CREATE INDEX document_actors_doc ON document_actors (doc_id)");
        }

        return statements.ToImmutable();
    }

    /// <summary>
    /// Version 3: the summary tables analytics read (<see cref="Summaries"/>): <c>pair_months</c> (events by directed pair
    /// and month), <c>actor_months</c> and <c>actor_pair_months</c> (documents by actor, and by two actors together, and
    /// month), filled from what is stored; in DuckDB, indexes on the reports' event and document.
    /// </summary>
    private static ImmutableArray<string> V3(SqlDialect d) =>
    [
        .. d.SecondaryIndexes
            ? Array.Empty<string>()
            // The evidence of listed events and the reports of a document: DuckDB uses these for a short list of literal
            // ids (a longer list it joins against a scan of the column). PostgreSQL has had them since version 1.
            : ["CREATE INDEX IF NOT EXISTS reports_event ON reports (event_id)", "CREATE INDEX IF NOT EXISTS reports_doc ON reports (doc_id)"],
        // No index on pair_months: its rows lie in pair order (Summaries.FillPairMonths), and DuckDB fetching rows through
        // an index column by column is slower than scanning the pair column.
        Summaries.CreatePairMonths(),
        Summaries.FillPairMonths(null),
        .. d.SecondaryIndexes
            ? ["CREATE INDEX pair_months_pair ON pair_months (pair, ym)", "CREATE INDEX pair_months_source ON pair_months (source, ym)", "CREATE INDEX pair_months_target ON pair_months (target, ym)"]
            : Array.Empty<string>(),
        Summaries.CreateActorMonths,
        Summaries.FillActorMonths,
        Summaries.CreateActorPairMonths,
        Summaries.FillActorPairMonths,
    ];
}
