using System.Text;
using SalesPipeline.Html.Markup;

namespace SalesPipeline.Html.Charts;

// Writes one inline <svg>: presentation attributes only (no CSS, no id, no script, no external reference), coordinates
// with at most two decimals, every text escaped. Data shapes carry the class "sp-mark" and their kind ("sp-bar"...), so
// a test or a browser check can count them; frames, axes, grid lines and legend swatches carry none of those.
internal sealed class Svg
{
    public const string Font = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
    public const string Ink = "#1f2933";
    public const string Muted = "#616e7c";
    public const string Grid = "#d9e2ec";

    private readonly StringBuilder sb = new();

    public Svg(string kind, double width, double height, string title, string description)
    {
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sp-chart sp-")
            .Append(kind)
            .Append("\" role=\"img\" viewBox=\"0 0 ")
            .Append(Numbers.Coord(width))
            .Append(' ')
            .Append(Numbers.Coord(height))
            .Append("\" width=\"")
            .Append(Numbers.Coord(width))
            .Append("\" height=\"")
            .Append(Numbers.Coord(height))
            .Append("\" font-family=\"")
            .Append(Font)
            .Append("\" font-size=\"12\" fill=\"")
            .Append(Ink)
            .Append("\"><title>");
        Xml.AppendText(sb, title);
        sb.Append("</title><desc>");
        Xml.AppendText(sb, description);
        sb.Append("</desc>");
        // An opaque background, so the dark ink stays legible on a dark notebook or mail theme.
        Box(0, 0, width, height, "#ffffff");
        Text(8, 18, title, weight: "bold", size: 14);
    }

    // A data rectangle; its tooltip is the value it shows.
    public void Mark(string kind, double x, double y, double width, double height, string fill, string? tooltip = null)
    {
        sb.Append("<rect class=\"sp-mark sp-").Append(kind).Append('"');
        Geometry(x, y, width, height);
        sb.Append(" fill=\"").Append(fill).Append('"');
        CloseWithTooltip("rect", tooltip);
    }

    // A rectangle that is not data: a frame, a legend swatch, a tile's background.
    public void Box(double x, double y, double width, double height, string fill, string? stroke = null, double radius = 0)
    {
        sb.Append("<rect");
        Geometry(x, y, width, height);
        sb.Append(" fill=\"").Append(fill).Append('"');
        if (stroke is not null)
        {
            sb.Append(" stroke=\"").Append(stroke).Append('"');
        }
        if (radius > 0)
        {
            sb.Append(" rx=\"").Append(Numbers.Coord(radius)).Append('"');
        }
        sb.Append("/>");
    }

    // A stage or lever tile: a data rectangle with a border and rounded corners.
    public void Tile(string kind, double x, double y, double width, double height, string fill, string stroke, string? tooltip)
    {
        sb.Append("<rect class=\"sp-mark sp-").Append(kind).Append('"');
        Geometry(x, y, width, height);
        sb.Append(" rx=\"6\" fill=\"").Append(fill).Append("\" stroke=\"").Append(stroke).Append('"');
        CloseWithTooltip("rect", tooltip);
    }

    // A line; kind null for axes and grid lines, else a data line ("sp-mark sp-marker").
    public void Line(
        double x1,
        double y1,
        double x2,
        double y2,
        string stroke,
        string? kind = null,
        double strokeWidth = 1,
        bool dashed = false,
        string? tooltip = null
    )
    {
        sb.Append("<line");
        if (kind is not null)
        {
            sb.Append(" class=\"sp-mark sp-").Append(kind).Append('"');
        }
        sb.Append(" x1=\"")
            .Append(Numbers.Coord(x1))
            .Append("\" y1=\"")
            .Append(Numbers.Coord(y1))
            .Append("\" x2=\"")
            .Append(Numbers.Coord(x2))
            .Append("\" y2=\"")
            .Append(Numbers.Coord(y2))
            .Append("\" stroke=\"")
            .Append(stroke)
            .Append('"');
        if (strokeWidth != 1)
        {
            sb.Append(" stroke-width=\"").Append(Numbers.Coord(strokeWidth)).Append('"');
        }
        if (dashed)
        {
            sb.Append(" stroke-dasharray=\"5 3\"");
        }
        CloseWithTooltip("line", tooltip);
    }

    // A data polyline (a cumulative curve).
    public void Polyline(string kind, System.Collections.Generic.IEnumerable<(double X, double Y)> points, string stroke)
    {
        sb.Append("<polyline class=\"sp-mark sp-").Append(kind).Append("\" fill=\"none\" stroke=\"").Append(stroke);
        sb.Append("\" stroke-width=\"2\" points=\"");
        var first = true;
        foreach (var (x, y) in points)
        {
            if (!first)
            {
                sb.Append(' ');
            }
            sb.Append(Numbers.Coord(x)).Append(',').Append(Numbers.Coord(y));
            first = false;
        }
        sb.Append("\"/>");
    }

    // A filled triangle for an arrow's head, pointing right (dx > 0) or down (dy > 0).
    public void ArrowHead(double x, double y, bool down, string fill)
    {
        var points = down
            ? $"{Numbers.Coord(x - 5)},{Numbers.Coord(y - 8)} {Numbers.Coord(x + 5)},{Numbers.Coord(y - 8)} {Numbers.Coord(x)},{Numbers.Coord(y)}"
            : $"{Numbers.Coord(x - 8)},{Numbers.Coord(y - 5)} {Numbers.Coord(x - 8)},{Numbers.Coord(y + 5)} {Numbers.Coord(x)},{Numbers.Coord(y)}";
        sb.Append("<polygon points=\"").Append(points).Append("\" fill=\"").Append(fill).Append("\"/>");
    }

    public void Text(
        double x,
        double y,
        string text,
        string anchor = "start",
        string? fill = null,
        double size = 12,
        string? weight = null,
        double? rotate = null
    )
    {
        sb.Append("<text x=\"").Append(Numbers.Coord(x)).Append("\" y=\"").Append(Numbers.Coord(y)).Append('"');
        if (anchor != "start")
        {
            sb.Append(" text-anchor=\"").Append(anchor).Append('"');
        }
        if (fill is not null)
        {
            sb.Append(" fill=\"").Append(fill).Append('"');
        }
        if (size != 12)
        {
            sb.Append(" font-size=\"").Append(Numbers.Coord(size)).Append('"');
        }
        if (weight is not null)
        {
            sb.Append(" font-weight=\"").Append(weight).Append('"');
        }
        if (rotate is { } angle)
        {
            sb.Append(" transform=\"rotate(")
                .Append(Numbers.Coord(angle))
                .Append(' ')
                .Append(Numbers.Coord(x))
                .Append(' ')
                .Append(Numbers.Coord(y))
                .Append(")\"");
        }
        sb.Append('>');
        Xml.AppendText(sb, text);
        sb.Append("</text>");
    }

    public override string ToString() => sb.ToString() + "</svg>";

    // Long labels are cut to fit, with an ellipsis; the whole text stays in the shape's tooltip.
    public static string Fit(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }
        var cut = System.Math.Max(1, maxChars - 1);
        if (char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--; // never split a character in two
        }
        return text[..cut] + "\u2026";
    }

    private void Geometry(double x, double y, double width, double height) =>
        sb.Append(" x=\"")
            .Append(Numbers.Coord(x))
            .Append("\" y=\"")
            .Append(Numbers.Coord(y))
            .Append("\" width=\"")
            .Append(Numbers.Coord(width))
            .Append("\" height=\"")
            .Append(Numbers.Coord(height))
            .Append('"');

    private void CloseWithTooltip(string element, string? tooltip)
    {
        if (tooltip is null)
        {
            sb.Append("/>");
            return;
        }
        sb.Append("><title>");
        Xml.AppendText(sb, tooltip);
        sb.Append("</title></").Append(element).Append('>');
    }
}
