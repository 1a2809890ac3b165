namespace Entente.Sources;

/// <summary>A reader that first gives back characters already taken from <paramref name="inner"/>, then the rest of it.</summary>
internal sealed class PrefixedReader(string prefix, TextReader inner) : TextReader
{
    private int _position;

    public override int Peek() => _position < prefix.Length ? prefix[_position] : inner.Peek();

    public override int Read() => _position < prefix.Length ? prefix[_position++] : inner.Read();

    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (_position < prefix.Length)
        {
            int n = Math.Min(count, prefix.Length - _position);
            prefix.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }

        return inner.Read(buffer, index, count);
    }
}
