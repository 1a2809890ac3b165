using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Entente.Sources;

/// <summary>What an HTML page gives: title, publication date, canonical URL, site name and the article text.</summary>
internal sealed record HtmlArticle(string Text, string? Title, DateOnly? Date, string? DateText, string? Url, string? SiteName);

/// <summary>
/// Extracts the main article of an HTML page: boilerplate (navigation, headers, footers, asides, scripts, styles, forms,
/// share boxes, comments) is removed; the text is that of the <c>&lt;article&gt;</c> with the most paragraph text, else of
/// the element holding the most paragraph text.
/// </summary>
internal static partial class HtmlArticleExtractor
{
    private const string BoilerplateSelector =
        "nav, header, footer, aside, script, style, noscript, template, form, button, select, input, textarea, iframe, " +
        "svg, canvas, object, embed, dialog, menu, [role=navigation], [role=banner], [role=contentinfo], " +
        "[role=complementary], [role=search], [aria-hidden=true], [hidden]";

    private static readonly string[] PublishedKeys =
    [
        "article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date", "publication_date",
        "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "og:published_time",
    ];

    /// <summary>The article, or null when the page holds no article text.</summary>
    public static HtmlArticle? Extract(string html)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var meta = ReadMeta(document);

        string? title = Meta(meta, "og:title") ?? Meta(meta, "twitter:title") ?? NullIfEmpty(HtmlText.Collapse(document.Title ?? string.Empty))
            ?? NullIfEmpty(document.QuerySelector("h1") is { } h1 ? HtmlText.Inline(h1) : null);
        string? dateText = PublishedKeys.Select(k => Meta(meta, k)).FirstOrDefault(v => v is not null)
            ?? TimeElement(document);
        DateOnly? date = PublicationDates.TryParse(dateText, out var d) ? d : null;
        string? url = NullIfEmpty(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")?.Trim()) ?? Meta(meta, "og:url");
        string? siteName = Meta(meta, "og:site_name");

        RemoveBoilerplate(document);
        var container = MainContainer(document);
        string text = container is null ? string.Empty : HtmlText.Of(container);
        if (text.Length == 0 && document.Body is { } body)
        {
            // No paragraphs at all: accept the remaining body text only when it reads like prose.
            var rest = HtmlText.Of(body);
            text = rest.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length >= EnglishCheck.MinWords ? rest : string.Empty;
        }

        return text.Length == 0 ? null : new HtmlArticle(text, title, date, dateText, url, siteName);
    }

    private static Dictionary<string, string> ReadMeta(IHtmlDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
            var value = element.GetAttribute("content");
            if (key is not null && !string.IsNullOrWhiteSpace(value))
            {
                meta.TryAdd(key.Trim(), value.Trim());
            }
        }

        return meta;
    }

    private static string? Meta(Dictionary<string, string> meta, string key) => meta.GetValueOrDefault(key);

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>The <c>datetime</c> of a <c>&lt;time&gt;</c>: one marked <c>pubdate</c> or published first, then one in the article, then any.</summary>
    private static string? TimeElement(IHtmlDocument document)
    {
        var times = document.QuerySelectorAll("time[datetime]").ToList();
        var chosen = times.FirstOrDefault(t => t.HasAttribute("pubdate") || (t.GetAttribute("itemprop") ?? string.Empty).Contains("datePublished", StringComparison.OrdinalIgnoreCase))
            ?? times.FirstOrDefault(t => t.Closest("article") is not null)
            ?? times.FirstOrDefault();
        return NullIfEmpty(chosen?.GetAttribute("datetime")?.Trim());
    }

    private static void RemoveBoilerplate(IHtmlDocument document)
    {
        foreach (var element in document.QuerySelectorAll(BoilerplateSelector).ToList())
        {
            element.Remove();
        }

        // Class and id names are only a hint ("story-body has-comments"): an element holding most of the page's
        // paragraph text is the article whatever its name says, and stays.
        int total = ParagraphLength(document.DocumentElement);
        foreach (var element in document.QuerySelectorAll("[class], [id]").ToList())
        {
            if (element.LocalName is "html" or "body" or "article" or "main" || element.Parent is null)
            {
                continue;
            }

            var names = $"{element.GetAttribute("class")} {element.GetAttribute("id")}";
            if (BoilerplateName().IsMatch(names) && ParagraphLength(element) * 2 <= total)
            {
                element.Remove();
            }
        }

        var comments = new List<INode>();
        CollectComments(document, comments);
        foreach (var comment in comments)
        {
            comment.Parent?.RemoveChild(comment);
        }
    }

    private static void CollectComments(INode node, List<INode> comments)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == NodeType.Comment)
            {
                comments.Add(child);
            }
            else
            {
                CollectComments(child, comments);
            }
        }
    }

    private static IElement? MainContainer(IHtmlDocument document)
    {
        var article = document.QuerySelectorAll("article")
            .Select(a => (Element: a, Length: ParagraphLength(a)))
            .Where(a => a.Length > 0)
            .OrderByDescending(a => a.Length)
            .Select(a => a.Element)
            .FirstOrDefault();
        if (article is not null)
        {
            return article;
        }

        // The element with the most paragraph text: each paragraph scores its parent, and half as much its grandparent,
        // so that paragraphs split over sibling wrappers still elect their common container.
        var scores = new Dictionary<IElement, double>();
        foreach (var p in document.QuerySelectorAll("p"))
        {
            int length = HtmlText.Inline(p).Length;
            if (length == 0 || p.ParentElement is not { } parent)
            {
                continue;
            }

            scores[parent] = scores.GetValueOrDefault(parent) + length;
            if (parent.ParentElement is { } grandparent)
            {
                scores[grandparent] = scores.GetValueOrDefault(grandparent) + (length / 2.0);
            }
        }

        return scores.Count == 0 ? null : scores.MaxBy(kv => kv.Value).Key;
    }

    private static int ParagraphLength(IElement element) =>
        element.QuerySelectorAll("p").Sum(p => HtmlText.Inline(p).Length);

    [GeneratedRegex(@"(?<![a-zA-Z0-9])(share|sharing|social|related|newsletter|subscribe|subscription|cookies?|comments?|advert\w*|ads?|promo\w*|breadcrumbs?|sidebar|popup|modal|sponsor\w*|menu|navbar|site-header|site-footer|masthead|paywall|signup)(?![a-zA-Z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplateName();
}
