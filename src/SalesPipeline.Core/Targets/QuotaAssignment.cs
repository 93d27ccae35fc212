using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Utility;

namespace SalesPipeline.Targets;

/// <summary>
/// Whether the people's quotas add up to their team's quota: teams often assign their reps more than the team's own
/// target (over-assignment, a cushion) or less; this reports the difference and never rejects it.
/// </summary>
/// <remarks>
/// <para>Example: a team quota of USD 1,000,000.00 and reps' quotas of 400,000.00, 350,000.00 and 350,000.00: assigned
/// USD 1,100,000.00, difference +100,000.00 (over-assigned), ratio 1.1.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class QuotaAssignment
{
    private QuotaAssignment(Quota team, IReadOnlyList<Quota> people, Money assigned)
    {
        Team = team;
        People = people;
        Assigned = assigned;
    }

    /// <summary>Compares the people's quotas with the team's (or the company's) quota for the same period.</summary>
    /// <param name="teamQuota">The team's or company's quota.</param>
    /// <param name="personQuotas">The people's quotas: person quotas for the same period and currency, one per person.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument or one of the quotas is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="teamQuota"/> is a person's quota; or a person quota is not a person's, is for another period or
    /// currency, or names a person twice.
    /// </exception>
    public static QuotaAssignment Of(Quota teamQuota, IEnumerable<Quota> personQuotas)
    {
        Preconditions.CheckNotNull(teamQuota);
        Preconditions.CheckNotNull(personQuotas);
        Preconditions.CheckArgument(
            teamQuota.Level != QuotaLevel.Person,
            nameof(teamQuota),
            $"Expected a team's or the company's quota; {teamQuota} is a person's."
        );
        var people = personQuotas.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var currency = teamQuota.Target.Currency;
        var assigned = Money.Zero(currency);
        for (var i = 0; i < people.Length; i++)
        {
            var q = people[i] ?? throw new ArgumentNullException(nameof(personQuotas), $"Quota {i} is null.");
            string? problem =
                q.Level != QuotaLevel.Person ? "is not a person's quota"
                : !q.Period.Equals(teamQuota.Period) ? $"is for another period than {teamQuota.Period}"
                : q.Target.Currency != currency ? $"is in another currency than {currency.Code}"
                : !seen.Add(q.SubjectId) ? "names a person who already has a quota in the list"
                : null;
            if (problem is not null)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Quota {i} ({q}) {problem}."),
                    nameof(personQuotas)
                );
            }
            assigned += q.Target;
        }
        return new QuotaAssignment(teamQuota, Array.AsReadOnly(people), assigned);
    }

    /// <summary>The team's (or company's) quota.</summary>
    public Quota Team { get; }

    /// <summary>The people's quotas, in the order given.</summary>
    public IReadOnlyList<Quota> People { get; }

    /// <summary>The sum of the people's targets.</summary>
    public Money Assigned { get; }

    /// <summary>Assigned minus the team's target: above zero the team over-assigned, below zero it under-assigned.</summary>
    public Money Difference => Assigned - Team.Target;

    /// <summary>Whether the people's targets add up exactly to the team's.</summary>
    public bool AddsUp => Difference.IsZero;

    /// <summary>Assigned divided by the team's target (1.1 = 10% over-assigned); null when the team's target is zero.</summary>
    public decimal? Ratio => Team.Target.IsZero ? null : Assigned.Amount / Team.Target.Amount;

    /// <summary>"Team emea, FY2026: USD 1,000,000.00; assigned USD 1,100,000.00 to 3 people (USD 100,000.00 over-assigned)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        $"{Team}; assigned {Assigned} to {People.Count} people ("
        + (
            AddsUp ? "adds up)"
            : Difference.IsPositive ? $"{Difference} over-assigned)"
            : $"{Difference.Negate()} under-assigned)"
        );
}
