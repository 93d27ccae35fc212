using System;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

internal static class EntryChecks
{
    internal static Money.Money PositiveWholeAmount(
        Money.Money? amount,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(amount))] string? paramName = null
    )
    {
        Preconditions.CheckNotNull(amount, paramName);
        if (!amount.IsPositive)
        {
            throw new ArgumentOutOfRangeException(paramName!, amount, $"The amount must be above zero; it was {amount}.");
        }
        if (!amount.Currency.HasMinorUnit || !amount.IsRoundedToMinorUnit)
        {
            throw new ArgumentException(
                $"The amount must be a whole number of minor units of a currency that has one; {amount} is not.",
                paramName!
            );
        }
        return amount;
    }
}
