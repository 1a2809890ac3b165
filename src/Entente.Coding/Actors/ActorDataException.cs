using System.Collections.Immutable;
using Entente.Core;

namespace Entente.Coding.Actors;

/// <summary>
/// The actor knowledge base is malformed. <see cref="Diagnostics"/> holds every problem found, each naming
/// the file and line (<c>states.tsv:12: unknown country code XYZ</c>).
/// </summary>
public sealed class ActorDataException : Exception
{
    public ActorDataException()
    {
    }

    public ActorDataException(string message)
        : base(message)
    {
    }

    public ActorDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ActorDataException(ImmutableArray<Diagnostic> diagnostics)
        : base(Summarise(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public ImmutableArray<Diagnostic> Diagnostics { get; } = [];

    private static string Summarise(ImmutableArray<Diagnostic> diagnostics)
    {
        var shown = diagnostics.Take(10).Select(d => $"{d.Subject}: {d.Message}");
        var more = diagnostics.Length > 10 ? $"{Environment.NewLine}… and {diagnostics.Length - 10} more" : "";
        return $"the actor knowledge base has {diagnostics.Length} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, shown) + more;
    }
}
