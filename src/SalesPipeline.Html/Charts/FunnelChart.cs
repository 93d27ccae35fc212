using System.Linq;
using SalesPipeline.Html.Markup;
using SalesPipeline.Metrics;

namespace SalesPipeline.Html.Charts;

// The funnel: one horizontal bar per open stage, in the pipeline's order, its length proportional to the deals that
// reached the stage: x(n) = 168 + n / max x 320 on an axis [0, max] of round ticks (max at least the largest count). The
// bottleneck stage is red. The label after a bar gives the count and the conversion to the next stage.
internal static class FunnelChart
{
    public const double BarLeft = 168;
    public const double BarRight = 488;
    public const double Top = 40;
    public const double RowHeight = 32;
    public const double BarHeight = 22;

    public static string Draw(FunnelReport report)
    {
        const string title = "Funnel: deals reaching each stage";
        var stages = report.Stages;
        var max = stages.Count == 0 ? 0 : stages.Max(s => s.Reached);
        if (max == 0)
        {
            return NoData.Draw("funnel", title, "no deal reached an open stage.");
        }
        var height = Top + (stages.Count * RowHeight) + 48;
        var svg = new Svg(
            "funnel",
            720,
            height,
            title,
            $"Deals that reached each of the {stages.Count} open stages, as bars proportional to the count, with the conversion to the next stage."
        );
        var x = Scale.FromZero(0, max, BarLeft, BarRight, minStep: 1);
        var bottom = Top + (stages.Count * RowHeight);
        foreach (var tick in x.Ticks())
        {
            svg.Line(x.Map(tick), Top, x.Map(tick), bottom, Svg.Grid);
        }
        Axes.XAxis(svg, x, bottom, "Deals that reached the stage", t => Numbers.Whole((long)t));
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var y = Top + (i * RowHeight) + ((RowHeight - BarHeight) / 2);
            var bottleneck = report.Bottleneck is { } b && b.Stage.Id == stage.Stage.Id;
            var width = x.Map(stage.Reached) - BarLeft;
            var next = stage.ConversionToNext is { } c ? ", " + Numbers.Percent(c) + " to next" : "";
            var tooltip =
                $"{stage.Stage.Name}: reached {Numbers.Whole(stage.Reached)}{next}; lost {Numbers.Whole(stage.Lost)}, won {Numbers.Whole(stage.Won)}, still in {Numbers.Whole(stage.StillIn)}"
                + (bottleneck ? " (the bottleneck)" : "");
            svg.Mark("bar", BarLeft, y, width, BarHeight, bottleneck ? Palette.Red : Palette.Blue, tooltip);
            svg.Text(BarLeft - 8, y + 15, Svg.Fit(stage.Stage.Name, 22), "end");
            svg.Text(BarLeft + width + 6, y + 15, Numbers.Whole(stage.Reached) + next + (bottleneck ? " (bottleneck)" : ""), size: 11);
        }
        return svg.ToString();
    }
}
