using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Entente.Storage;

namespace Entente.Cli;

/// <summary>What the database commands share: the <c>--db</c> option and opening the store with a message on failure.</summary>
internal static class StoreCli
{
    public static Option<string> DbOption() => new("--db")
    {
        Description = $"The database: a DuckDB file (default ./{EventStore.DefaultPath}), or PostgreSQL as postgres://user:password@host/db or 'Host=…;Database=…'.",
        DefaultValueFactory = _ => EventStore.DefaultPath,
    };

    /// <summary>How long an ingest waits to reopen a DuckDB file that readers hold (it lets them in between batches).</summary>
    private static readonly TimeSpan WriterWait = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Opens the store; when <paramref name="mustExist"/> (the query commands), a DuckDB file that is not there is an
    /// error rather than created, and it is opened read-only, waiting up to <see cref="EventStore.DefaultWait"/> while an
    /// ingest holds it.
    /// </summary>
    public static IEventStore? Open(string db, bool mustExist, TextWriter stderr)
    {
        if (mustExist && !EventStore.IsPostgres(db) && !File.Exists(db))
        {
            stderr.WriteLine($"entente: no database at {db} (run 'entente ingest PATH... --db {db}' first)");
            return null;
        }

        try
        {
            return EventStore.Open(db, readOnly: mustExist, wait: Wait() ?? (mustExist ? EventStore.DefaultWait : WriterWait));
        }
        catch (Exception e) when (e is DbException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            stderr.WriteLine($"entente: cannot open the database {Redact(db)}: {e.Message}");
            return null;
        }
    }

    /// <summary>ENTENTE_DB_WAIT: seconds to wait for a DuckDB file another process holds, instead of the default.</summary>
    private static TimeSpan? Wait() =>
        double.TryParse(Environment.GetEnvironmentVariable("ENTENTE_DB_WAIT"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static string Redact(string db) =>
        EventStore.IsPostgres(db) ? "(PostgreSQL)" : db;
}
