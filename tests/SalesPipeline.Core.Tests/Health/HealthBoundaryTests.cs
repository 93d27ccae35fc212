using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Leads;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Health;

// The edges of each rule, worked out by hand (as of Wednesday 2026-04-01 09:00 UTC): a value exactly at a limit is
// not a finding, the smallest step past it is.
public sealed class HealthBoundaryTests
{
    private static readonly Duration OneNanosecond = Duration.FromNanoseconds(1);

    private static HealthReport InspectLeads(params Lead[] leads) =>
        PipelineHealth.Inspect([], Pipeline, AsOf, null, ActivityIndex.Empty, leads);

    [Fact]
    public void Coverage_OpenTimesWinRateExactlyTheRemainingTarget_IsEnough()
    {
        // Target 100,000, nothing won: remaining 100,000. Open in Q2: 400,000 (expected 15 May). 400,000 x 25% = 100,000,
        // exactly the remaining target: enough, so no LowCoverage finding. Coverage 400,000 / 100,000 = 4x = 1 / 25%.
        var deal = DealIn("C1", "proposal", 400_000m, Date(5, 15), At(3, 30));
        var inputs = new HealthInputs { Coverage = new CoverageGoal(FiscalCalendar.Calendar.Quarter(2026, 2), Usd(100_000m), 0.25m) };

        var report = PipelineHealth.Inspect([deal], Pipeline, AsOf, null, inputs);

        Assert.Equal((4m, 4m, true), (report.Coverage!.Coverage, report.Coverage.RequiredCoverage, report.Coverage.IsEnough));
        Assert.Empty(report.FindingsOf(FindingKind.LowCoverage));
    }

    [Fact]
    public void Coverage_OneCentShortOfTheRemainingTarget_IsNotEnough()
    {
        // 399,999.99 x 25% = 99,999.9975 < 100,000: not enough; coverage 3.9999999x, shown rounded down as 3.99x.
        var deal = DealIn("C1", "proposal", 399_999.99m, Date(5, 15), At(3, 30));
        var inputs = new HealthInputs { Coverage = new CoverageGoal(FiscalCalendar.Calendar.Quarter(2026, 2), Usd(100_000m), 0.25m) };

        var report = PipelineHealth.Inspect([deal], Pipeline, AsOf, null, inputs);

        Assert.False(report.Coverage!.IsEnough);
        Assert.Equal(3.9999999m, Assert.Single(report.FindingsOf(FindingKind.LowCoverage)).Measured);
    }

    [Fact]
    public void Lead_UntouchedForExactlyTheLimit_IsNotYetAFinding()
    {
        // Created 30 March 09:00, as of 1 April 09:00: idle exactly 2 days = LeadUntouchedAfter.
        var lead = Lead.Create(new LeadId("L1"), "Exactly two days", LeadSource.Web, "bob", At(3, 30));

        Assert.Empty(InspectLeads(lead).Findings);
    }

    [Fact]
    public void Lead_UntouchedForATickPastTheLimit_IsAFindingAboveTheLimit()
    {
        // Created one tick (100 ns) before 30 March 09:00: idle = 2 days + 1 tick > 2 days.
        // Measured = 2 + 1 / 864,000,000,000 days (a day has 864e9 ticks), strictly above 2; the sentence rounds up to a tenth.
        var lead = Lead.Create(new LeadId("L1"), "A tick late", LeadSource.Web, "bob", At(3, 30) - Duration.FromTicks(1));

        var finding = Assert.Single(InspectLeads(lead).Findings);

        Assert.Equal((2m + (1m / 864_000_000_000m), 2m), (finding.Measured, finding.Threshold));
        Assert.Equal("Never touched since it arrived 2.1 days ago (limit 2 days).", finding.Message);
    }

    [Fact]
    public void Lead_UntouchedForANanosecondPastTheLimit_IsAFindingStrictlyAboveTheLimit()
    {
        // Idle = 2 days + 1 ns. A day has 86,400 x 10^9 = 86,400,000,000,000 ns, so Measured = 2 + 1 / 86,400,000,000,000
        // days: above the threshold, as every finding's Measured is (HealthFinding remarks), even below a tick.
        var lead = Lead.Create(new LeadId("L1"), "A nanosecond late", LeadSource.Web, "bob", At(3, 30) - OneNanosecond);

        var finding = Assert.Single(InspectLeads(lead).Findings);

        Assert.Equal((2m + (1m / 86_400_000_000_000m), 2m), (finding.Measured, finding.Threshold));
        Assert.True(finding.Measured > finding.Threshold);
        Assert.Equal("Never touched since it arrived 2.1 days ago (limit 2 days).", finding.Message);
    }

    [Fact]
    public void Deal_StaleByANanosecond_ShowsAMeasureAboveTheLimit()
    {
        // Created (its last touch) 14 days + 1 ns before as-of: stale, measured 14 + 1 / 86,400,000,000,000 days.
        var deal = DealIn("D", "prospecting", 1_000m, Date(5, 31), AsOf - Duration.FromDays(14) - OneNanosecond);

        var stale = Assert.Single(PipelineHealth.Inspect([deal], Pipeline, AsOf).FindingsOf(FindingKind.Stale));

        Assert.Equal(14m + (1m / 86_400_000_000_000m), stale.Measured);
        Assert.Equal("No touch for 14.1 days (limit 14 days).", stale.Message);
    }

    [Fact]
    public void Lead_CreatedExactlyAtAsOf_IsAcceptedAndNotYetUntouched()
    {
        // A lead created at the as-of instant existed then (created <= as-of); idle 0 days.
        var lead = Lead.Create(new LeadId("L1"), "Just arrived", LeadSource.Web, "bob", AsOf);

        var report = InspectLeads(lead);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Lead_CreatedANanosecondAfterAsOf_IsRefused()
    {
        var lead = Lead.Create(new LeadId("L1"), "Too new", LeadSource.Web, "bob", AsOf + OneNanosecond);

        var e = Assert.Throws<ArgumentException>(() => InspectLeads(lead));

        Assert.Equal("inputs", e.ParamName);
    }

    [Fact]
    public void Pushes_ARecordedChangeToTheSameDate_IsNotAPush()
    {
        // A stored history may hold a change that re-saves the same date (Deal.FromEvents takes it). Only a later date
        // than the one before is a push: 30 April -> 30 April (no), -> 31 May (push 1). With limit 0 that one push is a finding.
        var opened = DealIn("P", "prospecting", 1_000m, Date(4, 30), At(3, 20));
        var same = Deal.FromEvents([.. opened.Events, new ExpectedCloseChanged(opened.Id, At(3, 21), "alice", Date(4, 30))]);
        var later = Deal.FromEvents([.. same.Events, new ExpectedCloseChanged(opened.Id, At(3, 22), "alice", Date(5, 31))]);
        var strict = HealthPolicy.Default with { CloseDatePushLimit = 0 };

        Assert.Empty(PipelineHealth.Inspect([same], Pipeline, AsOf, strict).FindingsOf(FindingKind.CloseDatePushed));
        var pushed = Assert.Single(PipelineHealth.Inspect([later], Pipeline, AsOf, strict).FindingsOf(FindingKind.CloseDatePushed));
        Assert.Equal((1m, 0m), (pushed.Measured, pushed.Threshold));
        Assert.Equal("Close date pushed out 1 time (limit 0).", pushed.Message);
    }

    // Cycles in nanoseconds past 10 days (10 days = 864,000,000,000,000 ns, even). The median of an even count is the
    // mean of the middle two, rounded down to the nanosecond.
    [Theory]
    [InlineData(1, 3, 2)] // both odd: (1 + 3) / 2 = 2 exactly; halving each first would give 0 + 1 = 1 without the remainders
    [InlineData(1, 2, 1)] // one odd: (1 + 2) / 2 = 1.5, down to 1
    [InlineData(3, 3, 3)] // both odd and equal: 3
    [InlineData(0, 1, 0)] // 0.5, down to 0
    public void TypicalCycle_EvenCount_IsTheMeanOfTheMiddleTwoRoundedDown(long first, long second, long expected)
    {
        var tenDays = Duration.FromDays(10);
        Deal[] won =
        [
            WonDeal("W1", 1_000m, At(1, 1), At(1, 1) + tenDays + Duration.FromNanoseconds(first)),
            WonDeal("W2", 1_000m, At(1, 5), At(1, 5) + tenDays + Duration.FromNanoseconds(second)),
        ];

        var report = PipelineHealth.Inspect(won, Pipeline, AsOf);

        Assert.Equal(tenDays + Duration.FromNanoseconds(expected), report.TypicalWonCycle);
    }

    [Fact]
    public void TypicalCycle_IsTakenFromTheSortedCycles_NotTheInputOrder()
    {
        // Given in the order 40 d, 10 d + 1 ns, 30 d, 10 d + 3 ns. Sorted: 10 d + 1 ns, 10 d + 3 ns, 30 d, 40 d; the middle
        // two are 10 d + 3 ns and 30 d: (40 d + 3 ns) / 2 = 20 d + 1.5 ns, down to 20 d + 1 ns. (The middle two of the input
        // order, 10 d + 1 ns and 30 d, would give 20 d.)
        Deal[] won =
        [
            WonDeal("W1", 1_000m, At(1, 1), At(1, 1) + Duration.FromDays(40)),
            WonDeal("W2", 1_000m, At(1, 2), At(1, 2) + Duration.FromDays(10) + Duration.FromNanoseconds(1)),
            WonDeal("W3", 1_000m, At(1, 3), At(1, 3) + Duration.FromDays(30)),
            WonDeal("W4", 1_000m, At(1, 4), At(1, 4) + Duration.FromDays(10) + Duration.FromNanoseconds(3)),
        ];

        var report = PipelineHealth.Inspect(won, Pipeline, AsOf);

        Assert.Equal(Duration.FromDays(20) + Duration.FromNanoseconds(1), report.TypicalWonCycle);
    }

    [Fact]
    public void TypicalCycle_OfCenturiesLongCycles_IsExact()
    {
        // Cycles of 400 and 600 years from 1 January 1426, beyond the 292 years a long count of nanoseconds holds.
        var created = Instant.FromUtc(1426, 1, 1, 0, 0);
        Deal[] won =
        [
            WonDeal("W1", 1_000m, created, Instant.FromUtc(1826, 1, 1, 0, 0)),
            WonDeal("W2", 1_000m, created, Instant.FromUtc(2026, 1, 1, 0, 0)),
        ];
        // 1426-01-01 to 1826-01-01 is 400 Gregorian years: 146,097 days. 1826-01-01 to 2026-01-01 is 200 x 365 days plus
        // the leap days 1828..2024 (50) less 1900: 73,049 days, so the second cycle is 219,146 days.
        // Median (146,097 + 219,146) / 2 = 182,621.5 days.
        var expected = Duration.FromDays(182_621) + Duration.FromHours(12);

        var report = PipelineHealth.Inspect(won, Pipeline, AsOf);

        Assert.Equal(expected, report.TypicalWonCycle);
    }

    [Fact]
    public void SkippedChecks_WithOneOpenDeal_SaySingular()
    {
        // One open deal: fewer than 10, so both share checks are skipped; "1 deal is", not "1 deals are". No won deals:
        // the age check is skipped too (listed first, as the typical cycle is worked out first).
        var deal = DealIn("D", "prospecting", 1_000m, Date(5, 31), At(3, 30));

        var report = PipelineHealth.Inspect([deal], Pipeline, AsOf);

        Assert.Equal(
            [
                "Older than the typical won cycle: there are no won deals to take the median from and HealthPolicy.TypicalWonCycle is not set.",
                "Late-stage pile-up: 1 deal is open, fewer than HealthPolicy.MinOpenDealsForShares (10).",
                "Crowded stages by share: 1 deal is open, fewer than HealthPolicy.MinOpenDealsForShares (10).",
            ],
            report.SkippedChecks
        );
    }

    [Fact]
    public void LateStagePileUp_NoStageAtTheProbability_IsSkippedOnceNamingTheProbability()
    {
        // The default pipeline's open stages have 10%, 25%, 50% and 80%: none reaches 100%. The pile-up check stops
        // there; it does not also report the too-few-deals reason (one deal here).
        var deal = DealIn("D", "prospecting", 1_000m, Date(5, 31), At(3, 30));
        var policy = HealthPolicy.Default with { LateStageProbability = 1m, TypicalWonCycle = Duration.FromDays(90) };

        var report = PipelineHealth.Inspect([deal], Pipeline, AsOf, policy);

        Assert.Equal(
            [
                "Late-stage pile-up: no open stage has a probability of at least 100% (HealthPolicy.LateStageProbability).",
                "Crowded stages by share: 1 deal is open, fewer than HealthPolicy.MinOpenDealsForShares (10).",
            ],
            report.SkippedChecks
        );
    }

    [Fact]
    public void LateStagePileUp_EmptyLateStages_IsSkippedOnceNamingTheList()
    {
        var policy = HealthPolicy.Default with { LateStages = [], TypicalWonCycle = Duration.FromDays(90) };

        var report = PipelineHealth.Inspect([], Pipeline, AsOf, policy);

        Assert.Equal(
            [
                "Late-stage pile-up: no open stage is named in HealthPolicy.LateStages.",
                "Crowded stages by share: 0 deals are open, fewer than HealthPolicy.MinOpenDealsForShares (10).",
            ],
            report.SkippedChecks
        );
    }
}
