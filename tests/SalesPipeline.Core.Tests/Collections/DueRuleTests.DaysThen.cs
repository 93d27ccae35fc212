using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

// The two "days, then" rules. Cases marked Odoo are the expectations of Odoo's own tests for its payment-term delay type
// "days_end_of_month_on_the" (odoo/odoo, addons/account/tests/test_payment_term.py: test_payment_term_days_end_of_month_on_the,
// _nb_days_0, _nb_days_15, _days_next_month_0; Odoo's day 0 is our end-of-month rule). The rest are counted by hand.
public partial class DueRuleTests
{
    [Theory]
    [InlineData("2023-12-12", 30, 10, "2024-02-10")] // Odoo: Dec 12 + 30 = Jan 11, then Feb 10
    [InlineData("2023-12-12", 30, 31, "2024-02-29")] // Odoo: Jan 11, then Feb 31 clamped to the 29th (2024 is leap)
    [InlineData("2024-05-23", 0, 29, "2024-06-29")] // Odoo: N = 0, the following month is June
    [InlineData("2024-05-23", 0, 31, "2024-06-30")] // Odoo: June has 30 days
    [InlineData("2024-05-24", 15, 30, "2024-07-30")] // Odoo: May 24 + 15 = Jun 8 (7 days to May 31, 8 more), then Jul 30
    [InlineData("2024-05-23", 15, 31, "2024-07-31")] // Odoo: Jun 7, then Jul 31
    [InlineData("2026-01-15", 0, 31, "2026-02-28")] // Feb 31 clamped, 2026 is not leap
    [InlineData("2026-01-20", 10, 29, "2026-02-28")] // Jan 30, then Feb 29 clamped to the 28th (not leap)
    [InlineData("2028-01-20", 10, 29, "2028-02-29")] // Jan 30, then Feb 29 (leap: no clamp)
    [InlineData("2026-01-01", 0, 10, "2026-02-10")] // always the following month, although Jan 10 is still to come
    [InlineData("2026-01-01", 30, 1, "2026-02-01")] // Jan 1 + 30 = Jan 31, then Feb 1
    [InlineData("2026-12-15", 20, 5, "2027-02-05")] // Dec 15 + 20 = Jan 4 (16 to Dec 31, 4 more), then Feb 5
    [InlineData("2026-01-31", 30, 10, "2026-04-10")] // Jan 31 + 30 = Mar 2 (28 to Feb 28, 2 more), then Apr 10
    public void DaysThenDayOfFollowingMonth_CountsDaysThenTakesDayDOfTheNextMonth(string start, int days, int day, string expected) =>
        Assert.Equal(D(expected), DueRule.DaysThenDayOfFollowingMonth(days, day).DueOn(D(start), 0, null));

    [Theory]
    [InlineData("2024-04-22", 30, "2024-05-31")] // Odoo (day 0): Apr 22 + 30 = May 22, then May 31
    [InlineData("2026-01-15", 30, "2026-02-28")] // Feb 14, then Feb 28 (not leap)
    [InlineData("2028-01-15", 30, "2028-02-29")] // Feb 14, then Feb 29 (leap)
    [InlineData("2026-01-31", 0, "2026-01-31")] // already a month end
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-12-31", 1, "2027-01-31")]
    [InlineData("2026-01-15", 0, "2026-01-31")]
    public void DaysThenEndOfMonth_CountsDaysThenTakesThatMonthsLastDay(string start, int days, string expected) =>
        Assert.Equal(D(expected), DueRule.DaysThenEndOfMonth(days).DueOn(D(start), 0, null));

    // Month arithmetic as year * 12 + month and month lengths from System.DateTime: a second method, not NodaTime's.
    private static int MonthIndex(LocalDate d) => (d.Year * 12) + d.Month - 1;

    private static readonly Gen<LocalDate> Starts = Gen.Choose(0, 3_000).Select(d => new LocalDate(2023, 1, 1).PlusDays(d));

    [Fact]
    public void DaysThenDayOfFollowingMonth_IsAfterStartPlusNAndInTheFollowingMonth_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Starts.ToArbitrary(),
                Gen.Choose(0, 400).ToArbitrary(),
                Gen.Choose(1, 31).ToArbitrary(),
                (start, days, day) =>
                {
                    var due = DueRule.DaysThenDayOfFollowingMonth(days, day).DueOn(start, 0, null)!.Value;
                    var afterDays = start.PlusDays(days);
                    return due > afterDays
                        && MonthIndex(due) == MonthIndex(afterDays) + 1
                        && due.Day == Math.Min(day, DateTime.DaysInMonth(due.Year, due.Month));
                }
            )
        );

    [Fact]
    public void DaysThenEndOfMonth_IsTheLastDayOfStartPlusNsMonth_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Starts.ToArbitrary(),
                Gen.Choose(0, 400).ToArbitrary(),
                (start, days) =>
                {
                    var due = DueRule.DaysThenEndOfMonth(days).DueOn(start, 0, null)!.Value;
                    var afterDays = start.PlusDays(days);
                    return due >= afterDays
                        && MonthIndex(due) == MonthIndex(afterDays)
                        && due.Day == DateTime.DaysInMonth(due.Year, due.Month);
                }
            )
        );

    [Fact]
    public void DaysThenRules_NegativeDays_Throw()
    {
        var a = Assert.Throws<ArgumentOutOfRangeException>(() => DueRule.DaysThenDayOfFollowingMonth(-1, 10));
        var b = Assert.Throws<ArgumentOutOfRangeException>(() => DueRule.DaysThenEndOfMonth(-30));

        Assert.Equal("days", a.ParamName);
        Assert.Contains("it was -1", a.Message, StringComparison.Ordinal);
        Assert.Equal("days", b.ParamName);
        Assert.Contains("it was -30", b.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DayRules_MoreThanAHundredYears_Throw_AndTheLimitItselfIsAccepted()
    {
        // 36,525 days = 100 years (the documented limit): accepted by every rule; one day more is refused by name, so
        // no due-date arithmetic can overflow later (int.MaxValue used to fail in NodaTime or as a raw OverflowException).
        Assert.Equal(36_525, DueRule.DaysThenEndOfMonth(36_525).Days);
        Assert.Equal(new LocalDate(2126, 12, 31), DueRule.DaysThenEndOfMonth(36_525).DueOn(new LocalDate(2026, 12, 1), 0, null));
        var tooMany = new Func<DueRule>[]
        {
            () => DueRule.DaysAfterStart(36_526),
            () => DueRule.DaysAfterEndOfStartMonth(int.MaxValue),
            () => DueRule.DaysThenDayOfFollowingMonth(int.MaxValue, 1),
            () => DueRule.DaysThenEndOfMonth(36_526),
            () => DueRule.OnMilestone("go-live", int.MaxValue),
        };

        Assert.All(
            tooMany,
            make =>
            {
                var e = Assert.Throws<ArgumentOutOfRangeException>(make);
                Assert.Equal("days", e.ParamName);
                Assert.Contains("between 0 and 36525", e.Message, StringComparison.Ordinal);
            }
        );
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(-5)]
    public void DaysThenDayOfFollowingMonth_DayOutsideOneTo31_Throws(int day)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DueRule.DaysThenDayOfFollowingMonth(30, day));

        Assert.Equal("day", e.ParamName);
        Assert.Contains($"it was {day}", e.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DaysThenRules_AreNotMonthly_SoALineCannotRepeatThem()
    {
        Assert.False(DueRule.DaysThenDayOfFollowingMonth(30, 10).IsMonthly);
        var e = Assert.Throws<ArgumentException>(() => TermsLine.Balance(DueRule.DaysThenEndOfMonth(30), instalments: 2));
        Assert.Equal("instalments", e.ParamName);
    }

    [Fact]
    public void DaysThenRules_ToStringAndEquality()
    {
        Assert.Equal("30 days after start, then day 10 of the following month", DueRule.DaysThenDayOfFollowingMonth(30, 10).ToString());
        Assert.Equal("45 days after start, then end of month", DueRule.DaysThenEndOfMonth(45).ToString());
        Assert.Equal(DueRule.DaysThenDayOfFollowingMonth(30, 10), DueRule.DaysThenDayOfFollowingMonth(30, 10));
        Assert.NotEqual(DueRule.DaysThenDayOfFollowingMonth(30, 10), DueRule.DaysThenDayOfFollowingMonth(30, 11));
        Assert.NotEqual(DueRule.DaysThenEndOfMonth(30), DueRule.DaysAfterStart(30));
    }

    // USD 1,000.00 signed 2026-01-20: 40% "30 days end of month on the 10th" (Feb 19, then Mar 10), the balance
    // "30 days then end of month" (Feb 19, then Feb 28).
    [Fact]
    public void Schedule_WithDaysThenRules_DatesTheInstalments()
    {
        var terms = PaymentTerms.Create(
            TermsLine.Percentage(40m, DueRule.DaysThenDayOfFollowingMonth(30, 10)),
            TermsLine.Balance(DueRule.DaysThenEndOfMonth(30))
        );
        var schedule = CollectionSchedule.Create(Usd(1_000m), D("2026-01-20"), terms);

        Assert.Equal(new LocalDate?[] { D("2026-03-10"), D("2026-02-28") }, DueDates(schedule));
        Assert.Equal(new[] { 400.00m, 600.00m }, Amounts(schedule));
    }
}
