using Entente.Core;
using Entente.Core.Documents;

namespace Entente.Sources;

/// <summary>
/// One thing a source yields: a <see cref="Core.Documents.Document"/> or a <see cref="Core.Diagnostic"/>, exactly one of
/// them non-null. Diagnostics about a document come before it; an <see cref="Severity.Error"/> means the document was
/// skipped, a <see cref="Severity.Warning"/> or <see cref="Severity.Info"/> that it follows.
/// </summary>
public sealed record SourceItem
{
    public SourceItem(Document? Document, Diagnostic? Diagnostic)
    {
        if ((Document is null) == (Diagnostic is null))
        {
            throw new ArgumentException("A source item holds exactly one of a document and a diagnostic.");
        }

        this.Document = Document;
        this.Diagnostic = Diagnostic;
    }

    public Document? Document { get; }

    public Diagnostic? Diagnostic { get; }

    public void Deconstruct(out Document? document, out Diagnostic? diagnostic)
    {
        document = Document;
        diagnostic = Diagnostic;
    }

    internal static SourceItem Of(Document document) => new(document, null);

    internal static SourceItem Of(Diagnostic diagnostic) => new(null, diagnostic);
}
