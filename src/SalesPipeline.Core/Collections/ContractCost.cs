using System;
using System.Globalization;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// A cost recorded against the contract (a reseller's commission, a collection agency's fee), so that a report can
/// show collected cash less costs. Costs never change what the instalments owe.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ContractCost : CollectionEntry
{
    /// <summary>Creates a cost.</summary>
    /// <param name="reference">A reference unique within the schedule (shared with payments, refunds and reversals).</param>
    /// <param name="on">The date of the cost.</param>
    /// <param name="amount">The amount: above zero, a whole number of minor units, the contract's currency.</param>
    /// <param name="description">What it is, for example "reseller commission".</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reference"/> or <paramref name="description"/> is blank, or <paramref name="amount"/> is not a whole number of minor units.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amount"/> is zero or negative; or <paramref name="on"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    public ContractCost(string reference, LocalDate on, Money amount, string description)
        : base(on)
    {
        Reference = Preconditions.CheckNotBlank(reference);
        Amount = EntryChecks.PositiveWholeAmount(amount);
        Units = amount.ToMinorUnits();
        Description = Preconditions.CheckNotBlank(description);
    }

    /// <summary>The unique reference.</summary>
    public string Reference { get; }

    /// <summary>The amount.</summary>
    public Money Amount { get; }

    /// <summary>What it is.</summary>
    public string Description { get; }

    internal long Units { get; }

    internal override string? ReferenceKey => Reference;

    /// <summary>"cost C-1 2026-03-01 USD 400.00 reseller commission".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"cost {Reference} {On:uuuu-MM-dd} {Amount} {Description}");
}
