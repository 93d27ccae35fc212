using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Frames;

// Calibration from a list of deals walks the frame's event table; from a lazy sequence it folds each deal's history
// event by event. Both must give the same calibration (every count, rate, chain figure and reliability bin, doubles to
// the last bit), or the same exception.
public class CalibrationFrameTests
{
    private static readonly PipelineDefinition Pipeline = FrameDeals.Pipeline;

    // FrameDeals' deals, some of them imported instead of created (open with or without a known stage entry, or won
    // before the import) and some overrides made by a model: the history shapes the scan treats apart.
    private static Gen<Deal[]> WithImports(Gen<Deal[]> deals) =>
        from list in deals
        from seed in Gen.Choose(0, 1_000)
        select list.Select((deal, i) => Reshape(deal, (i + seed) % 12)).ToArray();

    [Fact]
    public void FromAList_EqualsTheDealByDealCalibration_Property() =>
        PropertyAssert.Holds(Prop.ForAll(WithImports(FrameDeals.Deals).ToArbitrary(), deals => Same(deals)));

    [Fact]
    public void PlainDeals_EqualTheDealByDealCalibration_Property() =>
        PropertyAssert.Holds(Prop.ForAll(WithImports(FrameDeals.PlainDeals).ToArbitrary(), deals => Same(deals)));

    [Fact]
    public void PlainDeals_RunOnTheFrame()
    {
        // Not vacuous: the kernel takes the plain inputs rather than falling back to the deal code.
        var lists = WithImports(FrameDeals.PlainDeals).Sample(30, new Rnd(20261206UL), 40).Where(d => d.Length > 0).ToArray();
        var taken = lists.Count(deals => new HistoryScan(Pipeline, nameof(deals)).TryAdd(DealFrame.Of(deals)));
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }

    [Fact]
    public void StintsAndForecasts_AsWorkedOut()
    {
        // A: created in Prospecting (10%), moved on after 2 days, won 3 days later. B: created in Prospecting, a model
        // override of 0.30 a day later (after its only stint began), stopped after 2 days and lost 4 days after that.
        // Prospecting: 2 stints ended, 2 days and 2 days (B's ended at the stop); forecasts at stint starts: A 0.10 and
        // the next stage's default (won), B 0.10 (lost): 3 forecasts, all stage defaults.
        var stages = Pipeline.OpenStages;
        var t = FrameDeals.T0;
        var a = Deal.FromEvents([
            FrameDeals.Created("A", t, "alice"),
            new StageMoved(new DealId("A"), t + Duration.FromDays(2), "alice", stages[0].Id, stages[1].Id, MoveDirection.Forward, 0),
            new DealWon(new DealId("A"), t + Duration.FromDays(5), "alice", "won"),
        ]);
        var b = Deal.FromEvents([
            FrameDeals.Created("B", t, "alice"),
            new ProbabilityOverridden(new DealId("B"), t + Duration.FromDays(1), "model", 0.30m, ValueSource.Model),
            new DealStopped(new DealId("B"), t + Duration.FromDays(2), "alice", StopReason.OnHold),
            new DealLost(new DealId("B"), t + Duration.FromDays(6), "alice", "lost", LossReason.Price, null),
        ]);
        Deal[] deals = [a, b];
        var calibration = StageCalibration.FromHistory(deals, Pipeline);
        Assert.Equal((2, 1), (calibration.ClosedDeals, calibration.WonDeals));
        Assert.Equal((2, 1), (calibration.Stages[0].Reached, calibration.Stages[0].Won));
        Assert.Equal(2, calibration.Chain.Stages[0].ObservedExits);
        Assert.Equal(2.0, calibration.Chain.Stages[0].MeanDaysInStage);
        Assert.Equal((3, 0), (calibration.Reliability.All.Count, calibration.Reliability.Overrides.Count));
        Assert.Equal(StintsHostile.Dump(StageCalibration.FromHistory(deals.Select(d => d), Pipeline)), StintsHostile.Dump(calibration));
    }

    private static bool Same(Deal[] deals)
    {
        var expected = StintsHostile.Outcome(() => StageCalibration.FromHistory(deals.Select(d => d), Pipeline));
        var actual = StintsHostile.Outcome(() => StageCalibration.FromHistory(deals, Pipeline));
        Assert.Equal(expected, actual);
        return true;
    }

    private static Deal Reshape(Deal deal, int shape)
    {
        var events = deal.Events.ToList();
        if (events[0] is not DealCreated c)
        {
            return deal;
        }
        if (shape is 1 or 2)
        {
            // Imported open where it stood when first seen; its stage entry is known or not.
            events[0] = new DealImported(
                c.DealId,
                c.At,
                c.By,
                c.Pipeline,
                c.Name,
                c.Owner,
                c.Amount,
                c.ExpectedClose,
                c.StageId,
                DealStatus.Open,
                c.At - Duration.FromDays(30),
                StageEntryKnown: shape == 1
            );
        }
        else if (shape == 3)
        {
            // Imported as won: no open stage was observed.
            events =
            [
                new DealImported(
                    c.DealId,
                    c.At,
                    c.By,
                    c.Pipeline,
                    c.Name,
                    c.Owner ?? "alice",
                    c.Amount,
                    c.ExpectedClose,
                    "won",
                    DealStatus.Won,
                    c.At - Duration.FromDays(30),
                    StageEntryKnown: true
                ),
            ];
        }
        else if (shape is 4 or 5)
        {
            events = events.Select(e => e is ProbabilityOverridden p ? p with { Source = ValueSource.Model } : e).ToList();
        }
        try
        {
            return Deal.FromEvents(events);
        }
        catch (ArgumentException)
        {
            return deal;
        }
    }
}
