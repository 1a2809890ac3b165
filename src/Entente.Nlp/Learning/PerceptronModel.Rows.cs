namespace Entente.Nlp.Learning;

/// <summary>Read-only views of the rows, for derived scorers such as <see cref="HybridPerceptronModel"/> (added for the parser).</summary>
public sealed partial class PerceptronModel
{
    internal ReadOnlySpan<ulong> RowKeys => _keys;

    internal ReadOnlySpan<int> RowStarts => _starts;

    internal ReadOnlySpan<ushort> RowClasses => _classes;

    internal ReadOnlySpan<float> RowWeights => _weights;
}
