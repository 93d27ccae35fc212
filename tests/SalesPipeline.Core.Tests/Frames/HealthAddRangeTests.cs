using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Health;

namespace SalesPipeline.Tests.Frames;

// PipelineHealthAccumulator.AddRange over a list reads it on the frame (into a non-empty accumulator, on a fresh one
// merged in). The oracle is the same call over a lazy sequence (deal by deal): the same report, the same count, and
// afterwards the same refusal of a deal given again, by Add or by Merge, since the frame path must claim every id as
// the deal code does.
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
    public void AddRange_ToAnAccumulatorThatHoldsADeal_RunsOnTheFrame()
    {
        var deals = FrameDeals.PlainDeals.Sample(30, new Rnd(12UL), 20).First(d => d.Length > 1);
        var late = FrameDeals.T0 + Duration.FromDays(400);
        var accumulator = new PipelineHealthAccumulator(FrameDeals.Pipeline, late);
        accumulator.Add(deals[0]);
        accumulator.AddRange(deals[1..]);
        Assert.True(accumulator.AddedFromFrame);
        // Only the deal added by Add is kept as an object (when open or won); the batch's rows are kept as rows.
        Assert.Equal(deals[0].Status is DealStatus.Open or DealStatus.Won ? 1 : 0, accumulator.DealsKept);
        Assert.Equal(deals.Length, accumulator.Count);
    }

    // A batch that repeats a deal the accumulator holds is refused by the deal code (its position in the batch and its
    // id named), and nothing of the batch is kept: the frame path declines before it changes anything.
    [Fact]
    public void AddRange_ThatRepeatsAHeldDeal_NamesItsPositionAndChangesNothing()
    {
        var deals = FrameDeals.PlainDeals.Sample(30, new Rnd(13UL), 20).First(d => d.Length > 3);
        var late = FrameDeals.T0 + Duration.FromDays(400);
        var accumulator = new PipelineHealthAccumulator(FrameDeals.Pipeline, late);
        accumulator.Add(deals[0]);
        var before = HealthFrameTests.Outcome(accumulator.Result);
        var refused = Assert.Throws<ArgumentException>(() => accumulator.AddRange([deals[1], deals[2], deals[0]]));
        Assert.Equal("deals", refused.ParamName);
        Assert.StartsWith($"Deal {deals[0].Id} (position 2) was given twice", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, accumulator.Count);
        Assert.Equal(before, HealthFrameTests.Outcome(accumulator.Result));
        accumulator.AddRange(deals[1..]); // the batch's own deals were not claimed
        Assert.Equal(deals.Length, accumulator.Count);
    }

    // AddRange of a list into an accumulator that already holds deals (added one by one, as a frame, or merged in)
    // gives what adding the batch's deals one by one gives: the same report (findings in id order across the runs,
    // pooled deals included), the same count; a batch that repeats a held deal, or one of its own, is refused as the
    // deal code refuses it (over a lazy sequence) and leaves the accumulator as it was.
    [Fact]
    public void AddRange_IntoANonEmptyAccumulator_EqualsAddingOneByOne_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                HealthRowsTests.DealsGen.ToArbitrary(),
                HealthRowsTests.SetupGen.ToArbitrary(),
                BatchGen.ToArbitrary(),
                (deals, setup, batch) => SameIntoHeld(deals, setup, batch)
            )
        );

    [Fact]
    public void AddRange_IntoANonEmptyAccumulator_SplitAcrossCores_EqualsAddingOneByOne_Property()
    {
        using var _ = FramePartitions.SplitFrom(2);
        PropertyAssert.Holds(
            Prop.ForAll(
                HealthRowsTests.DealsGen.ToArbitrary(),
                HealthRowsTests.SetupGen.ToArbitrary(),
                BatchGen.ToArbitrary(),
                (deals, setup, batch) => SameIntoHeld(deals, setup, batch)
            )
        );
    }

    // Where the deals are cut into the held part and the batch, how the held part was added (0: one by one, 1: as a
    // list, 2: merged from another accumulator that took it as a list), and which deal the batch repeats, if any (a
    // held one, or one of its own), at which place.
    private sealed record Batch(int Cut, int Held, int Repeat, int Place);

    private static readonly Gen<Batch> BatchGen =
        from cut in Gen.Choose(0, 100)
        from held in Gen.Choose(0, 2)
        from repeat in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
        from place in Gen.Choose(0, 1000)
        select new Batch(cut, held, repeat, place);

    private static bool SameIntoHeld(Deal[] deals, HealthRowsTests.Setup setup, Batch batch)
    {
        var at = deals.Length * batch.Cut / 100;
        var (held, added) = (deals[..at], deals[at..]);
        var repeated = batch.Repeat switch
        {
            1 when held.Length > 0 => held[batch.Place % held.Length],
            2 when added.Length > 0 => added[batch.Place % added.Length],
            _ => null,
        };
        if (repeated is not null)
        {
            var place = batch.Place % (added.Length + 1);
            added = [.. added[..place], repeated, .. added[place..]];
        }
        var (policy, inputs) = HealthRowsTests.PolicyAndInputs(deals, setup);
        var framed = Into(list: true);
        var stepped = Into(list: false);
        Assert.Equal(stepped, framed);
        return true;

        // The report before the batch, the batch's refusal, the count and the report after it; and, for a batch
        // taken, the count and report of adding every deal one by one.
        string Into(bool list)
        {
            try
            {
                var accumulator = new PipelineHealthAccumulator(FrameDeals.Pipeline, setup.AsOf, policy, inputs);
                Hold(accumulator, list);
                var before = Report(accumulator);
                var refusal = Refusal(() => accumulator.AddRange(list ? added : added.Select(d => d)));
                var after = Report(accumulator);
                if (refusal.Length > 0)
                {
                    Assert.Equal(before, after); // a rejected batch changes nothing
                    return $"{refusal}\n{after}";
                }
                var oneByOne = new PipelineHealthAccumulator(FrameDeals.Pipeline, setup.AsOf, policy, inputs);
                foreach (var deal in held.Concat(added))
                {
                    oneByOne.Add(deal);
                }
                Assert.Equal(Report(oneByOne), after);
                return after;
            }
            catch (ArgumentException e)
            {
                return $"{e.GetType().Name}: {e.Message}"; // a deal of the held part refused, by either path alike
            }
        }

        void Hold(PipelineHealthAccumulator accumulator, bool list)
        {
            switch (batch.Held)
            {
                case 0:
                    foreach (var deal in held)
                    {
                        accumulator.Add(deal);
                    }
                    break;
                case 1:
                    accumulator.AddRange(list ? held : held.Select(d => d));
                    break;
                default:
                    var other = new PipelineHealthAccumulator(FrameDeals.Pipeline, setup.AsOf, policy, inputs);
                    other.AddRange(list ? held : held.Select(d => d));
                    accumulator.Merge(other);
                    break;
            }
        }
    }

    private static string Report(PipelineHealthAccumulator accumulator) =>
        $"{accumulator.Count}\n{HealthRowsTests.Outcome(accumulator.Result)}";

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
