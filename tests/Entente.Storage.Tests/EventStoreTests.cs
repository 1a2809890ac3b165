namespace Entente.Storage.Tests;

public sealed class EventStoreTests
{
    [Theory]
    [InlineData("entente.duckdb", false)]
    [InlineData("/data/events.duckdb", false)]
    [InlineData("postgres://u:p@db:5433/entente", true)]
    [InlineData("postgresql://db/entente", true)]
    [InlineData("Host=localhost;Database=entente", true)]
    public void The_db_value_chooses_the_back_end(string db, bool postgres) => Assert.Equal(postgres, EventStore.IsPostgres(db));

    [Fact]
    public void A_postgres_uri_becomes_an_npgsql_connection_string()
    {
        var cs = EventStore.ToConnectionString("postgres://ana%40x:s%3Acret@db.example:5433/events?sslmode=disable");
        Assert.Contains("Host=db.example", cs, StringComparison.Ordinal);
        Assert.Contains("Port=5433", cs, StringComparison.Ordinal);
        Assert.Contains("Username=ana@x", cs, StringComparison.Ordinal);
        Assert.Contains("Password=s:cret", cs, StringComparison.Ordinal);
        Assert.Contains("Database=events", cs, StringComparison.Ordinal);
        Assert.Contains("SSL Mode=Disable", cs, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Host=h;Database=d", EventStore.ToConnectionString("Host=h;Database=d"));
    }
}
