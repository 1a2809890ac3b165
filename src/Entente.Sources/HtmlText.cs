using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

namespace Entente.Sources;

/// <summary>The visible text of a DOM subtree, one paragraph per block element, paragraphs separated by blank lines.</summary>
internal static class HtmlText
{
    private static readonly FrozenSet<string> Blocks = new[]
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
        "pre", "table", "thead", "tbody", "tr", "td", "th", "dl", "dt", "dd", "figure", "figcaption", "header", "footer",
        "address", "hr", "br", "body", "caption", "details", "summary",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Invisible = new[]
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "head", "title",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The paragraphs under <paramref name="root"/>, each with its whitespace collapsed, joined by blank lines.</summary>
    public static string Of(INode root) => string.Join("\n\n", Paragraphs(root));

    public static List<string> Paragraphs(INode root)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Walk(root, current, paragraphs);
        Flush(current, paragraphs);
        return paragraphs;
    }

    /// <summary>The collapsed text of a node, inline (no paragraph breaks).</summary>
    public static string Inline(INode node) => Collapse(node.TextContent);

    public static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
            }
            else
            {
                if (space)
                {
                    sb.Append(' ');
                    space = false;
                }

                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static void Walk(INode node, StringBuilder current, List<string> paragraphs)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IElement element when Invisible.Contains(element.LocalName):
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    Flush(current, paragraphs);
                    Walk(element, current, paragraphs);
                    Flush(current, paragraphs);
                    break;
                case IElement element:
                    Walk(element, current, paragraphs);
                    break;
                default:
                    break; // comments, processing instructions
            }
        }
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        if (current.Length == 0)
        {
            return;
        }

        var paragraph = Collapse(current.ToString());
        current.Clear();
        if (paragraph.Length > 0)
        {
            paragraphs.Add(paragraph);
        }
    }
}
