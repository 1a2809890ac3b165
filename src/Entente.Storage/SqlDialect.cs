namespace Entente.Storage;

/// <summary>What differs between the SQL of the two back ends; the rest of the store's SQL is shared.</summary>
/// <param name="Timestamp">The type of a point in time (DuckDB <c>TIMESTAMP</c> in UTC, PostgreSQL <c>TIMESTAMPTZ</c>).</param>
/// <param name="SecondaryIndexes">Whether to create the lookup indexes (PostgreSQL); DuckDB scans its column zone maps instead.</param>
internal sealed record SqlDialect(string Name, string Timestamp, bool SecondaryIndexes)
{
    public static SqlDialect DuckDb { get; } = new("duckdb", "TIMESTAMP", SecondaryIndexes: false);

    public static SqlDialect Postgres { get; } = new("postgres", "TIMESTAMPTZ", SecondaryIndexes: true);

    /// <summary>A table expression of <paramref name="count"/> rows (to draw that many sequence values in one statement).</summary>
    public string Series(int count)
    {
        var n = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Name == "postgres" ? $"generate_series(1, {n})" : $"range({n})";
    }
}
