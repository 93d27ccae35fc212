using System;
using System.Collections.Generic;
using System.Globalization;
using SalesPipeline.Calendars;
using SalesPipeline.Utility;

namespace SalesPipeline.Targets;

/// <summary>
/// A sales target: an amount of <see cref="Money"/> that a person, a team or the company is to win over a
/// <see cref="FiscalPeriod"/>.
/// </summary>
/// <remarks>
/// <para>The target is never negative and, in a currency with a minor unit, is a whole number of minor units (USD
/// 1,200,000.00 is; USD 10.125 is not), so that it can be split into parts that add up to it exactly
/// (<see cref="Decompose"/>, <see cref="SplitAmong"/>).</para>
/// <para>Two quotas are equal when their level, subject, period and target are. Immutable; thread-safe.</para>
/// </remarks>
/// <example><code>var q = Quota.ForPerson("alice", FiscalCalendar.Calendar.Year(2026), Money.Of(1_200_000m, Currency.USD));</code></example>
public sealed partial record Quota
{
    /// <summary>Creates a quota.</summary>
    /// <param name="level">Whom it is for.</param>
    /// <param name="subjectId">The person's id, the team's id, or (for the company) a name for reports.</param>
    /// <param name="period">The period the target is for.</param>
    /// <param name="target">The amount to win; zero or more, a whole number of minor units.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is empty or whitespace, or <paramref name="target"/> has a fraction of a minor unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is undefined, or <paramref name="target"/> is negative.</exception>
    public Quota(QuotaLevel level, string subjectId, FiscalPeriod period, Money target)
    {
        Preconditions.CheckRange(Enum.IsDefined(level), nameof(level), level, $"{(int)level} is not a QuotaLevel.");
        SubjectId = Preconditions.CheckNotBlank(subjectId);
        Period = Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(target);
        Preconditions.CheckRange(!target.IsNegative, nameof(target), target, $"A quota's target must not be negative; it was {target}.");
        Preconditions.CheckArgument(
            !target.Currency.HasMinorUnit || target.IsRoundedToMinorUnit,
            nameof(target),
            $"A quota's target must be a whole number of minor units of {target.Currency.Code}; it was {target}. Round it first."
        );
        Level = level;
        Target = target;
    }

    /// <summary>A quota for one person.</summary>
    /// <param name="personId">The person's id (the owner of their deals).</param>
    /// <param name="period">The period.</param>
    /// <param name="target">The amount to win.</param>
    /// <returns>The quota.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is blank, or the target has a fraction of a minor unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is negative.</exception>
    public static Quota ForPerson(string personId, FiscalPeriod period, Money target) => new(QuotaLevel.Person, personId, period, target);

    /// <summary>A quota for a team (measured on the deals of everyone in the team and the teams below it).</summary>
    /// <param name="teamId">The team's id.</param>
    /// <param name="period">The period.</param>
    /// <param name="target">The amount to win.</param>
    /// <returns>The quota.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="teamId"/> is blank, or the target has a fraction of a minor unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is negative.</exception>
    public static Quota ForTeam(string teamId, FiscalPeriod period, Money target) => new(QuotaLevel.Team, teamId, period, target);

    /// <summary>A quota for the whole company (measured on every deal).</summary>
    /// <param name="company">A name for reports, for example <see cref="Organization.SalesOrg.Company"/>.</param>
    /// <param name="period">The period.</param>
    /// <param name="target">The amount to win.</param>
    /// <returns>The quota.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="company"/> is blank, or the target has a fraction of a minor unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is negative.</exception>
    public static Quota ForCompany(string company, FiscalPeriod period, Money target) => new(QuotaLevel.Company, company, period, target);

    /// <summary>Whom the quota is for.</summary>
    public QuotaLevel Level { get; }

    /// <summary>The person's id, the team's id, or the company's name.</summary>
    public string SubjectId { get; }

    /// <summary>The period the target is for.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>The amount to win.</summary>
    public Money Target { get; }

    /// <summary>
    /// Splits this team's (or the company's) target among people, evenly or by weights, into person quotas over the
    /// same period that add up to it exactly.
    /// </summary>
    /// <param name="personIds">The people, for example <c>org.MembersOf("emea").Select(p => p.Id).ToList()</c>; no blanks, no repeats.</param>
    /// <param name="weights">One non-negative weight per person, not all zero (for example 50, 30, 20); evenly when null.</param>
    /// <returns>One quota per person, in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="personIds"/> or one of its ids is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="personIds"/> is empty, has a blank or repeated id; <paramref name="weights"/> has another count,
    /// a negative weight, or only zeros.
    /// </exception>
    /// <exception cref="InvalidOperationException">This is a person's quota, or its currency has no minor unit.</exception>
    /// <remarks>
    /// The split is <see cref="Money.Allocate(IReadOnlyList{decimal})"/>: exact largest remainder, leftover minor
    /// units to the largest dropped fractions, ties to the earlier person. USD 100.00 among three people is 33.34, 33.33,
    /// 33.33.
    /// </remarks>
    public IReadOnlyList<Quota> SplitAmong(IReadOnlyList<string> personIds, IReadOnlyList<decimal>? weights = null)
    {
        if (Level == QuotaLevel.Person)
        {
            throw new InvalidOperationException(
                $"A person's quota ({SubjectId}, {Period.Label}) cannot be split among people; split a team's or the company's quota."
            );
        }
        Preconditions.CheckNotNull(personIds);
        Preconditions.CheckArgument(
            personIds.Count > 0,
            nameof(personIds),
            "At least one person is needed to split a quota among; the list was empty."
        );
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < personIds.Count; i++)
        {
            var id = personIds[i] ?? throw new ArgumentNullException(nameof(personIds), $"Person id {i} is null.");
            Preconditions.CheckArgument(
                !string.IsNullOrWhiteSpace(id),
                nameof(personIds),
                $"Person ids must not be empty or whitespace; id {i} was \"{id}\"."
            );
            Preconditions.CheckArgument(
                seen.Add(id),
                nameof(personIds),
                $"Person \"{id}\" appears more than once; each person gets one share."
            );
        }
        Money[] shares;
        if (weights is null)
        {
            shares = Target.Allocate(personIds.Count);
        }
        else
        {
            Preconditions.CheckArgument(
                weights.Count == personIds.Count,
                nameof(weights),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"One weight per person is needed: {personIds.Count} people but {weights.Count} weights were given."
                )
            );
            shares = Target.Allocate(weights);
        }
        var result = new Quota[shares.Length];
        for (var i = 0; i < shares.Length; i++)
        {
            result[i] = ForPerson(personIds[i], Period, shares[i]);
        }
        return Array.AsReadOnly(result);
    }

    /// <summary>"Person alice, FY2026: USD 1,200,000.00".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{Level} {SubjectId}, {Period.Label}: {Target}";
}
