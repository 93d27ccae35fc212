using System;
using System.Collections.Generic;
using SalesPipeline.Html.Markup;
using SalesPipeline.Metrics;

namespace SalesPipeline.Html.Charts;

// Sales velocity. One velocity: its formula as five tiles, N x A x W / C = V, each with its value (the four levers are in
// different units, so they share no axis). A comparison: a waterfall from the velocity before to the velocity after, one
// step per lever, each step the lever's contribution (up green, down red), on a y axis from 0 with round ticks.
internal static class VelocityChart
{
    public const double Left = 80;
    public const double Right = 704;
    public const double Top = 48;
    public const double Bottom = 276;

    public static string Draw(SalesVelocity velocity)
    {
        var code = velocity.Currency.Code;
        var title = $"Sales velocity, {velocity.Window.Label}";
        var svg = new Svg(
            "velocity",
            720,
            velocity.PerDay is null ? 176 : 150,
            title,
            "The four levers of sales velocity and the result: open deals x average won amount x win rate / average cycle in days = revenue per day."
        );
        var cycle = velocity.AverageCycleDays is { } c
            ? Numbers.Exact(decimal.Round(c, 1, MidpointRounding.AwayFromZero)) + " days"
            : Undefined;
        (string Name, string Value, string Shown, string Operator)[] tiles =
        [
            ("Open deals (N)", Numbers.Whole(velocity.OpenDeals), Numbers.Whole(velocity.OpenDeals), "\u00d7"),
            ("Average won (A)", Amount(velocity.AverageWonAmount, ""), Short(velocity.AverageWonAmount, ""), "\u00d7"),
            (
                "Win rate (W)",
                velocity.WinRate is { } w ? Numbers.Percent(w) : Undefined,
                velocity.WinRate is { } r ? Numbers.Percent(r) : Undefined,
                "\u00f7"
            ),
            ("Average cycle (C)", cycle, cycle, "="),
            ("Velocity (V)", Amount(velocity.PerDay, "/day"), Short(velocity.PerDay, "/day"), ""),
        ];
        for (var i = 0; i < tiles.Length; i++)
        {
            var x = 8 + (i * 144);
            var result = i == tiles.Length - 1;
            svg.Tile(
                "lever",
                x,
                36,
                120,
                84,
                result ? Palette.PaleGreen : Palette.PaleBlue,
                result ? Palette.Green : Palette.Blue,
                $"{tiles[i].Name}: {tiles[i].Value}"
            );
            svg.Text(x + 60, 60, tiles[i].Name, "middle", Svg.Muted, 11);
            svg.Text(x + 60, 90, tiles[i].Shown, "middle", size: 13, weight: "bold");
            if (tiles[i].Operator.Length > 0)
            {
                svg.Text(x + 132, 84, tiles[i].Operator, "middle", Svg.Muted, 18);
            }
        }
        svg.Text(
            8,
            140,
            $"{Numbers.Whole(velocity.WonDeals)} won and {Numbers.Whole(velocity.LostDeals)} lost in the window; amounts in {code}.",
            fill: Svg.Muted,
            size: 11
        );
        if (velocity.Reason is { } reason)
        {
            svg.Text(8, 162, reason, fill: Palette.Red, size: 11);
        }
        return svg.ToString();
    }

    private const string Undefined = "undefined";

    private static string Amount(Money? amount, string unit) => amount is null ? Undefined : Labels.Money(amount) + unit;

    // A tile holds about 16 characters; a longer amount is shown short (12.5M USD) rather than cut, its whole value in the
    // tile's tooltip.
    private static string Short(Money? amount, string unit)
    {
        var full = Amount(amount, unit);
        return full.Length <= 16 || amount is null ? full : Numbers.Compact(amount.Amount) + " " + amount.Currency.Code + unit;
    }

    public static string Draw(VelocityComparison comparison)
    {
        var code = comparison.Currency.Code;
        var title = $"Velocity change, {comparison.Before.Window.Label} to {comparison.After.Window.Label}";
        if (comparison.Change is null || comparison.Before.PerDay is null || comparison.After.PerDay is null)
        {
            return NoData.Draw("velocity-change", title, comparison.Reason ?? "the velocity is undefined in a window.");
        }
        var steps = new (string Name, decimal Value, bool Total)[]
        {
            ("Before", comparison.Before.PerDay.Amount, true),
            ("Open deals", comparison.OpenDeals!.Amount, false),
            ("Average won", comparison.AverageWonAmount!.Amount, false),
            ("Win rate", comparison.WinRate!.Amount, false),
            ("Cycle length", comparison.CycleLength!.Amount, false),
            ("After", comparison.After.PerDay.Amount, true),
        };
        // The running level after each step: where each bar starts and ends.
        var spans = new List<(decimal From, decimal To)>();
        var level = 0m;
        var low = 0m;
        var high = 0m;
        foreach (var (_, value, total) in steps)
        {
            var from = total ? 0m : level;
            var to = total ? value : level + value;
            spans.Add((from, to));
            level = to;
            low = Math.Min(low, Math.Min(from, to));
            high = Math.Max(high, Math.Max(from, to));
        }
        var svg = new Svg(
            "velocity-change",
            720,
            340,
            title,
            $"A waterfall from the velocity before ({Labels.Money(comparison.Before.PerDay)}/day) to after ({Labels.Money(comparison.After.PerDay)}/day), one step per lever: its contribution to the change."
        );
        var y = Scale.FromZero((double)low, (double)high, Bottom, Top);
        Axes.YAxis(svg, y, Left, Right, "Revenue per day (" + code + ")");
        var column = (Right - Left) / steps.Length;
        var barWidth = column * 0.6;
        for (var i = 0; i < steps.Length; i++)
        {
            var (name, value, total) = steps[i];
            var (from, to) = spans[i];
            var x = Left + (i * column) + (column * 0.2);
            var yFrom = y.Map((double)from);
            var yTo = y.Map((double)to);
            var fill =
                total ? Palette.Blue
                : value >= 0 ? Palette.Green
                : Palette.Red;
            var label = total ? Numbers.Compact(value) : (value >= 0 ? "+" : "") + Numbers.Compact(value);
            svg.Mark(
                total ? "bar" : "step",
                x,
                Math.Min(yFrom, yTo),
                barWidth,
                Math.Abs(yFrom - yTo),
                fill,
                $"{name}: {(total ? "" : value >= 0 ? "+" : "")}{Labels.Money(value, comparison.Currency)}/day"
            );
            svg.Text(x + (barWidth / 2), Math.Min(yFrom, yTo) - 4, label, "middle", size: 11);
            svg.Text(x + (barWidth / 2), Bottom + 16, name, "middle");
            if (i + 1 < steps.Length && !steps[i + 1].Total)
            {
                svg.Line(x + barWidth, yTo, x + column, yTo, Svg.Muted, dashed: true);
            }
        }
        svg.Text((Left + Right) / 2, 330, "Lever (its contribution to the change, a Shapley decomposition)", "middle", Svg.Muted);
        svg.Text(
            8,
            36,
            $"Change {(comparison.Change.Amount >= 0 ? "+" : "")}{Labels.Money(comparison.Change)}/day",
            fill: Svg.Muted,
            size: 11
        );
        return svg.ToString();
    }
}
