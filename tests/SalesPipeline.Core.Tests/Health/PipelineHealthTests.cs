using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Health;

// Worked examples: every expected number is counted by hand on the calendar in the comments (as of 2026-04-01 09:00 UTC).
public sealed class PipelineHealthTests
{
    private static HealthFinding Single(HealthReport report, FindingKind kind) => Assert.Single(report.FindingsOf(kind));

    [Fact]
    public void Inspect_DealUntouchedFor40Days_IsStaleAndRotting()
    {
        // Entered Proposal on 20 Feb 09:00 and nothing since: 8 days to 28 Feb, 1 to 1 Mar, 31 to 1 Apr = 40 days.
        var deal = DealIn("A", "proposal", 60_000m, Date(5, 15), At(2, 1), At(2, 20));

        var report = PipelineHealth.Inspect([deal], Pipeline, AsOf);

        var stale = Single(report, FindingKind.Stale);
        Assert.Equal(
            (HealthSubject.Deal, new DealId("A"), 40m, 14m, HealthUnit.Days),
            (stale.Subject, stale.Deal!.Value, stale.Measured, stale.Threshold, stale.Unit)
        );
        Assert.Equal("No touch for 40 days (limit 14 days).", stale.Message);
        var rotting = Single(report, FindingKind.Rotting);
        Assert.Equal((40m, 30m, "proposal", "alice"), (rotting.Measured, rotting.Threshold, rotting.StageId, rotting.Owner));
        Assert.Equal("In stage proposal for 40 days (limit 30 days).", rotting.Message);
        Assert.Equal("A: No touch for 40 days (limit 14 days).", stale.ToString());
    }

    [Fact]
    public void Inspect_ActivitySevenDaysAgo_IsATouchButTheStageStillRots()
    {
        var deal = DealIn("A", "proposal", 60_000m, Date(5, 15), At(2, 1), At(2, 20));
        var activities = ActivityIndex.Create([Call("A", At(3, 25)), Call("A", At(4, 3))]); // the second is after as-of

        var report = PipelineHealth.Inspect([deal], Pipeline, AsOf, null, activities);

        Assert.Empty(report.FindingsOf(FindingKind.Stale)); // 25 Mar to 1 Apr = 7 days
        Assert.Equal(40m, Single(report, FindingKind.Rotting).Measured);
    }

    [Fact]
    public void Inspect_StaleLimit_IsStrict()
    {
        var exactly = DealIn("exact", "proposal", 1_000m, Date(5, 15), At(3, 18), At(3, 18)); // 14 days to the hour
        var over = DealIn("over", "proposal", 1_000m, Date(5, 15), At(3, 18, 8), At(3, 18, 8)); // 14 days 1 hour

        var report = PipelineHealth.Inspect([exactly, over], Pipeline, AsOf);

        var stale = Single(report, FindingKind.Stale);
        Assert.Equal("over", stale.Deal!.Value.Value);
        Assert.Equal(14.0417m, Math.Round(stale.Measured, 4)); // 14 + 1/24
        Assert.Equal("No touch for 14.1 days (limit 14 days).", stale.Message); // rounded up, never shown as 14
    }

    [Fact]
    public void Inspect_RottingLimit_PolicyBeatsStageBeatsDefault()
    {
        var pipeline = PipelineDefinition
            .CreateBuilder("Rot")
            .Stage("Discovery", 0.10m, rottingAfter: Duration.FromDays(5))
            .Stage("Proposal", 0.50m)
            .Won("Won")
            .Lost("Lost")
            .Build();
        var r1 = DealIn("R1", "discovery", 1_000m, Date(5, 15), At(3, 26), pipeline: pipeline); // 6 days in Discovery
        var r2 = DealIn("R2", "proposal", 1_000m, Date(5, 15), At(3, 12), At(3, 12), pipeline: pipeline); // 20 days in Proposal

        var byDefault = PipelineHealth.Inspect([r1, r2], pipeline, AsOf);
        var byPolicy = PipelineHealth.Inspect(
            [r1, r2],
            pipeline,
            AsOf,
            HealthPolicy.Default with
            {
                RottingAfterByStage = new Dictionary<string, Duration>
                {
                    ["discovery"] = Duration.FromDays(7),
                    ["proposal"] = Duration.FromDays(10),
                },
            }
        );

        var stageLimit = Single(byDefault, FindingKind.Rotting); // R1: 6 > the stage's 5; R2: 20 < the default 30
        Assert.Equal(("R1", 6m, 5m), (stageLimit.Deal!.Value.Value, stageLimit.Measured, stageLimit.Threshold));
        var policyLimit = Single(byPolicy, FindingKind.Rotting); // R1: 6 < 7; R2: 20 > 10
        Assert.Equal(("R2", 20m, 10m), (policyLimit.Deal!.Value.Value, policyLimit.Measured, policyLimit.Threshold));
    }

    [Theory]
    [InlineData(3, 16, 0, 16)] // 16 March to 1 April = 16 days
    [InlineData(3, 16, 15, 16)]
    [InlineData(3, 16, 16, null)]
    [InlineData(4, 1, 0, null)] // due today is not past
    [InlineData(3, 31, 0, 1)]
    public void Inspect_PastExpectedClose_CountsCalendarDays(int month, int day, int grace, int? expected)
    {
        var deal = DealIn("P", "prospecting", 1_000m, Date(month, day), At(3, 30));

        var report = PipelineHealth.Inspect([deal], Pipeline, AsOf, HealthPolicy.Default with { PastExpectedCloseGraceDays = grace });

        var found = report.FindingsOf(FindingKind.PastExpectedClose).SingleOrDefault();
        Assert.Equal(expected, (int?)found?.Measured);
        if (found is not null)
        {
            Assert.Equal(grace, found.Threshold);
            Assert.Equal(
                $"Expected close date passed {expected} day{(expected == 1 ? "" : "s")} ago (grace {grace} day{(grace == 1 ? "" : "s")}).",
                found.Message
            );
        }
    }

    [Fact]
    public void Inspect_TypicalCycle_IsTheMedianOfWonDeals()
    {
        // Won cycles 20, 30, 50 days: median 30. With 70 added: (30 + 50) / 2 = 40.
        Deal[] won =
        [
            WonDeal("W1", 1_000m, At(1, 1), At(1, 21)),
            WonDeal("W2", 1_000m, At(1, 1), At(1, 31)),
            WonDeal("W3", 1_000m, At(1, 1), At(2, 20)),
        ];
        var old = DealIn("O1", "prospecting", 1_000m, Date(5, 31), At(2, 1)); // 59 days old
        var young = DealIn("O2", "prospecting", 1_000m, Date(5, 31), At(3, 5)); // 27 days old
        var wonLater = WonDeal("W5", 1_000m, At(1, 1), At(4, 15)); // still open on 1 April (90 days old)

        var odd = PipelineHealth.Inspect([.. won, old, young], Pipeline, AsOf);
        var even = PipelineHealth.Inspect([.. won, WonDeal("W4", 1_000m, At(1, 1), At(3, 12)), old, young, wonLater], Pipeline, AsOf);

        Assert.Equal((Duration.FromDays(30), TypicalCycleSource.MedianOfWonDeals), (odd.TypicalWonCycle, odd.TypicalCycleSource));
        var finding = Single(odd, FindingKind.OlderThanTypicalCycle);
        Assert.Equal(("O1", 59m, 30m), (finding.Deal!.Value.Value, finding.Measured, finding.Threshold));
        Assert.Equal("Open for 59 days, longer than the typical won cycle of 30 days.", finding.Message);
        Assert.Equal(Duration.FromDays(40), even.TypicalWonCycle);
        Assert.Equal((4, 3), (even.WonDeals, even.OpenDeals));
        Assert.Equal(["O1", "W5"], even.FindingsOf(FindingKind.OlderThanTypicalCycle).Select(f => f.Deal!.Value.Value));
    }

    [Fact]
    public void Inspect_NoWonDeals_SkipsTheAgeCheckAndSaysSo()
    {
        var old = DealIn("O1", "prospecting", 1_000m, Date(5, 31), At(1, 1));

        var report = PipelineHealth.Inspect([old], Pipeline, AsOf);
        var given = PipelineHealth.Inspect([old], Pipeline, AsOf, HealthPolicy.Default with { TypicalWonCycle = Duration.FromDays(60) });

        Assert.Equal((null, TypicalCycleSource.Unknown), (report.TypicalWonCycle, report.TypicalCycleSource));
        Assert.Empty(report.FindingsOf(FindingKind.OlderThanTypicalCycle));
        Assert.Contains(report.SkippedChecks, s => s.Contains("typical won cycle", StringComparison.Ordinal));
        Assert.Equal(TypicalCycleSource.Policy, given.TypicalCycleSource);
        Assert.Equal(
            (90m, 60m),
            (Single(given, FindingKind.OlderThanTypicalCycle).Measured, Single(given, FindingKind.OlderThanTypicalCycle).Threshold)
        );
    }

    [Fact]
    public void Inspect_CloseDatePushes_CountOnlyMovesToALaterDateUpToAsOf()
    {
        var deal = DealIn("U", "prospecting", 1_000m, Date(4, 30), At(3, 20));
        deal = Push(deal, Date(5, 31), At(3, 21)); // push 1
        deal = Push(deal, Date(5, 15), At(3, 22)); // pulled in: not a push
        deal = Push(deal, Date(6, 30), At(3, 23)); // push 2 (later than 15 May)
        deal = Push(deal, Date(7, 31), At(3, 24)); // push 3
        deal = Push(deal, Date(8, 31), At(4, 2)); // after as-of: ignored

        var report = PipelineHealth.Inspect([deal], Pipeline, AsOf);
        var lenient = PipelineHealth.Inspect([deal], Pipeline, AsOf, HealthPolicy.Default with { CloseDatePushLimit = 3 });

        var pushed = Single(report, FindingKind.CloseDatePushed);
        Assert.Equal((3m, 1m, HealthUnit.Count), (pushed.Measured, pushed.Threshold, pushed.Unit));
        Assert.Equal("Close date pushed out 3 times (limit 1).", pushed.Message);
        Assert.Empty(lenient.FindingsOf(FindingKind.CloseDatePushed));
        Assert.Empty(report.FindingsOf(FindingKind.Stale)); // last touch 24 March: 8 days
    }

    private static Deal[] Spread(int prospecting, int qualified, int proposal, int negotiation) =>
        [
            .. Enumerable.Range(0, prospecting).Select(i => DealIn($"pr{i}", "prospecting", 1_000m, Date(6, 30), At(3, 30))),
            .. Enumerable.Range(0, qualified).Select(i => DealIn($"qu{i}", "qualified", 1_000m, Date(6, 30), At(3, 30))),
            .. Enumerable.Range(0, proposal).Select(i => DealIn($"po{i}", "proposal", 1_000m, Date(6, 30), At(3, 30))),
            .. Enumerable.Range(0, negotiation).Select(i => DealIn($"ne{i}", "negotiation", 1_000m, Date(6, 30), At(3, 30))),
        ];

    [Fact]
    public void Inspect_HalfTheDealsInOneStage_IsACrowdedStage()
    {
        // 5 of 10 = 50% > 40%; qualified 30%, proposal 20%. Absolute limit 2: prospecting 5 and qualified 3 exceed it.
        var deals = Spread(5, 3, 2, 0);

        var report = PipelineHealth.Inspect(deals, Pipeline, AsOf);
        var capped = PipelineHealth.Inspect(deals, Pipeline, AsOf, HealthPolicy.Default with { MaxDealsPerStage = 2 });

        var crowded = Single(report, FindingKind.CrowdedStage);
        Assert.Equal(
            (HealthSubject.Stage, "prospecting", 0.5m, 0.4m, HealthUnit.Share),
            (crowded.Subject, crowded.StageId, crowded.Measured, crowded.Threshold, crowded.Unit)
        );
        Assert.Equal("5 of the 10 open deals (50%) are in stage prospecting (limit 40%).", crowded.Message);
        Assert.Equal(
            [("prospecting", HealthUnit.Share, 0.5m), ("prospecting", HealthUnit.Count, 5m), ("qualified", HealthUnit.Count, 3m)],
            capped.FindingsOf(FindingKind.CrowdedStage).Select(f => (f.StageId!, f.Unit, f.Measured))
        );
        Assert.Equal("5 deals are open in stage prospecting (limit 2).", capped.FindingsOf(FindingKind.CrowdedStage).ElementAt(1).Message);
    }

    [Fact]
    public void Inspect_FewerOpenDealsThanTheMinimum_SkipsShares()
    {
        var report = PipelineHealth.Inspect(Spread(4, 3, 2, 0), Pipeline, AsOf); // 4 of 9 = 44%, but only 9 deals

        Assert.Empty(report.FindingsOf(FindingKind.CrowdedStage));
        Assert.Equal(
            2,
            report.SkippedChecks.Count(s =>
                s.Contains("9 deals are open, fewer than HealthPolicy.MinOpenDealsForShares (10)", StringComparison.Ordinal)
            )
        );
    }

    [Fact]
    public void Inspect_SixOfTenInLateStages_IsALateStagePileUp()
    {
        // Proposal (50%) and Negotiation (80%) are late: 3 + 3 = 6 of 10 = 60% > 50%. Prospecting 4 of 10 = 40%: not above 40%.
        var deals = Spread(4, 0, 3, 3);

        var report = PipelineHealth.Inspect(deals, Pipeline, AsOf);
        var named = PipelineHealth.Inspect(deals, Pipeline, AsOf, HealthPolicy.Default with { LateStages = ["negotiation"] });
        var none = PipelineHealth.Inspect(deals, Pipeline, AsOf, HealthPolicy.Default with { LateStageProbability = 0.9m });

        var late = Single(report, FindingKind.LateStagePileUp);
        Assert.Equal((HealthSubject.Pipeline, 0.6m, 0.5m), (late.Subject, late.Measured, late.Threshold));
        Assert.Equal("6 of the 10 open deals (60%) are in the late stages proposal, negotiation (limit 50%).", late.Message);
        Assert.Empty(report.FindingsOf(FindingKind.CrowdedStage));
        Assert.Empty(named.FindingsOf(FindingKind.LateStagePileUp)); // 3 of 10
        Assert.Contains(none.SkippedChecks, s => s.StartsWith("Late-stage pile-up: no open stage", StringComparison.Ordinal));
    }

    [Fact]
    public void Inspect_EmptyLateStages_SkipsPileUpNamingTheList()
    {
        // An empty LateStages names no stage, so 6 of 10 deals in Proposal/Negotiation is not judged at all.
        var deals = Spread(4, 0, 3, 3);

        var report = PipelineHealth.Inspect(deals, Pipeline, AsOf, HealthPolicy.Default with { LateStages = [] });

        Assert.Empty(report.FindingsOf(FindingKind.LateStagePileUp));
        Assert.Contains("Late-stage pile-up: no open stage is named in HealthPolicy.LateStages.", report.SkippedChecks);
    }

    private static Deal[] CoverageDeals() =>
        [
            Pipeline.Win(DealIn("won-q2", "negotiation", 100_000m, Date(4, 30), At(3, 1)), At(4, 1, 8), "alice"), // won in Q2
            Pipeline.Win(DealIn("won-q1", "negotiation", 50_000m, Date(3, 31), At(3, 1)), At(3, 31), "alice"), // won in Q1
            DealIn("C1", "negotiation", 200_000m, Date(5, 15), At(3, 25)),
            DealIn("C2", "proposal", 250_000m, Date(6, 30), At(3, 25)),
            DealIn("C3", "prospecting", 500_000m, Date(7, 1), At(3, 25)), // after the quarter
            DealIn("C4", "proposal", 80_000m, Date(3, 31), At(3, 25)), // overdue: not expected in the quarter any more
        ];

    private static HealthReport InspectCoverage(decimal target, decimal winRate) =>
        PipelineHealth.Inspect(
            CoverageDeals(),
            Pipeline,
            AsOf,
            null,
            new HealthInputs { Coverage = new CoverageGoal(FiscalCalendar.Calendar.Quarter(2026, 2), Usd(target), winRate) }
        );

    [Fact]
    public void Inspect_Coverage_OpenPipelineInThePeriodOverRemainingTarget()
    {
        // Remaining = 400,000 - 100,000 won = 300,000; open in Q2 = 200,000 + 250,000 = 450,000; 450 / 300 = 1.5x < 1 / 0.25 = 4x.
        var report = InspectCoverage(400_000m, 0.25m);

        var coverage = report.Coverage!;
        Assert.Equal(
            (Usd(100_000m), Usd(300_000m), Usd(450_000m), 2),
            (coverage.WonSoFar, coverage.RemainingTarget, coverage.OpenPipeline, coverage.OpenDeals)
        );
        Assert.Equal((1.5m, 4m, false), (coverage.Coverage, coverage.RequiredCoverage, coverage.IsEnough));
        var low = Single(report, FindingKind.LowCoverage);
        Assert.Equal((1.5m, 4m, HealthUnit.Ratio), (low.Measured, low.Threshold, low.Unit));
        Assert.Equal(
            "Open pipeline USD 450,000.00 expected to close in 2026-Q2 covers 1.5x the remaining target USD 300,000.00; at a 25% win rate it needs 4x.",
            low.Message
        );
    }

    [Theory]
    [InlineData(400_000, 0.5, true)] // 1.5x < 2x
    [InlineData(400_000, 1.0, false)] // 1.5x >= 1x
    [InlineData(100_000, 0.25, false)] // target reached: nothing to cover
    [InlineData(212_500, 0.8, false)] // remaining 112,500: 450,000 x 0.8 = 360,000 >= 112,500
    public void Inspect_Coverage_FindingOnlyBelowTheRequiredCoverage(int target, double winRate, bool expected)
    {
        var report = InspectCoverage(target, (decimal)winRate);

        Assert.Equal(expected, report.FindingsOf(FindingKind.LowCoverage).Any());
        Assert.Equal(!expected, report.Coverage!.IsEnough);
    }

    [Fact]
    public void Inspect_TargetReached_HasNoCoverageRatio()
    {
        var coverage = InspectCoverage(100_000m, 0.25m).Coverage!;

        Assert.Null(coverage.Coverage);
        Assert.True(coverage.RemainingTarget.IsZero);
    }

    [Fact]
    public void Inspect_Leads_UntouchedPastTheLimitAreFindings()
    {
        var l1 = Lead.Create(new LeadId("L1"), "Never touched", LeadSource.Web, "bob", At(3, 28)); // 4 days
        var l2 = Lead.Create(new LeadId("L2"), "Touched yesterday", LeadSource.Web, "bob", At(3, 20)).Touch(At(3, 31));
        var l3 = Lead.Create(new LeadId("L3"), "Called on the 29th", LeadSource.Web, "bob", At(3, 20)); // 3 days since the call
        var l4 = Lead.Create(new LeadId("L4"), "Converted", LeadSource.Web, "bob", At(3, 1))
            .Convert(Pipeline, new DealId("from-L4"), Usd(1_000m), Date(6, 30), At(3, 2))
            .Lead;
        var l5 = Lead.Create(new LeadId("L5"), "Disqualified later", LeadSource.Web, "bob", At(3, 1)).Disqualify("no budget", At(4, 5));
        var activities = ActivityIndex.Create([Activity.ForLead(ActivityKind.Call, At(3, 29), "bob", new LeadId("L3"))]);

        var report = PipelineHealth.Inspect([], Pipeline, AsOf, null, activities, [l5, l4, l3, l2, l1]);

        Assert.Equal(
            [
                ("L1", 4m, "Never touched since it arrived 4 days ago (limit 2 days)."),
                ("L3", 3m, "No touch for 3 days (limit 2 days)."),
                ("L5", 31m, "Never touched since it arrived 31 days ago (limit 2 days)."),
            ],
            report.Findings.Select(f => (f.Lead!.Value.Value, f.Measured, f.Message))
        );
        Assert.All(report.Findings, f => Assert.Equal(("bob", 2m, HealthSubject.Lead), (f.Owner!, f.Threshold, f.Subject)));
    }

    [Fact]
    public void Inspect_DealChangedAfterAsOf_IsJudgedAsItWasThen()
    {
        var deal = Pipeline.Move(DealIn("V", "proposal", 1_000m, Date(6, 30), At(3, 1), At(3, 1)), "negotiation", At(4, 10), "alice");

        var report = PipelineHealth.Inspect([deal], Pipeline, AsOf);

        var rotting = Single(report, FindingKind.Rotting); // in Proposal since 1 March: 31 days
        Assert.Equal(("proposal", 31m), (rotting.StageId, rotting.Measured));
        Assert.Equal(("proposal", 0.5m), (report.Deals.Single().StageId, report.Deals.Single().Probability));
    }

    [Fact]
    public void Inspect_Findings_AreOrderedPipelineStageDealLead()
    {
        var deals = Spread(4, 0, 3, 3).Append(DealIn("A", "proposal", 1_000m, Date(5, 15), At(2, 1), At(2, 20))).ToArray();
        var lead = Lead.Create(new LeadId("L1"), "Lead", LeadSource.Web, "bob", At(3, 1));

        // 11 open: late 7 of 11 = 64% > 50%; prospecting 4 and proposal 4 exceed 3 deals; A is stale and rotting; L1 untouched.
        var report = PipelineHealth.Inspect(
            deals,
            Pipeline,
            AsOf,
            HealthPolicy.Default with
            {
                MaxDealsPerStage = 3,
            },
            ActivityIndex.Empty,
            [lead]
        );

        Assert.Equal(
            [HealthSubject.Pipeline, HealthSubject.Stage, HealthSubject.Stage, HealthSubject.Deal, HealthSubject.Deal, HealthSubject.Lead],
            report.Findings.Select(f => f.Subject)
        );
        Assert.Equal([FindingKind.Stale, FindingKind.Rotting], report.Deals.Single().Findings.Select(f => f.Kind));
    }
}
