using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>
/// The priced lines and totals of a quote, exact in the currency's minor units by one rounding rule.
/// </summary>
/// <remarks>
/// <para><b>The rounding rule: per line, then summed.</b> Each line's gross amount is quantity x unit price rounded to
/// the minor unit half away from zero; a percentage line discount is that gross x percentage, rounded the same way (an
/// amount discount is exact); the line's amount after its discount is gross - discount. A quote-level discount (a
/// percentage of the sum of those amounts, rounded once, or an amount) is split over the lines by
/// <see cref="Money.Allocate(IReadOnlyList{decimal})"/> in proportion to them (largest remainder, ties to the earlier
/// line), so each line's <see cref="PricedLine.Net"/> is a whole number of minor units, never negative, and
/// <see cref="Total"/> is exactly their sum. Taxes are left to the caller.</para>
/// <para>Example: 3 x USD 33.335 is USD 100.005, rounded to 100.01; less 12% (12.0012, rounded to 12.00) is 88.01. A 5%
/// quote discount on lines of 88.01 and 11.99 (sum 100.00) is USD 5.00, split 4.40 and 0.60 (exact shares 4.4005 and
/// 0.5995: floored 4.40 and 0.59, the cent left goes to the larger remainder, the second line): nets 83.61 and 11.39,
/// total 95.00.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class QuoteTotals
{
    private readonly PricedLine[] lines;

    private QuoteTotals(Currency currency, PricedLine[] lines, Discount? quoteDiscount, Money quoteDiscountAmount)
    {
        Currency = currency;
        this.lines = lines;
        QuoteDiscount = quoteDiscount;
        QuoteDiscountAmount = quoteDiscountAmount;
        Subtotal = SumOfLines(lines.Select(l => l.Gross), currency, "gross amounts");
        LineDiscounts = SumOfLines(lines.Select(l => l.LineDiscount), currency, "line discounts");
        ListValue = SumOfLines(lines.Select(l => l.ListValue), currency, "list values");
        Total = SumOfLines(lines.Select(l => l.Net), currency, "nets");
        DiscountOffList = ListValue - Total;
    }

    /// <summary>Prices the lines of a quote.</summary>
    /// <param name="lines">The lines, at least one, all in one currency, with distinct product ids.</param>
    /// <param name="quoteDiscount">The quote-level discount, if any: a percentage, or an amount in the lines' currency not above the sum of the lines after their own discounts.</param>
    /// <returns>The priced lines and totals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> or a line is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="lines"/> is empty, or two lines are for the same product.</exception>
    /// <exception cref="CurrencyMismatchException">A line or the amount discount is in another currency than the first line.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The amount discount is above the sum of the lines after their discounts (<paramref name="quoteDiscount"/>); or a
    /// sum of the lines (their gross amounts, line discounts, amounts after discounts, list values or nets), or a line's
    /// list value, is beyond <see cref="Currency.MaxAmount"/> (<paramref name="lines"/>): a quote whose total is exactly
    /// the maximum is priced, one minor unit more is refused, never wrapped around.
    /// </exception>
    public static QuoteTotals Of(IEnumerable<QuoteLine> lines, Discount? quoteDiscount = null)
    {
        var array = CheckLines(lines);
        var currency = array[0].Currency;
        var afterLine = new Money[array.Length];
        var lineDiscounts = new Money[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            var line = array[i];
            lineDiscounts[i] = line.Discount?.Off(line.Gross) ?? Money.Zero(currency);
            afterLine[i] = line.Gross - lineDiscounts[i];
        }
        var beforeQuoteDiscount = SumOfLines(afterLine, currency, "amounts after their discounts");
        var quoteOff = QuoteDiscountOf(quoteDiscount, beforeQuoteDiscount);
        var shares = quoteOff.IsZero
            ? Enumerable.Repeat(Money.Zero(currency), array.Length).ToArray()
            : quoteOff.Allocate(afterLine.Select(a => (decimal)a.ToMinorUnits()).ToArray());
        var priced = new PricedLine[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            var line = array[i];
            var listValue = line.ListPrice.Multiply(line.Quantity).Round();
            var net = afterLine[i] - shares[i];
            var offList = listValue - net;
            priced[i] = new PricedLine(
                line,
                listValue,
                line.Gross,
                lineDiscounts[i],
                shares[i],
                net,
                offList,
                listValue.IsZero ? null : offList.Amount * 100m / listValue.Amount,
                line.FloorPrice?.Multiply(line.Quantity).Round()
            );
        }
        return new QuoteTotals(currency, priced, quoteDiscount, quoteOff);
    }

    /// <summary>The quote's currency.</summary>
    public Currency Currency { get; }

    /// <summary>The priced lines, in the order of the quote.</summary>
    public IReadOnlyList<PricedLine> Lines => lines.AsReadOnly();

    /// <summary>The quote-level discount as given, or null.</summary>
    public Discount? QuoteDiscount { get; }

    /// <summary>The quote-level discount in money (the sum of the lines' shares of it).</summary>
    public Money QuoteDiscountAmount { get; }

    /// <summary>The sum of the lines' list values: what the quote would cost at list price.</summary>
    public Money ListValue { get; }

    /// <summary>The sum of the lines' gross amounts (quantity x unit price, each rounded).</summary>
    public Money Subtotal { get; }

    /// <summary>The sum of the line discounts.</summary>
    public Money LineDiscounts { get; }

    /// <summary>The quote total before taxes: exactly the sum of the lines' nets.</summary>
    public Money Total { get; }

    /// <summary>List value - total: every discount the customer gets, lowered unit prices included.</summary>
    public Money DiscountOffList { get; }

    /// <summary>The largest <see cref="PricedLine.DiscountPercent"/> of the lines, or null when no line has a list value.</summary>
    public decimal? LargestLineDiscountPercent =>
        lines.Aggregate((decimal?)null, (max, l) => l.DiscountPercent is { } p && (max is null || p > max) ? p : max);

    /// <summary>A compact table: one row per line (quantity, unit price, gross, discounts, net), then the totals.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("product | quantity | unit price | gross | line discount | quote discount | net");
        foreach (var l in lines)
        {
            text.AppendLine(
                $"{l.Line.ProductId} | {QuoteLine.Number(l.Line.Quantity)} | {l.Line.UnitPrice} | {l.Gross} | {l.LineDiscount} | {l.QuoteDiscountShare} | {l.Net}"
            );
        }
        text.Append(
            string.Create(
                CultureInfo.InvariantCulture,
                $"subtotal {Subtotal}, line discounts {LineDiscounts}, quote discount {QuoteDiscountAmount}, total {Total}"
            )
        );
        return text.ToString();
    }

    // Money.Sum's range check, named for the parameter the amounts come from: lines whose sum passes
    // Currency.MaxAmount are refused by name and value instead of wrapping around a long count of minor units. The
    // running decimal sum cannot overflow: it would take about 7.9 x 10^12 lines at the limit.
    private static Money SumOfLines(IEnumerable<Money> amounts, Currency currency, string what)
    {
        var sum = 0m;
        var count = 0;
        foreach (var amount in amounts)
        {
            sum += amount.Amount;
            count++;
        }
        return Money.InRange(sum, currency)
            ? Money.Of(sum, currency)
            : throw Money.OutOfRange(
                "lines",
                sum,
                string.Create(CultureInfo.InvariantCulture, $"The sum of the {count} lines' {what}, {Money.Text(sum, currency)},"),
                currency
            );
    }

    // The quote-level discount in money: a percentage of the lines' amount rounded half away from zero, or the amount,
    // which may not exceed that sum (so the allocated shares never make a line negative).
    private static Money QuoteDiscountOf(Discount? discount, Money beforeDiscount)
    {
        if (discount is null)
        {
            return Money.Zero(beforeDiscount.Currency);
        }
        if (discount.Amount is { } off)
        {
            if (!ReferenceEquals(off.Currency, beforeDiscount.Currency))
            {
                throw new CurrencyMismatchException(beforeDiscount.Currency, off.Currency, "discount");
            }
            Preconditions.CheckRange(
                off.Amount <= beforeDiscount.Amount,
                "quoteDiscount",
                off,
                $"The quote discount {off} is above the lines' amount after their discounts, {beforeDiscount}; a discount may not make the quote negative."
            );
        }
        return discount.Off(beforeDiscount);
    }

    internal static QuoteLine[] CheckLines(IEnumerable<QuoteLine> lines, string paramName = "lines")
    {
        var array = Preconditions.CheckNoNullElement(lines, "Line", paramName);
        Preconditions.CheckArgument(array.Length > 0, paramName, "A quote needs at least one line; none was given.");
        var products = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Length; i++)
        {
            if (!ReferenceEquals(array[i].Currency, array[0].Currency))
            {
                throw new CurrencyMismatchException(array[0].Currency, array[i].Currency, "quote");
            }
            Preconditions.CheckArgument(
                products.Add(array[i].ProductId),
                paramName,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Lines {Array.FindIndex(array, l => l.ProductId == array[i].ProductId)} and {i} are both for product \"{array[i].ProductId}\"; a quote has one line per product (change its quantity instead)."
                )
            );
        }
        return array;
    }
}
