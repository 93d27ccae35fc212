using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using static SalesPipeline.Tests.Forecasting.Calibration.CalibrationFixtures;

namespace SalesPipeline.Tests.Forecasting.Calibration;

// The printed table when there is nothing to show (a dash), the number formats when there is, and ForStage's null.
public sealed partial class StageCalibrationTests
{
    [Fact]
    public void ToString_NoClosedDeals_PrintsADashForEveryMissingFigure()
    {
        Deal[] deals = [Script(Pipeline, "O1", (1, "b")), Script(Pipeline, "O2")];

        var lines = StageCalibration.FromHistory(deals, Pipeline).ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Prior -", lines[1]);
        // Rate, interval, smoothed, suggestion, chain win and days: nothing was closed, so all unknown.
        Assert.Matches(@"^A\s+0\.\d+\s+0\s+0\s+-\s+-\s+-\s+-\s+-\s+-$", lines.Single(l => l.StartsWith("A ", StringComparison.Ordinal)));
        Assert.Equal("Brier - over 0 forecasts (stage defaults - over 0; overrides - over 0)", lines[^1]);
    }

    [Fact]
    public void CalibratedStage_ToString_NoClosedDeals_ReadsWithDashes()
    {
        Deal[] deals = [Script(Pipeline, "O1", (1, "b")), Script(Pipeline, "O2")];
        var a = StageCalibration.FromHistory(deals, Pipeline).ForStage("a");

        Assert.Equal($"A: 0/0 won = - [-, -], smoothed -, suggested - (now {a.CurrentProbability})", a.ToString());
    }

    [Fact]
    public void ToString_Figures_HaveFixedDecimals()
    {
        var lines = StageCalibration.FromHistory(EightDeals(), Pipeline).ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Rates with three decimals, the suggestion as a decimal, days with one.
        Assert.Matches(
            @"^A\s+0\.\d+\s+\d+\s+\d+\s+\d\.\d{3}\s+\[\d\.\d{3}, \d\.\d{3}\]\s+\d\.\d{3}\s+0\.\d+\s+\d\.\d{3}\s+\d+\.\d$",
            lines.Single(l => l.StartsWith("A ", StringComparison.Ordinal))
        );
        Assert.Matches(
            @"^Brier \d\.\d{4} over \d+ forecasts \(stage defaults (\d\.\d{4}|-) over \d+; overrides (\d\.\d{4}|-) over \d+\)$",
            lines[^1]
        );
    }

    [Fact]
    public void ForStage_Null_IsRefusedByName() =>
        Assert.Equal(
            "stageId",
            Assert.Throws<ArgumentNullException>(() => StageCalibration.FromHistory(EightDeals(), Pipeline).ForStage(null!)).ParamName
        );

    [Fact]
    public void FromHistory_DealImportedAsWon_CountsAsClosedWithoutReachingAnyStage()
    {
        // Imported already won: its open stages were never observed, so it reaches none (and wins none of them).
        var deal = Pipeline.Import(
            new DealImport
            {
                Id = new DealId("w1"),
                Owner = "alice",
                Amount = Money.Of(1_000m, Currency.USD),
                StageId = "won",
                Status = DealStatus.Won,
                ClosedAt = Day(1),
                ExpectedClose = new NodaTime.LocalDate(2026, 1, 6),
                CreatedAt = Day(-10),
            },
            Day(2)
        );

        var calibration = StageCalibration.FromHistory([deal], Pipeline);

        Assert.Equal((1, 1), (calibration.ClosedDeals, calibration.WonDeals));
        Assert.All(calibration.Stages, s => Assert.Equal((0, 0), (s.Reached, s.Won)));
    }
}
