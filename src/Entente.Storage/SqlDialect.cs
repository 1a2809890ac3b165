namespace Entente.Storage;

/// <summary>What differs between the SQL of the two back ends; the rest of the store's SQL is shared.</summary>
/// <param name="Timestamp">The type of a point in time (DuckDB <c>TIMESTAMP</c> in UTC, PostgreSQL <c>TIMESTAMPTZ</c>).</param>
/// <param name="SecondaryIndexes">Whether to create the lookup indexes (PostgreSQL); DuckDB scans its column zone maps instead.</param>
internal sealed record SqlDialect(string Name, string Timestamp, bool SecondaryIndexes)
{
    public static SqlDialect DuckDb { get; } = new("duckdb", "TIMESTAMP", SecondaryIndexes: false);

    public static SqlDialect Postgres { get; } = new("postgres", "TIMESTAMPTZ", SecondaryIndexes: true);
}
