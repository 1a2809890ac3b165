using System.Collections.Immutable;
using System.Text;
using Entente.Core;

namespace Entente.Nlp.Text;

/// <summary>Turns the bytes of a document into text, reporting undecodable or binary input as diagnostics rather than throwing.</summary>
public static class TextDecoding
{
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// Decodes UTF-8 (a UTF-8 byte order mark is dropped); a UTF-16 byte order mark (either byte order) selects UTF-16.
    /// Invalid sequences become U+FFFD and are reported as <see cref="DiagnosticCodes.InvalidUtf8"/>;
    /// NUL characters are reported as <see cref="DiagnosticCodes.BinaryInput"/>.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string documentId, out ImmutableArray<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        var diags = ImmutableArray.CreateBuilder<Diagnostic>();
        string text;
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            text = DecodeUtf16(bytes[2..], Utf16Le, documentId, diags);
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            text = DecodeUtf16(bytes[2..], Utf16Be, documentId, diags);
        }
        else
        {
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                bytes = bytes[3..];
            }

            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                diags.Add(new Diagnostic(DiagnosticCodes.InvalidUtf8, Severity.Warning, documentId,
                    "the bytes are not valid UTF-8; invalid sequences were replaced with U+FFFD"));
            }

            text = Utf8.GetString(bytes);
        }

        int nuls = text.AsSpan().Count('\0');
        if (nuls > 0)
        {
            diags.Add(new Diagnostic(DiagnosticCodes.BinaryInput, Severity.Warning, documentId,
                $"the input holds {nuls} NUL character(s); it may be a binary file"));
        }

        diagnostics = diags.DrainToImmutable();
        return text;
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes, Encoding encoding, string documentId, ImmutableArray<Diagnostic>.Builder diags)
    {
        var text = encoding.GetString(bytes);
        if ((bytes.Length & 1) != 0 || text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            diags.Add(new Diagnostic(DiagnosticCodes.InvalidUtf8, Severity.Warning, documentId,
                "the UTF-16 text is malformed (odd length or unpaired surrogates); bad units were replaced with U+FFFD"));
        }

        return text;
    }
}
