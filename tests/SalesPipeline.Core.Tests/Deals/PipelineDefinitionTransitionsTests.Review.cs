using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Ways around the rules found in review: reopening further along than the deal got, and a deal from another
// pipeline that happens to share stage ids.
public sealed partial class PipelineDefinitionTransitionsTests
{
    [Fact]
    public void Reopen_BeyondTheFurthestStageReached_NeedsTheSkippedCriteria()
    {
        // Lost from Prospecting, then reopened straight into Negotiation: that passes Qualified, whose three criteria
        // were never answered, so it is rejected exactly as the move prospecting -> negotiation would be.
        var lost = Run(Default, NewDeal(), DealCommand.Lose(LossReason.Timing, H(1), "alice"));

        var result = Default.Apply(lost, DealCommand.Reopen(H(2), "alice", "negotiation"));

        Assert.False(result.IsAccepted);
        Assert.Same(lost, result.Deal);
        Assert.Equal(
            new[] { "budget", "technical-fit", "use-case" },
            result
                .Rejections.Where(r => r.Code == RejectionCode.UnmetExitCriterion)
                .Select(r => r.CriterionId)
                .Order(StringComparer.Ordinal)
        );
        Assert.Contains(result.Rejections, r => r.Code == RejectionCode.SkippingNotAllowed && r.StageId == "negotiation");
    }

    [Fact]
    public void Reopen_AtOrBeforeTheFurthestStageReached_NeedsNoCriteria()
    {
        var lost = Run(Default, InQualified(), DealCommand.Lose(LossReason.Timing, H(2), "alice"));

        var back = Default.Reopen(lost, H(3), "alice", "prospecting");
        var same = Default.Reopen(lost, H(3), "alice", "qualified");

        Assert.Equal("prospecting", back.StageId);
        Assert.Equal("qualified", same.StageId);
    }

    [Fact]
    public void Reopen_BeyondTheFurthestStage_WithTheCriteriaMet_IsAccepted()
    {
        var deal = Run(
            Default,
            InQualified(),
            DealCommand.Answer("use-case", H(2), "alice"),
            DealCommand.Answer("technical-fit", H(2), "alice"),
            DealCommand.Answer("budget", H(2), "alice"),
            DealCommand.Lose(LossReason.NoDecision, H(3), "alice")
        );

        var reopened = Default.Reopen(deal, H(4), "alice", "negotiation");

        Assert.Equal("negotiation", reopened.StageId);
        Assert.Equal(DealStatus.Open, reopened.Status);
    }

    [Fact]
    public void Apply_DealOfAnotherPipelineWithTheSameStageIds_IsRejected()
    {
        // "Other" reuses the default's ids but has no exit criteria: its deals must not slip through Default's rules.
        var other = PipelineDefinition
            .CreateBuilder("Other")
            .Stage("Prospecting", 0.1m)
            .Stage("Negotiation", 0.8m, ForecastCategory.Commit)
            .Won("Won")
            .Lost("Lost")
            .Build();
        var deal = Deal.Open(other, new DealId("O-1"), "Other deal", "alice", Amount, Close, T0);

        var result = Default.Apply(deal, DealCommand.Win(H(1), "alice"));

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectionCode.DealNotInPipeline, rejection.Code);
        Assert.Contains("\"Other\"", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("\"Default\"", rejection.Message, StringComparison.Ordinal);
        var ex = Assert.Throws<ArgumentException>(() => Default.WinProbabilityOf(deal));
        Assert.Equal("deal", ex.ParamName);
        Assert.Throws<ArgumentException>(() => Default.PermittedMoves(deal));
    }
}
