using System;
using System.Globalization;
using System.Linq;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>
/// One rule of an <see cref="ApprovalPolicy"/>: a measure of the priced quote, a threshold, and who must approve when the
/// quote goes beyond it. Create rules with the factories, for example
/// <c>ApprovalRule.LineDiscountAbove(10m, Approver.Manager)</c>.
/// </summary>
/// <remarks>
/// <para>Every threshold is strict: a line discount of exactly 10% does not trigger "above 10%". Discounts are measured
/// off list (<see cref="PricedLine.DiscountOffList"/>), so a unit price lowered by hand counts as much as a discount
/// entered as one. An amount rule applies to quotes in its own currency; evaluating it on a quote in another currency
/// throws <see cref="CurrencyMismatchException"/> rather than guessing a rate (keep one policy per currency).</para>
/// <para>Immutable, with value equality; safe to share across threads.</para>
/// </remarks>
public sealed record ApprovalRule
{
    private ApprovalRule(string name, ApprovalMeasure measure, decimal? percent, Money? amount, Approver approver)
    {
        Name = name;
        Measure = measure;
        Percent = percent;
        Amount = amount;
        Approver = approver;
    }

    /// <summary>The rule's name, as the decision names it: by default a description such as "line discount above 10%".</summary>
    public string Name { get; }

    /// <summary>What the rule measures.</summary>
    public ApprovalMeasure Measure { get; }

    /// <summary>The percentage threshold of <see cref="ApprovalMeasure.LineDiscountPercent"/>; otherwise null.</summary>
    public decimal? Percent { get; }

    /// <summary>The amount threshold of <see cref="ApprovalMeasure.TotalDiscount"/> and <see cref="ApprovalMeasure.TotalAbove"/>; otherwise null.</summary>
    public Money? Amount { get; }

    /// <summary>Who must approve when the rule triggers.</summary>
    public Approver Approver { get; }

    /// <summary>Triggers when a line's discount off list is above <paramref name="percent"/>.</summary>
    /// <param name="percent">The threshold, in [0, 100] (10 for 10%).</param>
    /// <param name="approver">Who must approve.</param>
    /// <param name="name">The rule's name; by default "line discount above 10%".</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="approver"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside [0, 100].</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is given but blank.</exception>
    public static ApprovalRule LineDiscountAbove(decimal percent, Approver approver, string? name = null)
    {
        Preconditions.CheckRange(
            percent is >= 0m and <= 100m,
            nameof(percent),
            percent,
            string.Create(
                CultureInfo.InvariantCulture,
                $"A discount threshold must be between 0 and 100 inclusive (10 for 10%); it was {percent}."
            )
        );
        return new(
            NameOr(name, string.Create(CultureInfo.InvariantCulture, $"line discount above {percent}%")),
            ApprovalMeasure.LineDiscountPercent,
            percent,
            null,
            Preconditions.CheckNotNull(approver)
        );
    }

    /// <summary>Triggers when the quote's whole discount off list is above <paramref name="amount"/>.</summary>
    /// <param name="amount">The threshold; not negative.</param>
    /// <param name="approver">Who must approve.</param>
    /// <param name="name">The rule's name; by default "total discount above USD 5,000.00".</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="amount"/> or <paramref name="approver"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is given but blank.</exception>
    public static ApprovalRule TotalDiscountAbove(Money amount, Approver approver, string? name = null) =>
        AmountRule(ApprovalMeasure.TotalDiscount, amount, approver, name, "total discount above");

    /// <summary>Triggers when the quote total is above <paramref name="amount"/>.</summary>
    /// <param name="amount">The threshold; not negative.</param>
    /// <param name="approver">Who must approve.</param>
    /// <param name="name">The rule's name; by default "total above USD 250,000.00".</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="amount"/> or <paramref name="approver"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is given but blank.</exception>
    public static ApprovalRule TotalAbove(Money amount, Approver approver, string? name = null) =>
        AmountRule(ApprovalMeasure.TotalAbove, amount, approver, name, "total above");

    /// <summary>Triggers when any line's net is below quantity x its floor price.</summary>
    /// <param name="approver">Who must approve.</param>
    /// <param name="name">The rule's name; by default "price under floor".</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="approver"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is given but blank.</exception>
    public static ApprovalRule PriceUnderFloor(Approver approver, string? name = null) =>
        new(NameOr(name, "price under floor"), ApprovalMeasure.PriceUnderFloor, null, null, Preconditions.CheckNotNull(approver));

    // Why the rule triggers on these totals, or null when it does not.
    internal string? Check(QuoteTotals totals)
    {
        if (Amount is not null && !ReferenceEquals(Amount.Currency, totals.Currency))
        {
            throw new CurrencyMismatchException(totals.Currency, Amount.Currency, $"check rule \"{Name}\" against");
        }
        switch (Measure)
        {
            case ApprovalMeasure.LineDiscountPercent:
                var worst = totals.Lines.Where(l => l.DiscountPercent > Percent).MaxBy(l => l.DiscountPercent);
                return worst is null
                    ? null
                    : string.Create(
                        CultureInfo.InvariantCulture,
                        $"line \"{worst.Line.ProductId}\" is {Percentage(worst.DiscountPercent!.Value)} off list, above {Percent}%"
                    );
            case ApprovalMeasure.TotalDiscount:
                return totals.DiscountOffList.Amount > Amount!.Amount
                    ? $"the discount off list is {totals.DiscountOffList}, above {Amount}"
                    : null;
            case ApprovalMeasure.TotalAbove:
                return totals.Total.Amount > Amount!.Amount ? $"the total is {totals.Total}, above {Amount}" : null;
            default:
                var under = totals
                    .Lines.Where(l => l.IsUnderFloor)
                    .Select(l => $"line \"{l.Line.ProductId}\" nets {l.Net}, under its floor {l.FloorValue}")
                    .ToArray();
                return under.Length == 0 ? null : string.Join("; ", under);
        }
    }

    /// <summary>The rule's name and approver: "line discount above 10% -> the rep's manager".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{Name} -> {Approver}";

    // A measured percentage for people: two decimals at most, "12.5%" or "16.4%".
    internal static string Percentage(decimal percent) =>
        decimal.Round(percent, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static ApprovalRule AmountRule(ApprovalMeasure measure, Money amount, Approver approver, string? name, string label)
    {
        Preconditions.CheckNotNull(amount);
        Preconditions.CheckRange(
            !amount.IsNegative,
            nameof(amount),
            amount,
            $"An approval threshold must not be negative; it was {amount}."
        );
        return new(NameOr(name, $"{label} {amount}"), measure, null, amount, Preconditions.CheckNotNull(approver));
    }

    private static string NameOr(string? name, string fallback) =>
        name is null ? fallback : Preconditions.CheckNotBlank(name, nameof(name));
}
