using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Leads;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates incoming volume lead by lead and deal by deal, and merges with other accumulators: the merge of the parts
/// gives exactly the report of the whole (all figures are counts).
/// </summary>
/// <remarks>
/// <para>A lead or deal counts in the period containing the date of its creation instant in
/// <see cref="IncomingVolumeOptions.Zone"/>; dates in no period count on the outside line. Keys come from
/// <see cref="BreakdownKeys"/> (a team breakdown counts a record under every team on its owner's path).</para>
/// <para>An accumulator is mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed partial class IncomingVolumeAccumulator : IFrameAccumulator<IncomingVolumeAccumulator>
{
    private readonly FiscalPeriod[] periods;
    private readonly PeriodIndex index;
    private readonly IncomingVolumeOptions options;
    private readonly int[] leads;
    private readonly int[] deals;
    private readonly Dictionary<(int Slot, string Key), (int Leads, int Deals)> keyed = [];

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="periods">The periods, for example <c>FiscalCalendar.Calendar.Months(2026)</c>; they must not overlap.</param>
    /// <param name="options">Options; <see cref="IncomingVolumeOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="periods"/>, a period or the options' zone is null.</exception>
    /// <exception cref="ArgumentException">The periods are empty or overlap, or the breakdown is by team without an organisation.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The breakdown is not a defined value.</exception>
    public IncomingVolumeAccumulator(IEnumerable<FiscalPeriod> periods, IncomingVolumeOptions? options = null)
    {
        this.periods = Periods.CheckNonOverlapping(periods, nameof(periods));
        this.options = options ?? IncomingVolumeOptions.Default;
        if (this.options.Zone is null)
        {
            throw new ArgumentNullException(nameof(options), "IncomingVolumeOptions.Zone must not be null; use DateTimeZone.Utc for UTC.");
        }
        BreakdownKeys.CheckSetup(this.options.Breakdown, this.options.Organization, "IncomingVolumeOptions.Organization", nameof(options));
        index = new PeriodIndex(this.periods, null);
        leads = new int[this.periods.Length + 1];
        deals = new int[this.periods.Length + 1];
    }

    /// <summary>Adds a new lead, in the period of its creation.</summary>
    /// <param name="lead">The lead.</param>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    public void Add(Lead lead)
    {
        Preconditions.CheckNotNull(lead);
        var slot = Slot(lead.CreatedAt);
        var keys = BreakdownKeys.Of(lead, options.Breakdown, options.Organization);
        leads[slot]++;
        foreach (var key in keys)
        {
            var (l, d) = keyed.GetValueOrDefault((slot, key));
            keyed[(slot, key)] = (l + 1, d);
        }
    }

    /// <summary>Adds a new deal, in the period of its creation.</summary>
    /// <param name="deal">The deal.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    public void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        var slot = Slot(deal.CreatedAt);
        var keys = BreakdownKeys.Of(deal, options.Breakdown, options.Organization);
        deals[slot]++;
        foreach (var key in keys)
        {
            var (l, d) = keyed.GetValueOrDefault((slot, key));
            keyed[(slot, key)] = (l, d + 1);
        }
    }

    /// <summary>Adds every lead.</summary>
    /// <param name="leads">The leads.</param>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> or one of them is null.</exception>
    public void AddRange(IEnumerable<Lead> leads)
    {
        Preconditions.AddEach(leads, Add, "Lead");
    }

    /// <summary>Adds every deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <remarks>A list of deals is added on the columnar frame when that gives exactly what adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals) => FrameAddRange.Run(this, deals);

    bool IFrameAccumulator<IncomingVolumeAccumulator>.IsEmpty => true;

    IncomingVolumeAccumulator IFrameAccumulator<IncomingVolumeAccumulator>.Fresh() => new(periods, options);

    bool IFrameAccumulator<IncomingVolumeAccumulator>.TryAdd(DealFrame frame) => TryAdd(frame);

    bool IFrameAccumulator<IncomingVolumeAccumulator>.MergesLikeAdd(IncomingVolumeAccumulator framed)
    {
        for (var s = 0; s < deals.Length; s++)
        {
            if (!FrameAddRange.CountsExactly(deals[s], framed.deals[s]))
            {
                return false;
            }
        }
        foreach (var (key, theirs) in framed.keyed)
        {
            if (keyed.TryGetValue(key, out var mine) && !FrameAddRange.CountsExactly(mine.Deals, theirs.Deals))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same periods and options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator was set up differently.</exception>
    public void Merge(IncomingVolumeAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(
            nameof(other),
            ("the options", other.options == options),
            ("the periods", other.periods.SequenceEqual(periods))
        );
        for (var s = 0; s < leads.Length; s++)
        {
            leads[s] += other.leads[s];
            deals[s] += other.deals[s];
        }
        foreach (var (key, (l, d)) in other.keyed)
        {
            var (ml, md) = keyed.GetValueOrDefault(key);
            keyed[key] = (ml + l, md + d);
        }
    }

    /// <summary>The report of everything added so far.</summary>
    /// <returns>The report; the accumulator can go on accumulating.</returns>
    public IncomingVolumeReport Result()
    {
        var outside = periods.Length;
        var periodLines = new VolumeLine[periods.Length];
        var byKey = new List<VolumeLine>();
        int totalLeads = 0,
            totalDeals = 0;
        for (var p = 0; p < periods.Length; p++)
        {
            periodLines[p] = new VolumeLine(periods[p].Label, periods[p], null, leads[p], deals[p]);
            totalLeads += leads[p];
            totalDeals += deals[p];
            byKey.AddRange(
                keyed
                    .Where(kv => kv.Key.Slot == p)
                    .OrderBy(kv => kv.Key.Key, StringComparer.Ordinal)
                    .Select(kv => new VolumeLine(
                        periods[p].Label + " " + kv.Key.Key,
                        periods[p],
                        kv.Key.Key,
                        kv.Value.Leads,
                        kv.Value.Deals
                    ))
            );
        }
        return new IncomingVolumeReport(
            options.Breakdown,
            Array.AsReadOnly(periodLines),
            byKey.AsReadOnly(),
            new VolumeLine("Outside the periods", null, null, leads[outside], deals[outside]),
            new VolumeLine("Total", null, null, totalLeads, totalDeals)
        );
    }

    private int Slot(NodaTime.Instant created) => index.IndexOf(created.InZone(options.Zone).Date) is var p and >= 0 ? p : periods.Length;
}
