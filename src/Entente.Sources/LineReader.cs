using System.Text;

namespace Entente.Sources;

/// <summary>A line of bytes; <paramref name="Bytes"/> is null when the line is longer than the limit (it was not kept).</summary>
internal readonly record struct ByteLine(int Number, byte[]? Bytes, long Length);

/// <summary>A line of characters; <paramref name="Text"/> is null when the line is longer than the limit.</summary>
internal readonly record struct CharLine(int Number, string? Text, long Length);

/// <summary>Splits input into lines without ever holding more than the limit of one line in memory.</summary>
internal static class LineReader
{
    private const int BufferSize = 64 * 1024;

    public static IEnumerable<ByteLine> ReadLines(Stream stream, long maxBytes)
    {
        var buffer = new byte[BufferSize];
        using var line = new MemoryStream();
        long length = 0;
        bool over = false;
        int number = 1;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            while (start < read)
            {
                int newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                int end = newline < 0 ? read : newline;
                length += end - start;
                if (!over && length > maxBytes + 1)
                {
                    over = true;
                    line.SetLength(0);
                }
                else if (!over)
                {
                    line.Write(buffer, start, end - start);
                }

                if (newline < 0)
                {
                    break;
                }

                yield return MakeLine(number++, line, length, over, maxBytes);
                line.SetLength(0);
                length = 0;
                over = false;
                start = newline + 1;
            }
        }

        if (length > 0)
        {
            yield return MakeLine(number, line, length, over, maxBytes);
        }
    }

    public static IEnumerable<CharLine> ReadLines(TextReader reader, long maxChars)
    {
        var buffer = new char[BufferSize];
        var line = new StringBuilder();
        long length = 0;
        bool over = false;
        int number = 1;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            while (start < read)
            {
                int newline = Array.IndexOf(buffer, '\n', start, read - start);
                int end = newline < 0 ? read : newline;
                length += end - start;
                if (!over && length > maxChars + 1)
                {
                    over = true;
                    line.Clear();
                }
                else if (!over)
                {
                    line.Append(buffer, start, end - start);
                }

                if (newline < 0)
                {
                    break;
                }

                yield return MakeLine(number++, line, length, over, maxChars);
                line.Clear();
                length = 0;
                over = false;
                start = newline + 1;
            }
        }

        if (length > 0)
        {
            yield return MakeLine(number, line, length, over, maxChars);
        }
    }

    /// <summary>Reads a whole stream, or returns null as soon as it exceeds <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadBounded(Stream stream, long maxBytes)
    {
        using var all = new MemoryStream();
        var buffer = new byte[BufferSize];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (all.Length + read > maxBytes)
            {
                return null;
            }

            all.Write(buffer, 0, read);
        }

        return all.ToArray();
    }

    /// <summary>Reads a whole reader, or returns null as soon as it exceeds <paramref name="maxChars"/>.</summary>
    public static string? ReadBounded(TextReader reader, long maxChars)
    {
        var all = new StringBuilder();
        var buffer = new char[BufferSize];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (all.Length + read > maxChars)
            {
                return null;
            }

            all.Append(buffer, 0, read);
        }

        return all.ToString();
    }

    private static ByteLine MakeLine(int number, MemoryStream line, long length, bool over, long max)
    {
        // A trailing carriage return (CRLF files) is not part of the line, nor of its length.
        var bytes = over ? null : line.ToArray();
        if (bytes is [.., (byte)'\r'])
        {
            bytes = bytes[..^1];
            length--;
        }

        return length > max ? new ByteLine(number, null, length) : new ByteLine(number, bytes, length);
    }

    private static CharLine MakeLine(int number, StringBuilder line, long length, bool over, long max)
    {
        var text = over ? null : line.ToString();
        if (text is [.., '\r'])
        {
            text = text[..^1];
            length--;
        }

        return length > max ? new CharLine(number, null, length) : new CharLine(number, text, length);
    }
}
