using System.Net;
using Entente.Coding.Events;
using Entente.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace Entente.Cluster;

/// <summary>What a node needs: its store, how it finds the others, its ports and name.</summary>
public sealed record NodeOptions(string Store, ClusterSettings Cluster, int SiloPort = 11111, int GatewayPort = 30000, string Address = "127.0.0.1", string? Name = null);

/// <summary>
/// An Entente node: an Orleans silo that codes documents (<see cref="CoderGrain"/>, one per core), may host the store
/// writer (<see cref="StoreGrain"/>) and pair grains (<see cref="PairGrain"/>). Before it joins it makes sure PostgreSQL
/// (and Redis, when that is the membership) can be reached, retrying with backoff and saying why it waits.
/// </summary>
public static class ClusterNode
{
    public static async Task<int> Run(NodeOptions options, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stderr);
        using var loggers = LoggerFactory.Create(b => ConfigureLogging(b));
        var log = loggers.CreateLogger("Entente.Cluster.Node");
        var store = EventStore.ToConnectionString(options.Store);
        try
        {
            await Resilience.Connect("PostgreSQL (the store)", async ct =>
            {
                await ClusterSchema.Apply(store, ClusterSchema.GrainState, ct).ConfigureAwait(false);
                return true;
            }, log, cancellationToken).ConfigureAwait(false);
            if (options.Cluster.IsRedis)
            {
                await Resilience.Connect($"Redis at {options.Cluster.Redis}", _ => options.Cluster.PingRedis(), log, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var membership = EventStore.ToConnectionString(options.Cluster.Membership!);
                await Resilience.Connect("PostgreSQL (membership)", async ct =>
                {
                    await ClusterSchema.Apply(membership, ClusterSchema.Membership, ct).ConfigureAwait(false);
                    return true;
                }, log, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            await stderr.WriteLineAsync($"entente cluster node: gave up after {Resilience.ConnectPatience.TotalSeconds:F0} s: a service it needs cannot be reached (see above)").ConfigureAwait(false);
            return 1;
        }

        var coder = new NodeCoder(EventCoder.Default.Code);
        var name = options.Name ?? $"node-{options.SiloPort}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ConfigureLogging(builder.Logging);
        builder.UseOrleans(silo =>
        {
            options.Cluster.Configure(silo);
            silo.Configure<SiloOptions>(o => o.SiloName = name);
            silo.ConfigureEndpoints(IPAddress.Parse(options.Address), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
            // Declare a killed node dead in seconds rather than minutes: probes every 2 s, two missed, one vote.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
            AddEntente(silo, coder, options.Store);
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        await stderr.WriteLineAsync($"entente cluster node: {name} ready (silo {options.Address}:{options.SiloPort}, gateway {options.GatewayPort}, membership {options.Cluster.Describe()})").ConfigureAwait(false);
        await stderr.FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await stderr.WriteLineAsync($"entente cluster node: {name} leaving the cluster").ConfigureAwait(false);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.StopAsync(stop.Token).ConfigureAwait(false);
        return 0;
    }

    /// <summary>What a silo needs to be an Entente node: the coder, the store, the pair grains' storage.</summary>
    public static void AddEntente(ISiloBuilder silo, NodeCoder coder, string store)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var connection = EventStore.ToConnectionString(store);
        silo.Services.AddSingleton(coder);
        silo.Services.AddSingleton(new StoreSettings(store));
        silo.Services.AddKeyedSingleton<IGrainStorage>("pairs", (_, _) => new PostgresGrainStorage(connection));
    }

    /// <summary>Logs on standard error, one line each: Entente's information, Orleans' warnings.</summary>
    public static void ConfigureLogging(ILoggingBuilder b)
    {
        b.ClearProviders();
        b.AddSimpleConsole(o => (o.SingleLine, o.TimestampFormat) = (true, "HH:mm:ss "));
        b.AddFilter("Orleans", LogLevel.Warning);
        b.AddFilter("Microsoft", LogLevel.Warning);
        b.AddFilter("Polly", LogLevel.Warning);
        b.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        b.AddFilter("Entente", LogLevel.Information);
        b.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
