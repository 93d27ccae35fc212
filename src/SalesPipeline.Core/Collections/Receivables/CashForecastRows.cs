using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Forecasting;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

// The row of the cash forecast an instalment goes to: 0 overdue, 1..n the periods, n + 1 outside periods, n + 2
// undated. A forecast places an instalment per deal and per instalment (12 million for a million deals on monthly
// terms), so a due date finds its period in PeriodIndex's day table instead of asking every period in turn. A date the
// periods cannot hold (another calendar, before year 1) is asked the old way, which reports it as it always has; so is
// every date when the periods span more days than the table is worth.
internal sealed class CashForecastRows
{
    private readonly LocalDate asOf;
    private readonly FiscalPeriod[] periods;
    private readonly PeriodIndex? index;

    internal CashForecastRows(LocalDate asOf, FiscalPeriod[] periods)
    {
        this.asOf = asOf;
        this.periods = periods;
        var (first, last) = (periods[0].Start, periods[0].End);
        foreach (var period in periods)
        {
            first = period.Start < first ? period.Start : first;
            last = period.End > last ? period.End : last;
        }
        index = Period.DaysBetween(first, last) < MaxTableDays ? new PeriodIndex(periods, null) : null;
    }

    // The number of rows: overdue, the periods, outside periods, undated.
    internal int Count => periods.Length + 3;

    // About 27 years of days (a 400 KB table).
    private const int MaxTableDays = 100_000;

    internal int RowOf(LocalDate? due)
    {
        if (due is not { } d)
        {
            return periods.Length + 2;
        }
        if (d < asOf)
        {
            return 0;
        }
        if (index is not null && Preconditions.DateProblem(d) is null)
        {
            return index.IndexOf(d) is var p and >= 0 ? p + 1 : periods.Length + 1;
        }
        for (var p = 0; p < periods.Length; p++)
        {
            if (periods[p].Contains(d))
            {
                return p + 1;
            }
        }
        return periods.Length + 1;
    }
}
