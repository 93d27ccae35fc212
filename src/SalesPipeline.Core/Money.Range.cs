using System;
using System.Globalization;

namespace SalesPipeline;

public sealed partial class Money
{
    // The range of every Money: at most 10^18 minor units either way (Currency.MaxAmount), so an amount always fits a
    // long count of minor units (long.MaxValue is about 9.2 x 10^18) and the sum of two amounts cannot overflow a long
    // before it is checked. A limit that is a whole number of minor units also keeps Round() inside the range.
    internal const long MaxMinorUnits = 1_000_000_000_000_000_000;

    internal static bool InRange(decimal amount, Currency currency) => Math.Abs(amount) <= currency.MaxAmount;

    // The one message of an amount outside the range: what was asked for (with its value) and the limit, both ways.
    internal static ArgumentOutOfRangeException OutOfRange(string paramName, object? actualValue, string what, Currency currency) =>
        new(
            paramName,
            actualValue,
            $"{what} is outside the range of Money in {currency.Code}: at most {Text(currency.MaxAmount, currency)} either way ("
                + (currency.HasMinorUnit ? "10^18 minor units" : "10^14, as for a currency with 4 decimals")
                + "; see docs/money.md, \"Range\")."
        );

    // The invariant text of an amount, also for one outside the range (which no Money can hold): "USD 1,250.00".
    internal static string Text(decimal amount, Currency currency)
    {
        var decimals = SignificantDecimals(amount);
        if (currency.HasMinorUnit)
        {
            decimals = Math.Max(decimals, currency.MinorUnit);
        }
        return currency.Code + " " + amount.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    // A result too large for decimal itself, shown by its order of magnitude.
    internal static string Approximately(double value, Currency currency) =>
        "about " + currency.Code + " " + value.ToString("0.###E+0", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
