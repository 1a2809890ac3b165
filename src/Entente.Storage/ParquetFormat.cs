using DuckDB.NET.Data;

namespace Entente.Storage;

/// <summary>Writes events to a Parquet file through an in-memory DuckDB (the CSV columns, typed), from any store.</summary>
public static class ParquetFormat
{
    public static long Write(IEnumerable<StoredEvent> events, string path)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(path);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Sql.Execute(connection, null, """
            CREATE TABLE events (id BIGINT, date TEXT, date_precision TEXT, source_text TEXT, source_code TEXT, source_country TEXT,
              source_sector TEXT, target_text TEXT, target_code TEXT, target_country TEXT, target_sector TEXT, via_code TEXT,
              via_country TEXT, cameo TEXT, cameo_name TEXT, base_code TEXT, root TEXT, quad_class INTEGER, goldstein DOUBLE,
              plover TEXT, modality TEXT, first_seen DATE, last_seen DATE, n_reports INTEGER, n_documents INTEGER, n_sources INTEGER)
            """);
        long n = 0;
        using (var appender = connection.CreateAppender("events"))
        {
            foreach (var e in events)
            {
                var row = appender.CreateRow();
                row.AppendValue(e.Id).AppendValue(e.Date).AppendValue(e.DatePrecision)
                    .AppendValue(e.Source.Text).AppendValue(e.Source.Code).AppendValue(e.Source.Country).AppendValue(e.Source.Sector)
                    .AppendValue(e.Target.Text).AppendValue(e.Target.Code).AppendValue(e.Target.Country).AppendValue(e.Target.Sector)
                    .AppendValue(e.Via?.Code).AppendValue(e.Via?.Country)
                    .AppendValue(e.Cameo).AppendValue(e.CameoName).AppendValue(e.BaseCode).AppendValue(e.Root)
                    .AppendValue(e.QuadClass).AppendValue(e.Goldstein).AppendValue(e.Plover).AppendValue(e.Modality)
                    .AppendValue(e.FirstSeen).AppendValue(e.LastSeen)
                    .AppendValue(e.Reports).AppendValue(e.Documents).AppendValue(e.Sources)
                    .EndRow();
                n++;
            }
        }

        var full = Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal);
        Sql.Execute(connection, null, $"COPY events TO '{full}' (FORMAT parquet)");
        return n;
    }
}
