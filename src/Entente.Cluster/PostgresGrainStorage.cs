using System.Text.Json;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Entente.Cluster;

/// <summary>
/// Grain state in PostgreSQL (table <c>entente_grain_state</c>, created by <see cref="ClusterSchema"/>): JSON per grain,
/// with an ETag that makes a write from a stale activation fail instead of overwriting.
/// </summary>
public sealed class PostgresGrainStorage(string connectionString) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var c = await Open().ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand("SELECT etag, state FROM entente_grain_state WHERE state_name = $1 AND grain_id = $2", c)
        {
            Parameters = { new() { Value = stateName }, new() { Value = grainId.ToString() } },
        };
        await using var r = await cmd.ExecuteReaderAsync().ConfigureAwait(false);
        if (await r.ReadAsync().ConfigureAwait(false))
        {
            grainState.ETag = r.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.State = JsonSerializer.Deserialize<T>(r.GetString(1))!;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.State = Activator.CreateInstance<T>();
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var json = JsonSerializer.Serialize(grainState.State);
        await using var c = await Open().ConfigureAwait(false);
        long next;
        if (grainState.ETag is null)
        {
            next = 1;
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO entente_grain_state (state_name, grain_id, etag, state) VALUES ($1, $2, 1, $3::jsonb)
                ON CONFLICT (state_name, grain_id) DO NOTHING
                """, c) { Parameters = { new() { Value = stateName }, new() { Value = grainId.ToString() }, new() { Value = json } } };
            if (await cmd.ExecuteNonQueryAsync().ConfigureAwait(false) != 1)
            {
                throw new InconsistentStateException($"state of {grainId} was written by another activation", "exists", "null");
            }
        }
        else
        {
            long etag = long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture);
            next = etag + 1;
            await using var cmd = new NpgsqlCommand("""
                UPDATE entente_grain_state SET etag = $4, state = $3::jsonb WHERE state_name = $1 AND grain_id = $2 AND etag = $5
                """, c)
            {
                Parameters = { new() { Value = stateName }, new() { Value = grainId.ToString() }, new() { Value = json }, new() { Value = next }, new() { Value = etag } },
            };
            if (await cmd.ExecuteNonQueryAsync().ConfigureAwait(false) != 1)
            {
                throw new InconsistentStateException($"state of {grainId} was written by another activation", "changed", grainState.ETag);
            }
        }

        grainState.ETag = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var c = await Open().ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand("DELETE FROM entente_grain_state WHERE state_name = $1 AND grain_id = $2", c)
        {
            Parameters = { new() { Value = stateName }, new() { Value = grainId.ToString() } },
        };
        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
        grainState.ETag = null;
        grainState.State = Activator.CreateInstance<T>();
        grainState.RecordExists = false;
    }

    private async Task<NpgsqlConnection> Open()
    {
        var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync().ConfigureAwait(false);
        return c;
    }
}
