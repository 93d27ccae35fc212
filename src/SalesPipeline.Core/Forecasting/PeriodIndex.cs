using System;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;

namespace SalesPipeline.Forecasting;

// The one rule every forecast uses to place a deal: a won deal in the period of the date it was won, an open deal in
// the period of its expected close date (overdue when that is before the as-of date), a lost deal nowhere. A day table
// makes the lookup one array read, which the snapshot loops use directly.
internal sealed class PeriodIndex
{
    internal const int None = -1;
    internal const int Overdue = -2;
    internal const int Outside = -3;

    internal PeriodIndex(FiscalPeriod[] periods, LocalDate? asOf)
    {
        Periods = periods;
        var first = LocalDate.MaxIsoValue;
        var last = LocalDate.MinIsoValue;
        foreach (var period in periods)
        {
            first = period.Start < first ? period.Start : first;
            last = period.End > last ? period.End : last;
        }
        AsOf = asOf ?? first;
        AsOfDay = DayNumber(AsOf);
        FirstDay = DayNumber(first);
        DayTable = new int[DayNumber(last) - FirstDay + 1];
        Array.Fill(DayTable, None);
        for (var p = 0; p < periods.Length; p++)
        {
            for (int d = DayNumber(periods[p].Start), end = DayNumber(periods[p].End); d <= end; d++)
            {
                DayTable[d - FirstDay] = p;
            }
        }
    }

    internal FiscalPeriod[] Periods { get; }

    internal LocalDate AsOf { get; }

    internal int AsOfDay { get; }

    // DayTable[day - FirstDay] is the index of the period containing that day, or None.
    internal int[] DayTable { get; }

    internal int FirstDay { get; }

    internal static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    // The date that places a deal: when it was won (in the zone), else its expected close date.
    internal static LocalDate DecidingDate(Deal deal, DateTimeZone zone) =>
        deal.Status == DealStatus.Won ? deal.ClosedAt!.Value.InZone(zone).Date : deal.ExpectedClose;

    internal int IndexOf(LocalDate date) => IndexOfDay(DayNumber(date));

    internal int IndexOfDay(int day) => IndexOfDay(DayTable, FirstDay, day);

    // IndexOfDay on a day table and first day a kernel holds in locals.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static int IndexOfDay(int[] dayTable, int firstDay, int day)
    {
        var rel = unchecked((uint)(day - firstDay)); // days before the first period wrap to large values and miss
        return rel < (uint)dayTable.Length ? dayTable[rel] : None;
    }

    // A period index, Overdue or Outside for an open deal; a period index or None for a won deal; None for a lost one
    // and for a stopped one (a stopped deal is in no forecast: not pipeline, not overdue).
    internal int SlotOf(Deal deal, DateTimeZone zone) =>
        deal.Status switch
        {
            DealStatus.Lost or DealStatus.Stopped => None,
            DealStatus.Won => IndexOf(DecidingDate(deal, zone)),
            _ when deal.ExpectedClose < AsOf => Overdue,
            _ => IndexOf(deal.ExpectedClose) is var p and >= 0 ? p : Outside,
        };

    // SlotOf for a row of a frame, by the same rule; false when the won day is one the deal code cannot place (it
    // throws there), so the kernel leaves the deals to it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal bool TrySlotOf(DealFrame frame, int row, ZoneDays zone, out int slot)
    {
        switch ((DealStatus)frame.Status[row])
        {
            case DealStatus.Lost or DealStatus.Stopped:
                slot = None;
                return true;
            case DealStatus.Won:
                var wonDay = zone.DayOf(frame.DecidedAt[row]);
                var placeable = ZoneDays.IsPlaceable(wonDay);
                slot = placeable ? IndexOfDay(wonDay) : None;
                return placeable;
            default:
                var day = frame.ExpectedCloseDay[row];
                slot =
                    day < AsOfDay ? Overdue
                    : IndexOfDay(day) is var p and >= 0 ? p
                    : Outside;
                return true;
        }
    }
}
