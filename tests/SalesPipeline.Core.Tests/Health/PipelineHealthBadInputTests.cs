using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Health;

public sealed class PipelineHealthBadInputTests
{
    private static readonly Deal Good = DealIn("G", "proposal", 1_000m, Date(5, 31), At(3, 1));

    [Fact]
    public void Inspect_NullArguments_Throw()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => PipelineHealth.Inspect(null!, Pipeline, AsOf)).ParamName);
        Assert.Equal("pipeline", Assert.Throws<ArgumentNullException>(() => PipelineHealth.Inspect([Good], null!, AsOf)).ParamName);
        Assert.Equal(
            "activities",
            Assert.Throws<ArgumentNullException>(() => PipelineHealth.Inspect([Good], Pipeline, AsOf, null, (ActivityIndex)null!)).ParamName
        );
        Assert.Equal(
            "inputs",
            Assert.Throws<ArgumentNullException>(() => PipelineHealth.Inspect([Good], Pipeline, AsOf, null, (HealthInputs)null!)).ParamName
        );
    }

    [Fact]
    public void Inspect_NullDeal_ThrowsWithItsPosition()
    {
        var e = Assert.Throws<ArgumentNullException>(() => PipelineHealth.Inspect([Good, null!], Pipeline, AsOf));

        Assert.Equal("deals", e.ParamName);
        Assert.Contains("Deal 1 is null", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_DealCreatedAfterAsOf_IsRejectedNotDropped()
    {
        var future = DealIn("F", "prospecting", 1_000m, Date(5, 31), At(4, 2));

        var e = Assert.Throws<ArgumentException>(() => PipelineHealth.Inspect([Good, future], Pipeline, AsOf));

        Assert.Equal("deals", e.ParamName);
        Assert.Contains(
            "Deal F (position 1) was created at 2026-04-02T09:00:00Z, after the inspection's as-of instant 2026-04-01T09:00:00Z",
            e.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Inspect_DealOfAnotherPipeline_Throws()
    {
        var other = PipelineDefinition.CreateBuilder("Other").Stage("Only", 0.5m).Won("Won").Lost("Lost").Build();
        var foreign = Deal.Open(other, new DealId("X"), "X", "alice", Usd(1m), Date(5, 31), At(3, 1));

        var e = Assert.Throws<ArgumentException>(() => PipelineHealth.Inspect([foreign], Pipeline, AsOf));

        Assert.Equal("deals", e.ParamName);
        Assert.Contains("belongs to pipeline \"Other\", not \"Default\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_SameDealTwice_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => PipelineHealth.Inspect([Good, Good], Pipeline, AsOf));

        Assert.Equal("deals", e.ParamName);
        Assert.Contains("Deal G (position 1) was given twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_PolicyNamingAnUnknownStage_Throws()
    {
        var late = Assert.Throws<ArgumentException>(() =>
            PipelineHealth.Inspect([Good], Pipeline, AsOf, HealthPolicy.Default with { LateStages = ["closing"] })
        );
        var won = Assert.Throws<ArgumentException>(() =>
            PipelineHealth.Inspect(
                [Good],
                Pipeline,
                AsOf,
                HealthPolicy.Default with
                {
                    RottingAfterByStage = new Dictionary<string, Duration> { ["won"] = Duration.FromDays(1) },
                }
            )
        );

        Assert.Equal(("policy", "policy"), (late.ParamName, won.ParamName));
        Assert.Contains("stage \"closing\"", late.Message, StringComparison.Ordinal);
        Assert.Contains("its open stages are prospecting, qualified, proposal, negotiation", won.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_CoveragePeriodOver_Throws()
    {
        var inputs = new HealthInputs { Coverage = new CoverageGoal(FiscalCalendar.Calendar.Quarter(2026, 1), Usd(1_000m), 0.5m) };

        var e = Assert.Throws<ArgumentException>(() => PipelineHealth.Inspect([Good], Pipeline, AsOf, null, inputs));

        Assert.Equal("inputs", e.ParamName);
        Assert.Contains("ended before the as-of date 2026-04-01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_LeadCreatedAfterAsOfOrTwice_Throws()
    {
        var future = Lead.Create(new LeadId("L9"), "Later", LeadSource.Web, "bob", At(4, 3));
        var lead = Lead.Create(new LeadId("L1"), "Lead", LeadSource.Web, "bob", At(3, 3));

        var late = Assert.Throws<ArgumentException>(() => PipelineHealth.Inspect([], Pipeline, AsOf, null, ActivityIndex.Empty, [future]));
        var twice = Assert.Throws<ArgumentException>(() =>
            PipelineHealth.Inspect([], Pipeline, AsOf, null, ActivityIndex.Empty, [lead, lead])
        );

        Assert.Equal(("inputs", "inputs"), (late.ParamName, twice.ParamName));
        Assert.Contains("Lead L9 was created at 2026-04-03T09:00:00Z", late.Message, StringComparison.Ordinal);
        Assert.Contains("Lead L1 was given twice", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HealthInputs_NullValues_ThrowNamingTheProperty()
    {
        Assert.Equal("Activities", Assert.Throws<ArgumentNullException>(() => new HealthInputs { Activities = null! }).ParamName);
        Assert.Equal("Leads", Assert.Throws<ArgumentNullException>(() => new HealthInputs { Leads = null! }).ParamName);
        var e = Assert.Throws<ArgumentNullException>(() => new HealthInputs { Leads = [null!] });
        Assert.Contains("Lead 0 is null", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRange_RejectedBatch_LeavesTheAccumulatorUnchanged()
    {
        var accumulator = new PipelineHealthAccumulator(Pipeline, AsOf);
        accumulator.Add(Good);
        var future = DealIn("F", "prospecting", 1_000m, Date(5, 31), At(4, 2));
        var other = DealIn("H", "prospecting", 1_000m, Date(5, 31), At(3, 2));

        Assert.Throws<ArgumentException>(() => accumulator.AddRange([other, future]));
        Assert.Throws<ArgumentException>(() => accumulator.Add(Good));

        Assert.Equal(1, accumulator.Count);
        Assert.Equal(1, accumulator.Result().OpenDeals);
    }

    [Fact]
    public void Merge_OverlappingOrDifferentAccumulators_Throws()
    {
        var a = new PipelineHealthAccumulator(Pipeline, AsOf);
        var b = new PipelineHealthAccumulator(Pipeline, AsOf);
        var later = new PipelineHealthAccumulator(Pipeline, AsOf + Duration.FromDays(1));
        a.Add(Good);
        b.Add(Good);

        var shared = Assert.Throws<ArgumentException>(() => a.Merge(b));
        var different = Assert.Throws<ArgumentException>(() => a.Merge(later));
        var self = Assert.Throws<ArgumentException>(() => a.Merge(a));

        Assert.Equal(("other", "other", "other"), (shared.ParamName, different.ParamName, self.ParamName));
        Assert.Contains("Both accumulators hold deal G", shared.Message, StringComparison.Ordinal);
        Assert.Equal(1, a.Count);
    }
}
