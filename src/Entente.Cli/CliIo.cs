namespace Entente.Cli;

/// <summary>Input helpers shared by the commands: an unreadable file is a message and exit code 1, never a stack trace.</summary>
internal static class CliIo
{
    /// <summary>Runs <paramref name="read"/>; on an I/O or permission error writes "cannot read WHAT: reason" and returns false.</summary>
    public static bool TryRead<T>(Func<T> read, string? what, TextWriter stderr, out T value)
    {
        try
        {
            value = read();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"entente: cannot read {what}: {e.Message}");
            value = default!;
            return false;
        }
    }
}
