using System;
using System.Linq;
using SalesPipeline.Metrics;

namespace SalesPipeline.Reporting;

// The unassigned-pool report.
public static partial class MetricsTables
{
    private static readonly TableSchema<(PoolReport Report, PoolLine Pool, PooledItem Item)> PoolSchema = new TableSchema<(
        PoolReport Report,
        PoolLine Pool,
        PooledItem Item
    )>("pools")
        .Instant("as_of", "The instant the waiting was measured at.", r => r.Report.AsOf)
        .Text("pool", "The team whose pool it is, or (company) for the company pool.", r => r.Pool.Pool)
        .Whole("pool_deals", "Deals waiting in the pool.", r => r.Pool.Deals)
        .Whole("pool_leads", "Leads waiting in the pool.", r => r.Pool.Leads)
        .Money("pool_deal_value", "The waiting deals' amount; empty when no deal waits.", r => r.Pool.DealValue)
        .Real("pool_oldest_days", "The pool's longest wait, in days.", r => r.Pool.Oldest.TotalDays)
        .Real("pool_median_days", "The pool's median wait, in days.", r => r.Pool.MedianWait.TotalDays)
        .Text("kind", "What the row's item is: deal or lead.", r => r.Item.Deal is null ? "lead" : "deal")
        .Text("id", "The deal's or lead's id.", r => r.Item.Deal?.Value ?? r.Item.Lead?.Value)
        .Text("name", "Its name.", r => r.Item.Name)
        .Instant("in_pool_since", "When it entered the pool.", r => r.Item.InPoolSince)
        .Real("waiting_days", "How long it has waited by as_of, in days.", r => r.Item.Waiting.TotalDays)
        .Money("amount", "The deal's amount in the reporting currency; empty for a lead.", r => r.Item.Amount);

    /// <summary>The unassigned-pool report as the table <c>pools</c>: one row per waiting item, with its pool's figures.</summary>
    /// <param name="report">The pool report.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this PoolReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return PoolSchema.Build(report.Pools.SelectMany(p => p.Items.Select(i => (report, p, i))));
    }
}
