using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Reporting;

namespace SalesPipeline.Quotes;

/// <summary>One row of <see cref="QuoteStatusReport"/>: the quotes of one status and currency.</summary>
/// <param name="Status">The status on the report's date (Expired included).</param>
/// <param name="Currency">The quotes' currency (amounts in different currencies are never added).</param>
/// <param name="Count">How many quotes.</param>
/// <param name="Total">The sum of their totals as they stood then.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record QuoteStatusCount(QuoteStatus Status, Currency Currency, int Count, Money Total);

/// <summary>Quotes by status as of a date (<see cref="QuoteReports.ByStatus"/>).</summary>
/// <param name="AsOf">The date.</param>
/// <param name="Rows">One row per status and currency that has quotes, in status order then currency code.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record QuoteStatusReport(LocalDate AsOf, IReadOnlyList<QuoteStatusCount> Rows)
{
    private static readonly TableSchema<QuoteStatusCount> Schema = new TableSchema<QuoteStatusCount>("quotes_by_status")
        .Enum(
            "status",
            "The quote's status on the date (draft, pending_approval, approved, sent, accepted, declined, expired).",
            r => (QuoteStatus?)r.Status
        )
        .Whole("quotes", "How many quotes had the status.", r => r.Count)
        .Money("total", "The sum of those quotes' totals as they stood on the date.", r => r.Total);

    /// <summary>The report as a table named <c>quotes_by_status</c>: status, quotes, total, total_currency.</summary>
    /// <returns>The table.</returns>
    public ReportTable ToTable() => Schema.Build(Rows);

    /// <summary>The columns and rows as invariant text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => QuoteReportText.Of($"quotes by status as of {AsOf:uuuu-MM-dd}", ToTable());
}
