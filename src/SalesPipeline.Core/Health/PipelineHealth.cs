using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Health;

/// <summary>
/// Pipeline health: the warning signs of a badly managed pipeline (stale and rotting deals, deals past their close date
/// or older than the typical won cycle, close dates pushed out again and again, crowded stages, a late-stage pile-up,
/// too little coverage, untouched leads) and the review shortlist of the top problem deals.
/// </summary>
/// <remarks>Every method is a pure function of its arguments and is thread-safe.</remarks>
public static class PipelineHealth
{
    /// <summary>Inspects the deals as of an instant, with the deals' own events as the only touches.</summary>
    /// <param name="deals">The deals (open, won and lost), each created at or before <paramref name="asOf"/>.</param>
    /// <param name="pipeline">The pipeline they belong to.</param>
    /// <param name="asOf">The instant to inspect as of; each deal is taken as it was then.</param>
    /// <param name="policy">The thresholds; <see cref="HealthPolicy.Default"/> when null.</param>
    /// <returns>The findings, the deals at risk and the review shortlist.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, one of them, or <paramref name="pipeline"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A deal belongs to another pipeline, was created after <paramref name="asOf"/> or is given twice; or the policy
    /// names a stage the pipeline has no open stage with.
    /// </exception>
    /// <exception cref="MissingExchangeRateException">A deal at risk is in another currency than the reporting currency.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static HealthReport Inspect(IEnumerable<Deal> deals, PipelineDefinition pipeline, Instant asOf, HealthPolicy? policy = null) =>
        Inspect(deals, pipeline, asOf, policy, HealthInputs.None);

    /// <summary>Inspects the deals and leads as of an instant, counting activities as touches.</summary>
    /// <param name="deals">The deals (open, won and lost), each created at or before <paramref name="asOf"/>.</param>
    /// <param name="pipeline">The pipeline they belong to.</param>
    /// <param name="asOf">The instant to inspect as of.</param>
    /// <param name="policy">The thresholds; <see cref="HealthPolicy.Default"/> when null.</param>
    /// <param name="activities">The activities about the deals and leads.</param>
    /// <param name="leads">The leads to check; none when null.</param>
    /// <returns>The findings, the deals at risk and the review shortlist.</returns>
    /// <exception cref="ArgumentNullException">A required argument, a deal or a lead is null.</exception>
    /// <exception cref="ArgumentException">
    /// A deal belongs to another pipeline, was created after <paramref name="asOf"/> or is given twice; a lead was
    /// created after <paramref name="asOf"/> or is given twice; or the policy names an unknown stage.
    /// </exception>
    /// <exception cref="MissingExchangeRateException">A deal at risk is in another currency than the reporting currency.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static HealthReport Inspect(
        IEnumerable<Deal> deals,
        PipelineDefinition pipeline,
        Instant asOf,
        HealthPolicy? policy,
        ActivityIndex activities,
        IEnumerable<Lead>? leads = null
    )
    {
        Preconditions.CheckNotNull(activities);
        return Inspect(
            deals,
            pipeline,
            asOf,
            policy,
            new HealthInputs { Activities = activities, Leads = leads is null ? [] : Preconditions.CheckNoNullElement(leads, "Lead") }
        );
    }

    /// <summary>Inspects the deals with everything a health check can use: activities, leads, a coverage goal, exchange rates.</summary>
    /// <param name="deals">The deals (open, won and lost), each created at or before <paramref name="asOf"/>.</param>
    /// <param name="pipeline">The pipeline they belong to.</param>
    /// <param name="asOf">The instant to inspect as of.</param>
    /// <param name="policy">The thresholds; <see cref="HealthPolicy.Default"/> when null.</param>
    /// <param name="inputs">Activities, leads, coverage goal and rates.</param>
    /// <returns>The findings, the deals at risk, the coverage figures and the review shortlist.</returns>
    /// <exception cref="ArgumentNullException">A required argument or a deal is null.</exception>
    /// <exception cref="ArgumentException">
    /// A deal belongs to another pipeline, was created after <paramref name="asOf"/> or is given twice; a lead was
    /// created after <paramref name="asOf"/> or is given twice; the policy names an unknown stage; or the coverage
    /// period ended before the as-of date.
    /// </exception>
    /// <exception cref="MissingExchangeRateException">An amount the report uses is in a currency without a rate.</exception>
    /// <example><code>
    /// var report = PipelineHealth.Inspect(deals, pipeline, asOf, HealthPolicy.Default,
    ///     new HealthInputs { Activities = ActivityIndex.Create(activities), Coverage = goal });
    /// Console.WriteLine(report.ShortlistFor("alice"));
    /// </code></example>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static HealthReport Inspect(
        IEnumerable<Deal> deals,
        PipelineDefinition pipeline,
        Instant asOf,
        HealthPolicy? policy,
        HealthInputs inputs
    )
    {
        Preconditions.CheckNotNull(deals);
        Preconditions.CheckNotNull(inputs);
        // AddRange reads a list on its frame (the accumulator is empty), and only a list its kernel declines deal by deal.
        var accumulator = new PipelineHealthAccumulator(pipeline, asOf, policy, inputs);
        accumulator.AddRange(deals);
        return accumulator.Result();
    }
}
