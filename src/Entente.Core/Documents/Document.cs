namespace Entente.Core.Documents;

/// <summary>
/// One input document: its identifier, text and the metadata a source gives. <paramref name="Date"/> is the
/// publication date (relative dates in the text resolve against it), null when unknown.
/// </summary>
public sealed record Document(
    string Id,
    string Text,
    string? Title = null,
    DateOnly? Date = null,
    string? Url = null,
    string? Source = null);
