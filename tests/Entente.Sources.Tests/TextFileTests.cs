using System.Text;
using Entente.Core;

namespace Entente.Sources.Tests;

public sealed class TextFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_text_file_is_one_document_named_after_the_file()
    {
        var path = _dir.Write("sub/pakistan.txt", Texts.English);

        var items = DocumentSource.Default.ReadFile(path).ToList();

        var document = Assert.Single(items).Document;
        Assert.NotNull(document);
        Assert.Equal("pakistan.txt", document.Id);
        Assert.Equal(Texts.English, document.Text);
        Assert.Null(document.Date);
    }

    [Fact]
    public void A_top_level_file_of_unknown_extension_is_read_as_text()
    {
        var path = _dir.Write("notes.md", Texts.English);

        var document = Assert.Single(DocumentSource.Default.ReadFile(path)).Document;

        Assert.Equal("notes.md", document?.Id);
    }

    [Fact]
    public void An_empty_file_is_skipped_with_ENT001()
    {
        var path = _dir.Write("empty.txt", "  \n\t\n");

        var diagnostic = Assert.Single(DocumentSource.Default.ReadFile(path)).Diagnostic;

        Assert.Equal(DiagnosticCodes.EmptyText, diagnostic?.Code);
        Assert.Equal(Severity.Error, diagnostic?.Severity);
        Assert.Equal("empty.txt", diagnostic?.Subject);
    }

    [Fact]
    public void A_binary_file_is_skipped_with_ENT002()
    {
        byte[] bytes = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, .. Encoding.ASCII.GetBytes(Texts.English)];
        var path = _dir.Write("tool.txt", bytes);

        var items = DocumentSource.Default.ReadFile(path).ToList();

        Assert.DoesNotContain(items, i => i.Document is not null);
        var diagnostic = Assert.Single(items).Diagnostic!;
        Assert.Equal(DiagnosticCodes.BinaryInput, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
    }

    [Fact]
    public void A_file_over_the_limit_is_skipped_with_ENT005_without_reading_it()
    {
        var path = _dir.Write("huge.txt", string.Concat(Enumerable.Repeat(Texts.English + " ", 20)));
        var source = new DocumentSource(new SourceOptions(MaxDocumentBytes: 1_000));

        var diagnostic = Assert.Single(source.ReadFile(path)).Diagnostic!;

        Assert.Equal(DiagnosticCodes.Oversized, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Contains("over the limit of 1,000", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_with_ENT012()
    {
        var path = Path.Combine(_dir.Path, "missing.txt");

        var diagnostic = Assert.Single(DocumentSource.Default.ReadFile(path)).Diagnostic!;

        Assert.Equal(DiagnosticCodes.UnreadableInput, diagnostic.Code);
        Assert.Equal(path, diagnostic.Subject);
        Assert.Contains("not found", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_a_byte_order_mark_is_decoded(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var path = _dir.Write("utf16.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes(Texts.English)]);

        var item = Assert.Single(DocumentSource.Default.ReadFile(path));

        Assert.Equal(Texts.English, item.Document?.Text);
    }

    [Fact]
    public void Windows_1252_bytes_are_decoded_as_Windows_1252_with_an_info()
    {
        // "café" with é as 0xE9, curly quotes as 0x93/0x94 and a euro sign as 0x80: not valid UTF-8.
        var text = "The minister said at a café in Warsaw that the deal, worth \u20AC5 million, was \u201Cdone\u201D and that the two governments would sign it.";
        var bytes = text.Select(c => c switch { '\u20AC' => (byte)0x80, '\u201C' => (byte)0x93, '\u201D' => (byte)0x94, _ => (byte)c }).ToArray();
        var path = _dir.Write("latin.txt", bytes);

        var items = DocumentSource.Default.ReadFile(path).ToList();

        var diagnostic = items[0].Diagnostic!;
        Assert.Equal(DiagnosticCodes.InvalidUtf8, diagnostic.Code);
        Assert.Equal(Severity.Info, diagnostic.Severity);
        Assert.Contains("Windows-1252", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(text, items[1].Document?.Text);
    }

    [Fact]
    public void Mostly_valid_utf8_with_a_bad_byte_is_kept_with_replacement_and_a_warning()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Kyiv’s " + Texts.English), 0xFF, .. Encoding.UTF8.GetBytes(" end.")];
        var path = _dir.Write("mixed.txt", bytes);

        var items = DocumentSource.Default.ReadFile(path).ToList();

        Assert.Equal(2, items.Count);
        Assert.Equal(DiagnosticCodes.InvalidUtf8, items[0].Diagnostic?.Code);
        Assert.Equal(Severity.Warning, items[0].Diagnostic?.Severity);
        Assert.Contains('\uFFFD', items[1].Document!.Text);
        Assert.StartsWith("Kyiv’s", items[1].Document!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Texts.French)]
    [InlineData(Texts.German)]
    [InlineData(Texts.Spanish)]
    public void Latin_script_text_in_another_language_is_skipped_as_not_English(string text)
    {
        var path = _dir.Write("foreign.txt", text);

        var diagnostic = Assert.Single(DocumentSource.Default.ReadFile(path)).Diagnostic!;

        Assert.Equal(DiagnosticCodes.NonLatinScript, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.StartsWith("not English", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_English_text_is_kept_with_an_info_when_English_is_not_required()
    {
        var path = _dir.Write("fr.txt", Texts.French);
        var source = new DocumentSource(new SourceOptions(RequireEnglish: false));

        var items = source.ReadFile(path).ToList();

        Assert.Equal(Severity.Info, items[0].Diagnostic?.Severity);
        Assert.Equal(Texts.French, items[1].Document?.Text);
    }

    [Fact]
    public void Text_in_a_non_Latin_script_is_not_English()
    {
        var path = _dir.Write("ru.txt", "Министр иностранных дел России Сергей Лавров прибыл в Исламабад для переговоров о поставках энергии и военной технике.");

        var diagnostic = Assert.Single(DocumentSource.Default.ReadFile(path)).Diagnostic!;

        Assert.Equal(DiagnosticCodes.NonLatinScript, diagnostic.Code);
        Assert.Contains("script", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_text_passes_the_English_check_whatever_its_language()
    {
        var path = _dir.Write("short.txt", "Accord signé à Varsovie.");

        Assert.NotNull(Assert.Single(DocumentSource.Default.ReadFile(path)).Document);
    }
}
