using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using AngleSharp.Html.Parser;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Parser;

namespace Entente.Sources;

/// <summary>One item of a feed, its text already stripped of HTML.</summary>
internal sealed record FeedEntry(string? Id, string? Title, DateOnly? Date, string? DateText, string? Url, string Text);

/// <summary>
/// The items of a feed, and why the feed is malformed when it is. <paramref name="Error"/> is null for a well-formed feed;
/// otherwise <paramref name="Entries"/> holds the items that came before the error (possibly none).
/// </summary>
internal sealed record ParsedFeed(string? Title, IReadOnlyList<FeedEntry> Entries, string? Error);

/// <summary>
/// Parses RSS and Atom with CodeHollow.FeedReader. The library parses the whole XML document at once and gives nothing
/// for a truncated or invalid one, so on an XML error the text is cut after the last complete <c>&lt;item&gt;</c> or
/// <c>&lt;entry&gt;</c> before the error, the elements still open there are closed, and the library is run again on that.
/// </summary>
internal static partial class FeedParser
{
    public static ParsedFeed Parse(string xml)
    {
        try
        {
            return Convert(FeedReader.ReadFromString(xml), null);
        }
        catch (XmlException) when (Sanitize(xml) is var clean && !ReferenceEquals(clean, xml))
        {
            // Old feeds declare a DTD (refused by the XML parser) and use HTML entities (&nbsp;) that XML does not
            // define: with the DTD dropped and the entities written as numbers the feed is read whole.
            return ParseRepairing(clean);
        }
        catch (XmlException)
        {
            return ParseRepairing(xml);
        }
        catch (FeedTypeNotSupportedException)
        {
            return new ParsedFeed(null, [], "not an RSS or Atom feed");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or NullReferenceException)
        {
            return new ParsedFeed(null, [], $"the feed cannot be parsed: {ex.Message}");
        }
    }

    /// <summary>The XML without its DOCTYPE and with HTML named entities as numeric references; the same instance when nothing changed.</summary>
    internal static string Sanitize(string xml)
    {
        var clean = Doctype().Replace(xml, string.Empty, 1);
        clean = NamedEntity().Replace(clean, m =>
        {
            var name = m.Groups[1].Value;
            if (name is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                return m.Value;
            }

            var decoded = WebUtility.HtmlDecode(m.Value);
            return decoded == m.Value ? $"&amp;{name};" : string.Concat(decoded.EnumerateRunes().Select(r => $"&#x{r.Value:X};"));
        });
        return clean == xml ? xml : clean;
    }

    private static ParsedFeed ParseRepairing(string xml)
    {
        try
        {
            return Convert(FeedReader.ReadFromString(xml), null);
        }
        catch (XmlException ex)
        {
            var reason = $"the feed is not well-formed XML: {ex.Message}";
            var repaired = Repair(xml, ex);
            if (repaired is not null)
            {
                try
                {
                    return Convert(FeedReader.ReadFromString(repaired), reason);
                }
                catch (Exception again) when (again is XmlException or FeedTypeNotSupportedException or ArgumentException or FormatException)
                {
                    // fall through: nothing could be kept
                }
            }

            return new ParsedFeed(null, [], reason);
        }
        catch (FeedTypeNotSupportedException)
        {
            return new ParsedFeed(null, [], "not an RSS or Atom feed");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or NullReferenceException)
        {
            return new ParsedFeed(null, [], $"the feed cannot be parsed: {ex.Message}");
        }
    }

    private static ParsedFeed Convert(Feed feed, string? error)
    {
        if (feed.Type == FeedType.Unknown)
        {
            return new ParsedFeed(null, [], "not an RSS or Atom feed");
        }

        var parser = new HtmlParser();
        var entries = new List<FeedEntry>();
        foreach (var item in feed.Items)
        {
            var html = !string.IsNullOrWhiteSpace(item.Content) ? item.Content : item.Description ?? string.Empty;
            string text;
            using (var fragment = parser.ParseDocument(html))
            {
                text = fragment.Body is { } body ? HtmlText.Of(body) : string.Empty;
            }

            string? dateText = Blank(item.PublishingDateString);
            DateOnly? date = PublicationDates.TryParse(dateText, out var d) ? d
                : item.PublishingDate is { } published ? DateOnly.FromDateTime(published) : null;
            entries.Add(new FeedEntry(Blank(item.Id), Blank(HtmlText.Collapse(item.Title ?? string.Empty)), date, dateText, Blank(item.Link), text));
        }

        return new ParsedFeed(Blank(HtmlText.Collapse(feed.Title ?? string.Empty)), entries, error);
    }

    [GeneratedRegex(@"<!DOCTYPE[^>\[]*(\[[^\]]*\])?\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Doctype();

    [GeneratedRegex(@"&([A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.CultureInvariant)]
    private static partial Regex NamedEntity();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The XML up to the last complete item before the error, with the open elements closed; null when no item is complete.</summary>
    internal static string? Repair(string xml, XmlException error)
    {
        int errorOffset = Offset(xml, error.LineNumber, error.LinePosition);
        int cut = Math.Max(EndOf(xml, "</item>", errorOffset), EndOf(xml, "</entry>", errorOffset));
        if (cut < 0)
        {
            return null;
        }

        var prefix = xml[..cut];
        var open = new Stack<string>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(prefix), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement)
                {
                    open.Push(reader.Name);
                }
                else if (reader.NodeType == XmlNodeType.EndElement && open.Count > 0)
                {
                    open.Pop();
                }
            }
        }
        catch (XmlException)
        {
            // expected: the prefix ends with elements still open
        }

        return prefix + string.Concat(open.Select(name => $"</{name}>"));
    }

    private static int EndOf(string xml, string tag, int before)
    {
        int at = before <= 0 ? -1 : xml.LastIndexOf(tag, Math.Min(before, xml.Length) - 1, StringComparison.Ordinal);
        return at < 0 ? -1 : at + tag.Length;
    }

    /// <summary>The character offset of a 1-based line and position; the end of the text when unknown.</summary>
    private static int Offset(string text, int line, int position)
    {
        if (line <= 0)
        {
            return text.Length;
        }

        int offset = 0;
        for (int l = 1; l < line; l++)
        {
            int nl = text.IndexOf('\n', offset);
            if (nl < 0)
            {
                return text.Length;
            }

            offset = nl + 1;
        }

        return Math.Min(text.Length, offset + Math.Max(0, position - 1));
    }
}
