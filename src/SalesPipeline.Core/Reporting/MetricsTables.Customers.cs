using System;
using System.Linq;
using SalesPipeline.Metrics;

namespace SalesPipeline.Reporting;

// The customer report and the conflicting deals.
public static partial class MetricsTables
{
    private static readonly TableSchema<(CustomerReport Report, CustomerLine Line)> CustomerSchema = new TableSchema<(
        CustomerReport Report,
        CustomerLine Line
    )>("customers")
        .Date("as_of", "The date the collections were read on.", r => r.Report.AsOf)
        .Text("account_id", "The customer's account id, a contract's customer text, or (none).", r => r.Line.AccountId)
        .Text("name", "The customer's name from its deals; empty when no deal names it.", r => r.Line.Name)
        .Whole("won_deals", "Won deals.", r => r.Line.WonDeals)
        .Money("won", "Their amount.", r => r.Line.Won)
        .Whole("open_deals", "Open deals.", r => r.Line.OpenDeals)
        .Money("open_pipeline", "Their amount, unweighted.", r => r.Line.OpenPipeline)
        .Whole("stopped_deals", "Stopped deals (not pipeline).", r => r.Line.StoppedDeals)
        .Money("stopped", "Their amount.", r => r.Line.Stopped)
        .Whole("schedules", "Collection schedules counted for the customer.", r => r.Line.Schedules)
        .Money("collected", "Collected by as_of (received less refunded).", r => r.Line.Collected)
        .Money("outstanding", "What the billed instalments still owe on as_of.", r => r.Line.Outstanding);

    private static readonly TableSchema<(DealConflict Conflict, ConflictingDeal Deal)> ConflictSchema = new TableSchema<(
        DealConflict Conflict,
        ConflictingDeal Deal
    )>("deal_conflicts")
        .Text("account_id", "The customer's account id.", r => r.Conflict.AccountId)
        .Text("customer_name", "The customer's name on the deals.", r => r.Conflict.CustomerName)
        .Text("product", "The product the conflict is about; empty when the customer's deals record none.", r => r.Conflict.Product)
        .Text("owners", "Every owner in the conflict, separated by \";\".", r => string.Join(";", r.Conflict.Owners))
        .Text("deal_id", "One of the conflicting deals.", r => r.Deal.Deal.Value)
        .Text("deal_name", "Its name.", r => r.Deal.Name)
        .Text("owner", "Its owner.", r => r.Deal.Owner)
        .Text("deal_product", "Its product; empty when not recorded.", r => r.Deal.Product)
        .Text("stage_id", "The open stage it is in.", r => r.Deal.StageId)
        .Money("amount", "Its amount, in its own currency.", r => r.Deal.Amount);

    /// <summary>The customer report as the table <c>customers</c>: one row per customer.</summary>
    /// <param name="report">The customer report.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this CustomerReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CustomerSchema.Build(report.Lines.Select(l => (report, l)));
    }

    /// <summary>The conflicting deals as the table <c>deal_conflicts</c>: one row per deal of each conflict.</summary>
    /// <param name="report">The conflicts.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportTable ToTable(this DealConflictReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ConflictSchema.Build(report.Conflicts.SelectMany(c => c.Deals.Select(d => (c, d))));
    }
}
