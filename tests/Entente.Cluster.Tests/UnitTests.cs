using System.Collections.Immutable;
using Entente.Coding.Events;
using Entente.Core.Documents;

namespace Entente.Cluster.Tests;

/// <summary>The parts of the cluster that need no server: what travels between nodes, poisoned documents, pair sums, settings.</summary>
public sealed class UnitTests
{
    private static readonly Document Visit = new("d1", "The Russian foreign minister visited Pakistan on April 7, 2021. Russia criticized Ukraine on May 2, 2021.",
        "Visit", new DateOnly(2021, 4, 8), "https://example.org/d1", "wire");

    [Fact]
    public void A_coded_document_arrives_at_the_store_exactly_as_it_was_coded()
    {
        // Given a document coded by the real coder, as a coder grain codes it
        var coded = CodedPayload.Code(EventCoder.Default.Code, Visit);
        Assert.NotEmpty(coded.Reports);

        // When it makes the trip as JSON, and the document as a wire document
        var back = CodedPayload.FromJson(coded.ToJson());
        var doc = CodedPayload.FromWire(CodedPayload.ToWire(Visit));

        // Then the store receives the same document, hash and reports (records compare by value)
        Assert.Equal(coded.Document with { Diagnostics = [], MentionedActors = [] }, back.Document with { Diagnostics = [], MentionedActors = [] });
        Assert.Equal(["PAK", "RUS", "UKR"], coded.Document.MentionedActors.Order(StringComparer.Ordinal));
        Assert.Equal(coded.Document.MentionedActors.ToList(), back.Document.MentionedActors.ToList());
        Assert.Equal(Listed(coded.Document.Diagnostics), Listed(back.Document.Diagnostics));
        Assert.Equal(coded.Reports.ToList(), back.Reports.ToList()); // ImmutableArray's own Equals compares references
        Assert.Equal(coded.Reports.Select(r => r.PatternId), back.Reports.Select(r => r.PatternId));
        Assert.Equal(Visit, doc);
        Assert.Equal(Storage.ContentHash.Of(Visit), back.Document.ContentHash);
    }

    private static List<Core.Diagnostic> Listed(ImmutableArray<Core.Diagnostic> d) => d.IsDefault ? [] : [.. d];

    [Fact]
    public void A_document_the_coder_throws_on_is_reported_and_the_rest_of_the_batch_is_coded()
    {
        // Given a coder that throws on one document
        var coder = new NodeCoder(d => d.Id == "bad" ? throw new InvalidOperationException("parser state corrupt") : EventCoder.Default.Code(d));
        var batch = new[] { Visit, Visit with { Id = "bad" }, Visit with { Id = "d3" } }.Select(CodedPayload.ToWire).ToList();

        // When the batch is coded
        var items = coder.CodeAll(batch, "node-a");

        // Then the bad one carries the reason and no payload; the others are coded
        Assert.Equal(["d1", "bad", "d3"], items.Select(i => i.DocumentId));
        Assert.Null(items[1].Payload);
        Assert.Contains("parser state corrupt", items[1].Error, StringComparison.Ordinal);
        Assert.NotNull(items[0].Payload);
        Assert.NotNull(items[2].Payload);
        Assert.All(items, i => Assert.Equal("node-a", i.Silo));
    }

    [Fact]
    public void A_documents_reports_are_summed_per_pair_month_and_quad_class()
    {
        var coded = CodedPayload.Code(EventCoder.Default.Code, Visit with
        {
            Text = "Russia criticized Ukraine on May 2, 2021. Russia condemned Ukraine on May 20, 2021. Russia visited Pakistan on June 3, 2021.",
        });
        var pairs = PairGrain.Contributions(coded.Reports).ToDictionary(p => p.Pair, p => p.Months);

        Assert.Equal(["RUS>PAK", "RUS>UKR"], pairs.Keys.Order(StringComparer.Ordinal));
        var may = Assert.Single(pairs["RUS>UKR"]);
        Assert.Equal("2021-05", may.Month);
        Assert.Equal(2, may.VerbalConflict);
        Assert.Equal(coded.Reports.Where(r => PairGrain.PairOf(r) == "RUS>UKR").Sum(r => r.Goldstein), may.Goldstein, 6);
        var june = Assert.Single(pairs["RUS>PAK"]);
        Assert.Equal(("2021-06", 1), (june.Month, june.Reports));
    }

    [Theory]
    [InlineData("redis", "", null, "--redis needs host:port")]
    [InlineData("postgres", "x", null, "--clustering postgres needs a PostgreSQL connection")]
    [InlineData("zookeeper", "x", null, "unknown clustering 'zookeeper'")]
    public void Bad_cluster_settings_are_named(string clustering, string redis, string? membership, string message)
    {
        Assert.StartsWith(message, new ClusterSettings(clustering, redis, membership).Problem(), StringComparison.Ordinal);
        Assert.Null(new ClusterSettings("redis", "127.0.0.1:6379", null).Problem());
    }

    [Fact]
    public void The_membership_schema_gives_every_statement_the_clustering_provider_requires()
    {
        string[] required =
        [
            "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey", "UpdateIAmAlivetimeKey",
            "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
        ];
        var sql = ClusterSchema.Membership;
        Assert.All(required, key => Assert.Contains($"('{key}', $q$", sql, StringComparison.Ordinal));
        Assert.Contains("ON CONFLICT (QueryKey) DO UPDATE", sql, StringComparison.Ordinal);
    }
}
