using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Health;

// The accumulator's bookkeeping (counts, merges) and the exact texts of its refusals.
public sealed class PipelineHealthAccumulatorTests
{
    private const string SetupText = " Options compare by content; a pipeline definition by reference (build it once and share it).";

    private static readonly Deal Open1 = DealIn("O1", "proposal", 1_000m, Date(5, 31), At(3, 25));
    private static readonly Deal Future = DealIn("F", "prospecting", 1_000m, Date(5, 31), At(4, 2));

    private static Deal Lost(string id) =>
        Pipeline.Lose(DealIn(id, "qualified", 1_000m, Date(5, 31), At(3, 1)), LossReason.Price, At(3, 10), "alice");

    [Fact]
    public void Result_CountsOpenWonAndLostDeals()
    {
        // 1 open, 1 won, 2 lost: 4 deals added.
        var accumulator = new PipelineHealthAccumulator(Pipeline, AsOf);
        accumulator.AddRange([Open1, Lost("L1"), WonDeal("W1", 1_000m, At(1, 1), At(2, 1)), Lost("L2")]);

        var report = accumulator.Result();

        Assert.Equal((4, 1, 1, 2), (accumulator.Count, report.OpenDeals, report.WonDeals, report.LostDeals));
    }

    [Fact]
    public void Merge_AddsTheOthersDealsAndIds_LeavingTheOtherUnchanged()
    {
        // a: 1 open + 1 lost; b: 2 lost + 1 won. Merged: 5 deals, 1 open, 1 won, 3 lost.
        var a = new PipelineHealthAccumulator(Pipeline, AsOf);
        var b = new PipelineHealthAccumulator(Pipeline, AsOf);
        a.AddRange([Open1, Lost("L1")]);
        b.AddRange([Lost("L2"), Lost("L3"), WonDeal("W1", 1_000m, At(1, 1), At(2, 1))]);

        a.Merge(b);

        var report = a.Result();
        Assert.Equal((5, 1, 1, 3), (a.Count, report.OpenDeals, report.WonDeals, report.LostDeals));
        Assert.Equal((3, 2), (b.Count, b.Result().LostDeals));
        // The merged ids are a's own now: adding one of b's deals again is a repeat.
        var e = Assert.Throws<ArgumentException>(() => a.Add(Lost("L3")));
        Assert.StartsWith("Deal L3 was given twice; each deal may be inspected once.", e.Message, StringComparison.Ordinal);
        Assert.Equal(5, a.Count);
    }

    [Fact]
    public void Merge_Null_ThrowsNamingOther()
    {
        var accumulator = new PipelineHealthAccumulator(Pipeline, AsOf);

        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => accumulator.Merge(null!)).ParamName);
    }

    [Fact]
    public void Merge_IntoItself_IsRefusedEvenWhenEmpty()
    {
        var empty = new PipelineHealthAccumulator(Pipeline, AsOf);
        var full = new PipelineHealthAccumulator(Pipeline, AsOf);
        full.Add(Open1);

        var e1 = Assert.Throws<ArgumentException>(() => empty.Merge(empty));
        var e2 = Assert.Throws<ArgumentException>(() => full.Merge(full));

        Assert.Equal(("other", "other"), (e1.ParamName, e2.ParamName));
        Assert.StartsWith("An accumulator cannot be merged into itself.", e1.Message, StringComparison.Ordinal);
        Assert.StartsWith("An accumulator cannot be merged into itself.", e2.Message, StringComparison.Ordinal);
        Assert.Equal((0, 1), (empty.Count, full.Count));
    }

    public static TheoryData<string, Func<PipelineHealthAccumulator>> Differently =>
        new()
        {
            {
                "the pipeline",
                () =>
                    new PipelineHealthAccumulator(
                        PipelineDefinition.CreateBuilder("Other").Stage("Only", 0.5m).Won("Won").Lost("Lost").Build(),
                        AsOf
                    )
            },
            { "the as-of point", () => new PipelineHealthAccumulator(Pipeline, AsOf + Duration.FromNanoseconds(1)) },
            { "the policy", () => new PipelineHealthAccumulator(Pipeline, AsOf, HealthPolicy.Default with { ShortlistSize = 4 }) },
            {
                "the inputs",
                () =>
                    new PipelineHealthAccumulator(
                        Pipeline,
                        AsOf,
                        null,
                        new HealthInputs { Leads = [Lead.Create(new LeadId("L1"), "Lead", LeadSource.Web, "bob", At(3, 1))] }
                    )
            },
            {
                "the as-of point and the inputs",
                () =>
                    new PipelineHealthAccumulator(
                        Pipeline,
                        AsOf - Duration.FromDays(1),
                        null,
                        new HealthInputs { Activities = ActivityIndex.Create([]) }
                    )
            },
        };

    [Theory]
    [MemberData(nameof(Differently))]
    public void Merge_SetUpDifferently_NamesWhatDiffers(string parts, Func<PipelineHealthAccumulator> other)
    {
        var accumulator = new PipelineHealthAccumulator(Pipeline, AsOf);
        accumulator.Add(Open1);

        var e = Assert.Throws<ArgumentException>(() => accumulator.Merge(other()));

        Assert.Equal("other", e.ParamName);
        Assert.StartsWith(
            $"Only accumulators set up alike can be merged; these two differ in {parts}.{SetupText}",
            e.Message,
            StringComparison.Ordinal
        );
        Assert.Equal(1, accumulator.Count);
    }

    [Fact]
    public void AddRange_Null_ThrowsNamingDeals()
    {
        var accumulator = new PipelineHealthAccumulator(Pipeline, AsOf);

        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => accumulator.AddRange(null!)).ParamName);
    }

    [Fact]
    public void Add_NullDeal_SaysTheDealIsNull()
    {
        var accumulator = new PipelineHealthAccumulator(Pipeline, AsOf);

        var e = Assert.Throws<ArgumentNullException>(() => accumulator.Add(null!));

        Assert.Equal("deal", e.ParamName);
        Assert.StartsWith("The deal is null.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRange_NullDeal_GivesItsPosition()
    {
        var accumulator = new PipelineHealthAccumulator(Pipeline, AsOf);

        var e = Assert.Throws<ArgumentNullException>(() => accumulator.AddRange([Open1, Lost("L1"), Lost("L2"), null!]));

        Assert.Equal("deals", e.ParamName);
        Assert.StartsWith("Deal 3 is null.", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, accumulator.Count);
    }

    private const string CreatedTooLate =
        " was created at 2026-04-02T09:00:00Z, after the inspection's as-of instant 2026-04-01T09:00:00Z; "
        + "pass only deals that existed then, or inspect as of a later instant.";

    [Fact]
    public void Add_DealCreatedAfterAsOf_IsRefusedWithoutAPosition()
    {
        var accumulator = new PipelineHealthAccumulator(Pipeline, AsOf);

        var e = Assert.Throws<ArgumentException>(() => accumulator.Add(Future));

        Assert.Equal("deal", e.ParamName);
        Assert.StartsWith("Deal F" + CreatedTooLate, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRange_DealCreatedAfterAsOf_IsRefusedWithItsPosition()
    {
        var accumulator = new PipelineHealthAccumulator(Pipeline, AsOf);

        var e = Assert.Throws<ArgumentException>(() => accumulator.AddRange([Open1, Lost("L1"), Lost("L2"), Future]));

        Assert.Equal("deals", e.ParamName);
        Assert.StartsWith("Deal F (position 3)" + CreatedTooLate, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_DealInAStageThePipelineLacks_IsRefused()
    {
        // Another definition under the same name "Default", with a stage "only" the default pipeline does not have.
        var lookalike = PipelineDefinition.CreateBuilder("Default").Stage("Only", 0.5m, id: "only").Won("Won").Lost("Lost").Build();
        var deal = Deal.Open(lookalike, new DealId("X"), "X", "alice", Usd(1_000m), Date(5, 31), At(3, 1));
        var accumulator = new PipelineHealthAccumulator(Pipeline, AsOf);

        var single = Assert.Throws<ArgumentException>(() => accumulator.Add(deal));
        var batch = Assert.Throws<ArgumentException>(() => accumulator.AddRange([Open1, deal]));

        Assert.Equal(("deal", "deals"), (single.ParamName, batch.ParamName));
        Assert.StartsWith(
            "Deal X is in stage \"only\", which pipeline \"Default\" does not have.",
            single.Message,
            StringComparison.Ordinal
        );
        Assert.StartsWith("Deal X (position 1) is in stage \"only\"", batch.Message, StringComparison.Ordinal);
        Assert.Equal(0, accumulator.Count);
    }

    [Fact]
    public void Inspect_NullDeals_IsNamedBeforeAnyOtherArgument()
    {
        // The deals are the first argument and are checked first, even when the pipeline or the inputs are null too.
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => PipelineHealth.Inspect(null!, null!, AsOf)).ParamName);
        Assert.Equal(
            "deals",
            Assert.Throws<ArgumentNullException>(() => PipelineHealth.Inspect(null!, Pipeline, AsOf, null, (HealthInputs)null!)).ParamName
        );
    }

    [Fact]
    public void Inspect_NullLead_GivesItsPosition()
    {
        var lead = Lead.Create(new LeadId("L1"), "Lead", LeadSource.Web, "bob", At(3, 1));

        var e = Assert.Throws<ArgumentNullException>(() =>
            PipelineHealth.Inspect([], Pipeline, AsOf, null, ActivityIndex.Empty, [lead, null!])
        );

        Assert.Equal("leads", e.ParamName);
        Assert.StartsWith("Lead 1 is null.", e.Message, StringComparison.Ordinal);
    }
}
