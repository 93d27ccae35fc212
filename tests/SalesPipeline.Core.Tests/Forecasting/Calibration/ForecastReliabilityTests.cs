using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Forecasting.Calibration.CalibrationFixtures;

namespace SalesPipeline.Tests.Forecasting.Calibration;

public sealed class ForecastReliabilityTests
{
    private static readonly PipelineDefinition Pipeline = Abc();

    // Forecasts (probability at each stint's start, outcome):
    //   d1: A 0.1 (won), B 0.3 (won)                  -> (0.9)^2 + (0.7)^2 = 0.81 + 0.49
    //   d2: A 0.1 (lost)                              -> 0.01
    //   d3: A 0.1 (lost); manual 0.8 set in A at day 0.5, so B starts at 0.8 (Manual) (lost) -> 0.01 + 0.64
    //   o4: open, no forecasts
    // All: 1.96 / 5 = 0.392; stage defaults: 1.32 / 4 = 0.33; overrides: 0.64 / 1.
    private static ForecastReliability Reliability() =>
        StageCalibration
            .FromHistory(
                [
                    Script(Pipeline, "d1", (1, "b"), (2, "won")),
                    Script(Pipeline, "d2", (1, "lost")),
                    Script(Pipeline, "d3", (0.5, "p=0.8"), (1, "b"), (2, "lost")),
                    Script(Pipeline, "o4", (1, "b")),
                ],
                Pipeline
            )
            .Reliability;

    [Fact]
    public void Brier_TinySet_WorkedOutByHand()
    {
        var r = Reliability();

        Assert.Equal(5, r.All.Count);
        Assert.Equal(0.392, r.All.Brier!.Value, 12);
        Assert.Equal(4, r.StageDefaults.Count);
        Assert.Equal(0.33, r.StageDefaults.Brier!.Value, 12);
        Assert.Equal(1, r.Overrides.Count);
        Assert.Equal(0.64, r.Overrides.Brier!.Value, 12);
    }

    [Fact]
    public void Bins_TinySet_PutEachForecastInItsTenth()
    {
        // [0.1, 0.2): the three 0.1 forecasts, one won; [0.3, 0.4): the 0.3, won; [0.8, 0.9): the 0.8, lost.
        var bins = Reliability().All.Bins;

        Assert.Equal(10, bins.Count);
        Assert.Equal([0, 3, 0, 1, 0, 0, 0, 0, 1, 0], bins.Select(b => b.Count));
        Assert.Equal(0.1, bins[1].MeanForecast!.Value, 12);
        Assert.Equal(1.0 / 3.0, bins[1].ObservedFrequency!.Value, 12);
        Assert.Equal(0.3, bins[3].MeanForecast!.Value, 12);
        Assert.Equal(1.0, bins[3].ObservedFrequency!.Value);
        Assert.Equal(0.8, bins[8].MeanForecast!.Value, 12);
        Assert.Equal(0.0, bins[8].ObservedFrequency!.Value);
        Assert.Null(bins[0].MeanForecast);
        Assert.Null(bins[0].ObservedFrequency);
        Assert.Equal([0.0m, 0.1m, 0.2m, 0.3m, 0.4m, 0.5m, 0.6m, 0.7m, 0.8m, 0.9m], bins.Select(b => b.Lower));
        Assert.Equal(1.0m, bins[9].Upper);
    }

    [Fact]
    public void Bins_ModelOverrideOfOne_GoesInTheLastBinAndCountsAsAnOverride()
    {
        // A 0.1 (default, won) -> 0.81; B 1.0 (Model, won) -> 0. Brier 0.405.
        var r = StageCalibration.FromHistory([Script(Pipeline, "m", (0.5, "m=1"), (1, "b"), (2, "won"))], Pipeline).Reliability;

        Assert.Equal(1, r.All.Bins[9].Count);
        Assert.Equal(1, r.Overrides.Count);
        Assert.Equal(0.0, r.Overrides.Brier!.Value);
        Assert.Equal(0.405, r.All.Brier!.Value, 12);
    }

    [Fact]
    public void Forecast_ClearedOverride_ScoresTheStageDefaultAgain()
    {
        // A 0.1 default; manual 0.9 at day 0.5; B starts at 0.9 (Manual); cleared at day 1.5; C starts at 0.6 (default).
        var r = StageCalibration
            .FromHistory([Script(Pipeline, "x", (0.5, "p=0.9"), (1, "b"), (1.5, "clear"), (2, "c"), (3, "lost"))], Pipeline)
            .Reliability;

        Assert.Equal(2, r.StageDefaults.Count);
        Assert.Equal((0.01 + 0.36) / 2, r.StageDefaults.Brier!.Value, 12);
        Assert.Equal(0.81, r.Overrides.Brier!.Value, 12);
    }

    [Fact]
    public void Forecast_MovedAndWonInTheSameInstant_IsTheStagesProbabilityNotOne()
    {
        // B's stint starts and ends at day 1: its forecast is B's 0.3, not the won deal's 1. (0.81 + 0.49) / 2 = 0.65.
        var r = StageCalibration.FromHistory([Script(Pipeline, "s", (1, "b"), (1, "won"))], Pipeline).Reliability;

        Assert.Equal(0.65, r.All.Brier!.Value, 12);
        Assert.Equal(1, r.All.Bins[3].Count);
    }

    [Fact]
    public void Forecast_ReopenedDeal_ScoresTheReopenedStintWithTheFinalOutcome()
    {
        // Lost from A, reopened into B, won: forecasts A 0.1 and B 0.3, both scored as won: (0.81 + 0.49) / 2.
        var r = StageCalibration.FromHistory([Script(Pipeline, "r", (1, "lost"), (2, "b"), (3, "won"))], Pipeline).Reliability;

        Assert.Equal(2, r.All.Count);
        Assert.Equal(0.65, r.All.Brier!.Value, 12);
    }

    [Fact]
    public void Forecast_DefaultPipeline_UsesItsStageProbabilities()
    {
        // Default: Prospecting 0.10 -> Qualified 0.20 (criteria answered) -> Proposal 0.50, lost.
        // (0.1)^2 + (0.2)^2 + (0.5)^2 = 0.01 + 0.04 + 0.25 = 0.30 over 3 forecasts: 0.1.
        var p = PipelineDefinition.Default;
        var deal = Script(p, "q", (1, "qualified"));
        foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
        {
            deal = p.Answer(deal, criterion, Day(2), "alice");
        }
        deal = p.Lose(p.Move(deal, "proposal", Day(3), "alice"), LossReason.Timing, Day(4), "alice");

        var r = StageCalibration.FromHistory([deal], p).Reliability;

        Assert.Equal(3, r.All.Count);
        Assert.Equal(0.1, r.All.Brier!.Value, 12);
    }

    [Fact]
    public void ToString_SummarisesAndPrintsTheBins()
    {
        var text = Reliability().ToString();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Brier 0.3920 over 5 forecasts (stage defaults 0.3300 over 4; overrides 0.6400 over 1)", lines[0]);
        Assert.Equal(12, lines.Length);
        Assert.Matches(@"^\[0\.1, 0\.2\)\s+3\s+0\.100\s+0\.333$", lines[3]);
        Assert.Matches(@"^\[0\.9, 1\.0\]\s+0\s+-\s+-$", lines[11]);
        Assert.StartsWith("Brier 0.3920 over 5 forecasts\n", Reliability().All.ToString(), StringComparison.Ordinal);
        Assert.Equal("[0.1, 0.2): 3 forecasts, mean 0.100, won 0.333", Reliability().All.Bins[1].ToString());
    }
}
