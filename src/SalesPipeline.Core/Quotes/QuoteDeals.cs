using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>
/// Sending and accepting a quote together with the deal moves the pipeline configures for them
/// (<see cref="PipelineBuilder.QuoteStages"/>). The deal changes only through ordinary deal commands applied by
/// <see cref="PipelineTransitions.Apply"/>, each with <see cref="DealCommand.Cause"/> <c>"quote Q-17 v2"</c>, so the
/// pipeline's exit criteria and rules hold as for any other move.
/// </summary>
/// <remarks>
/// <para>Sending moves an open deal to the on-sent stage when it is before that stage; a deal already there or beyond
/// stays where it is. Accepting sets the deal's amount to the quote total (when it differs), then moves an open deal
/// forward to the on-accepted stage, or wins it when that is the Won stage. Both need an open deal: a stopped deal is
/// resumed first and a won or lost one reopened, so a quote never changes a deal the pipeline would not let change.</para>
/// <para>All or nothing: when the pipeline rejects any of those deal commands (an unmet exit criterion, say), the result
/// is rejected with every reason, and neither the quote nor the deal changes.</para>
/// <para>Pure functions; thread-safe.</para>
/// </remarks>
public static class QuoteDeals
{
    /// <summary>Sends the quote and moves its deal to the pipeline's on-sent stage when it is before it.</summary>
    /// <param name="pipeline">The deal's pipeline.</param>
    /// <param name="deal">The quote's deal.</param>
    /// <param name="quote">The approved quote.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The sent quote and the moved deal, or the rejection with both unchanged.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="deal"/> is not the quote's deal or is not open (stopped, won or lost), or <paramref name="by"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the quote's latest event or outside the supported range.</exception>
    /// <exception cref="QuoteOperationException">The quote is not approved, or it has expired.</exception>
    /// <exception cref="CurrencyMismatchException">The quote is in another currency than the deal's amount.</exception>
    public static QuoteDealResult SendQuote(this PipelineDefinition pipeline, Deal deal, Quote quote, Instant at, string by)
    {
        CheckDeal(pipeline, deal, quote);
        var sent = quote.Send(at, by);
        var commands = new List<DealCommand>();
        if (pipeline.QuoteStages.OnSent is { } stageId && IsBefore(pipeline, deal, stageId))
        {
            commands.Add(DealCommand.Move(stageId, at, by));
        }
        return Drive(pipeline, deal, quote, sent, commands);
    }

    /// <summary>
    /// Records the customer's acceptance, sets the deal's amount to the quote total, and moves the deal to the pipeline's
    /// on-accepted stage (or wins it).
    /// </summary>
    /// <param name="pipeline">The deal's pipeline.</param>
    /// <param name="deal">The quote's deal.</param>
    /// <param name="quote">The sent quote.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The accepted quote and the updated deal, or the rejection with both unchanged.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="deal"/> is not the quote's deal or is not open (stopped, won or lost), or <paramref name="by"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the quote's latest event or outside the supported range.</exception>
    /// <exception cref="QuoteOperationException">The quote is not sent, or it has expired.</exception>
    /// <exception cref="CurrencyMismatchException">The quote is in another currency than the deal's amount.</exception>
    public static QuoteDealResult AcceptQuote(this PipelineDefinition pipeline, Deal deal, Quote quote, Instant at, string by)
    {
        CheckDeal(pipeline, deal, quote);
        var accepted = quote.Accept(at, by);
        var commands = new List<DealCommand>();
        if (deal.Amount != quote.Total)
        {
            commands.Add(DealCommand.ChangeAmountTo(quote.Total, at, by));
        }
        if (pipeline.QuoteStages.OnAccepted is { } stageId && deal.IsOpen)
        {
            if (stageId == pipeline.WonStage.Id)
            {
                commands.Add(DealCommand.Win(at, by));
            }
            else if (IsBefore(pipeline, deal, stageId))
            {
                commands.Add(DealCommand.Move(stageId, at, by));
            }
        }
        return Drive(pipeline, deal, quote, accepted, commands);
    }

    /// <summary>The cause recorded on the deal events a quote drives: <c>"quote Q-17 v2"</c>.</summary>
    /// <param name="quote">The quote.</param>
    /// <returns>The cause.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quote"/> is null.</exception>
    public static string CauseOf(Quote quote) =>
        string.Create(CultureInfo.InvariantCulture, $"quote {Preconditions.CheckNotNull(quote).Id} v{quote.Version}");

    private static QuoteDealResult Drive(PipelineDefinition pipeline, Deal deal, Quote original, Quote changed, List<DealCommand> commands)
    {
        var cause = CauseOf(original);
        var current = deal;
        var events = new List<DealEvent>();
        foreach (var command in commands)
        {
            var result = pipeline.Apply(current, command with { Cause = cause });
            if (!result.IsAccepted)
            {
                return new QuoteDealResult(original, deal, [], result.Rejections);
            }
            current = result.Deal;
            events.Add(result.Event!);
        }
        return new QuoteDealResult(changed, current, events.AsReadOnly(), []);
    }

    // Whether an open deal is in an open stage before `stageId` (so the quote moves it forward, never back).
    private static bool IsBefore(PipelineDefinition pipeline, Deal deal, string stageId) =>
        deal.IsOpen
        && pipeline.TryGetStage(deal.StageId, out var current)
        && pipeline.TryGetStage(stageId, out var target)
        && current.Index < target.Index;

    private static void CheckDeal(PipelineDefinition pipeline, Deal deal, Quote quote)
    {
        Preconditions.CheckNotNull(pipeline);
        Preconditions.CheckNotNull(deal);
        Preconditions.CheckNotNull(quote);
        Preconditions.CheckArgument(
            deal.Id == quote.DealId,
            nameof(deal),
            $"Quote {quote.Id} is for deal {quote.DealId}, not for deal {deal.Id}."
        );
        Preconditions.CheckArgument(
            deal.IsOpen,
            nameof(deal),
            $"Deal {deal.Id} is {deal.Status.ToString().ToLowerInvariant()}; quote {quote.Id} is sent and accepted for an open deal (resume a stopped deal or reopen a decided one first)."
        );
        // Accepting sets the deal's amount to the quote's total: a quote in another currency would silently move the deal
        // to that currency and mix currencies in every pipeline sum.
        if (deal.Amount.Currency != quote.Currency)
        {
            throw new CurrencyMismatchException(deal.Amount.Currency, quote.Currency, $"quote deal {deal.Id} with quote {quote.Id}");
        }
    }
}
