using System;
using System.Collections.Generic;
using SalesPipeline.Html.Markup;

namespace SalesPipeline.Html.Charts;

// Vertical bars in groups side by side (never stacked: the series of a forecast or a cash forecast are different views
// and must not be read as adding up), on a y axis from zero with round ticks.
//
// Layout (pixels of the 720 x 340 view box): the plot spans x 80..704 and y 56..276. Group g of n takes the slice
// [80 + g x 624 / n, 80 + (g + 1) x 624 / n); its bars fill the middle 80% of it, each 1/k of that for k series. A bar of
// value v spans from y(0) to y(v), with y(v) = 276 - (v - min) / (max - min) x 220 on the axis [min, max].
internal static class BarChart
{
    public const double Width = 720;
    public const double Height = 340;
    public const double Left = 80;
    public const double Right = 704;
    public const double Top = 56;
    public const double Bottom = 276;

    public static string Draw(BarChartSpec spec)
    {
        var svg = new Svg(spec.Kind, Width, Height, spec.Title, spec.Description);
        var low = 0.0;
        var high = 0.0;
        foreach (var group in spec.Values)
        {
            foreach (var value in group)
            {
                if (value is { } v)
                {
                    low = Math.Min(low, (double)v);
                    high = Math.Max(high, (double)v);
                }
            }
        }
        var y = Scale.FromZero(low, high, Bottom, Top);
        Axes.YAxis(svg, y, Left, Right, spec.YAxisLabel);
        Axes.Legend(svg, spec.Series);

        var n = spec.GroupLabels.Count;
        var k = spec.Series.Count;
        var groupWidth = (Right - Left) / n;
        var barWidth = groupWidth * 0.8 / k;
        var zero = y.Map(0);
        for (var g = 0; g < n; g++)
        {
            var groupLeft = Left + (g * groupWidth);
            for (var s = 0; s < k; s++)
            {
                if (spec.Values[g][s] is not { } value)
                {
                    continue;
                }
                var x = groupLeft + (groupWidth * 0.1) + (s * barWidth);
                var top = y.Map((double)value);
                var fill = spec.BarColor?.Invoke(g, s) ?? spec.Series[s].Color;
                var tooltip = $"{spec.GroupLabels[g]}, {spec.Series[s].Name}: {spec.Money(value)}";
                svg.Mark("bar", x, Math.Min(top, zero), barWidth, Math.Abs(zero - top), fill, tooltip);
                if (barWidth >= 22)
                {
                    svg.Text(x + (barWidth / 2), value >= 0 ? top - 4 : top + 12, Numbers.Compact(value), "middle", size: 10);
                }
            }
            var chars = (int)Math.Max(3, groupWidth / 7);
            svg.Text(groupLeft + (groupWidth / 2), Bottom + 16, Svg.Fit(spec.GroupLabels[g], chars), "middle");
        }
        svg.Text((Left + Right) / 2, Height - 10, spec.XAxisLabel, "middle", Svg.Muted);
        return svg.ToString();
    }
}

// What a bar chart shows: groups along the x axis, one bar per series in each (a null value draws no bar).
internal sealed record BarChartSpec(
    string Kind,
    string Title,
    string Description,
    string XAxisLabel,
    string YAxisLabel,
    Currency Currency,
    IReadOnlyList<string> GroupLabels,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<IReadOnlyList<decimal?>> Values,
    Func<int, int, string>? BarColor = null
)
{
    public string Money(decimal amount) => Labels.Money(amount, Currency);
}

internal sealed record ChartSeries(string Name, string Color);
