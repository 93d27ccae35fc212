using System;
using System.Collections.Generic;
using System.Globalization;
using SalesPipeline.Utility;

namespace SalesPipeline;

/// <summary>
/// An exact amount of money: a <see cref="decimal"/> amount in a <see cref="Currency"/>.
/// </summary>
/// <remarks>
/// <para>Arithmetic is exact decimal arithmetic; nothing is rounded unless you ask. <see cref="Round"/> rounds to the
/// currency's minor unit with one rule used everywhere in SalesPipeline: <b>half away from zero</b>
/// (<see cref="MidpointRounding.AwayFromZero"/>), as on invoices and in spreadsheet ROUND: USD 2.675 becomes
/// USD 2.68 and USD -2.675 becomes USD -2.68.</para>
/// <para>Amounts in different currencies never mix: adding, subtracting or ordering them throws
/// <see cref="CurrencyMismatchException"/>. Equality is by value: <c>USD 1.5</c> equals <c>USD 1.50</c>, and never
/// equals <c>EUR 1.50</c>.</para>
/// <para><see cref="ToString()"/> is culture-invariant: the code, a space, and the amount with a comma every three
/// digits and at least the minor unit's decimals, for example <c>"USD 1,250.00"</c>, <c>"JPY 125,000"</c>,
/// <c>"KWD -3.500"</c>; extra decimals of an unrounded amount are shown, never hidden
/// (<c>"USD 10.125"</c>).</para>
/// <para>The range: an amount is at most <see cref="Currency.MaxAmount"/> either way, 10^18 minor units (USD
/// 10,000,000,000,000,000.00, JPY 10^18, KWD 10^15; 10^14 for a currency without a minor unit), so that it always has a
/// count of minor units that fits a <see cref="long"/> (<see cref="ToMinorUnits"/>). Creating a larger amount, or an
/// arithmetic result or conversion beyond it, throws <see cref="ArgumentOutOfRangeException"/> naming the value and the
/// limit; no operation overflows silently or with a bare <see cref="OverflowException"/>.</para>
/// <para>Instances are immutable and safe to share across threads.</para>
/// </remarks>
public sealed partial class Money : IEquatable<Money>, IComparable<Money>, IComparable
{
    private Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount, exactly as given or computed (not rounded).</summary>
    public decimal Amount { get; }

    /// <summary>The currency of the amount.</summary>
    public Currency Currency { get; }

    /// <summary>Creates an amount of money. Nothing is rounded: <c>Money.Of(10.125m, Currency.USD)</c> keeps 10.125.</summary>
    /// <param name="amount">The amount; any sign, at most <see cref="Currency.MaxAmount"/> either way.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The money.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amount"/> is beyond <see cref="Currency.MaxAmount"/> either way (USD 10^16, 10^18 minor units).
    /// </exception>
    /// <example><code>var price = Money.Of(1250.00m, Currency.USD); // USD 1,250.00</code></example>
    public static Money Of(decimal amount, Currency currency)
    {
        Preconditions.CheckNotNull(currency);
        return InRange(amount, currency)
            ? new Money(amount, currency)
            : throw OutOfRange(nameof(amount), amount, Text(amount, currency), currency);
    }

    /// <summary>Creates an amount from a count of minor units: <c>FromMinorUnits(125000, USD)</c> is USD 1,250.00.</summary>
    /// <param name="minorUnits">The number of minor units (cents for USD, yen for JPY, fils for KWD); at most 10^18 either way.</param>
    /// <param name="currency">A currency that has a minor unit.</param>
    /// <returns>The money.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="currency"/> has no minor unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minorUnits"/> is beyond 10^18 either way.</exception>
    public static Money FromMinorUnits(long minorUnits, Currency currency)
    {
        Preconditions.CheckNotNull(currency);
        var amount = minorUnits * currency.MinorUnitValue;
        return minorUnits is >= -MaxMinorUnits and <= MaxMinorUnits
            ? new Money(amount, currency)
            : throw OutOfRange(
                nameof(minorUnits),
                minorUnits,
                string.Create(CultureInfo.InvariantCulture, $"{minorUnits:N0} minor units ({Text(amount, currency)})"),
                currency
            );
    }

    /// <summary>Zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>An amount of zero.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    public static Money Zero(Currency currency) => Of(0m, currency);

    /// <summary>Whether the amount is zero.</summary>
    public bool IsZero => Amount == 0m;

    /// <summary>Whether the amount is below zero.</summary>
    public bool IsNegative => Amount < 0m;

    /// <summary>Whether the amount is above zero.</summary>
    public bool IsPositive => Amount > 0m;

    /// <summary>Whether the amount is a whole number of minor units (USD 10.12 is, USD 10.125 is not).</summary>
    /// <exception cref="InvalidOperationException">The currency has no minor unit.</exception>
    public bool IsRoundedToMinorUnit => decimal.Round(Amount, Currency.MinorUnit) == Amount;

    /// <summary>
    /// Rounds to the currency's minor unit, half away from zero: USD 2.675 becomes USD 2.68, JPY 12.5 becomes JPY 13.
    /// For a currency without a minor unit (XAU, XDR, ...) the amount is returned unchanged.
    /// </summary>
    /// <returns>The rounded amount.</returns>
    public Money Round() =>
        Currency.HasMinorUnit ? new Money(decimal.Round(Amount, Currency.MinorUnit, MidpointRounding.AwayFromZero), Currency) : this;

    /// <summary>The amount as a whole number of minor units: USD 1,250.00 is 125000.</summary>
    /// <returns>The number of minor units.</returns>
    /// <exception cref="InvalidOperationException">
    /// The currency has no minor unit, or the amount is not a whole number of minor units (round it first).
    /// </exception>
    /// <remarks>The count always fits a <see cref="long"/>: an amount is at most 10^18 minor units either way.</remarks>
    public long ToMinorUnits()
    {
        var units = Amount / Currency.MinorUnitValue;
        if (decimal.Truncate(units) != units)
        {
            throw new InvalidOperationException(
                $"{this} is not a whole number of minor units of {Currency.Code}; call Round() first if rounding is what you want."
            );
        }
        return decimal.ToInt64(units);
    }

    /// <summary>The absolute value.</summary>
    /// <returns>The amount without its sign.</returns>
    public Money Abs() => Amount < 0m ? new Money(-Amount, Currency) : this;

    /// <summary>The amount with its sign reversed.</summary>
    /// <returns>The negated amount.</returns>
    public Money Negate() => new(-Amount, Currency);

    /// <summary>Adds an amount in the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The exact sum.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sum is beyond <see cref="Currency.MaxAmount"/> either way.</exception>
    public Money Add(Money other)
    {
        CheckSameCurrency(other, "add");
        // Both operands are within 10^18 minor units, far inside decimal's range: the sum is exact, then checked.
        var sum = Amount + other.Amount;
        return InRange(sum, Currency)
            ? new Money(sum, Currency)
            : throw OutOfRange(nameof(other), other, $"{this} + {other} = {Text(sum, Currency)}", Currency);
    }

    /// <summary>Subtracts an amount in the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The exact difference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The difference is beyond <see cref="Currency.MaxAmount"/> either way.</exception>
    public Money Subtract(Money other)
    {
        CheckSameCurrency(other, "subtract");
        var difference = Amount - other.Amount;
        return InRange(difference, Currency)
            ? new Money(difference, Currency)
            : throw OutOfRange(nameof(other), other, $"{this} - {other} = {Text(difference, Currency)}", Currency);
    }

    /// <summary>Multiplies by a factor, exactly (not rounded): USD 100.00 x 0.125 is USD 12.5.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The exact product.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The product is beyond <see cref="Currency.MaxAmount"/> either way.</exception>
    public Money Multiply(decimal factor)
    {
        decimal product;
        try
        {
            product = Amount * factor;
        }
        catch (OverflowException)
        {
            // Beyond decimal itself (about 7.9 x 10^28): only its order of magnitude can be shown.
            throw OutOfRange(
                nameof(factor),
                factor,
                $"{this} x {Number(factor)} = {Approximately((double)Amount * (double)factor, Currency)}",
                Currency
            );
        }
        return InRange(product, Currency)
            ? new Money(product, Currency)
            : throw OutOfRange(nameof(factor), factor, $"{this} x {Number(factor)} = {Text(product, Currency)}", Currency);
    }

    /// <summary>Divides by a divisor; the quotient keeps decimal's 28 significant digits and is not rounded to the minor unit.</summary>
    /// <param name="divisor">The divisor; not zero.</param>
    /// <returns>The quotient.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="divisor"/> is zero, or the quotient is beyond <see cref="Currency.MaxAmount"/> either way.
    /// </exception>
    /// <remarks>To split money into parts that add up exactly, use <see cref="Allocate(int)"/> instead.</remarks>
    public Money Divide(decimal divisor)
    {
        Preconditions.CheckRange(divisor != 0m, nameof(divisor), divisor, "Cannot divide money by zero.");
        decimal quotient;
        try
        {
            quotient = Amount / divisor;
        }
        catch (OverflowException)
        {
            throw OutOfRange(
                nameof(divisor),
                divisor,
                $"{this} / {Number(divisor)} = {Approximately((double)Amount / (double)divisor, Currency)}",
                Currency
            );
        }
        return InRange(quotient, Currency)
            ? new Money(quotient, Currency)
            : throw OutOfRange(nameof(divisor), divisor, $"{this} / {Number(divisor)} = {Text(quotient, Currency)}", Currency);
    }

    /// <summary>Sums amounts that all share <paramref name="currency"/>; an empty sequence sums to zero.</summary>
    /// <param name="amounts">The amounts.</param>
    /// <param name="currency">The currency of the sum (and of every amount).</param>
    /// <returns>The exact sum.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or an amount is (the message gives its position).</exception>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sum is beyond <see cref="Currency.MaxAmount"/> either way.</exception>
    /// <remarks>Only the sum is checked against the range, not the running total: USD 9 x 10^15 + USD 9 x 10^15 - USD
    /// 9 x 10^15 is USD 9 x 10^15, whatever the order.</remarks>
    public static Money Sum(IEnumerable<Money> amounts, Currency currency)
    {
        Preconditions.CheckNotNull(amounts);
        var total = Zero(currency);
        var sum = 0m;
        var count = 0L;
        try
        {
            foreach (var amount in Preconditions.EachNotNull(amounts, "Amount", nameof(amounts)))
            {
                total.CheckSameCurrency(amount, "add");
                sum += amount.Amount;
                count++;
            }
        }
        catch (OverflowException)
        {
            // Only after about 7.9 x 10^12 amounts at the limit: decimal itself is exhausted.
            throw OutOfRange(
                nameof(amounts),
                null,
                string.Create(CultureInfo.InvariantCulture, $"The sum of more than {count:N0} amounts"),
                currency
            );
        }
        return InRange(sum, currency)
            ? new Money(sum, currency)
            : throw OutOfRange(
                nameof(amounts),
                sum,
                string.Create(CultureInfo.InvariantCulture, $"The sum of {count:N0} amounts, {Text(sum, currency)},"),
                currency
            );
    }

    private void CheckSameCurrency(Money other, string operation)
    {
        Preconditions.CheckNotNull(other);
        if (!ReferenceEquals(Currency, other.Currency))
        {
            throw new CurrencyMismatchException(Currency, other.Currency, operation);
        }
    }

    /// <summary>Orders amounts of the same currency by value.</summary>
    /// <param name="other">An amount in the same currency; null sorts first.</param>
    /// <returns>Negative, zero or positive.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money? other)
    {
        if (other is null)
        {
            return 1;
        }
        CheckSameCurrency(other, "compare");
        return Amount.CompareTo(other.Amount);
    }

    /// <inheritdoc cref="CompareTo(Money)"/>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="Money"/>.</exception>
    public int CompareTo(object? obj) =>
        obj switch
        {
            null => 1,
            Money money => CompareTo(money),
            _ => throw new ArgumentException($"Can only compare Money with Money, not with {obj.GetType().Name}.", nameof(obj)),
        };

    /// <summary>Whether both amounts have the same currency and numerically equal amounts (1.5 equals 1.50).</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Money? other) => other is not null && ReferenceEquals(Currency, other.Currency) && Amount == other.Amount;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Currency, Amount);

    /// <summary>The invariant text, for example "USD 1,250.00", "JPY 125,000" or "KWD -3.500".</summary>
    /// <returns>The code, a space, and the amount with thousands separators and at least the minor unit's decimals.</returns>
    public override string ToString() => Text(Amount, Currency);

    private static int SignificantDecimals(decimal value)
    {
        var scale = value.Scale;
        while (scale > 0 && decimal.Round(value, scale - 1) == value)
        {
            scale--;
        }
        return scale;
    }
}
