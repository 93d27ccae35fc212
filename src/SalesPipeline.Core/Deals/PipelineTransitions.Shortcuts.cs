using System;
using NodaTime;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Deals;

// The throwing shortcuts not kept beside Apply: one per DealCommand factory, with the factory's name and parameters, so
// every command reads the same way: pipeline.X(deal, ...) == pipeline.ApplyOrThrow(deal, DealCommand.X(...)).
public static partial class PipelineTransitions
{
    /// <summary>Withdraws a "yes" to an exit criterion, or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="criterionId">The criterion.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The deal with the answer withdrawn.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty or whitespace.</exception>
    /// <exception cref="InvalidTransitionException">The withdrawal is rejected (unknown criterion, closed deal, not answered).</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal Withdraw(this PipelineDefinition pipeline, Deal deal, string criterionId, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.Withdraw(criterionId, at, by));

    /// <summary>Changes an open deal's expected amount (the currency may change), or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="amount">The new amount; not negative.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The deal with the new amount.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amount"/> is negative; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    /// <exception cref="InvalidTransitionException">The change is rejected (closed deal, the same amount, an earlier instant).</exception>
    public static Deal ChangeAmountTo(this PipelineDefinition pipeline, Deal deal, Money amount, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.ChangeAmountTo(amount, at, by));

    /// <summary>Changes an open deal's expected close date, or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="expectedClose">The new date.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The deal with the new date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="InvalidTransitionException">The change is rejected (closed deal, the same date, an earlier instant).</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">
    /// <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z; or <paramref name="expectedClose"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    public static Deal ChangeExpectedCloseTo(this PipelineDefinition pipeline, Deal deal, LocalDate expectedClose, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.ChangeExpectedCloseTo(expectedClose, at, by));

    /// <summary>Overrides an open deal's win probability (it survives stage moves until cleared), or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="probability">The probability, in [0, 1].</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <param name="source">Manual (a person) or Model (a score or calibration).</param>
    /// <returns>The deal with the override.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty, or <paramref name="source"/> is StageDefault or undefined.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="probability"/> is outside [0, 1]; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    /// <exception cref="InvalidTransitionException">The override is rejected (closed deal, the same override, an earlier instant).</exception>
    /// <example><code>deal = pipeline.OverrideProbabilityTo(deal, 0.65m, at, "alice");</code></example>
    public static Deal OverrideProbabilityTo(
        this PipelineDefinition pipeline,
        Deal deal,
        decimal probability,
        Instant at,
        string by,
        ValueSource source = ValueSource.Manual
    ) => ApplyOrThrow(pipeline, deal, DealCommand.OverrideProbabilityTo(probability, at, by, source));

    /// <summary>Clears an open deal's probability override (the stage default applies again), or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The deal without the override.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="InvalidTransitionException">The deal is closed or has no override.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal ClearProbability(this PipelineDefinition pipeline, Deal deal, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.ClearProbability(at, by));

    /// <summary>Overrides an open deal's forecast category (it survives stage moves until cleared), or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="category">The category; not Closed.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The deal with the override.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="category"/> is Closed or undefined; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    /// <exception cref="InvalidTransitionException">The override is rejected (closed deal, the same category, an earlier instant).</exception>
    /// <example><code>deal = pipeline.OverrideCategoryTo(deal, ForecastCategory.Commit, at, "alice");</code></example>
    public static Deal OverrideCategoryTo(this PipelineDefinition pipeline, Deal deal, ForecastCategory category, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.OverrideCategoryTo(category, at, by));

    /// <summary>Clears an open deal's category override (the stage default applies again), or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The deal without the override.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="InvalidTransitionException">The deal is closed or has no override.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal ClearCategory(this PipelineDefinition pipeline, Deal deal, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.ClearCategory(at, by));

    /// <summary>Reassigns a deal (open or closed) to another owner, or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="owner">The new owner.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The reassigned deal.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty or whitespace.</exception>
    /// <exception cref="InvalidTransitionException">The reassignment is rejected (the same owner, an earlier instant).</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal Reassign(this PipelineDefinition pipeline, Deal deal, string owner, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.Reassign(owner, at, by));

    /// <summary>Notes a competitor competing for an open deal, or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="competitor">The competitor's name, compared ordinally.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The deal with the competitor noted.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty or whitespace.</exception>
    /// <exception cref="InvalidTransitionException">The deal is closed or the competitor is already noted.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal NoteCompetitor(this PipelineDefinition pipeline, Deal deal, string competitor, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.NoteCompetitor(competitor, at, by));

    /// <summary>Sets or changes the deal's customer (in every status), or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The deal with the customer.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="InvalidTransitionException">The change is rejected (the same customer, an earlier instant).</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal ChangeCustomer(this PipelineDefinition pipeline, Deal deal, Customer customer, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.ChangeCustomer(customer, at, by));

    /// <summary>Puts an open or stopped deal in a team's pool (or the company pool when <paramref name="teamId"/> is null), or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="teamId">The team, or null for the company pool.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The pooled deal, without an owner.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/>, <paramref name="deal"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> or a given <paramref name="teamId"/> is empty or whitespace.</exception>
    /// <exception cref="InvalidTransitionException">The change is rejected (a won or lost deal, already in that pool, an earlier instant).</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal AssignToPool(this PipelineDefinition pipeline, Deal deal, string? teamId, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.AssignToPool(teamId, at, by));

    /// <summary>Adds a comment to the deal or one of its activities (in every status), or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="text">The comment.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who writes it.</param>
    /// <param name="activityId">The activity it is about, or null for the deal as a whole.</param>
    /// <returns>The deal with the comment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/>, <paramref name="deal"/>, <paramref name="text"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty or whitespace.</exception>
    /// <exception cref="InvalidTransitionException">The comment is dated before the deal's latest event.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal Comment(
        this PipelineDefinition pipeline,
        Deal deal,
        string text,
        Instant at,
        string by,
        string? activityId = null
    ) => ApplyOrThrow(pipeline, deal, DealCommand.Comment(text, at, by, activityId));
}
