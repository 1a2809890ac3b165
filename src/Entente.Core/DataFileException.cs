namespace Entente.Core;

/// <summary>
/// A data file that Entente embeds (the CAMEO ontology, the event patterns) is malformed. The message names the
/// file and line (<c>patterns.jsonl:412: unknown CAMEO code 0999</c>); <see cref="Code"/> is one of
/// <see cref="DiagnosticCodes"/>.
/// </summary>
public sealed class DataFileException : Exception
{
    public DataFileException()
    {
    }

    public DataFileException(string message)
        : base(message)
    {
    }

    public DataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for line <paramref name="line"/> of <paramref name="file"/>.</summary>
    public DataFileException(string code, string file, int line, string reason, Exception? innerException = null)
        : base($"{file}:{line}: {reason}", innerException)
    {
        Code = code;
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>The diagnostic code, e.g. <see cref="DiagnosticCodes.MalformedOntology"/>.</summary>
    public string Code { get; } = "";

    /// <summary>The name of the file.</summary>
    public string File { get; } = "";

    /// <summary>The 1-based line number, or 0 when the problem is about the whole file.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the file and line.</summary>
    public string Reason { get; } = "";

    /// <summary>The problem as a diagnostic value.</summary>
    public Diagnostic ToDiagnostic() => new(Code, Severity.Error, $"{File}:{Line}", Reason);
}
