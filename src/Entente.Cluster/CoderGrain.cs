using System.Collections.Immutable;
using Entente.Coding.Events;
using Entente.Core.Documents;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Entente.Cluster;

/// <summary>The coder a node uses: <see cref="EventCoder.Default"/> in production; any function in tests.</summary>
public sealed class NodeCoder(Func<Document, CodingResult> code)
{
    public Func<Document, CodingResult> Code { get; } = code;

    /// <summary>
    /// Codes each document; one the coder throws on is returned with the error instead of a payload (poisoned: the
    /// client reports it and skips it, and the other documents of the batch go on).
    /// </summary>
    public ImmutableArray<CodedItem> CodeAll(IReadOnlyList<WireDocument> documents, string silo, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var items = ImmutableArray.CreateBuilder<CodedItem>(documents.Count);
        foreach (var wire in documents)
        {
            try
            {
                var payload = CodedPayload.Code(Code, CodedPayload.FromWire(wire));
                items.Add(new CodedItem(wire.Id, payload.ToJson(), null, silo));
            }
#pragma warning disable CA1031 // a document the coder throws on must not stop the batch: it is reported as poisoned
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                log?.LogWarning("document {Id} not coded: {Type}: {Message}", wire.Id, e.GetType().Name, e.Message);
                items.Add(new CodedItem(wire.Id, null, $"{e.GetType().Name}: {e.Message}", silo));
            }
        }

        return items.MoveToImmutable();
    }
}

/// <summary>Codes batches of documents on the node it runs on; as many activations per node as it has cores.</summary>
[StatelessWorker]
public sealed class CoderGrain(NodeCoder coder, ILocalSiloDetails silo, ILogger<CoderGrain> log) : Grain, ICoderGrain
{
    public Task<ImmutableArray<CodedItem>> Code(ImmutableArray<WireDocument> documents) =>
        Task.FromResult(coder.CodeAll(documents, silo.Name, log));
}
