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

    /// <summary>The lines of an aligned text table (header first) as cells by column name: a column starts where its
    /// name does in the header (names are padded on the right) and ends two spaces before the next one.</summary>
    public static List<Dictionary<string, string>> TextRows(IEnumerable<string> lines)
    {
        var all = lines.ToList();
        var names = all[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var starts = new int[names.Length];
        for (int c = 0, at = 0; c < names.Length; c++)
        {
            starts[c] = at = all[0].IndexOf(names[c], at, StringComparison.Ordinal);
            at += names[c].Length;
        }
        string Cell(string line, int c)
        {
            var end = c + 1 < starts.Length ? starts[c + 1] : line.Length;
            return starts[c] >= line.Length ? "" : line[starts[c]..Math.Min(end, line.Length)].Trim();
        }
        return
        [
            .. all.Where(l => !l.StartsWith('(')).Select(l => names.Select((n, c) => (n, Cell(l, c))).ToDictionary(p => p.n, p => p.Item2)),
        ];
    }
}
