using System.Text;
using Entente.Core;

namespace Entente.Sources.Tests;

public sealed class JsonLinesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Line(string json) => json + "\n";

    [Fact]
    public void Each_line_is_a_document_with_its_fields()
    {
        var path = _dir.Write("corpus.jsonl",
            Line($$"""{"id":"a1","text":"{{Texts.English}}","title":"Arms deal","date":"2023-05-10","url":"https://example.org/a1","source":"Daily"}""") +
            Line($$"""{"id":"a2","text":"{{Texts.English2}}"}"""));

        var documents = DocumentSource.Default.ReadFile(path).Select(i => i.Document).ToList();

        Assert.Equal(2, documents.Count);
        var first = documents[0]!;
        Assert.Equal("a1", first.Id);
        Assert.Equal(Texts.English, first.Text);
        Assert.Equal("Arms deal", first.Title);
        Assert.Equal(new DateOnly(2023, 5, 10), first.Date);
        Assert.Equal("https://example.org/a1", first.Url);
        Assert.Equal("Daily", first.Source);
        Assert.Equal("a2", documents[1]!.Id);
        Assert.Null(documents[1]!.Date);
    }

    [Theory]
    [InlineData("2023-05-10")]
    [InlineData("2023/05/10")]
    [InlineData("2023-05-10T08:30:00Z")]
    [InlineData("2023-05-10T23:30:00-05:00")]
    [InlineData("2023-05-10 08:30:00")]
    [InlineData("Wed, 10 May 2023 08:00:00 GMT")]
    public void Publication_dates_are_read_in_common_forms(string date)
    {
        var path = _dir.Write("dates.jsonl", Line($$"""{"id":"d","text":"Short text.","date":"{{date}}"}"""));

        var document = Assert.Single(DocumentSource.Default.ReadFile(path)).Document;

        Assert.Equal(new DateOnly(2023, 5, 10), document?.Date);
    }

    [Fact]
    public void A_malformed_line_is_reported_with_its_line_number_and_the_following_lines_are_read()
    {
        var path = _dir.Write("corpus.jsonl",
            Line($$"""{"id":"a1","text":"{{Texts.English}}"}""") +
            Line("") +
            Line("""{"id":"a2","text":"broken""") +
            Line($$"""{"id":"a3","text":"{{Texts.English2}}"}"""));

        var items = DocumentSource.Default.ReadFile(path).ToList();

        Assert.Equal(3, items.Count);
        Assert.Equal("a1", items[0].Document?.Id);
        var diagnostic = items[1].Diagnostic!;
        Assert.Equal(DiagnosticCodes.MalformedJsonLine, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal("corpus.jsonl:3", diagnostic.Subject);
        Assert.StartsWith("malformed JSON", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("a3", items[2].Document?.Id);
    }

    [Fact]
    public void A_line_without_text_is_skipped_with_ENT011()
    {
        var path = _dir.Write("c.jsonl", Line("""{"id":"x","title":"no text"}""") + Line("""{"id":"y","text":42}"""));

        var items = DocumentSource.Default.ReadFile(path).ToList();

        Assert.All(items, i => Assert.Equal(DiagnosticCodes.InvalidField, i.Diagnostic?.Code));
        Assert.Equal("c.jsonl:1", items[0].Diagnostic!.Subject);
        Assert.Contains("missing field 'text'", items[0].Diagnostic!.Message, StringComparison.Ordinal);
        Assert.Equal("c.jsonl:2", items[1].Diagnostic!.Subject);
        Assert.Contains("must be a string, not a number", items[1].Diagnostic!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_is_not_an_object_is_malformed()
    {
        var path = _dir.Write("c.jsonl", Line("""["a","b"]"""));

        var diagnostic = Assert.Single(DocumentSource.Default.ReadFile(path)).Diagnostic!;

        Assert.Equal(DiagnosticCodes.MalformedJsonLine, diagnostic.Code);
        Assert.Contains("not an array", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_id_becomes_file_and_line()
    {
        var path = _dir.Write("c.jsonl", Line("") + Line("""{"text":"Warsaw and Islamabad signed a deal."}"""));

        var document = Assert.Single(DocumentSource.Default.ReadFile(path)).Document;

        Assert.Equal("c.jsonl:2", document?.Id);
    }

    [Fact]
    public void Optional_fields_of_the_wrong_type_and_bad_dates_are_dropped_with_warnings()
    {
        var path = _dir.Write("c.jsonl", Line("""{"id":7,"text":"Warsaw and Islamabad signed a deal.","title":["x"],"date":"next Tuesday"}"""));

        var items = DocumentSource.Default.ReadFile(path).ToList();

        Assert.Equal(3, items.Count);
        Assert.All(items.Take(2), i => Assert.Equal(Severity.Warning, i.Diagnostic?.Severity));
        Assert.Contains("'title'", items[0].Diagnostic!.Message, StringComparison.Ordinal);
        Assert.Contains("'date'", items[1].Diagnostic!.Message, StringComparison.Ordinal);
        var document = items[2].Document!;
        Assert.Equal("7", document.Id);
        Assert.Null(document.Title);
        Assert.Null(document.Date);
    }

    [Theory]
    [InlineData("2015")]
    [InlineData("2015-09")]
    public void A_year_or_month_is_not_a_publication_date_and_is_noted_as_info(string date)
    {
        var path = _dir.Write("un.jsonl", Line($$"""{"id":"u","text":"Short text.","date":"{{date}}"}"""));

        var items = DocumentSource.Default.ReadFile(path).ToList();

        Assert.Equal((DiagnosticCodes.InvalidField, Severity.Info), (items[0].Diagnostic?.Code, items[0].Diagnostic?.Severity));
        Assert.Null(items[1].Document?.Date);
    }

    [Fact]
    public void An_oversized_line_is_skipped_and_the_next_line_is_read()
    {
        var big = new string('x', 5_000);
        var path = _dir.Write("c.jsonl",
            Line($$"""{"id":"big","text":"{{big}}"}""") +
            Line("""{"id":"small","text":"Warsaw and Islamabad signed a deal."}"""));
        var source = new DocumentSource(new SourceOptions(MaxDocumentBytes: 1_000));

        var items = source.ReadFile(path).ToList();

        Assert.Equal(2, items.Count);
        Assert.Equal(DiagnosticCodes.Oversized, items[0].Diagnostic?.Code);
        Assert.Equal("c.jsonl:1", items[0].Diagnostic?.Subject);
        Assert.Equal("small", items[1].Document?.Id);
    }

    [Fact]
    public void Document_checks_apply_to_each_line()
    {
        var path = _dir.Write("c.jsonl",
            Line("""{"id":"e","text":"   "}""") +
            Line($$"""{"id":"fr","text":"{{Texts.French.Replace("'", "’", StringComparison.Ordinal)}}"}""") +
            Line($$"""{"id":"ok","text":"{{Texts.English}}"}"""));

        var items = DocumentSource.Default.ReadFile(path).ToList();

        Assert.Equal(3, items.Count);
        Assert.Equal((DiagnosticCodes.EmptyText, "c.jsonl:1"), (items[0].Diagnostic?.Code, items[0].Diagnostic?.Subject));
        Assert.Equal((DiagnosticCodes.NonLatinScript, "c.jsonl:2"), (items[1].Diagnostic?.Code, items[1].Diagnostic?.Subject));
        Assert.Equal("ok", items[2].Document?.Id);
    }

    [Fact]
    public void Crlf_line_ends_are_accepted()
    {
        var path = _dir.Write("c.jsonl", Encoding.UTF8.GetBytes("{\"id\":\"a\",\"text\":\"One.\"}\r\n{\"id\":\"b\",\"text\":\"Two.\"}\r\n"));

        var ids = DocumentSource.Default.ReadFile(path).Select(i => i.Document?.Id).ToList();

        Assert.Equal(["a", "b"], ids);
    }

    [Fact]
    public void A_utf16_file_with_a_byte_order_mark_is_read_line_by_line()
    {
        var encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        var text = Line("""{"id":"a","text":"Москва и Исламабад."}""") + Line("{oops") + Line("""{"id":"c","text":"Kyiv."}""");
        var path = _dir.Write("c.jsonl", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);

        var items = DocumentSource.Default.ReadFile(path).ToList();

        Assert.Equal("Москва и Исламабад.", items[0].Document?.Text);
        Assert.Equal("c.jsonl:2", items[1].Diagnostic?.Subject);
        Assert.Equal("c", items[2].Document?.Id);
    }

    [Fact]
    public void A_file_without_lines_is_reported_as_empty()
    {
        var path = _dir.Write("c.jsonl", "\n\n");

        Assert.Equal(DiagnosticCodes.EmptyText, Assert.Single(DocumentSource.Default.ReadFile(path)).Diagnostic?.Code);
    }
}
