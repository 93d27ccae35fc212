using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Deals;

namespace SalesPipeline.Health;

/// <summary>
/// An open deal with at least one finding (a deal "at risk"), with its amount, effective win probability and weighted
/// amount at risk (amount x probability) in the report's currency.
/// </summary>
/// <remarks>
/// <para>The deal is described as it was at the inspection's as-of instant (its owner, stage and amount then).</para>
/// <para><see cref="WeightedAmount"/> is the exact product rounded once to the currency's minor unit, half away from
/// zero; the shortlist ranks by the exact product.</para>
/// <para>Two values are equal when every field and every finding (in order) are equal. Immutable; thread-safe.</para>
/// </remarks>
public sealed record DealHealth
{
    internal DealHealth(Deal deal, Money amount, decimal probability, IReadOnlyList<HealthFinding> findings)
    {
        Deal = deal.Id;
        Name = deal.Name;
        Owner = deal.OwnerKey;
        StageId = deal.StageId;
        Amount = amount;
        Probability = probability;
        WeightedAmount = Money.Of(amount.Amount * probability, amount.Currency).Round();
        Findings = findings;
    }

    /// <summary>The deal's id.</summary>
    public DealId Deal { get; }

    /// <summary>The deal's name.</summary>
    public string Name { get; }

    /// <summary>Its owner.</summary>
    public string Owner { get; }

    /// <summary>The open stage it is in.</summary>
    public string StageId { get; }

    /// <summary>Its amount in the report's currency (converted exactly, not rounded).</summary>
    public Money Amount { get; }

    /// <summary>Its effective win probability (its override, else its stage's).</summary>
    public decimal Probability { get; }

    /// <summary>The weighted amount at risk: <see cref="Amount"/> x <see cref="Probability"/>, rounded to the minor unit.</summary>
    public Money WeightedAmount { get; }

    /// <summary>Its findings, in <see cref="FindingKind"/> order; never empty.</summary>
    public IReadOnlyList<HealthFinding> Findings { get; }

    /// <summary>The findings in plain words, one sentence each.</summary>
    public IEnumerable<string> Reasons => Findings.Select(f => f.Message);

    /// <summary>Whether both describe the same deal with the same figures and findings.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(DealHealth? other) =>
        other is not null
        && Deal == other.Deal
        && Name == other.Name
        && Owner == other.Owner
        && StageId == other.StageId
        && Amount == other.Amount
        && Probability == other.Probability
        && Findings.SequenceEqual(other.Findings);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Deal, Amount, Probability, Findings.Count);

    /// <summary>"D-7 Acme | alice | proposal | USD 60,000.00 x 50% = USD 30,000.00 | No touch for 23 days (limit 14 days)."</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Deal} {Name} | {Owner} | {StageId} | {Amount} x {HealthText.Percent(Probability)} = {WeightedAmount} | {string.Join(" ", Reasons)}"
        );
}
