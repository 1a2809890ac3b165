using System.Collections.Immutable;
using System.Net;
using Entente.Core;
using Entente.Core.Documents;
using Entente.Nlp.Text;

namespace Entente.Sources;

/// <summary>
/// Turns paths into <see cref="Document"/>s, reporting what cannot be read as <see cref="Diagnostic"/>s and going on
/// with the rest. By extension: <c>.txt</c> one document; <c>.jsonl</c> one per line; <c>.html</c>/<c>.htm</c> the
/// article of the page; <c>.xml</c>/<c>.rss</c>/<c>.atom</c> one per feed item. Reading is lazy: nothing is opened before
/// the items are enumerated, and a file is read when its turn comes. Instances are immutable and thread-safe.
/// </summary>
public sealed class DocumentSource
{
    private static readonly Lazy<HttpMessageHandler> SharedHandler = new(() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
    });

    private readonly HttpMessageHandler? _handler;

    public DocumentSource(SourceOptions options)
        : this(options, null)
    {
    }

    /// <summary>A source that fetches URLs through <paramref name="handler"/> (tests, proxies); null for the default.</summary>
    public DocumentSource(SourceOptions options, HttpMessageHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxDocumentBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.FetchTimeoutSeconds);
        Options = options;
        _handler = handler;
    }

    /// <summary>A source with the default <see cref="SourceOptions"/>.</summary>
    public static DocumentSource Default { get; } = new(new SourceOptions());

    public SourceOptions Options { get; }

    private enum Format
    {
        Text,
        JsonLines,
        Html,
        Feed,
    }

    /// <summary>
    /// Reads each path in turn: <c>-</c> is <paramref name="stdin"/> (JSON Lines when its first non-blank character is
    /// <c>{</c>, else one plain-text document with id <c>stdin</c>); a directory is walked recursively in ordinal path order,
    /// skipping files of unknown extensions; an http(s) URL is fetched (an HTML page as an article, anything else as a
    /// feed); any other path is a file, read as text when its extension is unknown.
    /// </summary>
    public IEnumerable<SourceItem> Read(IEnumerable<string> paths, TextReader stdin)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(stdin);
        return ReadAll(paths, stdin);
    }

    /// <summary>Reads one file (or directory) by its extension; an unknown extension is read as plain text.</summary>
    public IEnumerable<SourceItem> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Directory.Exists(path) ? ReadDirectory(path) : Guard(ReadFileCore(path, FormatOf(path) ?? Format.Text), path);
    }

    /// <summary>Reads a feed from an http(s) URL or a file, whatever its extension.</summary>
    public IEnumerable<SourceItem> ReadFeed(string urlOrPath)
    {
        ArgumentNullException.ThrowIfNull(urlOrPath);
        return IsUrl(urlOrPath) ? ReadUrl(urlOrPath, feedOnly: true) : Guard(ReadFileCore(urlOrPath, Format.Feed), urlOrPath);
    }

    private IEnumerable<SourceItem> ReadAll(IEnumerable<string> paths, TextReader stdin)
    {
        foreach (var path in paths)
        {
            var items = path == "-" ? ReadStdin(stdin)
                : IsUrl(path) ? ReadUrl(path, feedOnly: false)
                : ReadFile(path);
            foreach (var item in items)
            {
                yield return item;
            }
        }
    }

    private static bool IsUrl(string path) =>
        path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static Format? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" => Format.Text,
        ".jsonl" => Format.JsonLines,
        ".html" or ".htm" => Format.Html,
        ".xml" or ".rss" or ".atom" => Format.Feed,
        _ => null,
    };

    private IEnumerable<SourceItem> ReadDirectory(string directory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 64 };
        var files = new List<string>();
        Diagnostic? failure = null;
        try
        {
            files.AddRange(Directory.EnumerateFiles(directory, "*", options).Where(f => FormatOf(f) is not null));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failure = Unreadable(directory, ex);
        }

        if (failure is not null)
        {
            yield return SourceItem.Of(failure);
            yield break;
        }

        files.Sort(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var item in Guard(ReadFileCore(file, FormatOf(file)!.Value), file))
            {
                yield return item;
            }
        }
    }

    private IEnumerable<SourceItem> ReadFileCore(string path, Format format)
    {
        if (!File.Exists(path))
        {
            yield return SourceItem.Of(new Diagnostic(DiagnosticCodes.UnreadableInput, Severity.Error, path,
                Directory.Exists(path) ? "is a directory, not a feed" : "not found"));
            yield break;
        }

        var name = Path.GetFileName(path);
        if (format == Format.JsonLines)
        {
            foreach (var item in ReadJsonLinesFile(path, name))
            {
                yield return item;
            }

            yield break;
        }

        long length = new FileInfo(path).Length;
        if (length > Options.MaxDocumentBytes)
        {
            yield return SourceItem.Of(TooLarge(name, $"the file is {length:N0} bytes"));
            yield break;
        }

        var bytes = File.ReadAllBytes(path);
        var text = Decode(bytes, name, out var decodeDiagnostics);
        var items = format switch
        {
            Format.Html => HtmlItems(text, name, name, null, decodeDiagnostics),
            Format.Feed => FeedItems(text, name, decodeDiagnostics),
            _ => Check(new Document(name, text), name, decodeDiagnostics),
        };
        foreach (var item in items)
        {
            yield return item;
        }
    }

    /// <summary>JSON Lines already decoded (standard input, UTF-16 files); the limit counts characters.</summary>
    private IEnumerable<SourceItem> ReadJsonLines(TextReader reader, string name)
    {
        foreach (var line in LineReader.ReadLines(reader, Options.MaxDocumentBytes))
        {
            var subject = $"{name}:{line.Number}";
            if (line.Text is null)
            {
                yield return SourceItem.Of(TooLarge(subject, $"the line is {line.Length:N0} characters"));
            }
            else if (!string.IsNullOrWhiteSpace(line.Text))
            {
                foreach (var item in JsonLine(line.Text, subject, []))
                {
                    yield return item;
                }
            }
        }
    }

    private IEnumerable<SourceItem> ReadJsonLinesFile(string path, string name)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> bom = stackalloc byte[2];
        int got = stream.ReadAtLeast(bom, 2, throwOnEndOfStream: false);
        bool utf16 = got == 2 && ((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF));
        stream.Position = 0;
        if (utf16)
        {
            // UTF-16 (by its byte order mark): lines cannot be split on bytes, so decode first.
            using var reader = new StreamReader(stream, System.Text.Encoding.Unicode, detectEncodingFromByteOrderMarks: true);
            foreach (var item in ReadJsonLines(reader, name))
            {
                yield return item;
            }

            yield break;
        }

        bool any = false;
        foreach (var line in LineReader.ReadLines(stream, Options.MaxDocumentBytes))
        {
            var subject = $"{name}:{line.Number}";
            if (line.Bytes is null)
            {
                any = true;
                yield return SourceItem.Of(TooLarge(subject, $"the line is {line.Length:N0} bytes"));
                continue;
            }

            var text = Decode(line.Bytes, subject, out var decodeDiagnostics);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            any = true;
            foreach (var item in JsonLine(text, subject, decodeDiagnostics))
            {
                yield return item;
            }
        }

        if (!any)
        {
            yield return SourceItem.Of(new Diagnostic(DiagnosticCodes.EmptyText, Severity.Error, name, "the file holds no documents"));
        }
    }

    private IEnumerable<SourceItem> JsonLine(string line, string subject, ImmutableArray<Diagnostic> decodeDiagnostics)
    {
        if (decodeDiagnostics.Any(d => d.Severity == Severity.Error))
        {
            return decodeDiagnostics.Select(SourceItem.Of);
        }

        var diagnostics = new List<Diagnostic>(decodeDiagnostics);
        var document = JsonRecord.Parse(line, subject, diagnostics);
        return document is null ? diagnostics.Select(SourceItem.Of) : Check(document, subject, diagnostics);
    }

    private IEnumerable<SourceItem> ReadStdin(TextReader stdin)
    {
        // Look at the first non-blank character to choose between JSON Lines and plain text, then give it back.
        var lead = new System.Text.StringBuilder();
        int c;
        while ((c = stdin.Read()) >= 0)
        {
            lead.Append((char)c);
            if (!char.IsWhiteSpace((char)c))
            {
                break;
            }
        }

        var reader = new PrefixedReader(lead.ToString(), stdin);
        if (c == '{')
        {
            foreach (var item in ReadJsonLines(reader, "stdin"))
            {
                yield return item;
            }

            yield break;
        }

        var text = LineReader.ReadBounded(reader, Options.MaxDocumentBytes);
        var items = text is null
            ? [SourceItem.Of(TooLarge("stdin", "standard input is longer"))]
            : Check(new Document("stdin", text), "stdin", []);
        foreach (var item in items)
        {
            yield return item;
        }
    }

    private IEnumerable<SourceItem> ReadUrl(string url, bool feedOnly)
    {
        var (bytes, mediaType, problem) = Fetch(url);
        if (problem is not null)
        {
            return [SourceItem.Of(problem)];
        }

        var text = Decode(bytes!, url, out var decodeDiagnostics);
        bool html = !feedOnly && mediaType is not null && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase);
        return html ? HtmlItems(text, url, url, url, decodeDiagnostics) : FeedItems(text, url, decodeDiagnostics);
    }

    private (byte[]? Bytes, string? MediaType, Diagnostic? Problem) Fetch(string url)
    {
        try
        {
            using var client = new HttpClient(_handler ?? SharedHandler.Value, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Options.FetchTimeoutSeconds));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url));
            request.Headers.UserAgent.ParseAdd("Entente/1.0");
            using var response = client.Send(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (null, null, new Diagnostic(DiagnosticCodes.UnreadableInput, Severity.Error, url,
                    $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd()));
            }

            if (response.Content.Headers.ContentLength is { } declared && declared > Options.MaxDocumentBytes)
            {
                return (null, null, TooLarge(url, $"the response is {declared:N0} bytes"));
            }

            using var stream = response.Content.ReadAsStream(timeout.Token);
            var bytes = LineReader.ReadBounded(stream, Options.MaxDocumentBytes);
            return bytes is null
                ? (null, null, TooLarge(url, "the response is longer"))
                : (bytes, response.Content.Headers.ContentType?.MediaType, null);
        }
        catch (OperationCanceledException)
        {
            return (null, null, new Diagnostic(DiagnosticCodes.UnreadableInput, Severity.Error, url,
                $"timed out after {Options.FetchTimeoutSeconds} s"));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or NotSupportedException or UriFormatException)
        {
            return (null, null, new Diagnostic(DiagnosticCodes.UnreadableInput, Severity.Error, url, $"cannot fetch: {ex.Message}"));
        }
    }

    private IEnumerable<SourceItem> HtmlItems(string html, string id, string subject, string? url, ImmutableArray<Diagnostic> decodeDiagnostics)
    {
        if (decodeDiagnostics.Any(d => d.Severity == Severity.Error))
        {
            return decodeDiagnostics.Select(SourceItem.Of);
        }

        var article = HtmlArticleExtractor.Extract(html);
        if (article is null)
        {
            return [.. decodeDiagnostics.Select(SourceItem.Of), SourceItem.Of(new Diagnostic(DiagnosticCodes.NoArticleText, Severity.Error, subject,
                "no article text (nothing but navigation, headers, footers and other boilerplate)"))];
        }

        var diagnostics = new List<Diagnostic>(decodeDiagnostics);
        if (article.DateText is not null && article.Date is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidField, Severity.Warning, subject,
                $"the publication date '{article.DateText}' is not a date; the document has no publication date"));
        }

        var document = new Document(id, article.Text, article.Title, article.Date, article.Url ?? url, article.SiteName);
        return Check(document, subject, diagnostics);
    }

    private IEnumerable<SourceItem> FeedItems(string xml, string subject, ImmutableArray<Diagnostic> decodeDiagnostics)
    {
        foreach (var diagnostic in decodeDiagnostics)
        {
            yield return SourceItem.Of(diagnostic);
        }

        if (decodeDiagnostics.Any(d => d.Severity == Severity.Error))
        {
            yield break;
        }

        var feed = FeedParser.Parse(xml);
        if (feed.Error is not null)
        {
            yield return SourceItem.Of(feed.Entries.Count > 0
                ? new Diagnostic(DiagnosticCodes.MalformedFeed, Severity.Warning, subject, $"{feed.Error}; kept the {feed.Entries.Count} item(s) before the error")
                : new Diagnostic(DiagnosticCodes.MalformedFeed, Severity.Error, subject, $"{feed.Error}; no item could be read"));
        }
        else if (feed.Entries.Count == 0)
        {
            yield return SourceItem.Of(new Diagnostic(DiagnosticCodes.EmptyText, Severity.Warning, subject, "the feed has no items"));
        }

        for (int i = 0; i < feed.Entries.Count; i++)
        {
            var entry = feed.Entries[i];
            var id = entry.Id ?? entry.Url ?? $"{subject}#{i + 1}";
            var diagnostics = new List<Diagnostic>();
            if (entry.DateText is not null && entry.Date is null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidField, Severity.Warning, id,
                    $"the publication date '{entry.DateText}' is not a date; the document has no publication date"));
            }

            foreach (var item in Check(new Document(id, entry.Text, entry.Title, entry.Date, entry.Url, feed.Title), id, diagnostics))
            {
                yield return item;
            }
        }
    }

    /// <summary>The checks every document passes: earlier errors, empty, binary, English.</summary>
    private List<SourceItem> Check(Document document, string subject, IEnumerable<Diagnostic> earlier)
    {
        var items = earlier.Select(SourceItem.Of).ToList();
        if (items.Exists(i => i.Diagnostic!.Severity == Severity.Error))
        {
            return items;
        }

        if (string.IsNullOrWhiteSpace(document.Text))
        {
            items.Add(SourceItem.Of(new Diagnostic(DiagnosticCodes.EmptyText, Severity.Error, subject, "the text is empty")));
            return items;
        }

        if (BinaryProblem(document.Text) is { } binary)
        {
            items.Add(SourceItem.Of(new Diagnostic(DiagnosticCodes.BinaryInput, Severity.Error, subject, binary)));
            return items;
        }

        if (EnglishCheck.Problem(document.Text) is { } language)
        {
            items.Add(SourceItem.Of(new Diagnostic(DiagnosticCodes.NonLatinScript, Options.RequireEnglish ? Severity.Error : Severity.Info, subject, language)));
            if (Options.RequireEnglish)
            {
                return items;
            }
        }

        items.Add(SourceItem.Of(document));
        return items;
    }

    /// <summary>Binary data: NUL characters, or more than 5% control characters other than line and tab breaks.</summary>
    private static string? BinaryProblem(string text)
    {
        int nuls = 0, controls = 0;
        foreach (char c in text)
        {
            if (c == '\0')
            {
                nuls++;
            }
            else if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))
            {
                controls++;
            }
        }

        return nuls > 0 ? $"binary data ({nuls:N0} NUL character(s)); skipped"
            : controls * 20L > text.Length ? $"binary data ({controls:N0} control characters); skipped"
            : null;
    }

    /// <summary>Decodes with the Windows-1252 fallback; NUL bytes make an error, the document is skipped.</summary>
    private static string Decode(byte[] bytes, string subject, out ImmutableArray<Diagnostic> diagnostics)
    {
        var text = TextDecoding.Decode(bytes, subject, windows1252Fallback: true, out var decoded);
        diagnostics = decoded.Select(d => d.Code == DiagnosticCodes.BinaryInput
            ? d with { Severity = Severity.Error, Message = $"binary data ({text.AsSpan().Count('\0'):N0} NUL character(s)); skipped" }
            : d).ToImmutableArray();
        return text;
    }

    private Diagnostic TooLarge(string subject, string size) =>
        new(DiagnosticCodes.Oversized, Severity.Error, subject, $"{size}, over the limit of {Options.MaxDocumentBytes:N0}; skipped");

    private static Diagnostic Unreadable(string subject, Exception ex) => new(DiagnosticCodes.UnreadableInput, Severity.Error, subject, ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "not found",
        UnauthorizedAccessException => "permission denied",
        _ => $"cannot be read: {ex.Message}",
    });

    /// <summary>Runs <paramref name="items"/>, turning an I/O failure while reading into an ENT012 diagnostic that ends the file.</summary>
    private static IEnumerable<SourceItem> Guard(IEnumerable<SourceItem> items, string subject)
    {
        using var enumerator = items.GetEnumerator();
        while (true)
        {
            Diagnostic? failure = null;
            bool more;
            try
            {
                more = enumerator.MoveNext();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure = Unreadable(subject, ex);
                more = false;
            }

            if (failure is not null)
            {
                yield return SourceItem.Of(failure);
            }

            if (!more)
            {
                yield break;
            }

            yield return enumerator.Current;
        }
    }
}
