using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Health;

namespace SalesPipeline.Tests.Frames;

// PipelineHealthAccumulator.AddRange over a list reads it on the frame when the accumulator is empty. The oracle is the
// same call over a lazy sequence (deal by deal): the same report, the same count, and afterwards the same refusal of a
// deal given again, by Add or by Merge, since the frame path must claim every id as the deal code does.
[Collection(FrameSplitting.Name)]
public class HealthAddRangeTests
{
    private static readonly Gen<Instant> AsOfGen = Gen.Choose(0, 24 * 150).Select(hours => FrameDeals.T0 + Duration.FromHours(hours));

    [Fact]
    public void AddRange_OfAList_EqualsAddingTheSequence_Property() =>
        PropertyAssert.Holds(Prop.ForAll(FrameDeals.Deals.ToArbitrary(), AsOfGen.ToArbitrary(), (deals, asOf) => Same(deals, asOf)));

    [Fact]
    public void AddRange_SplitAcrossCores_EqualsAddingTheSequence_Property()
    {
        using var _ = FramePartitions.SplitFrom(2);
        PropertyAssert.Holds(Prop.ForAll(FrameDeals.PlainDeals.ToArbitrary(), AsOfGen.ToArbitrary(), (deals, asOf) => Same(deals, asOf)));
    }

    [Fact]
    public void AddRange_OfPlainDeals_RunsOnTheFrame()
    {
        var lists = FrameDeals.PlainDeals.Sample(30, new Rnd(11UL), 40).Where(d => d.Length > 0).ToArray();
        var late = FrameDeals.T0 + Duration.FromDays(400); // after every event, so no deal is refused
        var taken = lists.Count(deals =>
        {
            var accumulator = new PipelineHealthAccumulator(FrameDeals.Pipeline, late);
            accumulator.AddRange(deals);
            return accumulator.AddedFromFrame;
        });
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame path ran for {taken} of {lists.Length} lists");
    }

    [Fact]
    public void AddRange_ToAnAccumulatorThatHoldsADeal_RunsTheDealCode()
    {
        var deals = FrameDeals.PlainDeals.Sample(30, new Rnd(12UL), 20).First(d => d.Length > 1);
        var late = FrameDeals.T0 + Duration.FromDays(400);
        var accumulator = new PipelineHealthAccumulator(FrameDeals.Pipeline, late);
        accumulator.Add(deals[0]);
        accumulator.AddRange(deals[1..]);
        Assert.False(accumulator.AddedFromFrame);
        Assert.Equal(deals.Length, accumulator.Count);
    }

    private static bool Same(Deal[] deals, Instant asOf)
    {
        var (framed, framedError) = Added(deals, asOf, list: true);
        var (stepped, steppedError) = Added(deals, asOf, list: false);
        Assert.Equal(steppedError, framedError);
        if (framed is null || stepped is null)
        {
            return true;
        }
        Assert.Equal(stepped.Count, framed.Count);
        Assert.Equal(HealthFrameTests.Outcome(stepped.Result), HealthFrameTests.Outcome(framed.Result));
        if (deals.Length > 0)
        {
            // A deal given again is refused the same way after either path, and leaves the accumulators as they were.
            Assert.Equal(Refusal(() => stepped.Add(deals[^1])), Refusal(() => framed.Add(deals[^1])));
            var other = new PipelineHealthAccumulator(FrameDeals.Pipeline, asOf);
            other.Add(deals[0]);
            Assert.Equal(Refusal(() => stepped.Merge(other)), Refusal(() => framed.Merge(other)));
            Assert.Equal(stepped.Count, framed.Count);
            Assert.Equal(HealthFrameTests.Outcome(stepped.Result), HealthFrameTests.Outcome(framed.Result));
        }
        return true;
    }

    private static (PipelineHealthAccumulator? Accumulator, string Error) Added(Deal[] deals, Instant asOf, bool list)
    {
        var accumulator = new PipelineHealthAccumulator(FrameDeals.Pipeline, asOf);
        var error = Refusal(() => accumulator.AddRange(list ? deals : deals.Select(d => d)));
        return (error.Length == 0 ? accumulator : null, error);
    }

    private static string Refusal(Action act)
    {
        try
        {
            act();
            return "";
        }
        catch (ArgumentException e)
        {
            return $"{e.GetType().Name}: {e.ParamName}: {e.Message}";
        }
    }
}
