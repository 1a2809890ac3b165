namespace Entente.Core;

/// <summary>How bad a diagnostic is.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// A problem found in input, reported as a value rather than thrown.
/// <paramref name="Code"/> is one of <see cref="DiagnosticCodes"/>; <paramref name="Subject"/> names the
/// document, file or line the problem is about.
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, string Subject, string Message)
{
    public override string ToString() => $"{Subject}: {Code} {Message}";

    /// <summary>Writes the diagnostic as a JSON object: <c>code</c>, <c>severity</c> (lower case), <c>subject</c>, <c>message</c>.</summary>
    public void WriteJson(System.Text.Json.Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("code", Code);
        writer.WriteString("severity", Severity.ToString().ToLowerInvariant());
        writer.WriteString("subject", Subject);
        writer.WriteString("message", Message);
        writer.WriteEndObject();
    }
}

/// <summary>
/// Every diagnostic code Entente emits, in one place. Each is documented in docs/diagnostics.md.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The text is empty or whitespace only.</summary>
    public const string EmptyText = "ENT001";

    /// <summary>The input contains binary data (NUL or many control characters).</summary>
    public const string BinaryInput = "ENT002";

    /// <summary>The input bytes are not valid UTF-8; invalid sequences were replaced.</summary>
    public const string InvalidUtf8 = "ENT003";

    /// <summary>The text is mostly in a script other than Latin; English models do not apply.</summary>
    public const string NonLatinScript = "ENT004";

    /// <summary>A line or token is longer than the configured limit and was cut.</summary>
    public const string Oversized = "ENT005";

    /// <summary>A CoNLL-U file is malformed.</summary>
    public const string MalformedConllu = "ENT006";

    /// <summary>A model file is missing, corrupt or of an unsupported version.</summary>
    public const string BadModel = "ENT007";

    /// <summary>A line of JSON Lines input is not a well-formed JSON object.</summary>
    public const string MalformedJsonLine = "ENT010";

    /// <summary>A field of an input record is missing (<c>text</c>) or of the wrong type or form.</summary>
    public const string InvalidField = "ENT011";

    /// <summary>An input cannot be read: not found, permission denied, an I/O or HTTP error.</summary>
    public const string UnreadableInput = "ENT012";

    /// <summary>An HTML page holds no article text once navigation and other boilerplate are removed.</summary>
    public const string NoArticleText = "ENT013";

    /// <summary>A feed is not well-formed RSS or Atom (truncated, invalid XML, or another kind of file).</summary>
    public const string MalformedFeed = "ENT014";

    /// <summary>A line of an actor knowledge base file is malformed (bad columns, codes or dates).</summary>
    public const string MalformedActorData = "ENT030";

    /// <summary>A name of the actor knowledge base belongs to two entries and is not marked as a deliberate ambiguity.</summary>
    public const string DuplicateActorName = "ENT031";

    /// <summary>A line of the CAMEO ontology (<c>data/cameo/*.tsv</c>) is malformed.</summary>
    public const string MalformedOntology = "ENT040";

    /// <summary>A line of the event patterns (<c>data/events/patterns.jsonl</c> or <c>classes.tsv</c>) is malformed.</summary>
    public const string MalformedEventPattern = "ENT041";

    /// <summary>A sentence could not be coded because of a defect in the coder; it was skipped and the run went on.</summary>
    public const string CodingFailed = "ENT020";
}
