using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;

namespace SalesPipeline.Html.Report;

// A page built by HtmlReport promises that it runs no script and fetches nothing. A chart is inserted as markup, and a
// browser reads it with its HTML parser, not an XML one: names are lowercased, a tag such as <img> or <p> ends the <svg>,
// the content of <title> and <desc> is parsed as HTML (so a CDATA section or a comment there can hide a tag), and "<!-->"
// is a whole comment. A block list read through XML misses those, so the check is an allow-list: exactly the elements,
// parents, attributes and attribute values SvgCharts writes (see Charts/Svg.cs), names compared ASCII case-insensitively
// the way the HTML parser folds them, every value matched against a strict pattern, and nothing else at all (no comment,
// CDATA, processing instruction, DTD, prefix or other namespace). Whatever passes reads as the same tree in both parsers.
internal static class ChartCheck
{
    public const string SvgNamespace = "http://www.w3.org/2000/svg";

    // An attribute value's shape. None of them admits a colon or, but for rotate(...), a parenthesis: no URL, no url(),
    // no expression(), no @import can be written in any.
    internal enum Value
    {
        SvgNamespace,
        Classes,
        Keyword,
        Numbers,
        Colour,
        FontFamily,
        Rotation,
    }

    internal sealed record Rule(IReadOnlyList<string> Parents, bool HoldsText, IReadOnlyDictionary<string, Value> Attributes);

    // The allow-list. Keys compare ASCII case-insensitively (names are checked to be ASCII first): the HTML parser lowercases
    // A-Z in tag and attribute names (and then restores viewBox), so <RECT> and VIEWBOX are the same to a browser.
    internal static readonly IReadOnlyDictionary<string, Rule> Elements = new Dictionary<string, Rule>(StringComparer.OrdinalIgnoreCase)
    {
        ["svg"] = new(
            [],
            false,
            Attributes(
                ("xmlns", Value.SvgNamespace),
                ("class", Value.Classes),
                ("role", Value.Keyword),
                ("viewBox", Value.Numbers),
                ("width", Value.Numbers),
                ("height", Value.Numbers),
                ("font-family", Value.FontFamily),
                ("font-size", Value.Numbers),
                ("fill", Value.Colour)
            )
        ),
        ["title"] = new(["svg", "rect", "line"], true, Attributes()),
        ["desc"] = new(["svg"], true, Attributes()),
        ["rect"] = new(
            ["svg"],
            false,
            Attributes(
                ("class", Value.Classes),
                ("x", Value.Numbers),
                ("y", Value.Numbers),
                ("width", Value.Numbers),
                ("height", Value.Numbers),
                ("rx", Value.Numbers),
                ("fill", Value.Colour),
                ("stroke", Value.Colour)
            )
        ),
        ["line"] = new(
            ["svg"],
            false,
            Attributes(
                ("class", Value.Classes),
                ("x1", Value.Numbers),
                ("y1", Value.Numbers),
                ("x2", Value.Numbers),
                ("y2", Value.Numbers),
                ("stroke", Value.Colour),
                ("stroke-width", Value.Numbers),
                ("stroke-dasharray", Value.Numbers)
            )
        ),
        ["polyline"] = new(
            ["svg"],
            false,
            Attributes(
                ("class", Value.Classes),
                ("points", Value.Numbers),
                ("fill", Value.Colour),
                ("stroke", Value.Colour),
                ("stroke-width", Value.Numbers)
            )
        ),
        ["polygon"] = new(["svg"], false, Attributes(("points", Value.Numbers), ("fill", Value.Colour))),
        ["text"] = new(
            ["svg"],
            true,
            Attributes(
                ("x", Value.Numbers),
                ("y", Value.Numbers),
                ("text-anchor", Value.Keyword),
                ("fill", Value.Colour),
                ("font-size", Value.Numbers),
                ("font-weight", Value.Keyword),
                ("transform", Value.Rotation)
            )
        ),
    };

    // What a value may hold, and the rule as the error message states it. Anchored with \z: "$" would accept a final "\n".
    private static readonly Dictionary<Value, (Regex Pattern, string Rule)> Values = new()
    {
        [Value.SvgNamespace] = (Pattern("http://www\\.w3\\.org/2000/svg"), "the SVG namespace name " + SvgNamespace),
        [Value.Classes] = (Pattern("[A-Za-z0-9_-]+( [A-Za-z0-9_-]+)*"), "class names of ASCII letters, digits, '_' and '-'"),
        [Value.Keyword] = (Pattern("[A-Za-z]+"), "one word of ASCII letters"),
        [Value.Numbers] = (Pattern(Number + "([ ,]" + Number + ")*"), "decimal numbers separated by spaces or commas"),
        [Value.Colour] = (Pattern("#[0-9A-Fa-f]{6}|#[0-9A-Fa-f]{3}|none"), "a colour #rgb or #rrggbb, or none"),
        [Value.FontFamily] = (Pattern("[A-Za-z0-9 ,'-]+"), "font names of ASCII letters, digits, spaces, commas, quotes and '-'"),
        [Value.Rotation] = (Pattern("rotate\\(" + Number + "( " + Number + "){0,2}\\)"), "rotate(angle [x y])"),
    };

    private const string Number = "-?[0-9]+(\\.[0-9]+)?";

    // Checked on every value before its pattern, with the whitespace and controls a URL parser skips taken out, so the
    // message names the danger. The patterns refuse all of these anyway.
    private static readonly string[] Links = ["url(", "javascript:", "vbscript:", "data:", "expression(", "@import", "http:", "https:"];

    public static void Check(string chart, string parameter)
    {
        var settings = new XmlReaderSettings
        {
            // A DOCTYPE is read (never fetched: no resolver) only to be refused by name before any entity is expanded.
            DtdProcessing = DtdProcessing.Parse,
            XmlResolver = null,
            MaxCharactersFromEntities = 1,
            ConformanceLevel = ConformanceLevel.Document,
        };
        var open = new Stack<string>();
        var closed = false;
        try
        {
            using var reader = XmlReader.Create(new StringReader(chart), settings);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        CheckElement(reader, open, parameter);
                        if (reader.IsEmptyElement)
                        {
                            closed |= open.Count == 0;
                        }
                        else
                        {
                            open.Push(reader.LocalName);
                        }
                        break;
                    case XmlNodeType.EndElement:
                        open.Pop();
                        closed |= open.Count == 0;
                        break;
                    case XmlNodeType.Text:
                        var parent = open.Count == 0 ? null : open.Peek();
                        if (parent is null || !Elements[parent].HoldsText)
                        {
                            throw Reject(
                                parameter,
                                $"has text directly inside {Tag(parent)}",
                                "text may only be inside <title>, <desc> and <text>"
                            );
                        }
                        break;
                    case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        break;
                    case XmlNodeType.CDATA:
                        throw Reject(
                            parameter,
                            $"holds a CDATA section inside {Tag(open.Count == 0 ? null : open.Peek())}",
                            "no CDATA: inside <title> or <desc> a browser reads it as markup, so it can hide a tag"
                        );
                    case XmlNodeType.Comment:
                        throw Reject(parameter, "holds a comment", "no comments: HTML ends some (\"<!-->\") where XML does not");
                    case XmlNodeType.DocumentType:
                        throw Reject(parameter, "holds a document type declaration (<!DOCTYPE>)", "no DTD: it can declare entities");
                    default:
                        // XmlDeclaration, ProcessingInstruction: a browser reads "<?" up to the first ">" as a comment.
                        throw Reject(
                            parameter,
                            $"holds an XML declaration or a processing instruction (<?{reader.Name})",
                            "none inside a page: HTML ends it at the first \">\""
                        );
                }
            }
        }
        catch (XmlException e)
        {
            var what = closed ? "has markup after its closing </svg> (a second root element?)" : $"is not well-formed XML ({e.Message})";
            throw Reject(parameter, what, "a chart is exactly one well-formed <svg> element", e);
        }
    }

    private static void CheckElement(XmlReader reader, Stack<string> open, string parameter)
    {
        var name = reader.Name;
        var parent = open.Count == 0 ? null : open.Peek();
        if (reader.Prefix.Length > 0 || reader.NamespaceURI != SvgNamespace)
        {
            throw Reject(
                parameter,
                $"has a <{name}> element in the namespace \"{reader.NamespaceURI}\"",
                "every element is unprefixed in the SVG namespace " + SvgNamespace
            );
        }
        if (parent is null)
        {
            if (!Is(name, "svg"))
            {
                throw Reject(parameter, $"is a <{name}> element, not an <svg> element", "a chart is one <svg> element");
            }
        }
        else if (Find(name) is not { } rule || rule.Parents.Count == 0)
        {
            throw Reject(
                parameter,
                $"has a <{name}> element inside {Tag(parent)}",
                "the only elements are "
                    + string.Join(", ", Elements.Keys.Where(k => Elements[k].Parents.Count > 0).Select(k => $"<{k}>"))
                    + " inside the one <svg>"
            );
        }
        else if (!rule.Parents.Any(p => Is(p, parent)))
        {
            throw Reject(
                parameter,
                $"has a <{name}> element inside {Tag(parent)}",
                $"<{name.ToLowerInvariant()}> may only be inside " + string.Join(" or ", rule.Parents.Select(p => $"<{p}>"))
            );
        }
        var attributes = Find(name)!.Attributes;
        while (reader.MoveToNextAttribute())
        {
            CheckAttribute(reader, name, parent is null, attributes, parameter);
        }
        reader.MoveToElement();
    }

    private static void CheckAttribute(
        XmlReader reader,
        string element,
        bool root,
        IReadOnlyDictionary<string, Value> allowed,
        string parameter
    )
    {
        var name = reader.Name;
        var value = reader.Value;
        var isNamespace = reader.NamespaceURI == "http://www.w3.org/2000/xmlns/";
        if (
            (reader.Prefix.Length > 0 && !isNamespace)
            || (isNamespace && name != "xmlns")
            || (isNamespace && !root)
            || !Ascii(name)
            || !allowed.TryGetValue(name, out var kind)
        )
        {
            throw Reject(
                parameter,
                $"has the attribute \"{name}\" on <{element}>",
                allowed.Count == 0
                    ? $"<{element.ToLowerInvariant()}> takes no attribute"
                    : $"the only attributes of <{element.ToLowerInvariant()}> are " + string.Join(", ", allowed.Keys)
            );
        }
        var squeezed = string.Concat(value.Where(c => c > ' ')).ToLowerInvariant();
        if (kind != Value.SvgNamespace && Links.FirstOrDefault(l => squeezed.Contains(l, StringComparison.Ordinal)) is { } link)
        {
            throw Reject(parameter, $"has {name}=\"{value}\" on <{element}>", $"no link or code in a value (it holds \"{link}\")");
        }
        var (pattern, rule) = Values[kind];
        if (!pattern.IsMatch(value))
        {
            throw Reject(parameter, $"has {name}=\"{value}\" on <{element}>", $"the value of {name.ToLowerInvariant()} is {rule}");
        }
    }

    private static Rule? Find(string name) => Ascii(name) && Elements.TryGetValue(name, out var rule) ? rule : null;

    private static bool Is(string name, string allowed) => Ascii(name) && string.Equals(name, allowed, StringComparison.OrdinalIgnoreCase);

    // OrdinalIgnoreCase folds some non-ASCII letters onto ASCII ones (U+0131 dotless i onto I); the HTML parser folds
    // only A-Z. So a name must be ASCII before it is compared.
    private static bool Ascii(string name) => name.All(char.IsAscii);

    private static string Tag(string? element) => element is null ? "the chart, outside <svg>" : $"<{element}>";

    private static Dictionary<string, Value> Attributes(params (string Name, Value Value)[] attributes) =>
        attributes.ToDictionary(a => a.Name, a => a.Value, StringComparer.OrdinalIgnoreCase);

    private static Regex Pattern(string pattern) => new("\\A(" + pattern + ")\\z", RegexOptions.CultureInvariant);

    private static ArgumentException Reject(string parameter, string what, string rule, Exception? inner = null) =>
        new($"The chart {what}: {rule}. A report page holds only SVG as SvgCharts writes it (docs/html.md).", parameter, inner);
}
