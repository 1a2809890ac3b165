using Entente.Core;

namespace Entente.Sources.Tests;

public sealed class ReadTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_directory_is_read_recursively_in_ordinal_path_order_skipping_unknown_extensions()
    {
        _dir.Write("b/2.txt", Texts.English2);
        _dir.Write("b/1.txt", Texts.English);
        _dir.Write("a.txt", Texts.English);
        _dir.Write("B.txt", Texts.English);
        _dir.Write("c/deep/d.jsonl", $$"""{"id":"j1","text":"{{Texts.English}}"}""" + "\n");
        _dir.Write("c/image.png", [0x89, 0x50, 0x4E, 0x47, 0x00]);
        _dir.Write("c/readme.md", "not read");

        var ids = DocumentSource.Default.Read([_dir.Path], TextReader.Null).Select(i => i.Document?.Id).ToList();

        Assert.Equal(["B.txt", "a.txt", "1.txt", "2.txt", "j1"], ids);
    }

    [Fact]
    public void Paths_are_read_in_the_order_given_and_a_bad_one_does_not_stop_the_rest()
    {
        var a = _dir.Write("a.txt", Texts.English);
        var b = _dir.Write("b.txt", Texts.English2);

        var items = DocumentSource.Default.Read([b, Path.Combine(_dir.Path, "nope.txt"), a], TextReader.Null).ToList();

        Assert.Equal("b.txt", items[0].Document?.Id);
        Assert.Equal(DiagnosticCodes.UnreadableInput, items[1].Diagnostic?.Code);
        Assert.Equal("a.txt", items[2].Document?.Id);
    }

    [Fact]
    public void Plain_stdin_is_one_document()
    {
        using var stdin = new StringReader("\n  " + Texts.English);

        var document = Assert.Single(DocumentSource.Default.Read(["-"], stdin)).Document!;

        Assert.Equal("stdin", document.Id);
        Assert.Equal("\n  " + Texts.English, document.Text);
    }

    [Fact]
    public void Stdin_starting_with_a_brace_is_JSON_Lines()
    {
        using var stdin = new StringReader(
            "\n" + $$"""{"id":"s1","text":"{{Texts.English}}","date":"2023/05/10"}""" + "\n" + "{bad\n" + """{"text":"Kyiv and Warsaw agreed."}""");

        var items = DocumentSource.Default.Read(["-"], stdin).ToList();

        Assert.Equal(3, items.Count);
        Assert.Equal("s1", items[0].Document?.Id);
        Assert.Equal(new DateOnly(2023, 5, 10), items[0].Document?.Date);
        Assert.Equal((DiagnosticCodes.MalformedJsonLine, "stdin:3"), (items[1].Diagnostic?.Code, items[1].Diagnostic?.Subject));
        Assert.Equal("stdin:4", items[2].Document?.Id);
    }

    [Fact]
    public void Empty_stdin_is_reported_as_empty()
    {
        var diagnostic = Assert.Single(DocumentSource.Default.Read(["-"], TextReader.Null)).Diagnostic!;

        Assert.Equal((DiagnosticCodes.EmptyText, "stdin"), (diagnostic.Code, diagnostic.Subject));
    }

    [Fact]
    public void Stdin_over_the_limit_is_skipped()
    {
        using var stdin = new StringReader(string.Concat(Enumerable.Repeat(Texts.English, 10)));
        var source = new DocumentSource(new SourceOptions(MaxDocumentBytes: 500));

        var diagnostic = Assert.Single(source.Read(["-"], stdin)).Diagnostic!;

        Assert.Equal(DiagnosticCodes.Oversized, diagnostic.Code);
    }

    [Fact]
    public void Reading_is_lazy_nothing_is_opened_before_enumeration()
    {
        var path = Path.Combine(_dir.Path, "later.txt");

        var items = DocumentSource.Default.Read([path], TextReader.Null);
        File.WriteAllText(path, Texts.English);

        Assert.Equal("later.txt", Assert.Single(items).Document?.Id);
    }

    [Fact]
    public void A_source_item_holds_exactly_one_of_document_and_diagnostic()
    {
        Assert.Throws<ArgumentException>(() => new SourceItem(null, null));
    }
}
