using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using StackExchange.Redis;

namespace Entente.Cluster;

/// <summary>How the nodes find each other: <c>redis</c> (a Redis server, <paramref name="Redis"/> host:port) or <c>postgres</c>
/// (Orleans' ADO.NET membership in the PostgreSQL database <paramref name="Membership"/>, schema <c>Sql/membership.sql</c>).</summary>
public sealed record ClusterSettings(string Clustering, string Redis, string? Membership)
{
    public const string ClusterId = "entente";

    public bool IsRedis => Clustering == "redis";

    /// <summary>A message for a setting that cannot work, or null.</summary>
    public string? Problem() =>
        Clustering switch
        {
            "redis" when string.IsNullOrWhiteSpace(Redis) => "--redis needs host:port",
            "redis" => null,
            "postgres" when string.IsNullOrWhiteSpace(Membership) => "--clustering postgres needs a PostgreSQL connection (--membership, or --store for a node)",
            "postgres" => null,
            _ => $"unknown clustering '{Clustering}': use redis or postgres",
        };

    /// <summary>Where the membership lives, for messages (no password).</summary>
    public string Describe() => IsRedis ? $"Redis at {Redis}" : "PostgreSQL (ADO.NET membership)";

    internal ConfigurationOptions RedisOptions()
    {
        var o = ConfigurationOptions.Parse(Redis);
        o.AbortOnConnectFail = false;
        return o;
    }

    internal void Configure(ISiloBuilder silo)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
        if (IsRedis)
        {
            silo.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions());
        }
        else
        {
            silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", Storage.EventStore.ToConnectionString(Membership!)));
        }
    }

    internal void Configure(IClientBuilder client)
    {
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
        if (IsRedis)
        {
            client.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions());
        }
        else
        {
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", Storage.EventStore.ToConnectionString(Membership!)));
        }
    }

    /// <summary>Connects to Redis once and pings it: throws when it cannot be reached.</summary>
    internal async Task<bool> PingRedis()
    {
        var o = ConfigurationOptions.Parse(Redis);
        o.AbortOnConnectFail = true;
        o.ConnectTimeout = 3000;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(o).ConfigureAwait(false);
        await redis.GetDatabase().PingAsync().ConfigureAwait(false);
        return true;
    }

    internal static IServiceCollection None(IServiceCollection s) => s;
}
