using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using NodaTime;
using SalesPipeline.Organization;
using SalesPipeline.Statistics;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>Collection progress: what was due so far against what was paid and collected, per contract, rep and team.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class CollectionProgress
{
    /// <summary>The collection progress of <paramref name="schedules"/> on <paramref name="asOf"/>.</summary>
    /// <param name="schedules">The schedules; at least one, all in one currency.</param>
    /// <param name="asOf">The date; each schedule is read by <see cref="CollectionSchedule.StatusAsOf"/> on it.</param>
    /// <param name="organization">The sales organization that places reps in teams; without it the team lines are empty.</param>
    /// <returns>The report, with the collected-cash leaderboards.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedules"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="schedules"/> is empty or mixes currencies.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A sum the report shows would be beyond <see cref="Currency.MaxAmount"/> (10^18 minor units); or <paramref name="asOf"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    /// <remarks>
    /// <para>Per schedule: Due = <see cref="CollectionStatus.Billed"/>, PaidOnDue = Billed - Outstanding, Collected =
    /// <see cref="CollectionStatus.Collected"/>, Rate = PaidOnDue / Due (null when Due is zero). Rep, team and total lines
    /// sum the schedules' amounts (exact, in minor units) and compute their own rate from the sums.</para>
    /// <para>One contract line per schedule, in the order given, keyed by the contract id (or
    /// <see cref="Receivables.Unassigned"/>); rep and team lines as in <see cref="Aging.Of"/>.</para>
    /// </remarks>
    public static CollectionProgressReport Of(IEnumerable<CollectionSchedule> schedules, LocalDate asOf, SalesOrg? organization = null)
    {
        Preconditions.CheckDate(asOf);
        var (list, currency) = Receivables.Check(schedules, nameof(schedules));
        var contracts = new List<ProgressLine>(list.Length);
        var reps = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var teamRows = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var total = new long[3];
        foreach (var schedule in list)
        {
            var status = schedule.StatusAsOf(asOf);
            long[] row = [status.Billed.ToMinorUnits(), status.Outstanding.ToMinorUnits(), status.Collected.ToMinorUnits()];
            contracts.Add(Line(schedule.Contract?.ContractId ?? Receivables.Unassigned, row, currency));
            // The total line first: every other line is part of it, so it is the one that can pass the limit.
            AddTo(total, row, currency);
            AddTo(Row(reps, Receivables.RepOf(schedule)), row, currency);
            if (organization is not null)
            {
                AddTo(Row(teamRows, Receivables.TeamOf(organization, schedule)), row, currency);
            }
        }
        return new CollectionProgressReport(
            asOf,
            currency,
            contracts.AsReadOnly(),
            Lines(reps, currency),
            Lines(teamRows, currency),
            Line("total", total, currency)
        );
    }

    /// <summary>Ranks lines by collected cash: amount descending, then id in ordinal order; competition ranks (1, 2, 2, 4).</summary>
    internal static ReadOnlyCollection<CollectedCashRank> Rank(IEnumerable<ProgressLine> lines) =>
        CompetitionRanking
            .Rank(lines, l => l.Collected.Amount, l => l.Key)
            .Select(r => new CollectedCashRank(r.Rank, r.Item.Key, r.Item.Collected))
            .ToArray()
            .AsReadOnly();

    private static void AddTo(long[] target, long[] row, Currency currency)
    {
        for (var i = 0; i < row.Length; i++)
        {
            target[i] = Receivables.Add(target[i], row[i], currency, "schedules", "A line of the collection progress");
        }
    }

    private static long[] Row(Dictionary<string, long[]> rows, string key)
    {
        if (!rows.TryGetValue(key, out var row))
        {
            row = new long[3];
            rows.Add(key, row);
        }
        return row;
    }

    private static ReadOnlyCollection<ProgressLine> Lines(Dictionary<string, long[]> rows, Currency currency) =>
        rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => Line(r.Key, r.Value, currency)).ToArray().AsReadOnly();

    // row = [billed, outstanding, collected] in minor units.
    private static ProgressLine Line(string key, long[] row, Currency currency)
    {
        var paid = row[0] - row[1];
        return new ProgressLine(
            key,
            Money.FromMinorUnits(row[0], currency),
            Money.FromMinorUnits(paid, currency),
            Money.FromMinorUnits(row[1], currency),
            Money.FromMinorUnits(row[2], currency),
            row[0] == 0 ? null : (decimal)paid / row[0]
        );
    }
}
