#if POSTGRES_TESTS
using Entente.Coding.Events;
using Entente.Core.Documents;
using Entente.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans;

namespace Entente.Cluster.Tests;

/// <summary>
/// A document the coder throws on, fed through a real silo (in this process, localhost clustering) and the real
/// client logic: reported with its reason and skipped, every other document stored, nothing retried forever.
/// </summary>
public sealed class PoisonTests : IDisposable
{
    private readonly string _admin = Environment.GetEnvironmentVariable("ENTENTE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("ENTENTE_TEST_POSTGRES was set at build time but is not set now");

    private readonly string _db = "entente_poison_" + Guid.NewGuid().ToString("N")[..12];

    public PoisonTests() => Execute(_admin, $"CREATE DATABASE {_db}");

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(_admin, $"DROP DATABASE IF EXISTS {_db} WITH (FORCE)");
    }

    [Fact]
    public async Task A_poisoned_document_is_reported_and_skipped_and_the_others_are_stored()
    {
        // Given a silo whose coder throws on one document, and twelve documents with it among them
        var store = new NpgsqlConnectionStringBuilder(_admin) { Database = _db }.ConnectionString;
        await ClusterSchema.Apply(store, ClusterSchema.GrainState, CancellationToken.None);
        var coder = new NodeCoder(d => d.Text.Contains("POISON", StringComparison.Ordinal) ? throw new InvalidOperationException("the parser looped") : EventCoder.Default.Code(d));
        int port = 22000 + Random.Shared.Next(0, 500) * 2;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(port, port + 1);
            ClusterNode.AddEntente(silo, coder, store);
        });
        using var host = builder.Build();
        await host.StartAsync();
        var documents = Enumerable.Range(0, 12).Select(i => new Document($"d{i}",
            i == 5 ? "POISON Russia criticized Ukraine." : $"Russia criticized Ukraine on May {i + 1}, 2021.", Date: new DateOnly(2021, 6, 1))).ToList();

        // When the client feeds them, three to a batch
        var ingest = new ClusterIngest(host.Services.GetRequiredService<IGrainFactory>(), new ClusterIngestOptions(BatchSize: 3, InFlight: 2), NullLogger.Instance);
        var summary = await ingest.Run(documents, null, CancellationToken.None);
        await host.StopAsync();

        // Then the poisoned one is reported with its reason, the eleven others are stored, and nothing was retried
        var poisoned = Assert.Single(summary.Poisoned);
        Assert.Equal("d5", poisoned.DocumentId);
        Assert.Contains("the parser looped", poisoned.Reason, StringComparison.Ordinal);
        Assert.Equal(12, summary.Ingest.Documents);
        Assert.Equal(11, summary.Ingest.Added);
        Assert.Equal(0, summary.Retries);
        using var stored = EventStore.Open(store);
        Assert.Equal(11, stored.Counts().Documents);
        Assert.Null(stored.ContentHashOf("d5"));
    }

    private static void Execute(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }
}
#endif
