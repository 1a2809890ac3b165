namespace Entente.Sources;

/// <summary>
/// Limits and checks of a <see cref="DocumentSource"/>.
/// </summary>
/// <param name="MaxDocumentBytes">A file, JSON line, fetched response or standard input larger than this is skipped
/// (ENT005) without being read whole. Standard input counts characters.</param>
/// <param name="RequireEnglish">When true a text that is not English (ENT004) is skipped; when false it is kept with an
/// <see cref="Core.Severity.Info"/> diagnostic.</param>
/// <param name="FetchTimeoutSeconds">How long fetching one http(s) URL may take.</param>
public sealed record SourceOptions(
    long MaxDocumentBytes = 5_000_000,
    bool RequireEnglish = true,
    int FetchTimeoutSeconds = 30);
