using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Targets;

// Quota.Decompose: worked examples by hand, the "parts add up at every level" properties, and bad input.
// 2026-01-01 is a Thursday and 2026-12-31 a Thursday, so with Monday weeks FY2026 (calendar) has 53 weeks:
// W01 = Jan 1-4 (4 days), W02 = Jan 5-11, ..., W53 = Dec 28-31 (4 days).
public sealed partial class QuotaTests
{
    private static Quota Annual(decimal amount, Currency? currency = null, FiscalCalendar? calendar = null, int year = 2026) =>
        Quota.ForPerson("alice", (calendar ?? FiscalCalendar.Calendar).Year(year), Money.Of(amount, currency ?? Currency.USD));

    private static decimal[] Amounts(IEnumerable<Quota> quotas) => quotas.Select(q => q.Target.Amount).ToArray();

    [Fact]
    public void Decompose_1200000Evenly_Is300000AQuarterAnd100000AMonth()
    {
        var plan = Quota.Decompose(Annual(1_200_000m), FiscalCalendar.Calendar);

        Assert.Equal([300_000m, 300_000m, 300_000m, 300_000m], Amounts(plan.Quarters));
        Assert.Equal(Enumerable.Repeat(100_000m, 12), Amounts(plan.Months));
        Assert.Equal(FiscalCalendar.Calendar.Quarters(2026), plan.Quarters.Select(q => q.Period));
        Assert.Equal(FiscalCalendar.Calendar.Months(2026), plan.Months.Select(q => q.Period));
        Assert.All(plan.All(), q => Assert.Equal(("alice", QuotaLevel.Person), (q.SubjectId, q.Level)));
        // Weeks: 53, adding up to the year. W01 has 4 of January's 31 days: 100,000.00 x 4 / 31 = 12,903.2258...,
        // so largest remainder gives it 12,903.22 or 12,903.23.
        Assert.Equal(53, plan.Weeks.Count);
        Assert.Equal(1_200_000m, Amounts(plan.Weeks).Sum());
        Assert.Contains(plan.Weeks[0].Target.Amount, new[] { 12_903.22m, 12_903.23m });
        Assert.Equal(1 + 4 + 12 + 53, plan.All().Count);
    }

    [Fact]
    public void Decompose_WeeksCutAtTheYearEnds_GetOnlyTheirDays()
    {
        // 3,720.00 evenly: 930.00 a quarter, 310.00 a month; January and December have 31 days, so 10.00 a day.
        // W01 (Jan 1-4) = 4 x 10.00 = 40.00; W02 (Jan 5-11) = 70.00; W53 (Dec 28-31) = 40.00, all exact.
        // W05 (Jan 26 - Feb 1) = 6 x 10.00 + 310.00 / 28 = 71.0714..., so 71.07 or 71.08.
        var plan = Quota.Decompose(Annual(3_720m), FiscalCalendar.Calendar);

        Assert.Equal(Enumerable.Repeat(310m, 12), Amounts(plan.Months));
        Assert.Equal((40m, 70m, 40m), (plan.Weeks[0].Target.Amount, plan.Weeks[1].Target.Amount, plan.Weeks[52].Target.Amount));
        Assert.Equal(new LocalDate(2026, 1, 26), plan.Weeks[4].Period.Start);
        Assert.Contains(plan.Weeks[4].Target.Amount, new[] { 71.07m, 71.08m });
        Assert.Equal(3_720m, Amounts(plan.Weeks).Sum());
    }

    [Fact]
    public void Decompose_SeasonalMonthlyWeights_MonthsByWeightAndQuartersTheirSums()
    {
        // Weights add up to 100, so each point is 12,000.00: 6 -> 72,000.00, 8 -> 96,000.00, 10 -> 120,000.00,
        // 12 -> 144,000.00. Quarters: 72+72+96 = 240; 96+96+120 = 312; 240; 120+144+144 = 408 (thousands).
        decimal[] weights = [6, 6, 8, 8, 8, 10, 6, 6, 8, 10, 12, 12];

        var plan = Quota.Decompose(Annual(1_200_000m), FiscalCalendar.Calendar, weights);

        Assert.Equal(
            [72_000m, 72_000m, 96_000m, 96_000m, 96_000m, 120_000m, 72_000m, 72_000m, 96_000m, 120_000m, 144_000m, 144_000m],
            Amounts(plan.Months)
        );
        Assert.Equal([240_000m, 312_000m, 240_000m, 408_000m], Amounts(plan.Quarters));
    }

    [Fact]
    public void Decompose_445Weighting_GivesEachQuartersThirdMonthFiveWeeks()
    {
        // 4-4-5: 52 "weeks" of 1,300,000.00 / 52 = 25,000.00: months 100,000, 100,000, 125,000; quarters 325,000.
        decimal[] weights = [4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5];

        var plan = Quota.Decompose(Annual(1_300_000m), FiscalCalendar.Calendar, weights);

        Assert.Equal([100_000m, 100_000m, 125_000m, 100_000m, 100_000m, 125_000m], Amounts(plan.Months).Take(6));
        Assert.Equal(Enumerable.Repeat(325_000m, 4), Amounts(plan.Quarters));
    }

    [Fact]
    public void Decompose_100InOneQuarter_SplitsItsThreeMonths33_34_33_33_33_33()
    {
        // Quarterly weights 1, 0, 0, 0 put all of 100.00 in Q1; its three months are 33.33 each plus the leftover
        // cent to the first: 33.34, 33.33, 33.33. The other quarters and their months are exactly zero.
        var plan = Quota.Decompose(Annual(100m), FiscalCalendar.Calendar, [1m, 0m, 0m, 0m]);

        Assert.Equal([100m, 0m, 0m, 0m], Amounts(plan.Quarters));
        Assert.Equal([33.34m, 33.33m, 33.33m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m], Amounts(plan.Months));
        Assert.Equal(100m, Amounts(plan.Weeks).Sum());
        Assert.All(plan.Weeks.Where(w => w.Period.Start.Month >= 4), w => Assert.Equal(0m, w.Target.Amount));
    }

    [Fact]
    public void Decompose_100Evenly_QuartersFirstSoEveryQuarterIs25()
    {
        // Quarters first: 25.00 each; each quarter's months 8.34, 8.33, 8.33 (adding up to 25.00), not months first
        // (which would make Q1 8.34 x 3 = 25.02 and Q4 8.33 x 3 = 24.99).
        var plan = Quota.Decompose(Annual(100m), FiscalCalendar.Calendar);

        Assert.Equal([25m, 25m, 25m, 25m], Amounts(plan.Quarters));
        Assert.Equal([8.34m, 8.33m, 8.33m, 8.34m, 8.33m, 8.33m, 8.34m, 8.33m, 8.33m, 8.34m, 8.33m, 8.33m], Amounts(plan.Months));
    }

    [Fact]
    public void Decompose_Jpy_HasNoFractionsAndAddsUp()
    {
        // JPY 1,000,000 (no decimals): quarters 250,000; each quarter's months 83,334 + 83,333 + 83,333 = 250,000.
        var plan = Quota.Decompose(Annual(1_000_000m, Currency.JPY), FiscalCalendar.Calendar);

        Assert.Equal(Enumerable.Repeat(250_000m, 4), Amounts(plan.Quarters));
        Assert.Equal([83_334m, 83_333m, 83_333m], Amounts(plan.Months).Take(3));
        Assert.All(plan.All(), q => Assert.Equal(Currency.JPY, q.Target.Currency));
        Assert.Equal(1_000_000m, Amounts(plan.Weeks).Sum());
    }

    [Fact]
    public void Decompose_JulyYearByQuarterlyWeights_FollowsTheFiscalQuarters()
    {
        // FY2026 of a July calendar runs 2025-07-01 to 2026-06-30. Weights 1:2:3:4 of 1,000,000.00 are 100,000,
        // 200,000, 300,000, 400,000; Q1 (Jul-Sep 2025) months 33,333.34, 33,333.33, 33,333.33.
        var july = FiscalCalendar.StartingIn(7);

        var plan = Quota.Decompose(Annual(1_000_000m, calendar: july), july, [1m, 2m, 3m, 4m]);

        Assert.Equal([100_000m, 200_000m, 300_000m, 400_000m], Amounts(plan.Quarters));
        Assert.Equal([33_333.34m, 33_333.33m, 33_333.33m], Amounts(plan.Months).Take(3));
        Assert.Equal(new LocalDate(2025, 7, 1), plan.Months[0].Period.Start);
        Assert.Equal("FY2026 Q4", plan.Quarters[3].Period.Label);
        Assert.Equal(new LocalDate(2025, 7, 1), plan.Weeks[0].Period.Start);
        Assert.Equal(new LocalDate(2026, 6, 30), plan.Weeks[^1].Period.End);
    }

    [Fact]
    public void Decompose_ZeroTarget_IsAllZeros()
    {
        var plan = Quota.Decompose(Annual(0m), FiscalCalendar.Calendar, [1m, 2m, 3m, 4m]);

        Assert.All(plan.All(), q => Assert.True(q.Target.IsZero));
    }

    // ---- properties -------------------------------------------------------------------------------------------

    private static readonly Gen<decimal[]?> SeasonalWeights = Gen.Frequency(
        (1, Gen.Constant<decimal[]?>(null)),
        (2, WeightsOf(4)),
        (2, WeightsOf(12))
    );

    private static Gen<decimal[]?> WeightsOf(int count) =>
        from raw in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 40))), count)
        from positiveAt in Gen.Choose(0, count - 1)
        select (decimal[]?)raw.Select((w, i) => i == positiveAt && w == 0 ? 1m : w).ToArray();

    private static readonly Gen<(long Units, Currency Currency, int Month, int Year, decimal[]? Weights, IsoDayOfWeek Day)> Plans =
        from units in Gen.Frequency(
            (1, Gen.Choose(0, 100).Select(i => (long)i)),
            (3, from high in Gen.Choose(0, 100_000) from low in Gen.Choose(0, 999_999) select high * 1_000_000L + low)
        )
        from currency in Gen.Elements(Currency.USD, Currency.JPY, Currency.FromCode("KWD"))
        from month in Gen.Choose(1, 12)
        from year in Gen.Choose(2001, 2099)
        from weights in SeasonalWeights
        from day in Gen.Choose(1, 7)
        select (units, currency, month, year, weights, (IsoDayOfWeek)day);

    private static QuotaPlan PlanOf((long Units, Currency Currency, int Month, int Year, decimal[]? Weights, IsoDayOfWeek Day) c)
    {
        var calendar = FiscalCalendar.StartingIn(c.Month);
        var annual = Quota.ForTeam("t", calendar.Year(c.Year), Money.FromMinorUnits(c.Units, c.Currency));
        return Quota.Decompose(annual, calendar, c.Weights, c.Day);
    }

    private static long Units(Quota q) => q.Target.ToMinorUnits();

    [Fact]
    public void Decompose_Property_PartsAddUpExactlyAtEveryLevel() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Plans.ToArbitrary(),
                c =>
                {
                    var plan = PlanOf(c);
                    var quarters = plan.Quarters.Select(Units).ToArray();
                    var months = plan.Months.Select(Units).ToArray();
                    return quarters.Sum() == c.Units
                        && months.Sum() == c.Units
                        && plan.Weeks.Sum(Units) == c.Units
                        && Enumerable.Range(0, 4).All(q => months[3 * q] + months[3 * q + 1] + months[3 * q + 2] == quarters[q])
                        && plan.All().All(q => q.Target.Amount >= 0m && q.Target.Currency == c.Currency && q.SubjectId == "t");
                }
            )
        );

    [Fact]
    public void Decompose_Property_PeriodsAreTheCalendarsAndWeeksFollowTheMonthsDays() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Plans.ToArbitrary(),
                c =>
                {
                    var plan = PlanOf(c);
                    var calendar = FiscalCalendar.StartingIn(c.Month);
                    // A second computation of each week's exact share, as a fraction over 28 x 29 x 30 x 31: each day is
                    // worth its calendar month's part / the month's length in days.
                    const long denominator = 28L * 29 * 30 * 31;
                    var weeksOk = plan.Weeks.All(week =>
                    {
                        BigInteger numerator = 0;
                        for (var day = week.Period.Start; day <= week.Period.End; day = day.PlusDays(1))
                        {
                            var month = plan.Months.Single(m => m.Period.Contains(day));
                            numerator += (BigInteger)Units(month) * (denominator / CalendarSystem.Iso.GetDaysInMonth(day.Year, day.Month));
                        }
                        var floor = BigInteger.Divide(numerator, denominator);
                        var units = (BigInteger)Units(week);
                        return units == floor || (units == floor + 1 && numerator % denominator != 0);
                    });
                    return plan.Quarters.Select(q => q.Period).SequenceEqual(calendar.Quarters(c.Year))
                        && plan.Months.Select(q => q.Period).SequenceEqual(calendar.Months(c.Year))
                        && plan.Weeks.Select(q => q.Period).SequenceEqual(calendar.Weeks(c.Year, c.Day))
                        && weeksOk;
                }
            )
        );

    [Fact]
    public void Decompose_Property_EvenPartsDifferByAtMostOneMinorUnit() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Plans.Select(c => c with { Weights = null }).ToArbitrary(),
                c =>
                {
                    var plan = PlanOf(c);
                    var quarters = plan.Quarters.Select(Units).ToArray();
                    var months = plan.Months.Select(Units).ToArray();
                    return quarters.Max() - quarters.Min() <= 1 && months.Max() - months.Min() <= 1;
                }
            )
        );

    // ---- bad input --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(13)]
    public void Decompose_WrongNumberOfWeights_Throws(int count)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Quota.Decompose(Annual(100m), FiscalCalendar.Calendar, Enumerable.Repeat(1m, count).ToArray())
        );

        Assert.Equal("weights", ex.ParamName);
        Assert.Contains($"; {count} were given", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompose_NegativeWeight_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => Quota.Decompose(Annual(100m), FiscalCalendar.Calendar, [1m, 1m, -0.5m, 1m]));

        Assert.Equal("weights", ex.ParamName);
        Assert.Contains("weight 2 was -0.5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompose_AllZeroWeights_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Quota.Decompose(Annual(100m), FiscalCalendar.Calendar, new decimal[12]));

        Assert.Equal("weights", ex.ParamName);
        Assert.Contains("all 12 weights were zero", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompose_PeriodNotAFiscalYearOfTheCalendar_Throws()
    {
        var quarter = Quota.ForPerson("alice", FiscalCalendar.Calendar.Quarter(2026, 1), Usd(100m));
        var calendarYear = Annual(100m);

        var notAYear = Assert.Throws<ArgumentException>(() => Quota.Decompose(quarter, FiscalCalendar.Calendar));
        var otherCalendar = Assert.Throws<ArgumentException>(() => Quota.Decompose(calendarYear, FiscalCalendar.StartingIn(7)));

        Assert.Equal("annual", notAYear.ParamName);
        Assert.Contains("2026-Q1", notAYear.Message, StringComparison.Ordinal);
        Assert.Equal("annual", otherCalendar.ParamName);
        Assert.Contains("2026-01-01..2026-12-31", otherCalendar.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompose_CurrencyWithoutMinorUnit_Throws()
    {
        var gold = Annual(12m, Currency.FromCode("XAU"));

        var ex = Assert.Throws<InvalidOperationException>(() => Quota.Decompose(gold, FiscalCalendar.Calendar));

        Assert.Contains("XAU", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompose_Nulls_Throw()
    {
        Assert.Equal("annual", Assert.Throws<ArgumentNullException>(() => Quota.Decompose(null!, FiscalCalendar.Calendar)).ParamName);
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => Quota.Decompose(Annual(1m), null!)).ParamName);
    }
}
