using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using static SalesPipeline.Tests.Forecasting.Calibration.CalibrationFixtures;

namespace SalesPipeline.Tests.Forecasting.Calibration;

// The target stage of a transition: null refused by name, an unknown id named in the text.
public sealed partial class PipelineChainTests
{
    [Fact]
    public void TransitionProbability_NullOrUnknownTarget_IsRefusedNamingIt()
    {
        var chain = TwoStageChain();

        Assert.Equal("toStageId", Assert.Throws<ArgumentNullException>(() => chain.TransitionProbability("a", null!)).ParamName);
        Assert.Equal("toStageId", Assert.Throws<ArgumentNullException>(() => chain.ExitCount("a", null!)).ParamName);
        var unknown = Assert.Throws<ArgumentException>(() => chain.TransitionProbability("a", "x"));
        Assert.StartsWith($"Pipeline \"{Pipeline.Name}\" has no stage with id \"x\".", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chain_StageEnteredAtAnUnknownTime_HasExitsButNoMeanDaysAndNoDaysToClose()
    {
        // Imported into A at day 0 without its entry time (the stint in A began at an unknown time before), moved to B
        // at day 3, won at day 5. A's one exit counts (A -> B) but its length is unknown, so A has no mean stint and
        // no expected days to close; B's stint (2 days) is timed and B never reaches A, so from B: 1 x 2 = 2 days (it
        // came out null before: NaN x 0 in the product N t made every stage's days unknown).
        var imported = Pipeline.Import(
            new DealImport
            {
                Id = new DealId("i1"),
                Owner = "alice",
                Amount = Money.Of(1_000m, Currency.USD),
                StageId = "a",
                ExpectedClose = new NodaTime.LocalDate(2026, 12, 31),
                CreatedAt = Day(-10),
            },
            Day(0)
        );
        var deal = Pipeline.Win(Pipeline.Move(imported, "b", Day(3), "alice"), Day(5), "alice");

        var chain = StageCalibration.FromHistory([deal], Pipeline).Chain;

        Assert.Equal(1, chain.ExitCount("a", "b"));
        Assert.Equal(1.0, chain.ForStage("a").WinProbability!.Value, 12);
        Assert.Null(chain.ForStage("a").MeanDaysInStage);
        Assert.Null(chain.ForStage("a").ExpectedDaysToClose);
        Assert.Equal(2.0, chain.ForStage("b").MeanDaysInStage!.Value, 12);
        Assert.Equal(2.0, chain.ForStage("b").ExpectedDaysToClose!.Value, 12);
    }
}
