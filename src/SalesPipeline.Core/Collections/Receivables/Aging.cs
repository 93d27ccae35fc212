using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Organization;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>The aging report of receivables: what billed instalments still owe, in buckets by days overdue.</summary>
/// <remarks>Stateless; thread-safe. <see cref="AgingAccumulator"/> computes the same report in parts that merge.</remarks>
public static class Aging
{
    /// <summary>
    /// Ages the outstanding amounts of <paramref name="schedules"/> on <paramref name="asOf"/>: per customer, per rep
    /// (the contract's owner), per team (with <paramref name="organization"/>) and in total.
    /// </summary>
    /// <param name="schedules">The schedules; at least one, all in one currency.</param>
    /// <param name="asOf">The report date; each schedule is read by <see cref="CollectionSchedule.StatusAsOf"/> on it.</param>
    /// <param name="buckets">The buckets; <see cref="AgingBuckets.Default"/> when null.</param>
    /// <param name="organization">The sales organization that places reps in teams; without it the team lines are empty.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedules"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="schedules"/> is empty or mixes currencies.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The report's total would be beyond <see cref="Currency.MaxAmount"/> (10^18 minor units); or <paramref name="asOf"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    /// <remarks>
    /// <para>An instalment is aged when it is billed (due on or before <paramref name="asOf"/>) and still owes something;
    /// what it owes (<see cref="InstalmentStatus.Remaining"/>) goes, whole, into the bucket of its
    /// <see cref="InstalmentStatus.DaysOverdue"/> (0, "current", when due on <paramref name="asOf"/>). Instalments not yet due
    /// and instalments waiting for a milestone are not receivables yet and are not aged (see <see cref="CashForecast"/>).
    /// So the report's total is the sum of the schedules' <see cref="CollectionStatus.Outstanding"/>, exactly: nothing is
    /// split or rounded.</para>
    /// <para>Lines are keyed by the <see cref="ContractInfo"/>'s customer and owner, and by the owner's own team in the
    /// organization (not its parent teams, unlike the metrics' team breakdown, so the team lines do not overlap); anything that cannot be placed is under <see cref="Receivables.Unassigned"/>, so each set of lines adds
    /// up to the total. Lines are in ordinal order of their keys.</para>
    /// <para>Mixed currencies are rejected rather than converted: convert the contract totals with
    /// <see cref="ExchangeRates"/> first, or run one report per currency.</para>
    /// </remarks>
    /// <example><code>
    /// // USD 10,000.00 signed 2026-01-31: 3,000.00 due 01-31, 3,500.00 due 02-28, 3,500.00 due 03-31; 4,000.00 paid on 02-02.
    /// // On 2026-04-10: #2 owes 2,500.00, 41 days overdue (31-60); #3 owes 3,500.00, 10 days overdue (1-30).
    /// Aging.Of([schedule], new LocalDate(2026, 4, 10));
    /// </code></example>
    public static AgingReport Of(
        IEnumerable<CollectionSchedule> schedules,
        LocalDate asOf,
        AgingBuckets? buckets = null,
        SalesOrg? organization = null
    )
    {
        Preconditions.CheckDate(asOf);
        var (list, currency) = Receivables.Check(schedules, nameof(schedules));
        var accumulator = new AgingAccumulator(currency, asOf, buckets, organization);
        accumulator.AddRange(list);
        return accumulator.Result();
    }
}
