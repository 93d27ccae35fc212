using System;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// Who a <see cref="CollectionSchedule"/> belongs to, for receivables reports: the contract's id, the customer, the rep
/// who owns it and, optionally, the deal it was won from.
/// </summary>
/// <remarks>Immutable; thread-safe; value equality.</remarks>
/// <example><code>new ContractInfo("C-2026-017", "Globex", "alice", new DealId("D-1001"));</code></example>
public sealed record ContractInfo
{
    /// <summary>Creates the contract identity.</summary>
    /// <param name="contractId">The contract's id, for example "C-2026-017".</param>
    /// <param name="customer">The customer's id or name.</param>
    /// <param name="owner">The owning rep's id (as in <see cref="Deal.Owner"/> and the sales organization).</param>
    /// <param name="deal">The deal the contract was won from, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contractId"/>, <paramref name="customer"/> or <paramref name="owner"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="contractId"/>, <paramref name="customer"/> or <paramref name="owner"/> is blank.</exception>
    public ContractInfo(string contractId, string customer, string owner, DealId? deal = null)
    {
        ContractId = Preconditions.CheckNotBlank(contractId);
        Customer = Preconditions.CheckNotBlank(customer);
        Owner = Preconditions.CheckNotBlank(owner);
        Deal = deal;
    }

    /// <summary>The contract's id.</summary>
    public string ContractId { get; }

    /// <summary>The customer.</summary>
    public string Customer { get; }

    /// <summary>The owning rep's id.</summary>
    public string Owner { get; }

    /// <summary>The deal the contract was won from, or null.</summary>
    public DealId? Deal { get; }

    /// <summary>"C-2026-017 Globex (alice)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{ContractId} {Customer} ({Owner})";
}
