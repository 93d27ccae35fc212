using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Leads;
using SalesPipeline.Statistics;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Lead response time: how long leads waited from creation to their first touch, in hours, with the leads still
/// untouched longer than <see cref="LeadResponseOptions.UntouchedAfter"/> flagged by name.
/// </summary>
/// <remarks>
/// <para>A lead's first touch is the one rule of <see cref="ActivityIndex.FirstTouchOf"/>: its own first touch (a touch,
/// or converting or disqualifying it) or its earliest activity, whichever is earlier. At <see cref="AsOf"/> a lead is
/// touched (first touch at or before it: its response time counts), overdue (untouched and waiting longer than the
/// limit: listed in <see cref="Overdue"/>), or waiting (untouched, within the limit). Leads created after
/// <see cref="AsOf"/> count only in <see cref="NotYetCreated"/>.</para>
/// <para>Times are exact elapsed durations in hours. Percentiles use linear interpolation between order statistics
/// (Hyndman and Fan type 7, the default of numpy, pandas and Excel's PERCENTILE.INC): with the n sorted times x[0..n-1],
/// h = (n - 1) p and P(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). The median is P(0.5).</para>
/// <para>The statistics cover touched leads only; the overdue and waiting leads are reported beside them, not
/// hidden, since they have no response time yet.</para>
/// <para>Example: responses of 1, 2, 4, 10 and 30 hours: median 4 h, mean 47 / 5 = 9.4 h, P(0.9): h = 3.6, 10 + 0.6 x
/// 20 = 22 h; one answered late (30 h &gt; 24 h).</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record LeadResponseTime
{
    private const double NanosecondsPerHour = 3_600_000_000_000d;
    private readonly long[] sorted;

    private LeadResponseTime(
        Instant asOf,
        LeadResponseOptions options,
        Breakdown? breakdown,
        string? group,
        long[] sorted,
        UntouchedLead[] overdue,
        long waiting,
        long notYetCreated
    )
    {
        AsOf = asOf;
        Options = options;
        Breakdown = breakdown;
        Group = group;
        this.sorted = sorted;
        Overdue = Array.AsReadOnly(overdue);
        Waiting = waiting;
        NotYetCreated = notYetCreated;
        var limit = options.UntouchedAfter.ToInt64Nanoseconds();
        AnsweredLate = sorted.LongCount(n => n > limit);
        if (sorted.Length > 0)
        {
            Int128 sum = 0;
            foreach (var n in sorted)
            {
                sum += n;
            }
            MeanHours = (double)sum / sorted.Length / NanosecondsPerHour;
        }
    }

    /// <summary>The instant the leads were read at.</summary>
    public Instant AsOf { get; }

    /// <summary>The options used.</summary>
    public LeadResponseOptions Options { get; }

    /// <summary>The breakdown of <see cref="Group"/>, or null for all leads.</summary>
    public Breakdown? Breakdown { get; }

    /// <summary>The group's key (see <see cref="BreakdownKeys"/>), or null for all leads.</summary>
    public string? Group { get; }

    /// <summary>How many leads existed at <see cref="AsOf"/>: touched + overdue + waiting.</summary>
    public long Leads => Touched + Overdue.Count + Waiting;

    /// <summary>How many had been touched by <see cref="AsOf"/>.</summary>
    public long Touched => sorted.Length;

    /// <summary>How many of the touched leads waited longer than the limit for their first touch.</summary>
    public long AnsweredLate { get; }

    /// <summary>The untouched leads that had waited longer than the limit, longest wait first (then by id).</summary>
    public IReadOnlyList<UntouchedLead> Overdue { get; }

    /// <summary>How many untouched leads were still within the limit.</summary>
    public long Waiting { get; }

    /// <summary>How many leads given were created after <see cref="AsOf"/>.</summary>
    public long NotYetCreated { get; }

    /// <summary>The mean response time of the touched leads in hours, or null when none was touched.</summary>
    public double? MeanHours { get; }

    /// <summary>The median response time in hours (<see cref="Percentile"/> at 0.5), or null when none was touched.</summary>
    public double? MedianHours => Percentile(0.5);

    /// <summary>The response time at or below which a share <paramref name="p"/> of the touched leads were answered (type 7 interpolation).</summary>
    /// <param name="p">The share, between 0 and 1.</param>
    /// <returns>The percentile in hours, or null when no lead was touched.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not between 0 and 1.</exception>
    public double? Percentile(double p)
    {
        Preconditions.CheckRange(
            p >= 0 && p <= 1,
            nameof(p),
            p,
            $"A percentile's share must be between 0 and 1, for example 0.9; it was {p.ToString(CultureInfo.InvariantCulture)}."
        );
        if (sorted.Length == 0)
        {
            return null;
        }
        return OrderStatistics.Type7Sorted(sorted, p) / NanosecondsPerHour;
    }

    /// <summary>Lead response times: created to first touch, untouched leads flagged after <see cref="LeadResponseOptions.UntouchedAfter"/>.</summary>
    /// <param name="leads">The leads.</param>
    /// <param name="activities">The activities about them (<see cref="ActivityIndex.Empty"/> when the leads' own touches are all there is).</param>
    /// <param name="asOf">The instant to read them at.</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <returns>The figures for all leads.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/>, one of them, or <paramref name="activities"/> is null.</exception>
    /// <exception cref="ArgumentException">A lead's first touch is before its creation.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An option is out of range; or <paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    public static LeadResponseTime Of(IEnumerable<Lead> leads, ActivityIndex activities, Instant asOf, LeadResponseOptions? options = null)
    {
        var accumulator = new LeadResponseAccumulator(activities, asOf, options);
        accumulator.AddRange(Preconditions.CheckNotNull(leads));
        return accumulator.Result();
    }

    /// <summary>Lead response times per group of a breakdown (owner, team, source or product of interest).</summary>
    /// <param name="leads">The leads.</param>
    /// <param name="activities">The activities about them.</param>
    /// <param name="asOf">The instant to read them at.</param>
    /// <param name="breakdown">How to group them (<see cref="BreakdownKeys"/>).</param>
    /// <param name="options">Options; <see cref="LeadResponseOptions.Organization"/> is required for <see cref="Metrics.Breakdown.Team"/>.</param>
    /// <returns>One entry per group, in ordinal order of the keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/>, one of them, or <paramref name="activities"/> is null.</exception>
    /// <exception cref="ArgumentException">A lead's first touch is before its creation, or a team breakdown has no organisation.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An option or <paramref name="breakdown"/> is out of range; or <paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    public static IReadOnlyList<LeadResponseTime> By(
        IEnumerable<Lead> leads,
        ActivityIndex activities,
        Instant asOf,
        Breakdown breakdown,
        LeadResponseOptions? options = null
    )
    {
        var accumulator = new LeadResponseAccumulator(activities, asOf, options, breakdown);
        accumulator.AddRange(Preconditions.CheckNotNull(leads));
        return accumulator.ResultByGroup();
    }

    internal static LeadResponseTime From(
        Instant asOf,
        LeadResponseOptions options,
        Breakdown? breakdown,
        string? group,
        LeadResponseAccumulator.Part part
    )
    {
        var sorted = part.Responses.ToArray();
        Array.Sort(sorted);
        var overdue = part.Overdue.OrderByDescending(u => u.WaitingHours).ThenBy(u => u.Lead.Value, StringComparer.Ordinal).ToArray();
        return new LeadResponseTime(asOf, options, breakdown, group, sorted, overdue, part.Waiting, part.NotYetCreated);
    }

    private static string Show(double? hours) => hours is { } h ? h.ToString("0.##", CultureInfo.InvariantCulture) : "-";

    /// <summary>Whether both have the same as-of instant, options, group and figures.</summary>
    /// <param name="other">The other.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(LeadResponseTime? other) =>
        other is not null
        && AsOf == other.AsOf
        && Options == other.Options
        && Breakdown == other.Breakdown
        && Group == other.Group
        && Waiting == other.Waiting
        && NotYetCreated == other.NotYetCreated
        && sorted.AsSpan().SequenceEqual(other.sorted)
        && Overdue.SequenceEqual(other.Overdue);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(AsOf, Group, sorted.Length, Overdue.Count);

    /// <summary>"alice: 5 leads, 3 touched (median 4 h, mean 9.4 h, P90 22 h; 1 late), 1 overdue, 1 waiting", then the overdue leads.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(
            CultureInfo.InvariantCulture,
            $"{Group ?? "All leads"} as of {AsOf}: {Leads} leads, {Touched} touched (median {Show(MedianHours)} h, mean {Show(MeanHours)} h, P90 {Show(Percentile(0.9))} h; {AnsweredLate} late), {Overdue.Count} overdue, {Waiting} waiting\n"
        );
        foreach (var lead in Overdue)
        {
            sb.Append("  overdue: ").Append(lead).Append('\n');
        }
        return sb.ToString();
    }
}
