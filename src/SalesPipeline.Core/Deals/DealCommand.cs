using System;
using NodaTime;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

/// <summary>
/// A request to change a deal, dated and signed: pass it to <see cref="PipelineTransitions.Apply"/>, which
/// accepts it (one new event) or rejects it with every reason. Create commands with the static factories, for example
/// <c>DealCommand.Move("proposal", at, "alice")</c>.
/// </summary>
/// <remarks>
/// Arguments that are wrong in themselves (an empty actor, a probability of 1.5, a negative amount) throw when the
/// command is created; whether the pipeline permits the command for a given deal is decided by <c>Apply</c>.
/// Commands are immutable records, safe to share across threads.
/// </remarks>
public abstract record DealCommand
{
    private protected DealCommand(Instant at, string by)
    {
        At = Preconditions.CheckInstant(at);
        By = Preconditions.CheckNotBlank(by);
    }

    /// <summary>When the change happens; not before the deal's latest event.</summary>
    public Instant At { get; }

    /// <summary>Who makes the change.</summary>
    public string By { get; }

    /// <summary>
    /// Why the change happens, when something other than the person's direct act drives it (for example
    /// <c>quote Q-17 v2</c>); recorded on the event as <see cref="DealEvent.Cause"/>. Null for a direct act.
    /// </summary>
    /// <exception cref="ArgumentException">Set to an empty or whitespace text.</exception>
    /// <example><c>DealCommand.Move("proposal", at, "alice") with { Cause = "quote Q-17 v2" }</c></example>
    public string? Cause
    {
        get;
        init
        {
            if (value is not null)
            {
                Preconditions.CheckArgument(
                    !string.IsNullOrWhiteSpace(value),
                    nameof(Cause),
                    "A command's cause must not be empty or whitespace; leave it null when there is none."
                );
            }
            field = value;
        }
    }

    /// <summary>Moves an open deal to another open stage, forward (exit criteria permitting) or backward.</summary>
    /// <param name="stageId">The target stage id.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static MoveToStage Move(string stageId, Instant at, string by) => new(stageId, at, by);

    /// <summary>Answers an exit criterion "yes".</summary>
    /// <param name="criterionId">The criterion id.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static AnswerExitCriterion Answer(string criterionId, Instant at, string by) => new(criterionId, at, by);

    /// <summary>Withdraws a "yes" to an exit criterion.</summary>
    /// <param name="criterionId">The criterion id.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static WithdrawExitCriterion Withdraw(string criterionId, Instant at, string by) => new(criterionId, at, by);

    /// <summary>Changes the expected amount; the new amount may be in another currency (a deal re-quoted in EUR).</summary>
    /// <param name="amount">The new amount; not negative.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="amount"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amount"/> is negative; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    public static ChangeAmount ChangeAmountTo(Money amount, Instant at, string by) => new(amount, at, by);

    /// <summary>Changes the expected close date.</summary>
    /// <param name="expectedClose">The new date.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">
    /// <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z; or <paramref name="expectedClose"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    public static ChangeExpectedClose ChangeExpectedCloseTo(LocalDate expectedClose, Instant at, string by) => new(expectedClose, at, by);

    /// <summary>Overrides the win probability; the override survives stage moves until cleared.</summary>
    /// <param name="probability">The probability, in [0, 1].</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <param name="source">Manual (a person) or Model (a score or calibration).</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty, or <paramref name="source"/> is StageDefault or undefined.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="probability"/> is outside [0, 1]; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    public static OverrideProbability OverrideProbabilityTo(
        decimal probability,
        Instant at,
        string by,
        ValueSource source = ValueSource.Manual
    ) => new(probability, source, at, by);

    /// <summary>Clears the probability override.</summary>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static ClearProbabilityOverride ClearProbability(Instant at, string by) => new(at, by);

    /// <summary>Overrides the forecast category; the override survives stage moves until cleared.</summary>
    /// <param name="category">The category; not Closed (only winning makes a deal Closed).</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="category"/> is Closed or undefined; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    public static OverrideCategory OverrideCategoryTo(ForecastCategory category, Instant at, string by) => new(category, at, by);

    /// <summary>Clears the category override.</summary>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static ClearCategoryOverride ClearCategory(Instant at, string by) => new(at, by);

    /// <summary>Reassigns the deal to another owner (allowed for closed deals too; history stays with the deal).</summary>
    /// <param name="owner">The new owner.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static ReassignOwner Reassign(string owner, Instant at, string by) => new(owner, at, by);

    /// <summary>Wins the deal.</summary>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static WinDeal Win(Instant at, string by) => new(at, by);

    /// <summary>Loses the deal. A null reason is accepted here and rejected by the pipeline as a missing loss reason.</summary>
    /// <param name="reason">Why; required by the pipeline.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <param name="competitor">The competitor it was lost to, if any.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty, or <paramref name="competitor"/> is given but empty.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static LoseDeal Lose(LossReason? reason, Instant at, string by, string? competitor = null) => new(reason, competitor, at, by);

    /// <summary>
    /// Notes a competitor competing for an open deal, so competitor analysis sees it on open and won deals too (a lost
    /// deal names the competitor it was lost to with <see cref="Lose"/>). Rejected when the deal is closed or the
    /// competitor is already noted.
    /// </summary>
    /// <param name="competitor">The competitor's name, compared ordinally; not empty.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static NoteCompetitor NoteCompetitor(string competitor, Instant at, string by) => new(competitor, at, by);

    /// <summary>Reopens a won or lost deal, if the pipeline allows it.</summary>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <param name="stageId">The open stage to reopen into; by default the last open stage the deal was in.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty, or <paramref name="stageId"/> is given but empty.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static ReopenDeal Reopen(Instant at, string by, string? stageId = null) => new(stageId, at, by);

    /// <summary>Sets or changes the deal's customer (allowed in every status).</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static ChangeCustomer ChangeCustomer(Customer customer, Instant at, string by) => new(customer, at, by);

    /// <summary>Stops (pauses) an open deal: the customer paused the purchase or put the project on hold.</summary>
    /// <param name="reason">Why; <see cref="StopReason.Unknown"/> when it was not given.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static StopDeal Stop(StopReason reason, Instant at, string by) => new(reason, at, by);

    /// <summary>
    /// Resumes a stopped deal in an open stage: the stage it stopped in by default. Resuming in a later stage than the
    /// one it stopped in is a forward move and needs the same exit criteria (of that stage and of every stage it skips).
    /// </summary>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <param name="stageId">The open stage to resume in, or null for the stage it stopped in.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> or a given <paramref name="stageId"/> is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static ResumeDeal Resume(Instant at, string by, string? stageId = null) => new(stageId, at, by);

    /// <summary>
    /// Puts an open or stopped deal in a pool to wait for a rep: <paramref name="teamId"/>'s pool, or the company pool
    /// when null. The deal loses its owner until <see cref="Reassign"/> assigns one. Who may do this is the
    /// organisation's rule (<see cref="Organization.SalesOrg"/>); the pipeline only records it.
    /// </summary>
    /// <param name="teamId">The team, or null for the company pool.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> or a given <paramref name="teamId"/> is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static AssignToPool AssignToPool(string? teamId, Instant at, string by) => new(teamId, at, by);

    /// <summary>Adds a comment to the deal, or to one of its activities (allowed in every status).</summary>
    /// <param name="text">The comment.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who writes it.</param>
    /// <param name="activityId">The activity it is about, or null for the deal as a whole.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/>, <paramref name="by"/> or a given <paramref name="activityId"/> is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static AddComment Comment(string text, Instant at, string by, string? activityId = null) => new(text, activityId, at, by);
}
