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
    public static string Decode(ReadOnlySpan<byte> bytes, string documentId, out ImmutableArray<Diagnostic> diagnostics) =>
        Decode(bytes, documentId, windows1252Fallback: false, out diagnostics);

    /// <summary>
    /// Decodes like <see cref="Decode(ReadOnlySpan{byte}, string, out ImmutableArray{Diagnostic})"/>; with
    /// <paramref name="windows1252Fallback"/>, bytes that are not valid UTF-8 and hold no valid multi-byte UTF-8 sequence
    /// at all (the signature of Latin-1 or Windows-1252 text) are decoded as Windows-1252 instead, reported as an
    /// <see cref="Severity.Info"/> <see cref="DiagnosticCodes.InvalidUtf8"/>. Mixed input (some valid multi-byte UTF-8,
    /// some invalid bytes) is still decoded as UTF-8 with replacement.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string documentId, bool windows1252Fallback, out ImmutableArray<Diagnostic> diagnostics)
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

            if (System.Text.Unicode.Utf8.IsValid(bytes))
            {
                text = Utf8.GetString(bytes);
            }
            else if (windows1252Fallback && !HasMultiByteUtf8(bytes))
            {
                diags.Add(new Diagnostic(DiagnosticCodes.InvalidUtf8, Severity.Info, documentId,
                    "the bytes are not valid UTF-8; decoded as Windows-1252"));
                text = DecodeWindows1252(bytes);
            }
            else
            {
                diags.Add(new Diagnostic(DiagnosticCodes.InvalidUtf8, Severity.Warning, documentId,
                    "the bytes are not valid UTF-8; invalid sequences were replaced with U+FFFD"));
                text = Utf8.GetString(bytes);
            }
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

    /// <summary>Windows-1252 for 0x80–0x9F; the five bytes it leaves undefined map to the C1 controls, as Latin-1 does.</summary>
    private const string Windows1252High =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /// <summary>Decodes Windows-1252 by table: no code-page provider has to be registered globally.</summary>
    internal static string DecodeWindows1252(ReadOnlySpan<byte> bytes) =>
        string.Create(bytes.Length, bytes.ToArray(), static (chars, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                byte b = source[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? Windows1252High[b - 0x80] : (char)b;
            }
        });

    private static bool HasMultiByteUtf8(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out _, out int consumed);
            if (status == System.Buffers.OperationStatus.Done && consumed > 1)
            {
                return true;
            }

            bytes = bytes[Math.Max(consumed, 1)..];
        }

        return false;
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
