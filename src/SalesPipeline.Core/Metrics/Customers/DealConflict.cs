using System.Collections.Generic;

namespace SalesPipeline.Metrics;

/// <summary>One conflict: the open deals of one customer (and product) owned by different reps.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DealConflict
{
    internal DealConflict(
        string accountId,
        string customerName,
        string? product,
        IReadOnlyList<string> owners,
        IReadOnlyList<ConflictingDeal> deals
    )
    {
        AccountId = accountId;
        CustomerName = customerName;
        Product = product;
        Owners = owners;
        Deals = deals;
    }

    /// <summary>The customer's account id.</summary>
    public string AccountId { get; }

    /// <summary>The customer's name on the deals (the ordinal-first when they differ).</summary>
    public string CustomerName { get; }

    /// <summary>The product the deals are for, or null when none of the customer's deals records one.</summary>
    public string? Product { get; }

    /// <summary>Every owner among the deals, ordinal order; two or more.</summary>
    public IReadOnlyList<string> Owners { get; }

    /// <summary>The deals, by id (ordinal).</summary>
    public IReadOnlyList<ConflictingDeal> Deals { get; }

    /// <summary>"ACME-1 (Acme Corp) crm: alice, bob; 3 deals".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        $"{AccountId} ({CustomerName}){(Product is null ? "" : " " + Product)}: {string.Join(", ", Owners)}; {Deals.Count} deals";
}

/// <summary>A deal in a <see cref="DealConflict"/>.</summary>
/// <param name="Deal">The deal's id.</param>
/// <param name="Name">The deal's name.</param>
/// <param name="Owner">Its owner.</param>
/// <param name="Product">Its product, if recorded.</param>
/// <param name="StageId">The open stage it is in.</param>
/// <param name="Amount">Its amount, in its own currency.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ConflictingDeal(DealId Deal, string Name, string Owner, string? Product, string StageId, Money Amount);
