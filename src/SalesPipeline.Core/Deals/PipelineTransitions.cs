using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

/// <summary>
/// The deal state machine: every transition of a <see cref="Deal"/> under its <see cref="PipelineDefinition"/>, as
/// extension methods on the pipeline (<c>pipeline.Apply(deal, command)</c>, <c>pipeline.Move(...)</c>, ...).
/// </summary>
/// <remarks>
/// They live beside the deal rather than on the pipeline so that pipeline definitions sit in a lower layer than
/// deals (see docs/architecture.md). Every method is pure and thread-safe.
/// </remarks>
public static partial class PipelineTransitions
{
    /// <summary>
    /// Applies a command to a deal: the pure transition function of the state machine.
    /// </summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal, opened in this pipeline.</param>
    /// <param name="command">The command.</param>
    /// <returns>
    /// Accepted, with the new deal (one more event); or rejected, with the unchanged deal and every reason: unmet exit
    /// criteria by id, skipping not allowed, an unknown stage or criterion, a closed deal, a move to Won or Lost, the same
    /// stage, a missing loss reason, reopening an open deal or a pipeline that forbids it, a command dated before the
    /// deal's latest event, or a command that would change nothing.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> or <paramref name="command"/> is null.</exception>
    /// <remarks>
    /// <para>Rules: a forward move needs the exit criteria of the stage the deal leaves; jumping over stages also needs the
    /// skipped stages' criteria unless <see cref="PipelinePolicies.AllowSkipping"/>; a backward move needs nothing and is
    /// recorded as <see cref="MoveDirection.Backward"/>. Winning is a forward move to the Won stage whose criteria checks
    /// apply only when <see cref="PipelinePolicies.RequireExitCriteriaToWin"/>. Losing needs a reason. Won and Lost are
    /// terminal: only reassignment and (if <see cref="PipelinePolicies.AllowReopen"/>) reopening apply to them.</para>
    /// <para>Pure and thread-safe: the same deal and command always give the same result, and nothing is mutated.</para>
    /// </remarks>
    public static TransitionResult Apply(this PipelineDefinition pipeline, Deal deal, DealCommand command)
    {
        Preconditions.CheckNotNull(deal);
        Preconditions.CheckNotNull(command);
        List<Rejection>? rejections = null;
        var e = Decide(pipeline, deal, command, ref rejections);
        return rejections is null
            ? TransitionResult.Accepted(deal.Append(e!), e!)
            : TransitionResult.Rejected(deal, rejections.AsReadOnly());
    }

    /// <summary>Applies a command and returns the new deal, or throws with every reason it was rejected.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="command">The command.</param>
    /// <returns>The new deal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> or <paramref name="command"/> is null.</exception>
    /// <exception cref="InvalidTransitionException">The command was rejected (see <see cref="PipelineTransitions.Apply"/>).</exception>
    public static Deal ApplyOrThrow(this PipelineDefinition pipeline, Deal deal, DealCommand command) =>
        Apply(pipeline, deal, command).GetDealOrThrow();

    /// <summary>Moves an open deal to another open stage, or throws with every reason it may not.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="stageId">The target open stage.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The moved deal.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty or whitespace.</exception>
    /// <exception cref="InvalidTransitionException">The move is not permitted (see <see cref="PipelineTransitions.Apply"/>).</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal Move(this PipelineDefinition pipeline, Deal deal, string stageId, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.Move(stageId, at, by));

    /// <summary>Answers an exit criterion "yes", or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="criterionId">The criterion.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The deal with the answer recorded.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty or whitespace.</exception>
    /// <exception cref="InvalidTransitionException">The answer is rejected (unknown criterion, closed deal, already answered).</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal Answer(this PipelineDefinition pipeline, Deal deal, string criterionId, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.Answer(criterionId, at, by));

    /// <summary>Wins an open deal, or throws with every reason it may not.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The won deal.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="InvalidTransitionException">Winning is not permitted (see <see cref="PipelineTransitions.Apply"/>).</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal Win(this PipelineDefinition pipeline, Deal deal, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.Win(at, by));

    /// <summary>Loses an open deal, or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="reason">Why it was lost.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <param name="competitor">The competitor it was lost to, if any.</param>
    /// <returns>The lost deal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> or a given <paramref name="competitor"/> is empty.</exception>
    /// <exception cref="InvalidTransitionException">Losing is not permitted (closed deal, missing reason, ...).</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal Lose(
        this PipelineDefinition pipeline,
        Deal deal,
        LossReason reason,
        Instant at,
        string by,
        string? competitor = null
    ) => ApplyOrThrow(pipeline, deal, DealCommand.Lose(reason, at, by, competitor));

    /// <summary>Reopens a won or lost deal, or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <param name="stageId">The open stage to reopen into; by default the last open stage the deal was in.</param>
    /// <returns>The reopened deal.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> or a given <paramref name="stageId"/> is empty.</exception>
    /// <exception cref="InvalidTransitionException">Reopening is not permitted (open deal, policy, unknown stage).</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal Reopen(this PipelineDefinition pipeline, Deal deal, Instant at, string by, string? stageId = null) =>
        ApplyOrThrow(pipeline, deal, DealCommand.Reopen(at, by, stageId));

    /// <summary>Stops (pauses) an open deal, or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="reason">Why it is stopped.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The stopped deal.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="InvalidTransitionException">The deal is not open, or the command is dated before its latest event.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal Stop(this PipelineDefinition pipeline, Deal deal, StopReason reason, Instant at, string by) =>
        ApplyOrThrow(pipeline, deal, DealCommand.Stop(reason, at, by));

    /// <summary>Resumes a stopped deal in an open stage, or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <param name="stageId">The open stage to resume in; by default the stage it stopped in.</param>
    /// <returns>The resumed deal.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> or a given <paramref name="stageId"/> is empty.</exception>
    /// <exception cref="InvalidTransitionException">The deal is not stopped, the stage is unknown or not open, or a resumption further along misses exit criteria.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal Resume(this PipelineDefinition pipeline, Deal deal, Instant at, string by, string? stageId = null) =>
        ApplyOrThrow(pipeline, deal, DealCommand.Resume(at, by, stageId));

    /// <summary>
    /// Where the deal may go from where it is: for an open deal every other open stage, Won and Lost; for a stopped deal
    /// every open stage it could be resumed in (its own included) and Lost; for a closed deal the open stages it could be
    /// reopened into. Each with whether it is permitted now and what is missing.
    /// </summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <returns>The options in stage order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentException">The deal belongs to another pipeline (by name), or its stage is not in this one.</exception>
    public static IReadOnlyList<PermittedMove> PermittedMoves(this PipelineDefinition pipeline, Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        CurrentStage(pipeline, deal);
        var at = deal.LastEventAt;
        var options = new List<PermittedMove>();
        foreach (var stage in pipeline.Stages)
        {
            DealCommand? command = deal.Status switch
            {
                DealStatus.Open => stage.Kind switch
                {
                    StageKind.Won => DealCommand.Win(at, deal.OwnerKey),
                    StageKind.Lost => DealCommand.Lose(LossReason.Other, at, deal.OwnerKey),
                    _ when stage.Id == deal.StageId => null,
                    _ => DealCommand.Move(stage.Id, at, deal.OwnerKey),
                },
                // A stopped deal goes on by resuming (in any open stage, its own included) or ends lost; it is not won
                // without being resumed first.
                DealStatus.Stopped => stage.Kind switch
                {
                    StageKind.Won => null,
                    StageKind.Lost => DealCommand.Lose(LossReason.Other, at, deal.OwnerKey),
                    _ => DealCommand.Resume(at, deal.OwnerKey, stage.Id),
                },
                _ => stage.IsOpen ? DealCommand.Reopen(at, deal.OwnerKey, stage.Id) : null,
            };
            if (command is null)
            {
                continue;
            }
            List<Rejection>? missing = null;
            Decide(pipeline, deal, command, ref missing);
            options.Add(new PermittedMove(stage, missing is null, (IReadOnlyList<Rejection>?)missing?.AsReadOnly() ?? []));
        }
        return options.AsReadOnly();
    }

    /// <summary>The deal's effective win probability and where it comes from.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <returns>
    /// For an open deal, its override if it has one (Manual or Model), else its stage's probability; for a won deal 1 and
    /// for a lost deal 0 (the terminal stage's value, whatever the override); for a stopped deal 0 (a paused purchase is
    /// in no forecast; resuming it restores its stage's probability or its override).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentException">The deal belongs to another pipeline (by name), or its stage is not in this one.</exception>
    public static EffectiveValue<decimal> WinProbabilityOf(this PipelineDefinition pipeline, Deal deal)
    {
        var stage = CurrentStage(pipeline, Preconditions.CheckNotNull(deal));
        if (deal.Status == DealStatus.Stopped)
        {
            // A paused purchase is in no forecast: it weighs nothing until it is resumed.
            return new EffectiveValue<decimal>(0m, ValueSource.Status);
        }
        return stage.IsOpen && deal.ProbabilityOverride is { } p
            ? new EffectiveValue<decimal>(p, deal.ProbabilityOverrideSource ?? ValueSource.Manual)
            : new EffectiveValue<decimal>(stage.Probability, ValueSource.StageDefault);
    }

    /// <summary>The deal's effective forecast category and where it comes from.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <returns>
    /// For an open deal, its override if it has one, else its stage's category; Closed for a won deal and Omitted for a
    /// lost or stopped deal, whatever the override (a stopped deal is in no forecast until it is resumed).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentException">The deal belongs to another pipeline (by name), or its stage is not in this one.</exception>
    public static EffectiveValue<ForecastCategory> ForecastCategoryOf(this PipelineDefinition pipeline, Deal deal)
    {
        var stage = CurrentStage(pipeline, Preconditions.CheckNotNull(deal));
        if (deal.Status == DealStatus.Stopped)
        {
            return new EffectiveValue<ForecastCategory>(ForecastCategory.Omitted, ValueSource.Status);
        }
        return stage.IsOpen && deal.CategoryOverride is { } c
            ? new EffectiveValue<ForecastCategory>(c, ValueSource.Manual)
            : new EffectiveValue<ForecastCategory>(stage.Category, ValueSource.StageDefault);
    }

    private static Stage CurrentStage(PipelineDefinition pipeline, Deal deal)
    {
        if (!string.Equals(deal.Pipeline, pipeline.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Deal {deal.Id} (in stage \"{deal.StageId}\") belongs to pipeline \"{deal.Pipeline}\", not \"{pipeline.Name}\".",
                nameof(deal)
            );
        }
        return pipeline.StagesById.TryGetValue(deal.StageId, out var stage)
            ? stage
            : throw new ArgumentException(
                $"Deal {deal.Id} is in stage \"{deal.StageId}\", which pipeline \"{pipeline.Name}\" does not have.",
                nameof(deal)
            );
    }
}
