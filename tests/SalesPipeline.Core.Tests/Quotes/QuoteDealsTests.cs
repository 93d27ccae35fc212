using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Quotes;

public class QuoteDealsTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition
        .CreateBuilder("Quoted")
        .Stage("Prospecting", 0.1m)
        .Stage("Qualified", 0.2m)
        .Stage("Quote issued", 0.5m, exitCriteria: [new ExitCriterion("po-received", "Did the customer send a purchase order?")])
        .Stage("Contract signed", 0.9m)
        .Won("Won")
        .Lost("Lost")
        .QuoteStages(onSent: "quote-issued", onAccepted: "contract-signed")
        .Build();

    private static Deal OpenDeal(PipelineDefinition pipeline) =>
        Deal.Open(pipeline, new DealId("D-1001"), "Globex: 100 seats", "alice", Usd_(50_000m), new LocalDate(2026, 4, 30), T0);

    private static Quote Approved() => Draft().Submit(Policy, Org, Day(1), "alice").Approve(Org, Day(2), "maria", "ok");

    [Fact]
    public void SendQuote_MovesTheDealToTheQuoteIssuedStage_WithTheQuoteAsCause()
    {
        var result = Pipeline.SendQuote(OpenDeal(Pipeline), Approved(), Day(3), "alice");

        Assert.True(result.IsAccepted);
        Assert.Equal(QuoteStatus.Sent, result.Quote.Status);
        Assert.Equal("quote-issued", result.Deal.StageId);
        var moved = Assert.IsType<StageMoved>(Assert.Single(result.DealEvents));
        Assert.Equal("quote Q-17 v1", moved.Cause);
        Assert.Equal(result.Deal.Events[^1], moved);
    }

    [Fact]
    public void SendQuote_DealAlreadyBeyondTheStage_IsNotMoved()
    {
        var deal = Pipeline.ApplyOrThrow(OpenDeal(Pipeline), DealCommand.Move("qualified", T0, "alice"));
        deal = Pipeline.ApplyOrThrow(deal, DealCommand.Move("quote-issued", T0, "alice"));
        deal = Pipeline.ApplyOrThrow(deal, DealCommand.Answer("po-received", T0, "alice"));
        deal = Pipeline.ApplyOrThrow(deal, DealCommand.Move("contract-signed", T0, "alice"));

        var result = Pipeline.SendQuote(deal, Approved(), Day(3), "alice");

        Assert.True(result.IsAccepted);
        Assert.Empty(result.DealEvents);
        Assert.Same(deal, result.Deal);
    }

    [Fact]
    public void AcceptQuote_ExitCriterionUnmet_RejectsAndChangesNothing()
    {
        var sent = Pipeline.SendQuote(OpenDeal(Pipeline), Approved(), Day(3), "alice");

        var result = Pipeline.AcceptQuote(sent.Deal, sent.Quote, Day(4), "alice");

        Assert.False(result.IsAccepted);
        Assert.Same(sent.Quote, result.Quote);
        Assert.Same(sent.Deal, result.Deal);
        Assert.Empty(result.DealEvents);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectionCode.UnmetExitCriterion, rejection.Code);
        Assert.Equal("po-received", rejection.CriterionId);
        Assert.Equal(QuoteStatus.Sent, sent.Quote.Status);
    }

    [Fact]
    public void AcceptQuote_SetsTheAmountToTheQuoteTotal_AndMovesTheDeal()
    {
        var sent = Pipeline.SendQuote(OpenDeal(Pipeline), Approved(), Day(3), "alice");
        var deal = Pipeline.ApplyOrThrow(sent.Deal, DealCommand.Answer("po-received", Day(4), "alice"));

        var result = Pipeline.AcceptQuote(deal, sent.Quote, Day(5), "alice");

        Assert.True(result.IsAccepted);
        Assert.Equal(QuoteStatus.Accepted, result.Quote.Status);
        Assert.Equal(Usd_(57_840m), result.Deal.Amount);
        Assert.Equal("contract-signed", result.Deal.StageId);
        Assert.Equal([typeof(AmountChanged), typeof(StageMoved)], result.DealEvents.Select(e => e.GetType()));
        Assert.All(result.DealEvents, e => Assert.Equal("quote Q-17 v1", e.Cause));
    }

    [Fact]
    public void AcceptQuote_OnAcceptedIsWon_WinsTheDeal()
    {
        var pipeline = PipelineDefinition
            .CreateBuilder("Quoted to won")
            .Stage("Prospecting", 0.1m)
            .Stage("Proposal", 0.5m)
            .Won("Won")
            .Lost("Lost")
            .QuoteStages(onSent: "proposal", onAccepted: "won")
            .Build();
        var sent = pipeline.SendQuote(OpenDeal(pipeline), Approved(), Day(3), "alice");

        var result = pipeline.AcceptQuote(sent.Deal, sent.Quote, Day(5), "alice");

        Assert.Equal(DealStatus.Won, result.Deal.Status);
        Assert.Equal(Usd_(57_840m), result.Deal.Amount);
        Assert.Equal([typeof(AmountChanged), typeof(DealWon)], result.DealEvents.Select(e => e.GetType()));
    }

    [Fact]
    public void SendQuote_ForAnotherDeal_Throws()
    {
        var other = Deal.Open(Pipeline, new DealId("D-9"), "Other", "alice", Usd_(1m), new LocalDate(2026, 4, 30), T0);

        var e = Assert.Throws<ArgumentException>(() => Pipeline.SendQuote(other, Approved(), Day(3), "alice"));

        Assert.Equal("deal", e.ParamName);
        Assert.Contains("Quote Q-17 is for deal D-1001, not for deal D-9.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SendQuote_NotApproved_ThrowsAndChangesNothing()
    {
        var deal = OpenDeal(Pipeline);

        Assert.Throws<QuoteOperationException>(() => Pipeline.SendQuote(deal, Draft(), Day(3), "alice"));
        Assert.Equal("prospecting", deal.StageId);
    }

    [Theory]
    [InlineData("nowhere", null, "on-sent stage \"nowhere\", which is not a stage id of the pipeline")]
    [InlineData("won", null, "on-sent stage \"won\", which is the Won stage")]
    [InlineData(null, "lost", "on-accepted stage \"lost\", which is the Lost stage")]
    [InlineData("proposal", "prospecting", "on-accepted stage \"prospecting\", which is not after on-sent stage \"proposal\"")]
    public void QuoteStages_Invalid_FailsTheBuild(string? onSent, string? onAccepted, string problem)
    {
        var builder = PipelineDefinition
            .CreateBuilder("Bad")
            .Stage("Prospecting", 0.1m)
            .Stage("Proposal", 0.5m)
            .Won("Won")
            .Lost("Lost")
            .QuoteStages(onSent, onAccepted);

        var e = Assert.Throws<PipelineDefinitionException>(builder.Build);

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuoteStages_DefaultIsNone()
    {
        Assert.Equal(QuoteStageMoves.None, PipelineDefinition.Default.QuoteStages);
        Assert.Equal(new QuoteStageMoves("quote-issued", "contract-signed"), Pipeline.QuoteStages);
    }

    [Fact]
    public void ToCollectionSchedule_ThirtySeventy_AddsUpToTheQuoteTotal()
    {
        var accepted = Approved().Send(Day(3), "alice").Accept(Day(4), "alice");
        var terms = PaymentTerms.Create(
            TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
            TermsLine.Balance(DueRule.DaysAfterStart(60))
        );

        var schedule = accepted.ToCollectionSchedule(terms, new LocalDate(2026, 3, 6));

        // 30% of 57,840.00 = 17,352.00; the balance 40,488.00.
        Assert.Equal([Usd_(17_352m), Usd_(40_488m)], schedule.Instalments.Select(i => i.Amount));
        Assert.Throws<QuoteOperationException>(() => Approved().ToCollectionSchedule(terms, new LocalDate(2026, 3, 6)));
    }
}
