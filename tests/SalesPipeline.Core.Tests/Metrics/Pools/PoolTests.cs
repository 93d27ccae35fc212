using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Reporting;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Metrics;

public class PoolTests
{
    // As of day 10, noon (2026-01-11T12:00Z).
    private static readonly Instant AsOf = Day(10);

    private static Deal Pooled(string id, string? team, decimal amount, int day, int hour = 12) =>
        Deal.OpenInPool(
            Pipeline,
            new DealId(id),
            id,
            team,
            Money.Of(amount, Currency.USD),
            new LocalDate(2026, 12, 31),
            Day(day, hour),
            "ops"
        );

    // Company pool: P1 since day 0 00:00 (10.5 days), P5 since day 1 noon and stopped on day 2 (9 days; stopped deals
    // still wait for a rep). Team emea: P2 pooled from alice on day 6 noon (4 days), P3 since day 9 noon (1 day), lead L1
    // since day 8 noon (2 days). Not waiting: P4 (assigned to bob), P6 (created after the as-of instant), L2 (owned).
    private static Deal[] Deals() =>
        [
            Pooled("P1", null, 10_000m, 0, 0),
            Pipeline.AssignToPool(Open("P2", "alice", 4_000m), "emea", Day(6), "ops"),
            Pooled("P3", "emea", 1_000m, 9),
            Pipeline.Reassign(Pooled("P4", "emea", 9m, 2), "bob", Day(3), "ops"),
            Pipeline.Stop(Pooled("P5", null, 2_000m, 1), StopReason.OnHold, Day(2), "ops"),
            Pooled("P6", null, 9m, 20),
        ];

    private static Lead[] Leads() =>
        [
            Lead.CreateInPool(new LeadId("L1"), "L1", new LeadSource("web"), "emea", Day(8), "ops"),
            Lead.Create(new LeadId("L2"), "L2", new LeadSource("web"), "bob", Day(8)),
        ];

    [Fact]
    public void PoolReport_WorkedExample()
    {
        var report = PoolAnalysis.Of(Deals(), Leads(), AsOf);

        Assert.Equal([PoolReport.CompanyPool, "emea"], report.Pools.Select(p => p.Pool));
        var company = report.Pools[0];
        // Two deals, 12,000; oldest 10.5 days; median of 10.5 and 9 = 9.75 days.
        Assert.Equal((2, 0, Money.Of(12_000m, Currency.USD)), (company.Deals, company.Leads, company.DealValue));
        Assert.Equal((Duration.FromHours(252), Duration.FromHours(234)), (company.Oldest, company.MedianWait));
        var emea = report.Pools[1];
        // P2 4 days, L1 2 days, P3 1 day: median 2 days.
        Assert.Equal((2, 1, Money.Of(5_000m, Currency.USD)), (emea.Deals, emea.Leads, emea.DealValue));
        Assert.Equal((Duration.FromDays(4), Duration.FromDays(2)), (emea.Oldest, emea.MedianWait));
        Assert.Equal(["Deal P2", "L1", "P3"], emea.Items.Select(i => i.Name));
        Assert.Equal(Day(6), emea.Items[0].InPoolSince);
        Assert.Equal(5, report.ToTable().RowCount); // one row per item
        Assert.Contains("(company)", report.ToString());
    }

    [Fact]
    public void PoolReport_NothingPooled_IsEmpty()
    {
        var report = PoolAnalysis.Of([Open("O", "alice", 1m)], [], AsOf);

        Assert.Empty(report.Pools);
    }

    [Fact]
    public void Health_FlagsWhatWaitsInAPoolLongerThanThePolicy()
    {
        var report = PipelineHealth.Inspect(
            Deals().Where(d => d.CreatedAt <= AsOf),
            Pipeline,
            AsOf,
            null,
            new HealthInputs { Leads = Leads() }
        );

        // Default limit 2 days: P1 (10.5) and P2 (4) are flagged; P3 (1) is not; P5 is stopped (not checked); L1 waited
        // exactly 2 days, not more.
        var pooled = report.FindingsOf(FindingKind.WaitingInPool).ToArray();
        Assert.Equal(["P1", "P2"], pooled.Select(f => f.Deal!.Value.Value));
        Assert.Equal((10.5m, 2m), (pooled[0].Measured, pooled[0].Threshold));
        Assert.Equal("Waiting in the company pool for 10.5 days (limit 2 days).", pooled[0].Message);
        Assert.Equal("Waiting in team emea's pool for 4 days (limit 2 days).", pooled[1].Message);
    }

    [Fact]
    public void Health_PoolLimit_IsThePolicys()
    {
        var policy = HealthPolicy.Default with { PoolWaitAfter = Duration.FromHours(12) };

        var report = PipelineHealth.Inspect(
            Deals().Where(d => d.CreatedAt <= AsOf),
            Pipeline,
            AsOf,
            policy,
            new HealthInputs { Leads = Leads() }
        );

        // 12 hours: P3 (1 day) and lead L1 (2 days) too.
        Assert.Equal(
            ["P1", "P2", "P3", "L1"],
            report.FindingsOf(FindingKind.WaitingInPool).Select(f => (f.Deal?.Value ?? f.Lead!.Value.Value))
        );
    }

    [Fact]
    public void HealthPolicy_PoolWaitAfter_MustBePositive()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => HealthPolicy.Default with { PoolWaitAfter = Duration.Zero });

        Assert.Equal("PoolWaitAfter", error.ParamName);
        Assert.Contains("HealthPolicy.PoolWaitAfter must be a positive duration", error.Message);
    }
}
