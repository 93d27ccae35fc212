using System.Globalization;
using System.Xml.Linq;

namespace SalesPipeline.Html.Tests.Support;

// A chart read back through an XML parser: its data shapes by kind, with their geometry as numbers.
internal sealed class SvgShapes
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public SvgShapes(string svg)
    {
        Root = XElement.Parse(svg);
        Assert.Equal(Svg + "svg", Root.Name);
    }

    public XElement Root { get; }

    public IReadOnlyList<XElement> Marks() => Root.Descendants().Where(e => Classes(e).Contains("sp-mark")).ToList();

    public IReadOnlyList<XElement> Marks(string kind) => Root.Descendants().Where(e => Classes(e).Contains("sp-" + kind)).ToList();

    public IReadOnlyList<string> Texts() => Root.Descendants(Svg + "text").Select(t => t.Value).ToList();

    public static double Number(XElement element, string attribute) =>
        double.Parse(
            (string?)element.Attribute(attribute) ?? throw new InvalidOperationException($"no {attribute} on {element}"),
            CultureInfo.InvariantCulture
        );

    public static string Tooltip(XElement element) => element.Element(Svg + "title")?.Value ?? "";

    private static string[] Classes(XElement e) => ((string?)e.Attribute("class") ?? "").Split(' ');
}
