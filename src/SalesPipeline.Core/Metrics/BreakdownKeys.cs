using System;
using System.Collections.Generic;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>The group keys of a <see cref="Breakdown"/>: one rule for every metric.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class BreakdownKeys
{
    /// <summary>The key of deals with no source or no product: "(none)".</summary>
    public const string None = Customer.NoAccount;

    /// <summary>
    /// "(unassigned)": the owner key of a deal waiting in a pool (<see cref="Deal.Owner"/> null), and the team
    /// key of deals whose owner is not in the organisation.
    /// </summary>
    public const string Unassigned = Deal.UnassignedOwner;

    /// <summary>The keys a deal counts under in a breakdown: one key, except for <see cref="Breakdown.Team"/> (zero or more).</summary>
    /// <param name="deal">The deal.</param>
    /// <param name="breakdown">The breakdown.</param>
    /// <param name="organization">The sales organisation; required for <see cref="Breakdown.Team"/>.</param>
    /// <returns>The keys, nearest team first for <see cref="Breakdown.Team"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="breakdown"/> is <see cref="Breakdown.Team"/> and <paramref name="organization"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="breakdown"/> is not a defined value.</exception>
    public static IReadOnlyList<string> Of(Deal deal, Breakdown breakdown, SalesOrg? organization = null)
    {
        Preconditions.CheckNotNull(deal);
        return breakdown switch
        {
            Breakdown.Owner => [deal.OwnerKey],
            Breakdown.Source => [deal.Source?.Code ?? None],
            Breakdown.Product => [deal.Product ?? None],
            Breakdown.Customer => [deal.Customer?.AccountId ?? None],
            Breakdown.Team => deal.Owner is null ? PoolTeams(deal.Team, organization) : Teams(deal.Owner, organization),
            _ => throw Undefined(breakdown),
        };
    }

    /// <summary>The keys a lead counts under: its owner, its owner's teams, its source, or its product of interest.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="breakdown">The breakdown.</param>
    /// <param name="organization">The sales organisation; required for <see cref="Breakdown.Team"/>.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="breakdown"/> is <see cref="Breakdown.Team"/> and <paramref name="organization"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="breakdown"/> is not a defined value.</exception>
    public static IReadOnlyList<string> Of(Lead lead, Breakdown breakdown, SalesOrg? organization = null)
    {
        Preconditions.CheckNotNull(lead);
        return breakdown switch
        {
            Breakdown.Owner => [lead.OwnerKey],
            Breakdown.Source => [lead.Source.Code],
            Breakdown.Product => [lead.ProductInterest ?? None],
            Breakdown.Customer => [None], // a lead names no customer account: every lead is under "(none)"
            Breakdown.Team => lead.Owner is null ? PoolTeams(lead.Team, organization) : Teams(lead.Owner, organization),
            _ => throw Undefined(breakdown),
        };
    }

    // A pooled record counts for the pool's team and the teams above it, as a member's would; the company pool (or a
    // team the organisation does not have) is unassigned.
    internal static string[] PoolTeams(string? team, SalesOrg? organization)
    {
        Preconditions.CheckArgument(
            organization is not null,
            nameof(organization),
            "A breakdown by team needs the sales organisation; pass a SalesOrg."
        );
        if (team is null || !organization.HasTeam(team))
        {
            return [Unassigned];
        }
        var keys = new List<string>();
        for (string? at = team; at is not null; at = organization.GetTeam(at).ParentId)
        {
            keys.Add(at);
        }
        return [.. keys];
    }

    // The team rule for any person id (a deal's owner, a lead's owner, an activity's rep).
    internal static string[] Teams(string owner, SalesOrg? organization)
    {
        Preconditions.CheckArgument(
            organization is not null,
            nameof(organization),
            "A breakdown by team needs the sales organisation; pass a SalesOrg."
        );
        if (!organization.HasPerson(owner))
        {
            return [Unassigned];
        }
        var path = organization.PathOf(owner);
        var keys = new string[path.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = path[i].Id;
        }
        return keys;
    }

    // The set-up rule every accumulator with a breakdown checks up front, so a bad breakdown fails before any data is read.
    internal static void CheckSetup(
        Breakdown breakdown,
        SalesOrg? organization,
        string organizationOption,
        string breakdownParam,
        string optionsParam = "options"
    )
    {
        Preconditions.CheckRange(
            Enum.IsDefined(breakdown),
            breakdownParam,
            breakdown,
            $"The breakdown must be Owner, Team, Source, Product or Customer; it was {(int)breakdown}."
        );
        Preconditions.CheckArgument(
            breakdown != Breakdown.Team || organization is not null,
            optionsParam,
            $"A breakdown by team needs the sales organisation; set {organizationOption}."
        );
    }

    private static ArgumentOutOfRangeException Undefined(Breakdown breakdown) =>
        new(nameof(breakdown), breakdown, $"The breakdown must be Owner, Team, Source, Product or Customer; it was {(int)breakdown}.");
}
