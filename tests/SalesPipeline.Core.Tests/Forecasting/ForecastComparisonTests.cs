using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Forecasting;

public sealed partial class ForecastComparisonTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    private static Deal Open(string id, decimal amount, ForecastCategory category, decimal? probability = null)
    {
        var deal = Deal.Open(Pipeline, new DealId(id), id, "alice", Money.Of(amount, Currency.USD), new LocalDate(2026, 3, 31), Start);
        deal = Pipeline.ApplyOrThrow(deal, DealCommand.OverrideCategoryTo(category, Start, "alice"));
        return probability is { } p ? Pipeline.ApplyOrThrow(deal, DealCommand.OverrideProbabilityTo(p, Start, "alice")) : deal;
    }

    [Fact]
    public void Compare_RanksDisagreementsByAmount()
    {
        // Prospecting is 10%. Commit at 10% is 0.6 below Commit's [0.7, 1]; Pipeline at 80% is 0.2 above [0, 0.6];
        // BestCase at 50% and Pipeline at 10% agree.
        Deal[] deals =
        [
            Open("small-commit", 5_000m, ForecastCategory.Commit),
            Open("big-pipeline", 200_000m, ForecastCategory.Pipeline, 0.8m),
            Open("fine-best", 50_000m, ForecastCategory.BestCase, 0.5m),
            Open("fine-pipeline", 70_000m, ForecastCategory.Pipeline),
        ];

        var comparison = Forecast.Compare(deals, Pipeline);

        Assert.Equal(4, comparison.Deals.Count);
        Assert.Equal(["big-pipeline", "small-commit"], comparison.Disagreements.Select(d => d.DealId.Value));
        Assert.Equal(0.2m, comparison.Disagreements[0].Disagreement);
        Assert.Equal(0.6m, comparison.Disagreements[1].Disagreement);
        Assert.Equal(Money.Of(160_000m, Currency.USD), comparison.Disagreements[0].Weighted);
        Assert.Equal(ValueSource.Manual, comparison.Disagreements[0].Probability.Source);
    }

    [Fact]
    public void DealComparison_ToString_PrintsTheDisagreementWithoutTheScaleOfItsInputs()
    {
        // Prospecting's 0.10 (scale 2) against Commit's lower edge 0.7: 0.70 - 0.10 = 0.60m, printed as 0.6 like a
        // disagreement of scale 1 (0.8 - 0.6 = 0.2).
        var row = Forecast.Compare([Open("c", 1_000m, ForecastCategory.Commit)], Pipeline).Disagreements.Single();

        Assert.Equal(0.6m, row.Disagreement);
        Assert.EndsWith("| off by 0.6", row.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CategoryBands_Distance_IsZeroInsideAndTheGapOutside()
    {
        var bands = CategoryBands.Default with { Commit = (0.9m, 1m) };

        Assert.Equal(0.8m, bands.Distance(ForecastCategory.Commit, 0.1m));
        Assert.Equal(0m, bands.Distance(ForecastCategory.Commit, 0.95m));
        Assert.Equal(0m, bands.Distance(ForecastCategory.Closed, 0m));
        Assert.Equal(0.1m, bands.Distance(ForecastCategory.Omitted, 0.4m));
        var broken = CategoryBands.Default with { BestCase = (0.8m, 0.2m) };
        Assert.Equal("BestCase", Assert.Throws<ArgumentException>(() => broken.Distance(ForecastCategory.BestCase, 0.5m)).ParamName);
    }
}
