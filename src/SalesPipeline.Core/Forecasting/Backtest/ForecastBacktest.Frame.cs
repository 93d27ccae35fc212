using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;

namespace SalesPipeline.Forecasting;

public static partial class ForecastBacktest
{
    // The rates a point's forecasts get. Converting an amount already in the reporting currency multiplies it by that
    // currency's rate, always exactly 1 (ExchangeRates.In; With refuses it), so it gives the same decimal, scale
    // included; when every deal of the point is in that currency the forecasts may therefore go without rates, which
    // lets their frame kernels run (they leave conversion to the deal code). A negative zero amount (which the frame
    // does not split) keeps the rates: times 1 it might lose its sign.
    private static ExchangeRates? RatesFor(DealFrame? past, ExchangeRates rates) =>
        past is { Exactness.NarrowAmounts: true, Currencies: [var only] } && only == rates.ReportingCurrency ? null : rates;

    // What was won in the period as the deals stood at `end` (the end of its last day), added in the deals' order as
    // the deal code adds them, from the frame's event rows: a deal's status and close instant then come from its rows
    // up to `end`, and its amount is the deal's own unless it changed after `end`. Null when the ticks cannot tell
    // "at or before end" exactly, the period is not in the ISO calendar, or a close date cannot be placed (the deal
    // code then runs and meets the same deals in the same order, so it gives the same sum or exception).
    internal static Money? TryActual(DealFrame frame, Instant end, FiscalPeriod period, DateTimeZone zone, ExchangeRates rates)
    {
        if (!frame.Exactness.WholeTicks || period.Start.Calendar != CalendarSystem.Iso)
        {
            return null;
        }
        var at = end.ToUnixTimeTicks();
        at = Instant.FromUnixTimeTicks(at) > end ? at - 1 : at;
        var (first, last) = (PeriodIndex.DayNumber(period.Start), PeriodIndex.DayNumber(period.End));
        var days = new ZoneDays(zone);
        var sum = Money.Zero(rates.ReportingCurrency);
        for (var r = 0; r < frame.Count; r++)
        {
            if (frame.ObservedFrom(r) > at || WonAt(frame, r, at) is not { } closed)
            {
                continue;
            }
            var day = days.DayOf(closed);
            if (!ZoneDays.IsPlaceable(day))
            {
                return null;
            }
            if (day >= first && day <= last)
            {
                sum += rates.Convert(AmountAt(frame, r, at, end));
            }
        }
        return sum;
    }

    // The close instant (ticks) of the row's deal when it was won at `at`, else null.
    private static long? WonAt(DealFrame frame, int row, long at)
    {
        if (frame.LastEventAt(row) <= at)
        {
            return frame.Status[row] == (byte)DealStatus.Won ? frame.DecidedAt[row] : null;
        }
        long? closed = null;
        for (var e = frame.EventStart[row]; e < frame.EventStart[row + 1] && frame.EventAt[e] <= at; e++)
        {
            switch (frame.EventKind[e])
            {
                case FrameEventKind.Imported:
                    var status = (DealStatus)(frame.EventAux[e] & ~DealFrame.ImportedStageEntryKnown);
                    closed = status == DealStatus.Won ? frame.EventAt[e] : null;
                    break;
                case FrameEventKind.Won:
                    closed = frame.EventAt[e];
                    break;
                case FrameEventKind.Lost or FrameEventKind.Reopened:
                    closed = null;
                    break;
            }
        }
        return closed;
    }

    // The deal's amount at `at`: its current one unless an amount change came later (then the deal as it was).
    private static Money AmountAt(DealFrame frame, int row, long at, Instant end)
    {
        var deal = frame.DealAt(row);
        for (var e = frame.EventStart[row + 1] - 1; e >= frame.EventStart[row] && frame.EventAt[e] > at; e--)
        {
            if (frame.EventKind[e] == FrameEventKind.AmountChanged)
            {
                deal.TryAsOf(end, out var then);
                return then!.Amount;
            }
        }
        return deal.Amount;
    }
}
