using System;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

internal static class EntryChecks
{
    // The one check of every amount a contract is made of: a contract total, a fixed terms line, a payment, a refund, a cost.
    internal static Money PositiveWholeAmount(
        Money? amount,
        string what = "The amount",
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(amount))] string? paramName = null
    )
    {
        Preconditions.CheckNotNull(amount, paramName);
        if (!amount.IsPositive)
        {
            throw new ArgumentOutOfRangeException(paramName!, amount, $"{what} must be above zero; it was {amount}.");
        }
        if (!amount.Currency.HasMinorUnit || !amount.IsRoundedToMinorUnit)
        {
            throw new ArgumentException(
                $"{what} must be a whole number of minor units of a currency that has one; {amount} is not.",
                paramName!
            );
        }
        return amount;
    }
}
