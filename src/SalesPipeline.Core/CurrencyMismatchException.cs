using System;

namespace SalesPipeline;

/// <summary>
/// Thrown when an operation combines or compares amounts in two different currencies, such as
/// <c>USD 10.00 + EUR 5.00</c>. Convert one of them first with an exchange rate you choose.
/// </summary>
/// <remarks>Instances are immutable after construction.</remarks>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for an operation between <paramref name="left"/> and <paramref name="right"/>.</summary>
    /// <param name="left">The currency of the left operand.</param>
    /// <param name="right">The currency of the right operand.</param>
    /// <param name="operation">What was attempted, for example "add".</param>
    public CurrencyMismatchException(Currency left, Currency right, string operation)
        : base($"Cannot {operation} amounts in different currencies: {left?.Code} and {right?.Code}. Convert one of them first.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>The currency of the left operand.</summary>
    public Currency? Left { get; }

    /// <summary>The currency of the right operand.</summary>
    public Currency? Right { get; }
}
