using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;

namespace SalesPipeline.Tests.Frames;

// The cash forecast finds an instalment's row in a day table instead of asking each period in turn; the old scan is
// kept here as the oracle. Periods with gaps between them, in any order, as-of dates before, inside and after them,
// and spans too long for the table (the scan then runs) must all give the scan's row.
public class CashForecastRowsTests
{
    private static readonly LocalDate Base = new(2026, 1, 1);

    private static readonly Gen<FiscalPeriod[]> PeriodsGen =
        from lengths in Gen.ListOf(Gen.Choose(1, 40)).Where(l => l.Count > 0)
        from gaps in Gen.ListOf(Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 10))))
        from wide in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from shuffle in Gen.Choose(0, 1000)
        select Build(lengths.Take(14).ToArray(), gaps.ToArray(), wide, shuffle);

    private static FiscalPeriod[] Build(int[] lengths, int[] gaps, bool wide, int shuffle)
    {
        var periods = new List<FiscalPeriod>();
        var start = Base;
        for (var i = 0; i < lengths.Length; i++)
        {
            // One wide list ends with a period of about 300 years: longer than the table, so the scan runs.
            var end = wide && i == lengths.Length - 1 ? start.PlusYears(300) : start.PlusDays(lengths[i] - 1);
            periods.Add(FiscalPeriod.Of(new DateInterval(start, end)));
            start = end.PlusDays(1 + (i < gaps.Length ? gaps[i] : 0));
        }
        return [.. periods.OrderBy(p => ((p.Start.DayOfYear * 7_919L) + shuffle) % 101)];
    }

    [Fact]
    public void RowOf_EqualsTheScanOverThePeriods_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                PeriodsGen.ToArbitrary(),
                Gen.Choose(-30, 400).ToArbitrary(),
                Gen.ListOf(Gen.Frequency((1, Gen.Constant<int?>(null)), (12, Gen.Choose(-60, 500).Select(d => (int?)d)))).ToArbitrary(),
                (periods, asOf, dues) =>
                {
                    var rows = new CashForecastRows(Base.PlusDays(asOf), periods);
                    foreach (var due in dues)
                    {
                        var date = due is { } d ? Base.PlusDays(d) : (LocalDate?)null;
                        Assert.Equal(Scan(date, Base.PlusDays(asOf), periods), rows.RowOf(date));
                    }
                    return true;
                }
            )
        );

    [Fact]
    public void RowOf_AsWorkedOut()
    {
        // January and March 2026 (February is a gap), as of 2026-01-10: 2026-01-09 is overdue (0), 2026-01-10 is
        // January (1), 2026-02-14 is in no period ("outside", 3), 2026-03-31 is March (2), no date is "undated" (4).
        FiscalPeriod[] periods = [FiscalCalendar.Calendar.Month(2026, 1), FiscalCalendar.Calendar.Month(2026, 3)];
        var rows = new CashForecastRows(new LocalDate(2026, 1, 10), periods);
        Assert.Equal(
            [0, 1, 3, 2, 4],
            new LocalDate?[] { new(2026, 1, 9), new(2026, 1, 10), new(2026, 2, 14), new(2026, 3, 31), null }.Select(rows.RowOf)
        );
    }

    [Fact]
    public void RowOf_ADateThePeriodsCannotHold_IsReportedAsBefore()
    {
        // Another calendar: comparing it with the as-of date throws, as it did in the scan.
        FiscalPeriod[] periods = [FiscalCalendar.Calendar.Month(2026, 1)];
        var rows = new CashForecastRows(new LocalDate(2026, 1, 1), periods);
        var julian = new LocalDate(2026, 1, 20).WithCalendar(CalendarSystem.Julian);
        var expected = Record.Exception(() => Scan(julian, new LocalDate(2026, 1, 1), periods));
        var actual = Record.Exception(() => rows.RowOf(julian));
        Assert.NotNull(expected);
        Assert.Equal((expected.GetType(), expected.Message), (actual?.GetType(), actual?.Message));
    }

    // CashForecast's RowOf before the day table (948174b).
    private static int Scan(LocalDate? due, LocalDate asOf, FiscalPeriod[] periods)
    {
        if (due is not { } d)
        {
            return periods.Length + 2;
        }
        if (d < asOf)
        {
            return 0;
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
