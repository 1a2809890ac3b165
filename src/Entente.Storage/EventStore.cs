using System.Data.Common;
using Npgsql;

namespace Entente.Storage;

/// <summary>
/// Opens a store from the <c>--db</c> value: <c>postgres://user:password@host:port/database</c> (or
/// <c>postgresql://</c>) and Npgsql connection strings (<c>Host=…;Database=…</c>) open PostgreSQL; anything else is a
/// DuckDB file path. The schema is created or migrated on open.
/// </summary>
public static class EventStore
{
    /// <summary>The database used when no <c>--db</c> is given.</summary>
    public const string DefaultPath = "entente.duckdb";

    /// <summary>Whether <paramref name="db"/> names a PostgreSQL database rather than a DuckDB file.</summary>
    public static bool IsPostgres(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || db.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            || db.Contains("Server=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>How long an open waits by default for a DuckDB file another process holds.</summary>
    public static TimeSpan DefaultWait { get; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Opens (creating when needed) the store named by <paramref name="db"/>. <paramref name="readOnly"/>: for queries; a
    /// DuckDB file is then opened read-only, which other readers share. A DuckDB file held by another process is waited
    /// for up to <paramref name="wait"/> (default <see cref="DefaultWait"/>), also when a released store reopens it.
    /// </summary>
    /// <exception cref="InvalidDataException">The database's schema is newer than this code.</exception>
    /// <exception cref="DatabaseBusyException">Another process held the DuckDB file for longer than the wait.</exception>
    /// <exception cref="DbException">The database cannot be opened.</exception>
    public static IEventStore Open(string db, MergeOptions? merge = null, bool readOnly = false, TimeSpan? wait = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        merge ??= MergeOptions.Default;
        return IsPostgres(db)
            ? PostgresEventStore.Open(ToConnectionString(db), merge)
            : DuckDbEventStore.Open(db, merge, readOnly, wait ?? DefaultWait);
    }

    /// <summary>An Npgsql connection string from a <c>postgres://</c> URI; connection strings pass unchanged.</summary>
    public static string ToConnectionString(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return db;
        }

        var uri = new Uri(db);
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            b.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                b.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            b.Database = Uri.UnescapeDataString(database);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            b[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
        }

        return b.ConnectionString;
    }
}
