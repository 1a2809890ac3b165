#if POSTGRES_TESTS
using System.Collections.Immutable;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Entente.Cluster.Tests;

/// <summary>The pair grains' state in PostgreSQL: read back as written, and a write from a stale copy refused.</summary>
public sealed class GrainStorageTests : IDisposable
{
    private readonly string _admin = Environment.GetEnvironmentVariable("ENTENTE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("ENTENTE_TEST_POSTGRES was set at build time but is not set now");

    private readonly string _db = "entente_state_" + Guid.NewGuid().ToString("N")[..12];

    public GrainStorageTests() => Execute(_admin, $"CREATE DATABASE {_db}");

    private string Connection => new NpgsqlConnectionStringBuilder(_admin) { Database = _db }.ConnectionString;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(_admin, $"DROP DATABASE IF EXISTS {_db} WITH (FORCE)");
    }

    [Fact]
    public async Task State_is_read_back_as_written_and_a_stale_write_is_refused()
    {
        // Given the schema applied twice (idempotent) and a storage over it
        await ClusterSchema.Apply(Connection, ClusterSchema.GrainState, CancellationToken.None);
        await ClusterSchema.Apply(Connection, ClusterSchema.GrainState, CancellationToken.None);
        var storage = new PostgresGrainStorage(Connection);
        var id = GrainId.Create("pair", "RUS>PAK");
        var first = new PairStateHolder();
        await storage.ReadStateAsync("pair", id, first);
        Assert.False(first.RecordExists);

        // When one copy writes and another, read before that write, writes after it
        var stale = new PairStateHolder();
        await storage.ReadStateAsync("pair", id, stale);
        first.State.Documents["d1"] = [new PairMonth("2021-04", 1, 0, 0, 0, 1.9)];
        await storage.WriteStateAsync("pair", id, first);
        stale.State.Documents["d2"] = [new PairMonth("2021-05", 0, 0, 1, 0, -2)];

        // Then the stale write is refused and the first is what a new read sees
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("pair", id, stale));
        var again = new PairStateHolder();
        await storage.ReadStateAsync("pair", id, again);
        Assert.Equal(["d1"], again.State.Documents.Keys);
        Assert.Equal(first.State.Documents["d1"], again.State.Documents["d1"]);
        Assert.Equal(first.ETag, again.ETag);
    }

    [Fact]
    public async Task The_membership_schema_applies_twice_and_counts_versions()
    {
        await ClusterSchema.Apply(Connection, ClusterSchema.Membership, CancellationToken.None);
        await ClusterSchema.Apply(Connection, ClusterSchema.Membership, CancellationToken.None);
        await using var c = new NpgsqlConnection(Connection);
        await c.OpenAsync();
        string Query(string key)
        {
            using var cmd = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = $1", c) { Parameters = { new() { Value = key } } };
            return (string)cmd.ExecuteScalar()!;
        }

        bool Insert()
        {
            using var cmd = new NpgsqlCommand(Query("InsertMembershipVersionKey"), c) { Parameters = { new("DeploymentId", "test") } };
            return (bool)cmd.ExecuteScalar()!;
        }

        Assert.True(Insert());
        Assert.False(Insert());
        using var read = new NpgsqlCommand(Query("MembershipReadAllKey"), c) { Parameters = { new("DeploymentId", "test") } };
        using var r = read.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(0, r.GetInt32(r.GetOrdinal("Version")));
        Assert.True(r.IsDBNull(r.GetOrdinal("StartTime")));
        Assert.False(r.Read());
    }

    private static void Execute(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

#pragma warning disable CS8767 // the interface's setter allows null; the storage never sets it so
    private sealed class PairStateHolder : IGrainState<PairState>
    {
        public PairState State { get; set; } = new();


        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }
#pragma warning restore CS8767
}
#endif
