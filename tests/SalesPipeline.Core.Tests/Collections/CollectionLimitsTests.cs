using NodaTime;
using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

// The documented limits of payment terms (docs/collections.md, "Limits"): at most 1,200 instalments per line and 1,200
// months in a monthly rule (100 years, like the 36,525-day limit of the day rules), and no due date after 9999-12-31.
// Each case used to fail with a raw runtime or NodaTime exception, or to run out of memory.
public class CollectionLimitsTests
{
    [Theory]
    [InlineData(int.MaxValue)] // used to allocate arrays of 2^31 instalments: OutOfMemoryException
    [InlineData(120_000)] // used to overflow NodaTime's calendar (10,000 years of months) inside Create
    [InlineData(1_201)]
    public void Instalments_AboveTwelveHundred_AreRefusedByTheLine(int instalments)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments));

        Assert.Equal("instalments", e.ParamName);
        Assert.Contains("1 to 1200 instalments", e.Message, StringComparison.Ordinal);
        Assert.Contains(instalments.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwelveHundredInstalments_TheLimit_GiveAHundredYearsOfMonthlyParts()
    {
        // USD 12,000.00 in 1,200 parts is USD 10.00 each; part k is due 2026-01-31 plus 1 + k months (k = 0 .. 1199): the
        // first 2026-02-28 (clamped to February's last day), the last 1,200 months = 100 years later: 2126-01-31.
        var terms = PaymentTerms.Create(TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 1_200));

        var schedule = CollectionSchedule.Create(Usd(12_000m), D("2026-01-31"), terms);

        Assert.Equal(1_200, schedule.Instalments.Count);
        Assert.All(schedule.Instalments, i => Assert.Equal(10m, i.Amount.Amount));
        Assert.Equal(D("2026-02-28"), schedule.Instalments[0].DueOn);
        Assert.Equal(D("2126-01-31"), schedule.Instalments[^1].DueOn);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1_201)]
    public void Months_AboveTwelveHundred_AreRefusedByTheRule(int months)
    {
        Assert.Equal(1_200, DueRule.MonthsAfterStart(1_200).Months);
        var monthsAfter = Assert.Throws<ArgumentOutOfRangeException>(() => DueRule.MonthsAfterStart(months));
        var dayOf = Assert.Throws<ArgumentOutOfRangeException>(() => DueRule.DayOfMonth(15, months));

        Assert.Equal("months", monthsAfter.ParamName);
        Assert.Equal("months", dayOf.ParamName);
        Assert.Contains("between 0 and 1200", monthsAfter.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DueDate_AfterTheLastSupportedDay_IsRefused_NamingTerms()
    {
        // Signed 9999-12-01: 30 days later is 9999-12-31 (December has 31 days), the last supported day, so it is
        // accepted; 31 days later would be year 10000, which NodaTime cannot represent (it used to throw from inside).
        var lastDay = CollectionSchedule.Create(
            Usd(100m),
            D("9999-12-01"),
            PaymentTerms.Create(TermsLine.Balance(DueRule.DaysAfterStart(30)))
        );
        Assert.Equal(D("9999-12-31"), lastDay.Instalments[0].DueOn);

        var cases = new Func<CollectionSchedule>[]
        {
            () => CollectionSchedule.Create(Usd(100m), D("9999-12-01"), PaymentTerms.Create(TermsLine.Balance(DueRule.DaysAfterStart(31)))),
            () =>
                CollectionSchedule.Create(Usd(100m), D("9999-01-15"), PaymentTerms.Create(TermsLine.Balance(DueRule.MonthsAfterStart(12)))),
            () =>
                CollectionSchedule.Create(
                    Usd(100m),
                    D("9999-06-15"),
                    PaymentTerms.Create(TermsLine.Balance(DueRule.DayOfMonth(1, 1), instalments: 7))
                ),
            () =>
                CollectionSchedule.Create(
                    Usd(100m),
                    D("9999-12-15"),
                    PaymentTerms.Create(TermsLine.Balance(DueRule.DaysThenDayOfFollowingMonth(0, 10)))
                ),
            () =>
                CollectionSchedule.Create(
                    Usd(100m),
                    D("9999-12-15"),
                    PaymentTerms.Create(TermsLine.Balance(DueRule.DaysAfterEndOfStartMonth(1)))
                ),
        };

        Assert.All(
            cases,
            create =>
            {
                var e = Assert.Throws<ArgumentOutOfRangeException>(create);
                Assert.Equal("terms", e.ParamName);
                Assert.Contains("Due dates must not be after 9999-12-31", e.Message, StringComparison.Ordinal);
            }
        );
    }

    [Fact]
    public void DayOfMonth_SixMonthlyPartsFromJune9999_EndInDecember9999()
    {
        // Signed 9999-06-15, day 1 of the following months, 6 parts: 9999-07-01 .. 9999-12-01, all supported (the
        // seventh part, 10000-01-01, is refused in the test above).
        var terms = PaymentTerms.Create(TermsLine.Balance(DueRule.DayOfMonth(1, 1), instalments: 6));

        var schedule = CollectionSchedule.Create(Usd(600m), D("9999-06-15"), terms);

        Assert.Equal(D("9999-12-01"), schedule.Instalments[^1].DueOn);
    }

    [Fact]
    public void Milestone_ReachedSoLateThatItsDueDatePassesTheLastDay_IsRefused_NothingRecorded()
    {
        var terms = PaymentTerms.Create(TermsLine.Balance(DueRule.OnMilestone("go-live", days: 5)));
        var schedule = CollectionSchedule.Create(Usd(100m), D("9999-12-01"), terms);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Record(new MilestoneReached("go-live", D("9999-12-27"))));

        Assert.Equal("entry", e.ParamName);
        Assert.Contains("after 9999-12-31", e.Message, StringComparison.Ordinal);
        Assert.Empty(schedule.History);
        // 9999-12-26 + 5 days = 9999-12-31: the last day itself is fine.
        Assert.Equal(D("9999-12-31"), schedule.Record(new MilestoneReached("go-live", D("9999-12-26"))).Instalments[0].DueOn);
    }

    [Fact]
    public void SetMilestone_ReachedSoLateThatItsDueDatePassesTheLastDay_NamesReachedOn()
    {
        var terms = PaymentTerms.Create(TermsLine.Balance(DueRule.OnMilestone("go-live", days: 5)));
        var schedule = CollectionSchedule.Create(Usd(100m), D("9999-12-01"), terms);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.SetMilestone("go-live", D("9999-12-27")));

        Assert.Equal("reachedOn", e.ParamName);
        Assert.Contains("after 9999-12-31", e.Message, StringComparison.Ordinal);
        Assert.Empty(schedule.History);
    }

    // Signed 9999-10-15, three monthly parts from one month: part 1 9999-11-15, part 2 9999-12-15, part 3 would be
    // 10000-01-15. The message counts parts from 1, like the instalments.
    [Fact]
    public void Create_ThirdMonthlyPartPastTheLastDate_NamesPartThree()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            CollectionSchedule.Create(Usd(300m), D("9999-10-15"), PaymentTerms.Create(TermsLine.Balance(DueRule.MonthsAfterStart(1), 3)))
        );

        Assert.Equal("terms", e.ParamName);
        Assert.Equal(
            "Due dates must not be after 9999-12-31, the last supported date; \"1 months after start\" (part 3) counted from 9999-10-15 is later. (Parameter 'terms')",
            e.Message
        );
    }
}
