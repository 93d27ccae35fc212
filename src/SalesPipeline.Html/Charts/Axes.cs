using System.Collections.Generic;
using SalesPipeline.Html.Markup;

namespace SalesPipeline.Html.Charts;

// Axes, grid lines and legends, drawn the same way in every chart.
internal static class Axes
{
    // A y axis on the left: a grid line and a label at each tick, the axis title turned a quarter.
    public static void YAxis(Svg svg, Scale y, double left, double right, string title, System.Func<double, string>? label = null)
    {
        foreach (var tick in y.Ticks())
        {
            var at = y.Map(tick);
            svg.Line(left, at, right, at, Svg.Grid);
            svg.Text(left - 6, at + 4, label?.Invoke(tick) ?? Numbers.Compact((decimal)tick), "end", Svg.Muted, 11);
        }
        svg.Line(left, y.From, left, y.To, Svg.Muted);
        svg.Text(16, (y.From + y.To) / 2, title, "middle", Svg.Muted, rotate: -90);
    }

    // An x axis along the bottom: a tick and a label at each tick value, the axis title below.
    public static void XAxis(Svg svg, Scale x, double bottom, string title, System.Func<double, string> label)
    {
        svg.Line(x.From, bottom, x.To, bottom, Svg.Muted);
        foreach (var tick in x.Ticks())
        {
            var at = x.Map(tick);
            svg.Line(at, bottom, at, bottom + 4, Svg.Muted);
            svg.Text(at, bottom + 16, label(tick), "middle", Svg.Muted, 11);
        }
        svg.Text((x.From + x.To) / 2, bottom + 36, title, "middle", Svg.Muted);
    }

    // One swatch and name per series, in a row under the title; nothing for a single series.
    public static void Legend(Svg svg, IReadOnlyList<ChartSeries> series, double y = 32)
    {
        if (series.Count < 2)
        {
            return;
        }
        var x = 80.0;
        foreach (var s in series)
        {
            svg.Box(x, y, 10, 10, s.Color);
            svg.Text(x + 14, y + 9, s.Name, size: 11);
            x += 28 + (s.Name.Length * 6.2);
        }
    }
}
