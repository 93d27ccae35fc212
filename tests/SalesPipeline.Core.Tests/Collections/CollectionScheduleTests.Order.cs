using NodaTime;
using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

// The allocation order (docs/collections.md, "Payments and status as of a date"): oldest due date first, equal due
// dates by number, instalments waiting for a milestone last (by number among themselves).
public partial class CollectionScheduleTests
{
    private static CollectionSchedule Signed20260301(params TermsLine[] lines) =>
        CollectionSchedule.Create(Usd(1_000m), D("2026-03-01"), PaymentTerms.Create(lines));

    // #1 400.00 and #2 600.00 both due 2026-03-31: 500 pays #1 in full, then 100 of #2.
    [Fact]
    public void Record_EqualDueDates_PaysTheLowerNumberFirst()
    {
        var schedule = Signed20260301(TermsLine.Percentage(40m, DueRule.DaysAfterStart(30)), TermsLine.Balance(DueRule.DaysAfterStart(30)));

        Assert.Equal([400m, 100m], PaidOn(schedule.Record(Pay("W", "2026-03-05", 500m)), Later));
    }

    // #1 500.00 waits for go-live, #2 500.00 is due 2026-03-31: although #1 has the lower number, 600 pays #2 first and
    // only the other 100 goes to #1.
    [Fact]
    public void Record_MilestoneInstalment_ComesLastEvenWithTheLowerNumber()
    {
        var schedule = Signed20260301(
            TermsLine.Percentage(50m, DueRule.OnMilestone("go-live")),
            TermsLine.Balance(DueRule.DaysAfterStart(30))
        );

        var status = schedule.Record(Pay("W", "2026-03-05", 600m)).StatusAsOf(D("2026-03-10"));

        Assert.Equal([100m, 500m], status.Instalments.Select(i => i.Paid.Amount));
        Assert.Equal([InstalmentState.PartiallyPaid, InstalmentState.Paid], States(status));
    }

    // #1 300.00 due on signing, #2 200.00 on delivery, #3 500.00 on go-live. Neither milestone reached: 400 pays #1 and
    // 100 of #2 (the lower number). Once go-live is reached on 2026-03-05 (due that day), #3 has a date and comes
    // before #2, which still waits: 400 on 2026-03-06 pays #1 and 100 of #3.
    [Fact]
    public void Record_WaitingInstalments_GoByNumber_UntilTheirMilestoneGivesADate()
    {
        var schedule = Signed20260301(
            TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
            TermsLine.Fixed(Usd(200m), DueRule.OnMilestone("delivery")),
            TermsLine.Balance(DueRule.OnMilestone("go-live"))
        );

        Assert.Equal([300m, 100m, 0m], PaidOn(schedule.Record(Pay("W", "2026-03-02", 400m)), Later));
        Assert.Equal(
            [300m, 0m, 100m],
            PaidOn(schedule.SetMilestone("go-live", D("2026-03-05")).Record(Pay("W", "2026-03-06", 400m)), Later)
        );
    }

    // USD 3,000.00 signed 2026-01-01 in three monthly parts: #1 due 2026-02-01, #2 2026-03-01, #3 2026-04-01. #3 is
    // moved on 2026-01-10 to 2026-01-15, ahead of all: 1,500 on 2026-01-20 pays #3 (1,000), then 500 of #1.
    [Fact]
    public void Reschedule_ToTheFront_IsPaidFirst()
    {
        var monthly = CollectionSchedule.Create(
            Usd(3_000m),
            D("2026-01-01"),
            PaymentTerms.Create(TermsLine.Balance(DueRule.MonthsAfterStart(1), 3))
        );
        var entries = new CollectionEntry[] { new Reschedule(3, D("2026-01-15"), D("2026-01-10")), Pay("W", "2026-01-20", 1_500m) };

        var oneByOne = monthly.Record(entries[0]).Record(entries[1]);
        var batch = monthly.RecordAll(entries);

        Assert.Equal([500m, 0m, 1_000m], PaidOn(oneByOne, "2026-01-20"));
        Assert.Equal([500m, 0m, 1_000m], PaidOn(batch, "2026-01-20"));
        Assert.Equal(
            [InstalmentState.PartiallyPaid, InstalmentState.Scheduled, InstalmentState.Paid],
            States(oneByOne.StatusAsOf(D("2026-01-20")))
        );
    }

    // DayOfMonth repeats monthly from the start month, each clamped on its own: the 31st, one month after 2026-01-15,
    // three times: 2026-02-28 (February has 28 days), 2026-03-31, 2026-04-30. And the 10th, two months after 2026-11-20,
    // three times: 2027-01-10, 2027-02-10, 2027-03-10 (over the year end).
    [Fact]
    public void Create_RepeatedDayOfMonth_StepsAMonthAtATimeFromTheStart()
    {
        var thirtyFirst = CollectionSchedule.Create(
            Usd(3_000m),
            D("2026-01-15"),
            PaymentTerms.Create(TermsLine.Balance(DueRule.DayOfMonth(31, 1), 3))
        );
        var tenth = CollectionSchedule.Create(
            Usd(3_000m),
            D("2026-11-20"),
            PaymentTerms.Create(TermsLine.Balance(DueRule.DayOfMonth(10, 2), 3))
        );

        Assert.Equal(new LocalDate?[] { D("2026-02-28"), D("2026-03-31"), D("2026-04-30") }, DueDates(thirtyFirst));
        Assert.Equal(new LocalDate?[] { D("2027-01-10"), D("2027-02-10"), D("2027-03-10") }, DueDates(tenth));
    }
}
