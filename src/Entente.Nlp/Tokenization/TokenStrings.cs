namespace Entente.Nlp.Tokenization;

/// <summary>
/// Shares the strings of short tokens within one call, so that a long document holds one "the" rather than thousands.
/// Not thread-safe: each tokenization call makes its own.
/// </summary>
internal sealed class TokenStrings
{
    private const int MaxPooledLength = 24;
    private const int MaxEntries = 1 << 16;

    private readonly Dictionary<string, string> _pool;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TokenStrings()
    {
        _pool = new Dictionary<string, string>(StringComparer.Ordinal);
        _lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(string text, int start, int length)
    {
        if (length > MaxPooledLength)
        {
            return text.Substring(start, length);
        }

        var span = text.AsSpan(start, length);
        if (_lookup.TryGetValue(span, out var s))
        {
            return s;
        }

        s = span.ToString();
        if (_pool.Count < MaxEntries)
        {
            _pool.Add(s, s);
        }

        return s;
    }
}
