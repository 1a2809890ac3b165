using System.Text;
using Entente.Core;
using Entente.Nlp.Text;

namespace Entente.Nlp.Tests.Text;

public sealed class TextDecodingTests
{
    [Fact]
    public void Valid_utf8_decodes_without_diagnostics()
    {
        var text = TextDecoding.Decode(Encoding.UTF8.GetBytes("Kyiv’s “aid” — €5bn"), "a.txt", out var diags);
        Assert.Equal("Kyiv’s “aid” — €5bn", text);
        Assert.Empty(diags);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_dropped()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Ankara")];
        Assert.Equal("Ankara", TextDecoding.Decode(bytes, "a.txt", out var diags));
        Assert.Empty(diags);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_utf16_byte_order_mark_selects_utf16(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("Москва and Kyiv")];
        Assert.Equal("Москва and Kyiv", TextDecoding.Decode(bytes, "a.txt", out var diags));
        Assert.Empty(diags);
    }

    [Fact]
    public void Invalid_utf8_is_replaced_and_reported()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Warsaw "), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes(" Kyiv")];
        var text = TextDecoding.Decode(bytes, "bad.txt", out var diags);
        Assert.StartsWith("Warsaw ", text, StringComparison.Ordinal);
        Assert.EndsWith(" Kyiv", text, StringComparison.Ordinal);
        Assert.Contains('\uFFFD', text);
        var d = Assert.Single(diags);
        Assert.Equal(DiagnosticCodes.InvalidUtf8, d.Code);
        Assert.Equal("bad.txt", d.Subject);
    }

    [Fact]
    public void With_the_fallback_latin_bytes_are_decoded_as_Windows_1252()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("caf"), 0xE9, 0x20, 0x93, 0x80, 0x35, 0x94];
        var text = TextDecoding.Decode(bytes, "latin.txt", windows1252Fallback: true, out var diags);
        Assert.Equal("café “€5”", text);
        var d = Assert.Single(diags);
        Assert.Equal((DiagnosticCodes.InvalidUtf8, Severity.Info), (d.Code, d.Severity));
    }

    [Fact]
    public void With_the_fallback_mixed_utf8_still_decodes_as_utf8_with_replacement()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Kyiv’s "), 0xFF];
        var text = TextDecoding.Decode(bytes, "mixed.txt", windows1252Fallback: true, out var diags);
        Assert.Equal("Kyiv’s \uFFFD", text);
        Assert.Equal(Severity.Warning, Assert.Single(diags).Severity);
    }

    [Fact]
    public void Nul_bytes_are_reported_as_binary_input()
    {
        byte[] bytes = [0x4D, 0x5A, 0x00, 0x00, 0x03, 0x00, .. Encoding.UTF8.GetBytes("This program")];
        TextDecoding.Decode(bytes, "tool.exe", out var diags);
        Assert.Contains(diags, d => d.Code == DiagnosticCodes.BinaryInput);
    }

    [Fact]
    public void Empty_input_decodes_to_an_empty_string()
    {
        Assert.Equal(string.Empty, TextDecoding.Decode([], "empty.txt", out var diags));
        Assert.Empty(diags);
    }
}
