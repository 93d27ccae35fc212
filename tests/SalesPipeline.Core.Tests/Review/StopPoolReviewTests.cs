using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Review;

// The findings of the review of stopped deals, pools and customers (issue 13), each pinned by the case that showed it.
public class StopPoolReviewTests
{
    private static readonly LeadSource Web = new("web");

    // Created in emea's pool on day 0 noon, given to bob on day 5 noon.
    private static Lead PooledThenAssigned() =>
        Lead.CreateInPool(new LeadId("L1"), "L1", Web, "emea", Day(0), "ops").Reassign("bob", Day(5), "carol");

    [Fact]
    public void Lead_AsOf_IsTheFoldOfTheEventsUpToThen()
    {
        var lead = PooledThenAssigned().Disqualify("spam", Day(8), "bob");

        var before = lead.AsOf(Day(4));
        Assert.True(before.IsInPool);
        Assert.Equal((null, "emea", Day(0), LeadStatus.New), (before.Owner, before.Team, before.InPoolSince, before.Status));
        var assigned = lead.AsOf(Day(5)); // an event at the instant counts
        Assert.Equal(("bob", (Instant?)null, LeadStatus.New), (assigned.Owner, assigned.InPoolSince, assigned.Status));
        Assert.Same(lead, lead.AsOf(Day(9)));
        Assert.Equal(Lead.FromEvents(lead.History.Take(1)), before);
    }

    [Fact]
    public void Lead_AsOf_BeforeItExisted_IsRefused()
    {
        var lead = PooledThenAssigned();

        Assert.False(lead.TryAsOf(Day(0) - Duration.FromTicks(1), out var none));
        Assert.Null(none);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => lead.AsOf(Day(-1)));
        Assert.Equal("instant", error.ParamName);
        Assert.Contains("Lead L1 did not exist at 2025-12-31T12:00:00Z; it was created at 2026-01-01T12:00:00Z.", error.Message);
    }

    [Fact]
    public void PoolReport_AsOfThePast_ShowsALeadAssignedLater()
    {
        // As of day 4 noon the lead had waited 4 days in emea's pool; it was assigned on day 5.
        var report = PoolAnalysis.Of([], [PooledThenAssigned()], Day(4));

        var emea = Assert.Single(report.Pools);
        Assert.Equal(("emea", 0, 1, Duration.FromDays(4)), (emea.Pool, emea.Deals, emea.Leads, emea.Oldest));
        Assert.Empty(PoolAnalysis.Of([], [PooledThenAssigned()], Day(6)).Pools);
    }

    [Fact]
    public void Health_AsOfThePast_FlagsALeadAssignedLater_AndAgreesWithThePoolReport()
    {
        // Waiting 4 days on day 4 (limit 2): flagged, though it has an owner now.
        var report = PipelineHealth.Inspect(
            [Open("D", "alice", 1m)],
            Pipeline,
            Day(4),
            null,
            new HealthInputs { Leads = [PooledThenAssigned()] }
        );

        var finding = Assert.Single(report.FindingsOf(FindingKind.WaitingInPool));
        Assert.Equal((new LeadId("L1"), 4m), (finding.Lead!.Value, finding.Measured));
    }

    [Fact]
    public void Health_APooledLeadDisqualifiedLater_WasStillWaiting()
    {
        var lead = Lead.CreateInPool(new LeadId("L2"), "L2", Web, "emea", Day(0), "ops").Disqualify("junk", Day(10), "carol");

        var report = PipelineHealth.Inspect([Open("D", "alice", 1m)], Pipeline, Day(4), null, new HealthInputs { Leads = [lead] });

        Assert.Single(report.FindingsOf(FindingKind.WaitingInPool));
        Assert.Single(PoolAnalysis.Of([], [lead], Day(4)).Pools);
    }

    [Fact]
    public void Rotting_LeavesOutAPauseInTheSameStage()
    {
        // In Prospecting since day 0 00:00; stopped day 40 00:00, resumed there day 50 00:00. On day 51 00:00: 41 days
        // in stage (not 51, and not 1). The default limit is 30 days, so it is still rotting, at 41.
        var deal = Pipeline.Resume(Pipeline.Stop(Open("R", "alice", 1m), StopReason.OnHold, Day(40, 0), "alice"), Day(50, 0), "alice");

        var report = PipelineHealth.Inspect([deal], Pipeline, Day(51, 0));

        Assert.Equal(Day(0, 0), deal.StageEnteredAt);
        var rotting = Assert.Single(report.FindingsOf(FindingKind.Rotting));
        Assert.Equal(41m, rotting.Measured);
    }

    [Fact]
    public void Rotting_ResumedInAnotherStage_StartsThere()
    {
        var stopped = Pipeline.Stop(Open("R", "alice", 1m), StopReason.OnHold, Day(40, 0), "alice");
        var deal = Pipeline.Resume(stopped, Day(50, 0), "alice", "qualified");

        var report = PipelineHealth.Inspect([deal], Pipeline, Day(51, 0));

        Assert.Equal(Day(50, 0), deal.StageEnteredAt);
        Assert.Empty(report.FindingsOf(FindingKind.Rotting));
    }

    [Fact]
    public void Rotting_APauseIsNotCarriedIntoTheNextStage()
    {
        // Paused 10 days in Prospecting, then moved to Qualified on day 52: on day 83 it has been 31 days there, rotting
        // (a pause carried over would make it 21).
        var paused = Pipeline.Resume(Pipeline.Stop(Open("R", "alice", 1m), StopReason.OnHold, Day(40, 0), "alice"), Day(50, 0), "alice");
        var moved = Pipeline.Move(paused, "qualified", Day(52, 0), "alice");

        var rotting = Assert.Single(PipelineHealth.Inspect([moved], Pipeline, Day(83, 0)).FindingsOf(FindingKind.Rotting));

        Assert.Equal(31m, rotting.Measured);
    }

    [Fact]
    public void ByStage_AnOpenDealInAStageThatIsNotOpen_IsRefusedByName()
    {
        // Folded without its pipeline, a history can resume a deal "in" the won stage.
        var stopped = Pipeline.Stop(Open("X", "alice", 1m), StopReason.OnHold, Day(1), "alice");
        var odd = Deal.FromEvents([.. stopped.Events, new DealResumed(stopped.Id, Day(2), "alice", "won")]);

        var error = Assert.Throws<ArgumentException>(() => Forecast.ByStage([odd], Pipeline));

        Assert.Equal("deals", error.ParamName);
        Assert.Contains("Open deal X is in stage \"won\", which is not an open stage of pipeline \"Metrics\".", error.Message);
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => Forecast.ByStage([null!], Pipeline)).ParamName);
    }

    [Fact]
    public void TheSameDealTwice_IsRefused_ByTheCustomerPoolAndConflictReports()
    {
        var customer = new Customer("ACC-1", "Acme");
        var deal = Pipeline.ChangeCustomer(Open("D1", "alice", 1m), customer, Day(1), "alice");
        var moved = Pipeline.Reassign(deal, "bob", Day(2), "zoe"); // a later version of the same deal

        var conflict = Assert.Throws<ArgumentException>(() => DealConflicts.Find([deal, moved]));
        Assert.Equal("deals", conflict.ParamName);
        Assert.Contains("Deal D1 is given twice (deals 0 and 1); each counts once.", conflict.Message);
        Assert.Equal(
            "deals",
            Assert.Throws<ArgumentException>(() => CustomerAnalysis.Of([deal, deal], [], new LocalDate(2026, 3, 1))).ParamName
        );
        Assert.Equal("deals", Assert.Throws<ArgumentException>(() => PoolAnalysis.Of([deal, deal], [], Day(3))).ParamName);
        var lead = PooledThenAssigned();
        Assert.Equal("leads", Assert.Throws<ArgumentException>(() => PoolAnalysis.Of([], [lead, lead], Day(3))).ParamName);
    }

    [Fact]
    public void Customer_TheNoCustomerKey_IsNotAnAccountId()
    {
        var error = Assert.Throws<ArgumentException>(() => new Customer("(none)", "Nobody"));

        Assert.Equal("accountId", error.ParamName);
        Assert.Contains("\"(none)\" is the reports' key of deals without a customer", error.Message);
        Assert.Equal("(none)", BreakdownKeys.None);
        Assert.Equal("(None)", new Customer("(None)", "x").AccountId); // ordinal: only the exact key is reserved
    }

    [Fact]
    public void StoppedDeal_ProbabilityAndCategory_ComeFromItsStatus()
    {
        var deal = Pipeline.Stop(Open("S", "alice", 1m, stage: 2), StopReason.OnHold, Day(3), "alice");

        Assert.Equal(new EffectiveValue<decimal>(0m, ValueSource.Status), Pipeline.WinProbabilityOf(deal));
        Assert.Equal(new EffectiveValue<ForecastCategory>(ForecastCategory.Omitted, ValueSource.Status), Pipeline.ForecastCategoryOf(deal));
        var resumed = Pipeline.Resume(deal, Day(4), "alice");
        Assert.Equal(new EffectiveValue<decimal>(0.50m, ValueSource.StageDefault), Pipeline.WinProbabilityOf(resumed));
    }
}
