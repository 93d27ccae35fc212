using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Forecasting;

// Deals for the forecast and attainment tests.
internal static class ForecastDeals
{
    private static readonly string[] Criteria = ["use-case", "technical-fit", "budget"];

    /// <summary>Opens a deal in the default pipeline at <paramref name="opened"/> and walks it one hour a step to
    /// <paramref name="stage"/>, answering Qualified's criteria first.</summary>
    public static Deal WalkedTo(string id, string owner, Money amount, LocalDate close, string stage, Instant opened)
    {
        var pipeline = PipelineDefinition.Default;
        var at = opened;
        var deal = Deal.Open(pipeline, new DealId(id), id, owner, amount, close, at);
        foreach (var criterion in Criteria)
        {
            deal = pipeline.Answer(deal, criterion, at, owner);
        }
        var target = pipeline.GetStage(stage).Index;
        for (var i = 1; i <= target; i++)
        {
            at += Duration.FromHours(1);
            deal = pipeline.Move(deal, pipeline.OpenStages[i].Id, at, owner);
        }
        return deal;
    }
}
