using System.Collections.Generic;
using SalesPipeline.Metrics;
using SalesPipeline.Reporting;

namespace SalesPipeline.Quotes;

/// <summary>One group of <see cref="QuoteDiscountReport"/>: the quoted lines of a rep, team or product in one currency.</summary>
/// <param name="Key">The rep id, team id or product id.</param>
/// <param name="Currency">The lines' currency.</param>
/// <param name="Quotes">How many quotes have lines in the group.</param>
/// <param name="ListValue">The lines' list value (quantity x list price, each rounded).</param>
/// <param name="Discount">The lines' discount off list (list value - net).</param>
/// <param name="DiscountPercent">100 x discount / list value, exact: the value-weighted average discount; null when the list value is zero.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record QuoteDiscountRow(string Key, Currency Currency, int Quotes, Money ListValue, Money Discount, decimal? DiscountPercent);

/// <summary>The average discount off list by rep, team or product (<see cref="QuoteReports.AverageDiscount"/>).</summary>
/// <param name="By">Owner (the quote's rep), Team (every team on the rep's path) or Product.</param>
/// <param name="Rows">One row per key and currency, by key then currency code.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record QuoteDiscountReport(Breakdown By, IReadOnlyList<QuoteDiscountRow> Rows)
{
    private static readonly TableSchema<(Breakdown By, QuoteDiscountRow Row)> Schema = new TableSchema<(
        Breakdown By,
        QuoteDiscountRow Row
    )>("quote_discounts")
        .Enum("breakdown", "What the key is: owner (the quote's rep), team or product.", r => (Breakdown?)r.By)
        .Text("key", "The rep id, team id or product id.", r => r.Row.Key)
        .Whole("quotes", "How many quotes have lines in the group.", r => r.Row.Quotes)
        .Money("list_value", "The lines' value at list price.", r => r.Row.ListValue)
        .Money("discount", "The lines' discount off list (list value - net).", r => r.Row.Discount)
        .Exact("discount_percent", "100 x discount / list_value, exact; empty when list_value is zero.", r => r.Row.DiscountPercent);

    /// <summary>The report as a table named <c>quote_discounts</c>.</summary>
    /// <returns>The table.</returns>
    public ReportTable ToTable() => Schema.Build(System.Linq.Enumerable.Select(Rows, r => (By, r)));

    /// <summary>The columns and rows as invariant text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => QuoteReportText.Of($"average discount by {By.ToString().ToLowerInvariant()}", ToTable());
}
