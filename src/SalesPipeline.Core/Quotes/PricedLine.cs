namespace SalesPipeline.Quotes;

/// <summary>One line of a quote as <see cref="QuoteTotals"/> prices it, every amount in whole minor units.</summary>
/// <param name="Line">The line as entered.</param>
/// <param name="ListValue">Quantity x list price, rounded half away from zero: what the line would cost at list price.</param>
/// <param name="Gross">Quantity x unit price, rounded half away from zero.</param>
/// <param name="LineDiscount">The line discount: a percentage of <paramref name="Gross"/> rounded half away from zero, or the amount as given.</param>
/// <param name="QuoteDiscountShare">The line's share of the quote-level discount (<see cref="Money.Allocate(System.Collections.Generic.IReadOnlyList{decimal})"/> in proportion to the lines' amounts after their own discounts).</param>
/// <param name="Net">Gross - line discount - quote discount share: what the customer pays for the line (before taxes); never negative.</param>
/// <param name="DiscountOffList">List value - net: the whole discount the customer gets on the line, a lowered unit price included (negative when priced above list).</param>
/// <param name="DiscountPercent">100 x discount off list / list value, exact (not rounded); null when the list value is zero.</param>
/// <param name="FloorValue">Quantity x floor price, rounded half away from zero; null when the line has no floor.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PricedLine(
    QuoteLine Line,
    Money ListValue,
    Money Gross,
    Money LineDiscount,
    Money QuoteDiscountShare,
    Money Net,
    Money DiscountOffList,
    decimal? DiscountPercent,
    Money? FloorValue
)
{
    /// <summary>Whether the line's net is below its floor value (quantity x floor price): the price is under the floor.</summary>
    public bool IsUnderFloor => FloorValue is not null && Net.Amount < FloorValue.Amount;
}
