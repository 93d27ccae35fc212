using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Forecasting;

namespace SalesPipeline.Html.Charts;

// Both forecasts by period, as grouped bars (see BarChart): the revenue won, the stage-weighted expected revenue (won
// plus open deals weighted by their win probability) and, with a category forecast, the company's adjusted commit
// (closed + commit) and best case (closed + commit + best case) for the same period. When every one of them is zero
// (no deal won or expected in any period) the chart says "No data".
internal static class ForecastChart
{
    public static string Draw(StageWeightedForecast weighted, CategoryForecast? categories)
    {
        const string title = "Forecast by period";
        if (categories is not null && categories.Currency != weighted.Currency)
        {
            throw new ArgumentException(
                $"The category forecast is in {categories.Currency.Code} and the stage-weighted forecast in {weighted.Currency.Code}: one chart needs one currency.",
                nameof(categories)
            );
        }
        var series = new List<ChartSeries> { new("Won", Palette.Green), new("Expected (stage-weighted)", Palette.Blue) };
        if (categories is not null)
        {
            series.Add(new("Commit (closed + commit)", Palette.Orange));
            series.Add(new("Best case (cumulative)", Palette.Yellow));
        }
        var values = new List<IReadOnlyList<decimal?>>();
        foreach (var line in weighted.Periods)
        {
            var row = new List<decimal?> { line.Won.Amount, line.Expected.Amount };
            if (categories is not null)
            {
                // The company line: the first line of the period (CategoryForecast.Lines lists it first).
                var company = categories.Lines.FirstOrDefault(l => l.Kind == CategoryNodeKind.Company && l.Period == line.Period);
                row.Add(company?.Adjusted.CommitCumulative.Amount);
                row.Add(company?.Adjusted.BestCaseCumulative.Amount);
            }
            values.Add(row);
        }
        if (values.All(row => row.All(v => v is null or 0m)))
        {
            return NoData.Draw("forecast", title, "nothing is won or expected in the periods.");
        }
        var description = categories is null
            ? $"Won and stage-weighted expected revenue for each of {weighted.Periods.Count} periods, as bars side by side."
            : $"Won and stage-weighted expected revenue, and the company's adjusted commit and best case, for each of {weighted.Periods.Count} periods, as bars side by side.";
        return BarChart.Draw(
            new BarChartSpec(
                "forecast",
                title,
                description,
                "Period",
                "Revenue (" + weighted.Currency.Code + ")",
                weighted.Currency,
                weighted.Periods.Select(p => p.Period?.Label ?? p.Label).ToList(),
                series,
                values
            )
        );
    }
}
