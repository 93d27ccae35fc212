using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Reporting;

namespace SalesPipeline.Cli.Reports;

/// <summary>
/// The open pipeline by stage: deals, amount and weighted amount per open stage, then a total. Core has no report of
/// this shape (the stage-weighted forecast is by period), so the tool makes it, with the forecast's rule: each deal's
/// amount times its effective win probability, summed exactly and rounded once to the currency's minor unit.
/// </summary>
internal static class PipelineByStage
{
    private static readonly ReportColumn[] Columns =
    [
        new("scope", ColumnType.Text, "What the row is: stage or total."),
        new("stage_id", ColumnType.Text, "The stage's id; empty on the total row."),
        new("stage_name", ColumnType.Text, "The stage's name; Total on the total row."),
        new("open_deals", ColumnType.WholeNumber, "Open deals in the stage."),
        new("amount", ColumnType.ExactNumber, "Their amount, unweighted."),
        new("amount_currency", ColumnType.Text, "The ISO 4217 code of amount."),
        new("probability", ColumnType.ExactNumber, "The stage's default win probability, 0 to 1; empty on the total row."),
        new("weighted", ColumnType.ExactNumber, "Their amount weighted by each deal's effective win probability, rounded once."),
        new("weighted_currency", ColumnType.Text, "The ISO 4217 code of weighted."),
    ];

    /// <summary>The table <c>pipeline_by_stage</c> of the open deals of <paramref name="deals"/>.</summary>
    public static ReportTable Of(IEnumerable<Deal> deals, PipelineDefinition pipeline, Currency currency)
    {
        var open = deals.Where(d => d.IsOpen).ToList();
        var rows = new List<object?[]>();
        foreach (var stage in pipeline.OpenStages)
        {
            var inStage = open.Where(d => d.StageId == stage.Id).ToList();
            rows.Add(Row("stage", stage.Id, stage.Name, stage.Probability, inStage, pipeline, currency));
        }
        rows.Add(Row("total", null, "Total", null, open, pipeline, currency));
        return new ReportTable("pipeline_by_stage", Columns, rows);
    }

    private static object?[] Row(
        string scope,
        string? id,
        string name,
        decimal? probability,
        List<Deal> deals,
        PipelineDefinition pipeline,
        Currency currency
    )
    {
        var amount = Money.Sum(deals.Select(d => d.Amount), currency);
        var weighted = Money.Sum(deals.Select(d => d.Amount * pipeline.WinProbabilityOf(d).Value), currency).Round();
        return [scope, id, name, (long)deals.Count, amount.Amount, currency.Code, probability, weighted.Amount, currency.Code];
    }
}
