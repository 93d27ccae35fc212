using System;
using System.IO;
using System.Xml;

namespace SalesPipeline.Html.Report;

// A page built by HtmlReport promises that it runs no script and fetches nothing. A chart is inserted as markup, so it is
// read first: it must be one well-formed <svg> element in the SVG namespace with no script, event handler, link, style
// sheet or external url() (SvgCharts never writes any of those).
internal static class ChartCheck
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    public static void Check(string chart, string parameter)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ConformanceLevel = ConformanceLevel.Document,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(chart), settings);
            var root = true;
            while (reader.Read())
            {
                if (reader.NodeType is XmlNodeType.ProcessingInstruction or XmlNodeType.XmlDeclaration)
                {
                    // Fine in a file, not in the middle of a page.
                    throw Reject(parameter, "holds an XML declaration or a processing instruction");
                }
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (root && (reader.LocalName != "svg" || reader.NamespaceURI != SvgNamespace))
                {
                    throw Reject(parameter, $"is a <{reader.Name}> element, not an <svg> element in the SVG namespace");
                }
                root = false;
                if (reader.LocalName is "script" or "foreignObject" or "style" or "image" or "use" or "a" or "iframe")
                {
                    throw Reject(parameter, $"holds a <{reader.Name}> element");
                }
                while (reader.MoveToNextAttribute())
                {
                    var name = reader.LocalName;
                    var value = reader.Value;
                    if (reader.Prefix == "xmlns" || name == "xmlns")
                    {
                        if (value != SvgNamespace)
                        {
                            throw Reject(parameter, $"declares the namespace \"{value}\"");
                        }
                        continue;
                    }
                    if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        throw Reject(parameter, $"has an event handler attribute \"{reader.Name}\"");
                    }
                    if (name is "href" or "src" || value.Contains("url(", StringComparison.OrdinalIgnoreCase))
                    {
                        throw Reject(parameter, $"has a link in the attribute \"{reader.Name}\"");
                    }
                }
                reader.MoveToElement();
            }
        }
        catch (XmlException e)
        {
            throw new ArgumentException($"The chart is not well-formed SVG markup: {e.Message}", parameter, e);
        }
    }

    private static ArgumentException Reject(string parameter, string what) =>
        new($"The chart {what}; a report page holds only self-contained SVG (as SvgCharts writes it).", parameter);
}
