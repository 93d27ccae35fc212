using System;
using System.Collections.Generic;
using SalesPipeline.Forecasting;
using SalesPipeline.Html.Markup;

namespace SalesPipeline.Html.Charts;

// A period's revenue distribution: the probability of each revenue as bars, the cumulative probability as a step line on
// a right-hand axis (0 to 100%), and P10, P50 and P90 as labelled vertical lines; with a target, a dashed line and the
// chance of reaching it.
//
// The x axis is the revenue from the smallest to the largest possible value (widened to the target when there is one),
// mapped to x 84..652: x(v) = 84 + (v - lo) / (hi - lo) x 568 (the middle, 368, when lo = hi). Up to 60 possible values
// draw one bar each, centred on x(v); more are gathered into 50 equal bins over [lo, hi]. Bar heights are probabilities on
// a y axis from 0 with round ticks, plot y 88 (top) to 300 (bottom).
internal static class DistributionChart
{
    public const double PlotLeft = 72;
    public const double PlotRight = 664;
    public const double XFrom = 84;
    public const double XTo = 652;
    public const double Top = 88;
    public const double Bottom = 300;
    public const int MaxSingleBars = 60;
    public const int Bins = 50;

    public static string Draw(RevenueDistribution distribution, Money? target)
    {
        var currency = distribution.Currency;
        var title = $"Revenue distribution, {distribution.Period.Label} ({currency.Code})";
        if (target is not null && target.Currency != currency)
        {
            throw new ArgumentException($"The target {target} is not in the distribution's currency, {currency.Code}.", nameof(target));
        }
        // Never empty: the probabilities of the points add up to 1 (with no open deal, one point, the won amount).
        var points = distribution.Points;
        var lo = points[0].Value.Amount;
        var hi = points[^1].Value.Amount;
        if (target is not null)
        {
            lo = Math.Min(lo, target.Amount);
            hi = Math.Max(hi, target.Amount);
        }
        var description =
            $"The probability of each revenue of {distribution.Period.Label} as bars, the cumulative probability as a line, and the 10th, 50th and 90th percentiles as vertical lines"
            + (target is null ? "." : ", with the target as a dashed line.");
        var svg = new Svg("distribution", 720, 360, title, description);
        var x = Scale.Exact((double)lo, (double)hi, XFrom, XTo);

        var bars = Bars(distribution, lo, hi);
        var maxProbability = 0.0;
        foreach (var bar in bars)
        {
            maxProbability = Math.Max(maxProbability, bar.Probability);
        }
        var y = Scale.FromZero(0, maxProbability, Bottom, Top);
        Axes.YAxis(svg, y, PlotLeft, PlotRight, "Probability", t => Numbers.Percent(t));
        Axes.XAxis(svg, x, Bottom, "Revenue (" + currency.Code + ")", t => Numbers.Compact((decimal)t));
        var cumulative = Scale.Exact(0, 1, Bottom, Top);
        svg.Line(PlotRight, Bottom, PlotRight, Top, Svg.Muted);
        foreach (var tick in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
        {
            svg.Text(PlotRight + 6, cumulative.Map(tick) + 4, Numbers.Percent(tick), fill: Svg.Muted, size: 11);
        }
        svg.Text(708, (Top + Bottom) / 2, "Cumulative", "middle", Svg.Muted, rotate: 90);

        var single = points.Count <= MaxSingleBars;
        var singleWidth = Math.Clamp((XTo - XFrom) / points.Count * 0.6, 2, 24);
        var curve = new List<(double X, double Y)> { (PlotLeft, Bottom) };
        var previous = 0.0;
        foreach (var bar in bars)
        {
            double left;
            double width;
            if (single)
            {
                left = x.Map((double)bar.Low) - (singleWidth / 2);
                width = singleWidth;
            }
            else
            {
                left = x.Map((double)bar.Low);
                width = Math.Max(1, x.Map((double)bar.High) - left - 1);
            }
            var top = y.Map(bar.Probability);
            var range = single
                ? Labels.Money(bar.Low, currency)
                : $"{Labels.Money(bar.Low, currency)} to {Labels.Money(bar.High, currency)}";
            if (bar.Probability > 0)
            {
                svg.Mark("bar", left, top, width, Bottom - top, Palette.Blue, $"{range}: {Numbers.Percent(bar.Probability)}");
            }
            var step = single ? x.Map((double)bar.Low) : x.Map((double)bar.High);
            curve.Add((step, cumulative.Map(previous)));
            curve.Add((step, cumulative.Map(bar.Cumulative)));
            previous = bar.Cumulative;
        }
        curve.Add((PlotRight, cumulative.Map(previous)));
        svg.Polyline("cdf", curve, Svg.Ink);

        Marker(svg, x, "P10", distribution.P10, 52, Palette.Orange);
        Marker(svg, x, "P50", distribution.P50, 64, Palette.Red);
        Marker(svg, x, "P90", distribution.P90, 76, Palette.Purple);
        var subtitle = $"Mean {Labels.Money(distribution.Mean)}; {distribution.DealCount} open deals, {distribution.WonDealCount} won";
        if (target is not null)
        {
            var at = x.Map((double)target.Amount);
            var chance = distribution.ProbabilityOfAtLeast(target);
            svg.Line(
                at,
                Top,
                at,
                Bottom,
                Palette.Green,
                "target",
                2,
                dashed: true,
                $"Target {Labels.Money(target)}: chance of reaching it {Numbers.Percent(chance)}"
            );
            svg.Text(at + 4, Top + 12, "target", fill: Palette.Green, size: 11);
            subtitle += $"; chance of reaching {Labels.Money(target)}: {Numbers.Percent(chance)}";
        }
        svg.Text(8, 36, subtitle, fill: Svg.Muted, size: 11);
        return svg.ToString();
    }

    private static void Marker(Svg svg, Scale x, string name, Money value, double labelY, string color)
    {
        var at = x.Map((double)value.Amount);
        svg.Line(at, labelY + 4, at, Bottom, color, "marker", 2, tooltip: $"{name}: {Labels.Money(value)}");
        svg.Text(Math.Clamp(at, 40, 680), labelY, $"{name} {Numbers.Compact(value.Amount)}", "middle", color, 11, "bold");
    }

    // One bar per possible value, or per bin when there are too many; each with the cumulative probability at its end.
    private static List<Bar> Bars(RevenueDistribution distribution, decimal lo, decimal hi)
    {
        var points = distribution.Points;
        var bars = new List<Bar>();
        if (points.Count <= MaxSingleBars)
        {
            foreach (var point in points)
            {
                bars.Add(new Bar(point.Value.Amount, point.Value.Amount, point.Probability, point.Cumulative));
            }
            return bars;
        }
        var width = (hi - lo) / Bins;
        var probabilities = new double[Bins];
        var ends = new double[Bins];
        var last = -1;
        foreach (var point in points)
        {
            var index = (int)Math.Min(Bins - 1, Math.Floor((point.Value.Amount - lo) / width));
            probabilities[index] += point.Probability;
            ends[index] = point.Cumulative;
            for (var i = last + 1; i < index; i++)
            {
                ends[i] = last < 0 ? 0 : ends[last];
            }
            last = index;
        }
        for (var i = 0; i < Bins; i++)
        {
            var low = lo + (width * i);
            bars.Add(new Bar(low, i == Bins - 1 ? hi : low + width, probabilities[i], i <= last ? ends[i] : ends[last]));
        }
        return bars;
    }

    private sealed record Bar(decimal Low, decimal High, double Probability, double Cumulative);
}
