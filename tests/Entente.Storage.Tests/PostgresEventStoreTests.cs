#if POSTGRES_TESTS
using Npgsql;

namespace Entente.Storage.Tests;

/// <summary>
/// The contract against PostgreSQL: compiled only when ENTENTE_TEST_POSTGRES (a connection string) is set at build time.
/// Each test gets a schema of its own, dropped at the end.
/// </summary>
public sealed class PostgresEventStoreTests : EventStoreContract
{
    private readonly string _admin;
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");

    public PostgresEventStoreTests()
    {
        _admin = Environment.GetEnvironmentVariable("ENTENTE_TEST_POSTGRES")
            ?? throw new InvalidOperationException("ENTENTE_TEST_POSTGRES was set at build time but is not set now");
        using var c = new NpgsqlConnection(EventStore.ToConnectionString(_admin));
        c.Open();
        using var cmd = new NpgsqlCommand($"CREATE SCHEMA {_schema}", c);
        cmd.ExecuteNonQuery();
    }

    protected override IEventStore OpenCore(MergeOptions merge) =>
        EventStore.Open(new NpgsqlConnectionStringBuilder(EventStore.ToConnectionString(_admin)) { SearchPath = _schema, Pooling = false }.ConnectionString, merge);

    public override void Dispose()
    {
        base.Dispose();
        using var c = new NpgsqlConnection(EventStore.ToConnectionString(_admin));
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", c);
        cmd.ExecuteNonQuery();
    }
}
#endif
