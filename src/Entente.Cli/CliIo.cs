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

    /// <summary>
    /// Parses the value of a <c>--date YYYY-MM-DD</c> option (absent: null). On a malformed value writes the usage
    /// message and returns false; the command then exits with <see cref="EntenteCli.Usage"/>.
    /// </summary>
    public static bool TryParseDateOption(string? raw, TextWriter stderr, out DateOnly? date)
    {
        date = null;
        if (raw is null)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
        {
            stderr.WriteLine($"entente: --date {raw}: expected YYYY-MM-DD");
            return false;
        }

        date = parsed;
        return true;
    }
}
