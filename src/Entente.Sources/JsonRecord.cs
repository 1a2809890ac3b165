using System.Text.Json;
using Entente.Core;
using Entente.Core.Documents;

namespace Entente.Sources;

/// <summary>
/// One line of a JSON Lines corpus: <c>{"id":…, "text":…, "title":…, "date":…, "url":…, "source":…}</c>.
/// Malformed JSON, a missing or non-string <c>text</c> skip the line (errors); an optional field of the wrong type or an
/// unreadable date is dropped with a warning and the document kept.
/// </summary>
internal static class JsonRecord
{
    /// <summary>The document of the line, or null when the line is skipped; problems go to <paramref name="diagnostics"/>.</summary>
    public static Document? Parse(string line, string subject, List<Diagnostic> diagnostics)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.MalformedJsonLine, Severity.Error, subject, $"malformed JSON: {Reason(ex)}"));
            return null;
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.MalformedJsonLine, Severity.Error, subject,
                    $"a line must hold a JSON object, not {Kind(root.ValueKind)}"));
                return null;
            }

            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind == JsonValueKind.Null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidField, Severity.Error, subject, "missing field 'text'"));
                return null;
            }

            if (textElement.ValueKind != JsonValueKind.String)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidField, Severity.Error, subject,
                    $"field 'text' must be a string, not {Kind(textElement.ValueKind)}"));
                return null;
            }

            string id = subject;
            if (root.TryGetProperty("id", out var idElement))
            {
                switch (idElement.ValueKind)
                {
                    case JsonValueKind.String when !string.IsNullOrWhiteSpace(idElement.GetString()):
                        id = idElement.GetString()!.Trim();
                        break;
                    case JsonValueKind.Number:
                        id = idElement.GetRawText();
                        break;
                    case JsonValueKind.String or JsonValueKind.Null:
                        break;
                    default:
                        diagnostics.Add(WrongType(subject, "id", idElement, $"the id is '{subject}'"));
                        break;
                }
            }

            var title = OptionalString(root, "title", subject, diagnostics);
            var url = OptionalString(root, "url", subject, diagnostics);
            var source = OptionalString(root, "source", subject, diagnostics);
            var dateText = OptionalString(root, "date", subject, diagnostics);
            DateOnly? date = null;
            if (dateText is not null)
            {
                if (PublicationDates.TryParse(dateText, out var parsed))
                {
                    date = parsed;
                }
                else if (PublicationDates.IsPartial(dateText))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidField, Severity.Info, subject,
                        $"field 'date' is a year or month, not a day ('{dateText}'); the document has no publication date"));
                }
                else
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidField, Severity.Warning, subject,
                        $"field 'date' is not a date ('{dateText}'); the document has no publication date"));
                }
            }

            return new Document(id, textElement.GetString()!, title, date, url, source);
        }
    }

    private static string? OptionalString(JsonElement root, string name, string subject, List<Diagnostic> diagnostics)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            diagnostics.Add(WrongType(subject, name, element, "the field is ignored"));
            return null;
        }

        var value = element.GetString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static Diagnostic WrongType(string subject, string name, JsonElement element, string consequence) =>
        new(DiagnosticCodes.InvalidField, Severity.Warning, subject,
            $"field '{name}' must be a string, not {Kind(element.ValueKind)}; {consequence}");

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>The parser's message without its position suffix (the subject already names the line).</summary>
    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = cut > 0 ? message[..cut].TrimEnd(' ', '.') : message;
        return ex.BytePositionInLine is { } column ? $"{reason} (at column {column + 1})" : reason;
    }
}
