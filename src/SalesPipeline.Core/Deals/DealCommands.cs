using System;
using NodaTime;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

/// <summary>Moves an open deal to another open stage. Create with <see cref="DealCommand.Move"/>.</summary>
public sealed record MoveToStage : DealCommand
{
    internal MoveToStage(string stageId, Instant at, string by)
        : base(at, by) => StageId = Preconditions.CheckNotBlank(stageId);

    /// <summary>The target stage id.</summary>
    public string StageId { get; }
}

/// <summary>Answers an exit criterion "yes". Create with <see cref="DealCommand.Answer"/>.</summary>
public sealed record AnswerExitCriterion : DealCommand
{
    internal AnswerExitCriterion(string criterionId, Instant at, string by)
        : base(at, by) => CriterionId = Preconditions.CheckNotBlank(criterionId);

    /// <summary>The criterion id.</summary>
    public string CriterionId { get; }
}

/// <summary>Withdraws a "yes" to an exit criterion. Create with <see cref="DealCommand.Withdraw"/>.</summary>
public sealed record WithdrawExitCriterion : DealCommand
{
    internal WithdrawExitCriterion(string criterionId, Instant at, string by)
        : base(at, by) => CriterionId = Preconditions.CheckNotBlank(criterionId);

    /// <summary>The criterion id.</summary>
    public string CriterionId { get; }
}

/// <summary>Changes the expected amount. Create with <see cref="DealCommand.ChangeAmountTo"/>.</summary>
public sealed record ChangeAmount : DealCommand
{
    internal ChangeAmount(Money amount, Instant at, string by)
        : base(at, by)
    {
        Preconditions.CheckNotNull(amount);
        Deal.CheckAmount(amount);
        Amount = amount;
    }

    /// <summary>The new amount.</summary>
    public Money Amount { get; }
}

/// <summary>Changes the expected close date. Create with <see cref="DealCommand.ChangeExpectedCloseTo"/>.</summary>
public sealed record ChangeExpectedClose : DealCommand
{
    internal ChangeExpectedClose(LocalDate expectedClose, Instant at, string by)
        : base(at, by) => ExpectedClose = Preconditions.CheckDate(expectedClose);

    /// <summary>The new expected close date.</summary>
    public LocalDate ExpectedClose { get; }
}

/// <summary>Overrides the win probability. Create with <see cref="DealCommand.OverrideProbabilityTo"/>.</summary>
public sealed record OverrideProbability : DealCommand
{
    internal OverrideProbability(decimal probability, ValueSource source, Instant at, string by)
        : base(at, by)
    {
        Probability = Preconditions.CheckProbability(probability);
        Preconditions.CheckArgument(
            source is ValueSource.Manual or ValueSource.Model,
            nameof(source),
            $"An override's source is Manual or Model; it was {source}."
        );
        Source = source;
    }

    /// <summary>The probability, in [0, 1].</summary>
    public decimal Probability { get; }

    /// <summary>Manual or Model.</summary>
    public ValueSource Source { get; }
}

/// <summary>Clears the probability override. Create with <see cref="DealCommand.ClearProbability"/>.</summary>
public sealed record ClearProbabilityOverride : DealCommand
{
    internal ClearProbabilityOverride(Instant at, string by)
        : base(at, by) { }
}

/// <summary>Overrides the forecast category. Create with <see cref="DealCommand.OverrideCategoryTo"/>.</summary>
public sealed record OverrideCategory : DealCommand
{
    internal OverrideCategory(ForecastCategory category, Instant at, string by)
        : base(at, by)
    {
        Preconditions.CheckRange(
            Enum.IsDefined(category) && category != ForecastCategory.Closed,
            nameof(category),
            category,
            $"A category override is Omitted, Pipeline, BestCase or Commit; it was {category}. Only winning makes a deal Closed."
        );
        Category = category;
    }

    /// <summary>The category.</summary>
    public ForecastCategory Category { get; }
}

/// <summary>Clears the category override. Create with <see cref="DealCommand.ClearCategory"/>.</summary>
public sealed record ClearCategoryOverride : DealCommand
{
    internal ClearCategoryOverride(Instant at, string by)
        : base(at, by) { }
}

/// <summary>Reassigns the deal. Create with <see cref="DealCommand.Reassign"/>.</summary>
public sealed record ReassignOwner : DealCommand
{
    internal ReassignOwner(string owner, Instant at, string by)
        : base(at, by) => Owner = Preconditions.CheckNotBlank(owner);

    /// <summary>The new owner.</summary>
    public string Owner { get; }
}

/// <summary>Wins the deal. Create with <see cref="DealCommand.Win"/>.</summary>
public sealed record WinDeal : DealCommand
{
    internal WinDeal(Instant at, string by)
        : base(at, by) { }
}

/// <summary>Loses the deal. Create with <see cref="DealCommand.Lose"/>.</summary>
public sealed record LoseDeal : DealCommand
{
    internal LoseDeal(LossReason? reason, string? competitor, Instant at, string by)
        : base(at, by)
    {
        if (competitor is not null)
        {
            Preconditions.CheckNotBlank(competitor);
        }
        Reason = reason;
        Competitor = competitor;
    }

    /// <summary>Why; a null reason is rejected by the pipeline.</summary>
    public LossReason? Reason { get; }

    /// <summary>The competitor it was lost to, if any.</summary>
    public string? Competitor { get; }
}

/// <summary>Notes a competitor competing for an open deal. Create with <see cref="DealCommand.NoteCompetitor"/>.</summary>
public sealed record NoteCompetitor : DealCommand
{
    internal NoteCompetitor(string competitor, Instant at, string by)
        : base(at, by) => Competitor = Preconditions.CheckNotBlank(competitor);

    /// <summary>The competitor's name.</summary>
    public string Competitor { get; }
}

/// <summary>Reopens a closed deal. Create with <see cref="DealCommand.Reopen"/>.</summary>
public sealed record ReopenDeal : DealCommand
{
    internal ReopenDeal(string? stageId, Instant at, string by)
        : base(at, by)
    {
        if (stageId is not null)
        {
            Preconditions.CheckNotBlank(stageId);
        }
        StageId = stageId;
    }

    /// <summary>The open stage to reopen into, or null for the last open stage the deal was in.</summary>
    public string? StageId { get; }
}

/// <summary>Sets or changes the deal's customer. Create it with <see cref="DealCommand.ChangeCustomer"/>.</summary>
public sealed record ChangeCustomer : DealCommand
{
    internal ChangeCustomer(Customer customer, Instant at, string by)
        : base(at, by) => Customer = Preconditions.CheckNotNull(customer);

    /// <summary>The customer.</summary>
    public Customer Customer { get; }
}

/// <summary>Stops (pauses) an open deal. Create it with <see cref="DealCommand.Stop"/>.</summary>
public sealed record StopDeal : DealCommand
{
    internal StopDeal(StopReason reason, Instant at, string by)
        : base(at, by) => Reason = Preconditions.CheckNotNull(reason);

    /// <summary>Why.</summary>
    public StopReason Reason { get; }
}

/// <summary>Resumes a stopped deal. Create it with <see cref="DealCommand.Resume"/>.</summary>
public sealed record ResumeDeal : DealCommand
{
    internal ResumeDeal(string? stageId, Instant at, string by)
        : base(at, by)
    {
        if (stageId is not null)
        {
            Preconditions.CheckNotBlank(stageId);
        }
        StageId = stageId;
    }

    /// <summary>The open stage to resume in, or null for the stage it stopped in.</summary>
    public string? StageId { get; }
}

/// <summary>Puts a deal in a team's pool or the company pool. Create it with <see cref="DealCommand.AssignToPool"/>.</summary>
public sealed record AssignToPool : DealCommand
{
    internal AssignToPool(string? teamId, Instant at, string by)
        : base(at, by)
    {
        if (teamId is not null)
        {
            Preconditions.CheckNotBlank(teamId);
        }
        TeamId = teamId;
    }

    /// <summary>The team whose pool it goes to, or null for the company pool.</summary>
    public string? TeamId { get; }
}

/// <summary>Adds a comment. Create it with <see cref="DealCommand.Comment"/>.</summary>
public sealed record AddComment : DealCommand
{
    internal AddComment(string text, string? activityId, Instant at, string by)
        : base(at, by)
    {
        Text = Preconditions.CheckNotBlank(text);
        if (activityId is not null)
        {
            Preconditions.CheckNotBlank(activityId);
        }
        ActivityId = activityId;
    }

    /// <summary>The comment.</summary>
    public string Text { get; }

    /// <summary>The activity it is about, or null for the deal as a whole.</summary>
    public string? ActivityId { get; }
}
