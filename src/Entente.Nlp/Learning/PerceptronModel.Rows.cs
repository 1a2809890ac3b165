namespace Entente.Nlp.Learning;

/// <summary>Read-only views of the rows, for derived scorers such as <see cref="HybridPerceptronModel"/> (added for the parser).</summary>
public sealed partial class PerceptronModel
{
    internal ReadOnlySpan<ulong> RowKeys => _keys;

    internal ReadOnlySpan<int> RowStarts => _starts;

    internal ReadOnlySpan<ushort> RowClasses => _classes;

    internal ReadOnlySpan<float> RowWeights => _weights;

    /// <summary>The model without the weights of magnitude at most <paramref name="threshold"/> (and the features left empty).</summary>
    internal PerceptronModel Pruned(float threshold)
    {
        var keys = new List<ulong>(_keys.Length);
        var starts = new List<int>(_keys.Length + 1);
        var classes = new List<ushort>(_classes.Length);
        var weights = new List<float>(_weights.Length);
        for (int r = 0; r < _keys.Length; r++)
        {
            int before = classes.Count;
            for (int i = _starts[r]; i < _starts[r + 1]; i++)
            {
                if (Math.Abs(_weights[i]) > threshold)
                {
                    classes.Add(_classes[i]);
                    weights.Add(_weights[i]);
                }
            }

            if (classes.Count > before)
            {
                keys.Add(_keys[r]);
                starts.Add(before);
            }
        }

        starts.Add(classes.Count);
        return FromRows([.. ClassNames], [.. keys], [.. starts], [.. classes], [.. weights]);
    }
}
