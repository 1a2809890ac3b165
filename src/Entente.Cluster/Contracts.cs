using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;

namespace Entente.Cluster;

/// <summary>A document on the wire from the client to a coder: the fields of <c>Document</c>, the date as yyyy-MM-dd.</summary>
[GenerateSerializer, Immutable, Alias("entente.doc")]
public sealed record WireDocument(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Title,
    [property: Id(3)] string? Date,
    [property: Id(4)] string? Url,
    [property: Id(5)] string? Source);

/// <summary>
/// One document after coding: <see cref="Payload"/> is the stored document and its reports as JSON
/// (<see cref="CodedPayload"/>), or null when the coder threw on it (<see cref="Error"/> says why: the document is poisoned).
/// <see cref="Silo"/> names the node that coded it.
/// </summary>
[GenerateSerializer, Immutable, Alias("entente.coded")]
public sealed record CodedItem(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] string? Payload,
    [property: Id(2)] string? Error,
    [property: Id(3)] string Silo);

/// <summary>What storing a batch did, document by document (in batch order), and how long the store took (seconds in <c>StoreBatch</c>).</summary>
[GenerateSerializer, Immutable, Alias("entente.stored")]
public sealed record StoreReply(
    [property: Id(0)] ImmutableArray<int> Outcomes,
    [property: Id(1)] ImmutableArray<int> Reports,
    [property: Id(2)] ImmutableArray<bool> Rejected,
    [property: Id(3)] double StoreSeconds);

/// <summary>The store's totals (documents, events, reports, distinct actors).</summary>
[GenerateSerializer, Immutable, Alias("entente.totals")]
public sealed record StoreTotals(
    [property: Id(0)] long Documents,
    [property: Id(1)] long Events,
    [property: Id(2)] long Reports,
    [property: Id(3)] long Actors);

/// <summary>One month (yyyy-MM; yyyy for year-precise dates; "undated") of a pair: reports per quad class and their Goldstein sum.</summary>
[GenerateSerializer, Immutable, Alias("entente.pairmonth")]
public sealed record PairMonth(
    [property: Id(0)] string Month,
    [property: Id(1)] int VerbalCooperation,
    [property: Id(2)] int MaterialCooperation,
    [property: Id(3)] int VerbalConflict,
    [property: Id(4)] int MaterialConflict,
    [property: Id(5)] double Goldstein)
{
    public int Reports => VerbalCooperation + MaterialCooperation + VerbalConflict + MaterialConflict;
}

/// <summary>A directed pair's aggregates: the documents that reported it and its months in order.</summary>
[GenerateSerializer, Immutable, Alias("entente.pair")]
public sealed record PairAggregate(
    [property: Id(0)] string Pair,
    [property: Id(1)] int Documents,
    [property: Id(2)] ImmutableArray<PairMonth> Months);

/// <summary>Codes documents. A stateless worker: every node runs as many as it has cores, and calls go to the nearest.</summary>
[Alias("entente.ICoderGrain")]
public interface ICoderGrain : IGrainWithIntegerKey
{
    [Alias("Code")]
    Task<ImmutableArray<CodedItem>> Code(ImmutableArray<WireDocument> documents);
}

/// <summary>
/// The one writer of the event store: stores coded batches in the order the client commits them, then updates the
/// pair grains. One activation in the cluster (a PostgreSQL advisory lock makes sure of it).
/// </summary>
[Alias("entente.IStoreGrain")]
public interface IStoreGrain : IGrainWithIntegerKey
{
    [Alias("Store")]
    Task<StoreReply> Store(ImmutableArray<CodedItem> batch);

    [Alias("Totals")]
    Task<StoreTotals> Totals();
}

/// <summary>A directed actor pair (<c>RUS&gt;PAK</c>): its per-month aggregates, persisted, updated as documents are stored.</summary>
[Alias("entente.IPairGrain")]
public interface IPairGrain : IGrainWithStringKey
{
    /// <summary>Sets what document <paramref name="documentId"/> contributes (replacing what it contributed before): idempotent.</summary>
    [Alias("Apply")]
    Task Apply(string documentId, ImmutableArray<PairMonth> contribution);

    [Alias("Get")]
    Task<PairAggregate> Get();
}
