using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Reporting;

namespace SalesPipeline.Interactive;

/// <summary>Deals and leads as report tables, one row each, with the columns a reviewer scans (their histories stay out:
/// <c>deal.History</c> shows them).</summary>
internal static class EntityTables
{
    private static readonly ReportColumn[] DealColumns =
    [
        new("deal_id", ColumnType.Text, "The deal's id."),
        new("name", ColumnType.Text, "The deal's name."),
        new("owner", ColumnType.Text, "The rep who owns it."),
        new("stage_id", ColumnType.Text, "The stage it is in (won or lost stage once closed)."),
        new("status", ColumnType.Text, "open, won or lost."),
        new("amount", ColumnType.ExactNumber, "The amount."),
        new("amount_currency", ColumnType.Text, "The amount's ISO 4217 code."),
        new("expected_close", ColumnType.Date, "The expected close date."),
    ];

    private static readonly ReportColumn[] LeadColumns =
    [
        new("lead_id", ColumnType.Text, "The lead's id."),
        new("name", ColumnType.Text, "The lead's name."),
        new("source", ColumnType.Text, "The channel it came from."),
        new("owner", ColumnType.Text, "The rep who owns it."),
        new("status", ColumnType.Text, "new, working, converted or disqualified."),
        new("created_at", ColumnType.Instant, "When it came in."),
    ];

    public static ReportTable Deals(IEnumerable<Deal> deals) =>
        new(
            "deals",
            DealColumns,
            deals.Select(d =>
                (IReadOnlyList<object?>)
                    [
                        d.Id.Value,
                        d.Name,
                        d.Owner,
                        d.StageId,
                        Snake(d.Status.ToString()),
                        d.Amount.Amount,
                        d.Amount.Currency.Code,
                        d.ExpectedClose,
                    ]
            )
        );

    public static ReportTable Leads(IEnumerable<Lead> leads) =>
        new(
            "leads",
            LeadColumns,
            leads.Select(l => (IReadOnlyList<object?>)[l.Id.Value, l.Name, l.Source.Code, l.Owner, Snake(l.Status.ToString()), l.CreatedAt])
        );

    // The enumerations here are one word each: lower case is their snake case (docs/export.md).
    private static string Snake(string name) => name.ToLowerInvariant();
}
