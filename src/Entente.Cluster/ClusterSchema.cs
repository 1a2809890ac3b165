using Npgsql;

namespace Entente.Cluster;

/// <summary>
/// The SQL the cluster owns (embedded: <c>Sql/membership.sql</c> for Orleans' ADO.NET clustering on PostgreSQL,
/// <c>Sql/grain-state.sql</c> for the pair grains' state), applied idempotently under an advisory lock so that nodes
/// starting together do not race.
/// </summary>
public static class ClusterSchema
{
    private const long SchemaLock = 0x456e74536368; // "EntSch"

    public static string Membership => Read("membership.sql");

    public static string GrainState => Read("grain-state.sql");

    public static async Task Apply(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLock})", c, tx))
        {
            await lockCmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var cmd = new NpgsqlCommand(sql, c, tx))
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Read(string name)
    {
        using var stream = typeof(ClusterSchema).Assembly.GetManifestResourceStream($"Entente.Cluster.Sql.{name}")
            ?? throw new InvalidOperationException($"embedded SQL {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
