using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Metrics;

public class StageStintsTests
{
    private static Stint[] Extract(Deal deal, Instant? until = null)
    {
        var buffer = new Stint[1];
        var n = StageStints.Extract(deal, new StageLookup(History.Pipeline), until ?? Instant.MaxValue, ref buffer);
        return buffer[..n];
    }

    [Fact]
    public void Extract_ForwardMoves_OneStintPerStageEndedByTheMove()
    {
        Deal deal = History.Open("D1").Move("qualified", 10).Move("proposal", 30).Win(50);

        var stints = Extract(deal);

        Assert.Equal(
            new[]
            {
                new Stint(0, History.H(0), History.H(10), StintExit.Moved, 1),
                new Stint(1, History.H(10), History.H(30), StintExit.Moved, 2),
                new Stint(2, History.H(30), History.H(50), StintExit.Won, -1),
            },
            stints
        );
    }

    [Fact]
    public void Extract_Skip_AddsAZeroLengthPassForEachSkippedStage()
    {
        Deal deal = History.Open("D1").Move("negotiation", 10);

        var stints = Extract(deal);

        Assert.Equal(
            new[]
            {
                new Stint(0, History.H(0), History.H(10), StintExit.Moved, 3),
                new Stint(1, History.H(10), History.H(10), StintExit.Skipped, 3),
                new Stint(2, History.H(10), History.H(10), StintExit.Skipped, 3),
                new Stint(3, History.H(10), default, StintExit.Open, -1),
            },
            stints
        );
    }

    [Fact]
    public void Extract_CreatedInALaterStage_PassesTheEarlierOnes()
    {
        Deal deal = History.Open("D1", stage: "proposal");

        var stints = Extract(deal);

        Assert.Equal(
            new[]
            {
                new Stint(0, History.H(0), History.H(0), StintExit.Skipped, 2),
                new Stint(1, History.H(0), History.H(0), StintExit.Skipped, 2),
                new Stint(2, History.H(0), default, StintExit.Open, -1),
            },
            stints
        );
    }

    [Fact]
    public void Extract_LostThenReopenedLater_TheClosedStintPointsToTheReopenStage_AndTheJumpIsPassed()
    {
        Deal deal = History.Open("D1").Lose(5).Reopen("proposal", 8);

        var stints = Extract(deal);

        Assert.Equal(
            new[]
            {
                new Stint(0, History.H(0), History.H(5), StintExit.Lost, 2),
                new Stint(1, History.H(8), History.H(8), StintExit.Skipped, 2),
                new Stint(2, History.H(8), default, StintExit.Open, -1),
            },
            stints
        );
    }

    [Fact]
    public void Extract_BackwardMove_NoPasses_NextIsTheEarlierStage()
    {
        Deal deal = History.Open("D1").Move("proposal", 1).Move("prospecting", 2).Amount(5m, 3);

        var stints = Extract(deal);

        Assert.Equal(
            new[]
            {
                new Stint(0, History.H(0), History.H(1), StintExit.Moved, 2),
                new Stint(1, History.H(1), History.H(1), StintExit.Skipped, 2),
                new Stint(2, History.H(1), History.H(2), StintExit.Moved, 0),
                new Stint(0, History.H(2), default, StintExit.Open, -1),
            },
            stints
        );
    }

    [Fact]
    public void Extract_Until_ReadsOnlyEventsAtOrBeforeIt()
    {
        Deal deal = History.Open("D1", 1).Move("qualified", 10).Move("proposal", 20);

        Assert.Equal(
            new[]
            {
                new Stint(0, History.H(1), History.H(10), StintExit.Moved, 1),
                new Stint(1, History.H(10), default, StintExit.Open, -1),
            },
            Extract(deal, History.H(10))
        );
        Assert.Empty(Extract(deal, History.H(0)));
    }

    [Fact]
    public void Extract_DealOfAnotherPipeline_Throws()
    {
        var other = SalesPipeline.Pipelines.PipelineDefinition.CreateBuilder("Other").Stage("A", 0.5m).Won("W").Lost("L").Build();
        var deal = Deal.Open(
            other,
            new DealId("X-1"),
            "x",
            "alice",
            SalesPipeline.Money.Of(1m, SalesPipeline.Currency.USD),
            new LocalDate(2026, 1, 1),
            History.T0
        );

        var e = Assert.Throws<ArgumentException>(() => Extract(deal));

        Assert.Equal("deal", e.ParamName);
        Assert.Contains("X-1", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"Other\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_UnknownStage_ThrowsNamingIt()
    {
        Deal deal = History.Open("D1").Move("qualified", 1);
        var events = deal.Events.ToList();
        events[1] = ((StageMoved)events[1]) with { ToStageId = "demo" };

        var e = Assert.Throws<ArgumentException>(() => Extract(Deal.FromEvents(events)));

        Assert.Contains("\"demo\"", e.Message, StringComparison.Ordinal);
    }
}
