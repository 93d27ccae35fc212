using System;
using System.Collections.Generic;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Incoming volume: how many new leads and new deals arrived per period, in total and per source (or product, owner,
/// team). A lead converted into a deal counts once as a lead (when it arrived) and its deal once as a deal (when it was
/// created).
/// </summary>
/// <remarks>Every method is a pure function of its arguments and is thread-safe.</remarks>
public static class IncomingVolume
{
    /// <summary>New leads and new deals per period.</summary>
    /// <param name="leads">The leads, whatever their status.</param>
    /// <param name="deals">The deals, whatever their status or pipeline.</param>
    /// <param name="periods">The periods; they must not overlap.</param>
    /// <param name="options">Options; <see cref="IncomingVolumeOptions.Default"/> (by source, UTC) when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument, a lead, a deal or a period is null.</exception>
    /// <exception cref="ArgumentException">The periods are empty or overlap, or the breakdown is by team without an organisation.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The breakdown is not a defined value.</exception>
    /// <example><code>
    /// var volume = IncomingVolume.Of(leads, deals, FiscalCalendar.Calendar.Months(2026));
    /// Console.WriteLine(volume);   // per month: new leads and deals, then per source
    /// </code></example>
    public static IncomingVolumeReport Of(
        IEnumerable<Lead> leads,
        IEnumerable<Deal> deals,
        IEnumerable<FiscalPeriod> periods,
        IncomingVolumeOptions? options = null
    )
    {
        Preconditions.CheckNotNull(leads);
        Preconditions.CheckNotNull(deals);
        var accumulator = new IncomingVolumeAccumulator(periods, options);
        var i = 0;
        foreach (var lead in leads)
        {
            if (lead is null)
            {
                throw new ArgumentNullException(nameof(leads), $"Lead {i} is null.");
            }
            accumulator.Add(lead);
            i++;
        }
        // The frame kernel over a list of deals when it can prove the counts; else every deal, reporting a null by position.
        if (DealFrames.For(deals) is { } frame && accumulator.TryAdd(frame))
        {
            return accumulator.Result();
        }
        i = 0;
        foreach (var deal in deals)
        {
            if (deal is null)
            {
                throw new ArgumentNullException(nameof(deals), $"Deal {i} is null.");
            }
            accumulator.Add(deal);
            i++;
        }
        return accumulator.Result();
    }
}
