using System;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Storage;

/// <summary>
/// A row of the current-state table of deals: what <see cref="IEventStore.ListDealsAsync"/> filters on and returns,
/// written in the same transaction as the events it summarizes.
/// </summary>
/// <remarks>
/// <para><c>DealSummary.Of(deal, version)</c> of a loaded deal equals its listed row (a test holds every backend to it).</para>
/// <para>Immutable; thread-safe; value equality.</para>
/// </remarks>
/// <param name="Id">The deal's id.</param>
/// <param name="Version">The version of its stream the row reflects.</param>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="Name">The deal's name.</param>
/// <param name="Owner">The owning rep, or null while the deal waits in a pool.</param>
/// <param name="Status">Open, Won, Lost or Stopped.</param>
/// <param name="StageId">The current stage id.</param>
/// <param name="Amount">The expected amount.</param>
/// <param name="ExpectedClose">The expected close date.</param>
/// <param name="Team">
/// The team whose pool the deal was last put in (kept when a rep is then assigned), or null for the company pool or a
/// deal never pooled (<see cref="Deal.Team"/>).
/// </param>
/// <param name="Customer">The customer the deal is for, if recorded.</param>
public sealed record DealSummary(
    DealId Id,
    long Version,
    string Pipeline,
    string Name,
    string? Owner,
    DealStatus Status,
    string StageId,
    Money Amount,
    LocalDate ExpectedClose,
    string? Team = null,
    Customer? Customer = null
)
{
    /// <summary>The row of <paramref name="deal"/> at <paramref name="version"/>.</summary>
    /// <param name="deal">The deal.</param>
    /// <param name="version">Its stream's version: the number of its events.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    public static DealSummary Of(Deal deal, long version)
    {
        Preconditions.CheckNotNull(deal);
        return new DealSummary(
            deal.Id,
            version,
            deal.Pipeline,
            deal.Name,
            deal.Owner,
            deal.Status,
            deal.StageId,
            deal.Amount,
            deal.ExpectedClose,
            deal.Team,
            deal.Customer
        );
    }
}
