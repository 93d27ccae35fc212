using System.Linq;
using SalesPipeline.Collections;

namespace SalesPipeline.Html.Charts;

// Receivables by age: one bar per bucket of the company's outstanding amount (current, then each band of days overdue),
// coloured from green (current) to red (oldest), on a y axis from 0 (see BarChart for the layout).
internal static class AgingChart
{
    private static readonly string[] Shades = ["#59a14f", "#a0cbe8", "#f1ce63", "#f28e2b", "#e15759", "#b6323b"];

    public static string Draw(AgingReport report)
    {
        var title = $"Receivables by age, as of {NodaTime.Text.LocalDatePattern.Iso.Format(report.AsOf)}";
        var total = report.Total;
        if (total.Buckets.All(b => b.Amount == 0m))
        {
            return NoData.Draw("aging", title, "nothing is outstanding.");
        }
        var labels = report.Buckets.Labels;
        var count = labels.Count;
        return BarChart.Draw(
            new BarChartSpec(
                "aging",
                title,
                $"The outstanding amount in each of {count} age buckets, from current to the oldest, as bars.",
                "Days overdue",
                "Outstanding (" + report.Currency.Code + ")",
                report.Currency,
                labels,
                [new ChartSeries("Outstanding", Palette.Blue)],
                total.Buckets.Select(b => (System.Collections.Generic.IReadOnlyList<decimal?>)[b.Amount]).ToList(),
                (g, _) => Shades[count <= 1 ? 0 : (int)System.Math.Round((double)g / (count - 1) * (Shades.Length - 1))]
            )
        );
    }
}
