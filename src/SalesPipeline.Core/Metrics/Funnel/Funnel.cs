using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Funnel analysis from the deals' histories: per open stage, how many deals reached it and where each stands with
/// respect to it (moved on, moved back, lost, won, still in), stage-to-stage conversion, share of value, the bottleneck;
/// per rep, team, source or product; and lead -> deal and lead -> qualified conversion.
/// </summary>
/// <remarks>
/// <para>Rules (docs/metrics.md, "Funnel"):</para>
/// <list type="bullet">
/// <item>A deal reaches every open stage it entered and every stage it jumped over going forward (a skip counts as
/// passing through, as the CRM funnel reports do), so Reached never grows down the pipeline. It counts once per stage
/// however often it re-entered.</item>
/// <item>Its category for a stage is decided by its last visit there: a later move forward (or a jump over it) is moved on,
/// a move back is moved back; a win or loss from the stage that still stands is won or lost; an open deal in it is still
/// in, a deal stopped in it and still stopped is stopped. A win or loss later reopened counts as the move to the stage it
/// was reopened into. So for every stage Reached = MovedOn + MovedBack + Lost + Won + StillIn + Stopped; without
/// regressions MovedBack is 0.</item>
/// <item>Amounts are each deal's current amount, in the reporting currency.</item>
/// </list>
/// <para>Every method is a pure function of its arguments and is thread-safe. Large inputs are split across the cores
/// with <see cref="FunnelAccumulator.Merge"/>; the result does not depend on the split.</para>
/// </remarks>
public static class Funnel
{
    /// <summary>The funnel of the deals (no leads: the lead conversion lines count 0 leads).</summary>
    /// <param name="deals">The deals of the pipeline: open, won and lost.</param>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="options">Options; <see cref="FunnelOptions.Default"/> when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument or a deal is null.</exception>
    /// <exception cref="ArgumentException">
    /// A deal belongs to another pipeline or enters a stage it lacks; an option is invalid (see
    /// <see cref="FunnelAccumulator(PipelineDefinition, Currency, FunnelOptions?)"/>); or there are no deals and no
    /// <see cref="FunnelOptions.Rates"/> to tell the reporting currency.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate (or, without rates, differs from the first deal's).</exception>
    public static FunnelReport Of(IEnumerable<Deal> deals, PipelineDefinition pipeline, FunnelOptions? options = null) =>
        Of(deals, [], pipeline, options);

    /// <summary>The funnel of the deals and the conversion of the leads.</summary>
    /// <param name="deals">The deals of the pipeline: open, won and lost.</param>
    /// <param name="leads">The leads: every status counts in the denominator.</param>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="options">Options; <see cref="FunnelOptions.Default"/> when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument, a deal or a lead is null.</exception>
    /// <exception cref="ArgumentException">
    /// A deal belongs to another pipeline or enters a stage it lacks; an option is invalid; or there are no deals and no
    /// <see cref="FunnelOptions.Rates"/> to tell the reporting currency.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate (or, without rates, differs from the first deal's).</exception>
    /// <example><code>
    /// var report = Funnel.Of(deals, leads, PipelineDefinition.Default,
    ///     new FunnelOptions { Breakdowns = [Breakdown.Owner] });
    /// Console.WriteLine(report);   // a table: reached, moved on, back, lost, won, in, conversion, loss rate per stage
    /// </code></example>
    public static FunnelReport Of(
        IEnumerable<Deal> deals,
        IEnumerable<Lead> leads,
        PipelineDefinition pipeline,
        FunnelOptions? options = null
    )
    {
        Preconditions.CheckNotNull(deals);
        Preconditions.CheckNotNull(leads);
        Preconditions.CheckNotNull(pipeline);
        // A list of deals gets its frame (cached with the list); a frame of this pipeline's deals only needs no check.
        var frame = DealFrames.For(deals);
        var list =
            frame is not null && FrameStints.OnePipeline(frame, pipeline) ? frame.DealList : CheckDeals(deals, pipeline, nameof(deals));
        var leadList = leads.ToArray();
        for (var i = 0; i < leadList.Length; i++)
        {
            if (leadList[i] is null)
            {
                throw new ArgumentNullException(nameof(leads), $"Lead {i} is null.");
            }
        }
        // The one rule (docs/money.md): the rates' currency, else the deals' one currency; mixed currencies throw.
        var currency =
            ReportingCurrencyRule.Choose(options?.Rates, (IEnumerable<Currency>?)frame?.Currencies ?? list.Select(d => d.Amount.Currency))
            ?? throw new ArgumentException(
                "There are no deals to tell the reporting currency from; pass FunnelOptions.Rates (for example ExchangeRates.In(Currency.USD)).",
                nameof(deals)
            );
        var framed = new FunnelAccumulator(pipeline, currency, options);
        var accumulator =
            frame is not null && framed.TryAdd(frame)
                ? framed
                : DealPartitions.Accumulate(list, _ => new FunnelAccumulator(pipeline, currency, options));
        accumulator.AddRange(leadList);
        return accumulator.Result();
    }

    // Null deals and deals of another pipeline, checked before any work is split, with the caller's parameter name.
    internal static Deal[] CheckDeals(IEnumerable<Deal> deals, PipelineDefinition pipeline, string paramName)
    {
        var list = deals.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(paramName, $"Deal {i} is null.");
            }
            if (!string.Equals(list[i].Pipeline, pipeline.Name, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Deal {i} ({list[i].Id}) belongs to pipeline \"{list[i].Pipeline}\", not \"{pipeline.Name}\".",
                    paramName
                );
            }
        }
        return list;
    }
}
