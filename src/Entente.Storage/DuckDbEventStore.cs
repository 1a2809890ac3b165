using DuckDB.NET.Data;

namespace Entente.Storage;

/// <summary>The embedded store: one DuckDB file. Committed transactions survive a crash (DuckDB's write-ahead log).</summary>
internal sealed class DuckDbEventStore : SqlEventStore
{
    private DuckDbEventStore(DuckDBConnection connection, MergeOptions merge)
        : base(connection, SqlDialect.DuckDb, merge)
    {
    }

    public static DuckDbEventStore Open(string path, MergeOptions merge)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }

        var connection = new DuckDBConnection($"Data Source={full}");
        try
        {
            connection.Open();
            using (var cmd = connection.CreateCommand())
            {
                // Use the pair index for up to 1% of the rows (DuckDB's default is 0.1%, at least 2,048 rows).
                cmd.CommandText = "SET index_scan_percentage = 0.01";
                cmd.ExecuteNonQuery();
            }

            return new DuckDbEventStore(connection, merge);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
