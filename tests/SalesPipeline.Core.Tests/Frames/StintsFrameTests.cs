using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Tests.Metrics;

namespace SalesPipeline.Tests.Frames;

public class StintsFrameTests
{
    private static readonly StageLookup Lookup = new(History.Pipeline);

    // Prospecting at hour 0, a jump to proposal at 24 (over qualified), stopped at 48, resumed in proposal at 50, lost at
    // 60. Worked out from the rules: the prospecting stay moved on to proposal (2); a zero-length pass over qualified at
    // 24; the proposal stay 24..48 ended by the stop, its Next the stage it resumed in (2); the stay from 50 lost at 60.
    [Fact]
    public void Extract_StopResumeInTheSameStageThenLoss_WorkedExample()
    {
        Deal deal = History.Open("D1").Move("proposal", 24).Stop(48).Resume("proposal", 50).Lose(60);
        var frame = DealFrame.Of([deal]);
        var buffer = new FrameStint[1];

        var count = FrameStints.Extract(frame, 0, FrameStints.Lookup(frame, Lookup), long.MaxValue, ref buffer);

        long T(double hours) => History.H(hours).ToUnixTimeTicks();
        Assert.Equal(
            [
                new FrameStint(0, T(0), T(24), StintExit.Moved, 2),
                new FrameStint(1, T(24), T(24), StintExit.Skipped, 2),
                new FrameStint(2, T(24), T(48), StintExit.Stopped, 2),
                new FrameStint(2, T(50), T(60), StintExit.Lost, -1),
            ],
            buffer.Take(count)
        );
    }

    // A stage the pipeline has no open stage for: the deal code throws, the frame says Failed (and its kernel falls back).
    [Fact]
    public void Extract_StageNotOpenInThePipeline_Fails()
    {
        var created = (DealCreated)History.Open("D1").Deal.Events[0];
        var frame = DealFrame.Of([Deal.FromEvents([created with { StageId = "won" }])]);
        var buffer = new FrameStint[4];

        Assert.Equal(FrameStints.Failed, FrameStints.Extract(frame, 0, FrameStints.Lookup(frame, Lookup), long.MaxValue, ref buffer));
        Assert.Throws<ArgumentException>(() =>
        {
            var stints = new Stint[4];
            StageStints.Extract(frame.DealAt(0), Lookup, Instant.MaxValue, ref stints);
        });
    }

    // Stint by stint equal to StageStints.Extract (instants compared as the ticks the frame keeps), up to the end and up
    // to a random instant, over random histories with imports, closed imports, scales and sub-tick instants; a row the
    // deal code throws for is Failed on the frame. Up to an instant only when the frame's instants are whole ticks (the
    // kernels' own precondition).
    [Fact]
    public void Extract_EqualsStageStints_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                StintsHostile.RandomDeals.ToArbitrary(),
                Gen.Choose(-10, 600).ToArbitrary(),
                (deals, hours) =>
                {
                    if (deals.Length == 0)
                    {
                        return true;
                    }
                    var frame = DealFrame.Of(deals);
                    var codes = FrameStints.Lookup(frame, Lookup);
                    var buffer = new FrameStint[2];
                    var stints = new Stint[2];
                    var untils = frame.Exactness.WholeTicks ? new[] { Instant.MaxValue, History.H(hours) } : [Instant.MaxValue];
                    for (var r = 0; r < deals.Length; r++)
                    {
                        if (deals[r].Pipeline != History.Pipeline.Name)
                        {
                            continue; // the callers check the pipeline before extracting (FrameStints.OnePipeline)
                        }
                        foreach (var until in untils)
                        {
                            var ticks = until == Instant.MaxValue ? long.MaxValue : until.ToUnixTimeTicks();
                            var count = FrameStints.Extract(frame, r, codes, ticks, ref buffer);
                            int expected;
                            try
                            {
                                expected = StageStints.Extract(deals[r], Lookup, until, ref stints);
                            }
                            catch (ArgumentException)
                            {
                                expected = FrameStints.Failed;
                            }
                            if (count != expected)
                            {
                                return false;
                            }
                            for (var i = 0; i < count; i++)
                            {
                                var (s, f) = (stints[i], buffer[i]);
                                var same =
                                    (s.Stage, s.Entered.ToUnixTimeTicks(), s.Left.ToUnixTimeTicks(), s.Exit, s.Next, s.Truncated)
                                    == (f.Stage, f.Entered, f.Left, f.Exit, f.Next, f.Truncated);
                                if (!same)
                                {
                                    return false;
                                }
                            }
                        }
                    }
                    return true;
                }
            )
        );
}
