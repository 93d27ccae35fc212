using System;

namespace SalesPipeline;

public sealed partial class Money
{
    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The exact sum.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The result is beyond <see cref="Currency.MaxAmount"/> either way.</exception>
    public static Money operator +(Money left, Money right) => Utility.Preconditions.CheckNotNull(left).Add(right);

    /// <summary>Subtracts two amounts of the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The exact difference.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The result is beyond <see cref="Currency.MaxAmount"/> either way.</exception>
    public static Money operator -(Money left, Money right) => Utility.Preconditions.CheckNotNull(left).Subtract(right);

    /// <summary>Reverses the sign.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static Money operator -(Money value) => Utility.Preconditions.CheckNotNull(value).Negate();

    /// <summary>Multiplies by a factor exactly.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="factor">The factor.</param>
    /// <returns>The exact product.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="money"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The result is beyond <see cref="Currency.MaxAmount"/> either way.</exception>
    public static Money operator *(Money money, decimal factor) => Utility.Preconditions.CheckNotNull(money).Multiply(factor);

    /// <summary>Multiplies by a factor exactly.</summary>
    /// <param name="factor">The factor.</param>
    /// <param name="money">The amount.</param>
    /// <returns>The exact product.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="money"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The result is beyond <see cref="Currency.MaxAmount"/> either way.</exception>
    public static Money operator *(decimal factor, Money money) => Utility.Preconditions.CheckNotNull(money).Multiply(factor);

    /// <summary>Divides by a divisor (not rounded to the minor unit).</summary>
    /// <param name="money">The amount.</param>
    /// <param name="divisor">The divisor; not zero.</param>
    /// <returns>The quotient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="money"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="divisor"/> is zero, or the result is beyond <see cref="Currency.MaxAmount"/> either way.
    /// </exception>
    public static Money operator /(Money money, decimal divisor) => Utility.Preconditions.CheckNotNull(money).Divide(divisor);

    /// <summary>Whether two amounts are equal (same currency, same value).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when equal or both null.</returns>
    public static bool operator ==(Money? left, Money? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two amounts differ.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(Money? left, Money? right) => !(left == right);

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, same currency.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => Compare(left, right) < 0;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, same currency.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => Compare(left, right) > 0;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, same currency.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => Compare(left, right) <= 0;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, same currency.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => Compare(left, right) >= 0;

    private static int Compare(Money left, Money right)
    {
        Utility.Preconditions.CheckNotNull(left);
        Utility.Preconditions.CheckNotNull(right);
        return left.CompareTo(right);
    }
}
