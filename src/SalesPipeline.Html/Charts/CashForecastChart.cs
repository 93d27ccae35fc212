using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Collections;

namespace SalesPipeline.Html.Charts;

// Expected collections: for the overdue amount, each period, the amount outside the periods and the undated amount (the
// three extra groups only when they hold something), three bars side by side: scheduled instalments, won deals not yet
// scheduled, and the weighted pipeline. Never stacked: they differ in certainty and the library never adds them up.
internal static class CashForecastChart
{
    public static string Draw(CashForecastReport report)
    {
        var title = $"Cash forecast, as of {NodaTime.Text.LocalDatePattern.Iso.Format(report.AsOf)}";
        var lines = report.Lines.Where(l => l.Period is not null || !IsZero(l)).ToList();
        if (lines.Count == 0 || lines.All(IsZero))
        {
            return NoData.Draw("cash-forecast", title, "no cash is expected.");
        }
        return BarChart.Draw(
            new BarChartSpec(
                "cash-forecast",
                title,
                $"Cash expected in each of {lines.Count} periods or groups, by source (scheduled, won not scheduled, weighted pipeline), as bars side by side.",
                "Period",
                "Expected cash (" + report.Currency.Code + ")",
                report.Currency,
                lines.Select(l => l.Label).ToList(),
                [
                    new ChartSeries("Scheduled", Palette.Blue),
                    new ChartSeries("Won, not scheduled", Palette.Green),
                    new ChartSeries("Weighted pipeline", Palette.Orange),
                ],
                lines
                    .Select(l => (IReadOnlyList<decimal?>)[l.Scheduled.Amount, l.WonNotScheduled.Amount, l.WeightedPipeline.Amount])
                    .ToList()
            )
        );
    }

    private static bool IsZero(CashForecastLine line) =>
        line.Scheduled.Amount == 0m && line.WonNotScheduled.Amount == 0m && line.WeightedPipeline.Amount == 0m;
}
