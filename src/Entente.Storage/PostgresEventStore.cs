using Npgsql;

namespace Entente.Storage;

/// <summary>The server store: a PostgreSQL database through Npgsql, same schema and behaviour as the DuckDB one.</summary>
internal sealed class PostgresEventStore : SqlEventStore
{
    private PostgresEventStore(NpgsqlConnection connection, MergeOptions merge)
        : base(connection, SqlDialect.Postgres, merge)
    {
    }

    public static PostgresEventStore Open(string connectionString, MergeOptions merge)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            return new PostgresEventStore(connection, merge);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
