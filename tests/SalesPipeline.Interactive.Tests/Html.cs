using System.Xml;
using System.Xml.Linq;
using Microsoft.DotNet.Interactive.Formatting;

namespace SalesPipeline.Interactive.Tests;

// What a notebook receives for a value, and the HTML read back as XML: well-formed (every tag closed, every & an
// entity), so the cells and the SVG can be checked element by element.
internal static class Html
{
    public static string Of(object value) => value.ToDisplayString(HtmlFormatter.MimeType);

    public static string TextOf(object value) => value.ToDisplayString(PlainTextFormatter.MimeType);

    public static XElement Parse(string html)
    {
        try
        {
            return XElement.Parse($"<root>{html}</root>", LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw new Xunit.Sdk.XunitException($"Not well-formed: {e.Message}\n{html[..Math.Min(html.Length, 2000)]}");
        }
    }

    /// <summary>The rows of every HTML table, each as its cells' text (header cells too).</summary>
    public static List<string[]> Rows(XElement root) =>
        [
            .. root.Descendants()
                .Where(e => e.Name.LocalName == "tr")
                .Select(tr => tr.Elements().Where(c => c.Name.LocalName is "td" or "th").Select(c => c.Value.Trim()).ToArray()),
        ];

    public static int Count(XElement root, string element) => root.Descendants().Count(e => e.Name.LocalName == element);
}
