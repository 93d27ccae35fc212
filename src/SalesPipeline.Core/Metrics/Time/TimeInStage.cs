using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Time in stage from the deals' histories: per open stage, each deal's latest stint and its cumulative time there
/// (a deal that regressed or was reopened adds up its stays), with count, mean, median, minimum, maximum and
/// percentiles (Hyndman-Fan definition 7), in calendar days or business days.
/// </summary>
/// <remarks>
/// <para>Rules (docs/metrics.md, "Time in stage"): a stint runs from the event that put the deal in the stage to the
/// event that took it out (a move, a win or a loss); a stage jumped over has no stint and no sample; only events at or
/// before <c>asOf</c> are read, and a stint still open then is measured up to <c>asOf</c> (or left out, see
/// <see cref="TimeInStageOptions.IncludeOpenStints"/>). Deals created after <c>asOf</c> count in
/// <see cref="TimeInStageReport.NotYetCreated"/>.</para>
/// <para>Every method is a pure function of its arguments and is thread-safe. Large inputs are split across the cores
/// with <see cref="TimeInStageAccumulator.Merge"/>; the result does not depend on the split.</para>
/// </remarks>
public static class TimeInStage
{
    /// <summary>Time in stage of the deals as of an instant.</summary>
    /// <param name="deals">The deals of the pipeline.</param>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="asOf">The instant to read the histories up to and to measure open stints to (no clock is read).</param>
    /// <param name="options">Options; <see cref="TimeInStageOptions.Default"/> when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument or a deal is null.</exception>
    /// <exception cref="ArgumentException">A deal belongs to another pipeline or enters a stage it lacks.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A percentile in the options is not in [0, 1]; or <paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z;
    /// or, with <see cref="TimeInStageOptions.BusinessDays"/>, <paramref name="asOf"/> or an instant of a deal's stints falls in the
    /// calendar's zone on a date outside 0001-01-01 to 9999-12-31.
    /// </exception>
    /// <example><code>
    /// var report = TimeInStage.Of(deals, PipelineDefinition.Default, Instant.FromUtc(2026, 3, 31, 0, 0));
    /// double median = report.Stages[2].Cumulative!.MedianDays;   // Proposal, days
    /// </code></example>
    public static TimeInStageReport Of(
        IEnumerable<Deal> deals,
        PipelineDefinition pipeline,
        Instant asOf,
        TimeInStageOptions? options = null
    )
    {
        Preconditions.CheckNotNull(deals);
        Preconditions.CheckNotNull(pipeline);
        // A list of deals gets its frame (cached with the list); a frame of this pipeline's deals only needs no check.
        var frame = DealFrames.For(deals);
        var list =
            frame is not null && FrameStints.OnePipeline(frame, pipeline)
                ? frame.DealList
                : Funnel.CheckDeals(deals, pipeline, nameof(deals));
        var framed = new TimeInStageAccumulator(pipeline, asOf, options); // checks the options before any work is split
        if (frame is not null && framed.TryAdd(frame))
        {
            return framed.Result();
        }
        return DealPartitions.Accumulate(list, n => new TimeInStageAccumulator(pipeline, asOf, options, n)).Result();
    }
}
