using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using NodaTime;
using SalesPipeline.Organization;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// Accumulates an <see cref="Aging"/> report schedule by schedule, and merges with other accumulators over other schedules,
/// so the work can be split across threads, services or machines: the merge of the parts gives exactly the report of the
/// whole.
/// </summary>
/// <remarks>
/// <para>Sums are whole minor units (<see cref="long"/>); nothing is rounded. The rules are those of <see cref="Aging.Of"/>.</para>
/// <para>An accumulator is mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed class AgingAccumulator
{
    private readonly long[] total;
    private readonly Dictionary<string, long[]> customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long[]> reps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long[]> teamRows = new(StringComparer.Ordinal);
    private readonly SalesOrg? organization;

    // The sum of the total line, in minor units: every bucket and every other line is part of it, so keeping it within
    // Currency.MaxAmount keeps every figure of the report a Money.
    private long grandTotal;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="currency">The currency of every schedule.</param>
    /// <param name="asOf">The report date.</param>
    /// <param name="buckets">The buckets; <see cref="AgingBuckets.Default"/> when null.</param>
    /// <param name="organization">The sales organization that places reps in teams; without it there are no team lines.</param>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public AgingAccumulator(Currency currency, LocalDate asOf, AgingBuckets? buckets = null, SalesOrg? organization = null)
    {
        Currency = Preconditions.CheckNotNull(currency);
        AsOf = Preconditions.CheckDate(asOf);
        Buckets = buckets ?? AgingBuckets.Default;
        this.organization = organization;
        total = new long[Buckets.Count];
    }

    /// <summary>The currency of every schedule.</summary>
    public Currency Currency { get; }

    /// <summary>The report date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The buckets.</summary>
    public AgingBuckets Buckets { get; }

    /// <summary>Adds one schedule's outstanding instalments.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">The schedule is in another currency.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The report's total would pass <see cref="Currency.MaxAmount"/> (10^18 minor units); nothing is added.
    /// </exception>
    public void Add(CollectionSchedule schedule) => Add(schedule, nameof(schedule));

    private void Add(CollectionSchedule schedule, string paramName)
    {
        Preconditions.CheckNotNull(schedule, paramName);
        if (schedule.Currency != Currency)
        {
            throw new ArgumentException(
                $"The schedule {schedule.Contract?.ContractId ?? "without contract id"} is in {schedule.Currency.Code}; this aging is in {Currency.Code}.",
                paramName
            );
        }
        // The schedule's own row first (at most its contract total), so a schedule that would pass the limit changes nothing.
        var owedByBucket = new long[Buckets.Count];
        long owedInAll = 0;
        foreach (var line in schedule.StatusAsOf(AsOf).Instalments)
        {
            if (line.DueOn is not { } due || due > AsOf)
            {
                continue;
            }
            var owed = line.Amount.ToMinorUnits() - line.Paid.ToMinorUnits();
            if (owed <= 0)
            {
                continue;
            }
            owedByBucket[Buckets.IndexOf(line.DaysOverdue)] += owed;
            owedInAll += owed;
        }
        grandTotal = Receivables.Add(grandTotal, owedInAll, Currency, paramName, "The aging's total");
        var count = Buckets.Count;
        AddTo(total, owedByBucket);
        AddTo(Row(customers, Receivables.CustomerOf(schedule), count), owedByBucket);
        AddTo(Row(reps, Receivables.RepOf(schedule), count), owedByBucket);
        if (organization is not null)
        {
            AddTo(Row(teamRows, Receivables.TeamOf(organization, schedule), count), owedByBucket);
        }
    }

    /// <summary>Adds every schedule.</summary>
    /// <param name="schedules">The schedules.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedules"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A schedule is in another currency.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A schedule would bring the report's total past <see cref="Currency.MaxAmount"/>; the schedules before it stay added.
    /// </exception>
    public void AddRange(IEnumerable<CollectionSchedule> schedules)
    {
        Preconditions.AddEach(schedules, s => Add(s, nameof(schedules)), "Collection schedule");
    }

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same currency, date, bucket bounds and organization.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator was set up differently.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The merged total would pass <see cref="Currency.MaxAmount"/> (10^18 minor units); nothing is merged.
    /// </exception>
    public void Merge(AgingAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckArgument(
            other.Currency == Currency
                && other.AsOf == AsOf
                && other.Buckets.UpperBounds.SequenceEqual(Buckets.UpperBounds)
                && other.organization == organization,
            nameof(other),
            $"Only accumulators with the same currency, date, buckets and organization (compared by content) merge; this one is {Currency.Code} on {AsOf:uuuu-MM-dd} with buckets {Buckets}, the other {other.Currency.Code} on {other.AsOf:uuuu-MM-dd} with buckets {other.Buckets}."
        );
        grandTotal = Receivables.Add(grandTotal, other.grandTotal, Currency, nameof(other), "The merged aging's total");
        AddTo(total, other.total);
        MergeRows(customers, other.customers);
        MergeRows(reps, other.reps);
        MergeRows(teamRows, other.teamRows);
    }

    /// <summary>The report of everything added so far.</summary>
    /// <returns>The report.</returns>
    public AgingReport Result() => new(AsOf, Currency, Buckets, Line("total", total), Lines(customers), Lines(reps), Lines(teamRows));

    private void MergeRows(Dictionary<string, long[]> into, Dictionary<string, long[]> from)
    {
        foreach (var (key, row) in from)
        {
            AddTo(Row(into, key, Buckets.Count), row);
        }
    }

    private static void AddTo(long[] target, long[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            target[i] += row[i];
        }
    }

    private static long[] Row(Dictionary<string, long[]> rows, string key, int count)
    {
        if (!rows.TryGetValue(key, out var row))
        {
            row = new long[count];
            rows.Add(key, row);
        }
        return row;
    }

    private ReadOnlyCollection<AgingLine> Lines(Dictionary<string, long[]> rows) =>
        rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => Line(r.Key, r.Value)).ToArray().AsReadOnly();

    private AgingLine Line(string key, long[] units) =>
        new(key, units.Select(u => Money.FromMinorUnits(u, Currency)).ToArray().AsReadOnly(), Money.FromMinorUnits(units.Sum(), Currency));
}
