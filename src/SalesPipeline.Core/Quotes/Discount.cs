using System;
using System.Globalization;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>
/// A discount on a quote line or on a whole quote: a percentage in [0, 100], or an amount of money in whole minor units.
/// </summary>
/// <remarks>
/// <para>A percentage discount of a line is rounded to the minor unit, half away from zero
/// (<see cref="Money.Round"/>); an amount is exact. Neither can exceed what it discounts: a percentage is at most 100, and
/// an amount is checked against the line or quote it applies to, so no line ever becomes negative.</para>
/// <para>Immutable, with value equality; safe to share across threads.</para>
/// </remarks>
/// <example><code>
/// Discount.Percentage(12m);                       // 12%
/// Discount.Of(Money.Of(250m, Currency.USD));      // USD 250.00 off
/// </code></example>
public sealed record Discount
{
    private Discount(decimal? percent, Money? amount)
    {
        Percent = percent;
        Amount = amount;
    }

    /// <summary>The percentage, in [0, 100], for a percentage discount; otherwise null.</summary>
    public decimal? Percent { get; }

    /// <summary>The amount, for an amount discount; otherwise null.</summary>
    public Money? Amount { get; }

    /// <summary>A percentage discount: 12 for 12%.</summary>
    /// <param name="percent">The percentage, in [0, 100].</param>
    /// <returns>The discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside [0, 100].</exception>
    public static Discount Percentage(decimal percent)
    {
        Preconditions.CheckRange(
            percent is >= 0m and <= 100m,
            nameof(percent),
            percent,
            string.Create(
                CultureInfo.InvariantCulture,
                $"A discount percentage must be between 0 and 100 inclusive (12 for 12%); it was {percent}."
            )
        );
        return new Discount(percent, null);
    }

    /// <summary>An amount off: USD 250.00.</summary>
    /// <param name="amount">The amount; not negative, a whole number of minor units of a currency that has one.</param>
    /// <returns>The discount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="amount"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="amount"/> is not a whole number of minor units (or its currency has none).</exception>
    public static Discount Of(Money amount)
    {
        Preconditions.CheckNotNull(amount);
        Preconditions.CheckRange(!amount.IsNegative, nameof(amount), amount, $"A discount amount must not be negative; it was {amount}.");
        Preconditions.CheckArgument(
            amount.Currency.HasMinorUnit && amount.IsRoundedToMinorUnit,
            nameof(amount),
            $"A discount amount must be a whole number of minor units of a currency that has one; {amount} is not."
        );
        return new Discount(null, amount);
    }

    // The discount off `gross` (whole minor units): a percentage rounded half away from zero, or the amount as given.
    internal Money Off(Money gross) => Amount ?? gross.Multiply(Percent!.Value / 100m).Round();

    /// <summary>"12%" or "USD 250.00".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Amount?.ToString() ?? string.Create(CultureInfo.InvariantCulture, $"{Percent!.Value}%");
}
