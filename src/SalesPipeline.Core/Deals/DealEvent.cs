using NodaTime;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Deals;

/// <summary>
/// One change to a deal, with when it happened and who made it. A deal's history is the ordered list of its events;
/// the deal itself is their fold (<see cref="Deal.FromEvents(SalesPipeline.Pipelines.PipelineDefinition, System.Collections.Generic.IEnumerable{DealEvent})"/>). Events are never rewritten or dropped.
/// </summary>
/// <remarks>
/// Events are immutable records with value equality, safe to share across threads and to persist. The set of event
/// types is closed: only SalesPipeline defines them, so every history means the same to every reader.
/// </remarks>
public abstract record DealEvent
{
    private protected DealEvent(DealId dealId, Instant at, string by)
    {
        DealId = dealId;
        At = at;
        By = by;
    }

    /// <summary>The deal the event belongs to.</summary>
    public DealId DealId { get; init; }

    /// <summary>When it happened.</summary>
    public Instant At { get; init; }

    /// <summary>Who did it (a person or system id).</summary>
    public string By { get; init; }

    /// <summary>
    /// Why it happened, when something other than the person's direct act drove it, for example <c>quote Q-17 v2</c> for
    /// the stage move a sent quote makes; null for a direct act. Copied from <see cref="DealCommand.Cause"/>.
    /// </summary>
    public string? Cause { get; init; }
}

/// <summary>The deal was opened in <paramref name="StageId"/>.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Pipeline">The name of the pipeline the deal belongs to.</param>
/// <param name="Name">The deal's name.</param>
/// <param name="Owner">The rep who owns it, or null when it was created into a pool (<paramref name="Team"/>'s, or the company's).</param>
/// <param name="Amount">The expected amount.</param>
/// <param name="ExpectedClose">The expected close date.</param>
/// <param name="StageId">The first stage.</param>
/// <param name="LeadId">The lead it was converted from, if any.</param>
/// <param name="Source">The lead source it came from, if known.</param>
/// <param name="Product">The product (or product line) the deal sells, if recorded; used to break metrics down by product.</param>
/// <param name="Team">The team whose pool the deal was created in, when <paramref name="Owner"/> is null; null for the company pool or an owned deal.</param>
/// <param name="Customer">The customer the deal is for, if recorded.</param>
public sealed record DealCreated(
    DealId DealId,
    Instant At,
    string By,
    string Pipeline,
    string Name,
    string? Owner,
    Money Amount,
    LocalDate ExpectedClose,
    string StageId,
    LeadId? LeadId = null,
    LeadSource? Source = null,
    string? Product = null,
    string? Team = null,
    Customer? Customer = null
) : DealEvent(DealId, At, By);

/// <summary>The deal moved between open stages.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="FromStageId">The stage it left.</param>
/// <param name="ToStageId">The stage it entered.</param>
/// <param name="Direction">Forward, or backward (a regression).</param>
/// <param name="StagesSkipped">How many stages a forward move jumped over (0 for a move to the next stage or a backward move).</param>
public sealed record StageMoved(
    DealId DealId,
    Instant At,
    string By,
    string FromStageId,
    string ToStageId,
    MoveDirection Direction,
    int StagesSkipped
) : DealEvent(DealId, At, By);

/// <summary>An exit criterion was answered "yes".</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="CriterionId">The criterion.</param>
public sealed record ExitCriterionAnswered(DealId DealId, Instant At, string By, string CriterionId) : DealEvent(DealId, At, By);

/// <summary>A "yes" to an exit criterion was withdrawn.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="CriterionId">The criterion.</param>
public sealed record ExitCriterionWithdrawn(DealId DealId, Instant At, string By, string CriterionId) : DealEvent(DealId, At, By);

/// <summary>The deal's amount changed.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Amount">The new amount.</param>
public sealed record AmountChanged(DealId DealId, Instant At, string By, Money Amount) : DealEvent(DealId, At, By);

/// <summary>The expected close date changed (a later date is a push).</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="ExpectedClose">The new expected close date.</param>
public sealed record ExpectedCloseChanged(DealId DealId, Instant At, string By, LocalDate ExpectedClose) : DealEvent(DealId, At, By);

/// <summary>The win probability was overridden; the override survives stage moves until cleared.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Probability">The probability, in [0, 1].</param>
/// <param name="Source">Manual or Model.</param>
public sealed record ProbabilityOverridden(DealId DealId, Instant At, string By, decimal Probability, ValueSource Source)
    : DealEvent(DealId, At, By);

/// <summary>The probability override was cleared; the stage default applies again.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ProbabilityOverrideCleared(DealId DealId, Instant At, string By) : DealEvent(DealId, At, By);

/// <summary>The forecast category was overridden; the override survives stage moves until cleared.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Category">The category.</param>
public sealed record CategoryOverridden(DealId DealId, Instant At, string By, ForecastCategory Category) : DealEvent(DealId, At, By);

/// <summary>The category override was cleared; the stage default applies again.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CategoryOverrideCleared(DealId DealId, Instant At, string By) : DealEvent(DealId, At, By);

/// <summary>The deal was assigned to a rep: from a pool, or reassigned from another owner (the history stays with the deal).</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Owner">The new owner.</param>
public sealed record OwnerReassigned(DealId DealId, Instant At, string By, string Owner) : DealEvent(DealId, At, By);

/// <summary>The deal was won.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="StageId">The pipeline's Won stage.</param>
public sealed record DealWon(DealId DealId, Instant At, string By, string StageId) : DealEvent(DealId, At, By);

/// <summary>The deal was lost.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="StageId">The pipeline's Lost stage.</param>
/// <param name="Reason">Why.</param>
/// <param name="Competitor">The competitor it was lost to, if any.</param>
public sealed record DealLost(DealId DealId, Instant At, string By, string StageId, LossReason Reason, string? Competitor)
    : DealEvent(DealId, At, By);

/// <summary>
/// A competitor was noted as competing for an open deal. Losing to a competitor (<see cref="DealLost.Competitor"/>) also
/// counts as noting it, so <see cref="Deal.Competitors"/> holds every competitor the deal was up against.
/// </summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Competitor">The competitor's name, compared ordinally.</param>
public sealed record CompetitorNoted(DealId DealId, Instant At, string By, string Competitor) : DealEvent(DealId, At, By);

/// <summary>A won or lost deal was reopened into an open stage.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="StageId">The open stage it was reopened into.</param>
public sealed record DealReopened(DealId DealId, Instant At, string By, string StageId) : DealEvent(DealId, At, By);

/// <summary>
/// The deal was brought in from another system, as it was first observed there: the first event of an imported
/// deal's history, in place of <see cref="DealCreated"/>. Created by <see cref="PipelineTransitions.Import(PipelineDefinition, DealImport, Instant)"/>.
/// </summary>
/// <remarks>
/// <para>The deal existed before it was observed: it was created at <paramref name="CreatedAt"/> in the other system, but
/// what happened between then and <paramref name="At"/> is not known. So the stages before <paramref name="StageId"/> are
/// <em>unobserved</em>: metrics count them neither as reached nor as skipped (docs/metrics.md, "Imported deals"), and
/// <see cref="Deal.AsOf"/> reports the deal as not yet observed before <paramref name="At"/>.</para>
/// <para>When <paramref name="StageId"/> is the Won or Lost stage (a closed deal imported without its stage history),
/// the deal is closed from the start, at <paramref name="At"/>, and the open stage it closed from is
/// <see cref="Unknown.Stage"/>.</para>
/// </remarks>
/// <param name="DealId">The deal.</param>
/// <param name="At">When the deal was first observed in <paramref name="StageId"/>; not before <paramref name="CreatedAt"/>.</param>
/// <param name="By">Who the import attributes the event to (<see cref="Unknown.Actor"/> when the export names no one).</param>
/// <param name="Pipeline">The name of the pipeline the deal belongs to.</param>
/// <param name="Name">The deal's name (<see cref="Unknown.Name"/> when the export has none).</param>
/// <param name="Owner">The rep who owns it, or null when it was observed waiting in a pool (<paramref name="Team"/>'s, or the company's); only an open deal waits in one.</param>
/// <param name="Amount">The expected amount.</param>
/// <param name="ExpectedClose">The expected close date.</param>
/// <param name="StageId">The first observed stage: an open stage, or the Won or Lost stage.</param>
/// <param name="Status">What <paramref name="StageId"/> is: Open, Won or Lost (recorded so the fold needs no pipeline).</param>
/// <param name="CreatedAt">When the other system created the deal (sales cycles start here).</param>
/// <param name="StageEntryKnown">
/// True when <paramref name="At"/> is when the deal entered <paramref name="StageId"/> (a stage history or a known
/// stage-entry date); false when the deal was only seen there at <paramref name="At"/> and may have entered earlier,
/// so its stay in the stage is left-truncated and time in stage leaves it out.
/// </param>
/// <param name="LossReason">Why it was lost, when <paramref name="Status"/> is Lost (<see cref="Deals.LossReason.Unknown"/> when not known); otherwise null.</param>
/// <param name="Competitor">The competitor it was lost to, when lost and known; otherwise null.</param>
/// <param name="LeadId">The lead it was converted from, if known.</param>
/// <param name="Source">The lead source it came from, if known.</param>
/// <param name="Product">The product (or product line) the deal sells, if recorded.</param>
/// <param name="Customer">The customer the deal is for, if recorded.</param>
/// <param name="Team">
/// With no <paramref name="Owner"/>: the team whose pool the deal waits in, or null for the company pool. With an owner:
/// the team whose pool it last passed through, if known.
/// </param>
/// <param name="InPoolSince">
/// With no <paramref name="Owner"/>: when the deal entered its pool, between <paramref name="CreatedAt"/> and
/// <paramref name="At"/> (null: since <paramref name="CreatedAt"/>). Null for an owned deal.
/// </param>
public sealed record DealImported(
    DealId DealId,
    Instant At,
    string By,
    string Pipeline,
    string Name,
    string? Owner,
    Money Amount,
    LocalDate ExpectedClose,
    string StageId,
    DealStatus Status,
    Instant CreatedAt,
    bool StageEntryKnown,
    LossReason? LossReason = null,
    string? Competitor = null,
    LeadId? LeadId = null,
    LeadSource? Source = null,
    string? Product = null,
    Customer? Customer = null,
    string? Team = null,
    Instant? InPoolSince = null
) : DealEvent(DealId, At, By);

/// <summary>The deal's customer was set or changed (allowed in every status: it corrects a record, not the sale).</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Customer">The customer.</param>
public sealed record CustomerChanged(DealId DealId, Instant At, string By, Customer Customer) : DealEvent(DealId, At, By);

/// <summary>
/// The open deal was stopped: the customer paused the purchase or put the project on hold. The deal keeps the stage it
/// stopped in; its stay there ends now and a new one starts when it is resumed.
/// </summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Reason">Why.</param>
public sealed record DealStopped(DealId DealId, Instant At, string By, StopReason Reason) : DealEvent(DealId, At, By);

/// <summary>The stopped deal was resumed into an open stage.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="StageId">The open stage it resumed in.</param>
public sealed record DealResumed(DealId DealId, Instant At, string By, string StageId) : DealEvent(DealId, At, By);

/// <summary>
/// The deal was put in a pool to wait for a rep: a team's pool (<paramref name="TeamId"/>), or the company pool (null).
/// It has no owner until <see cref="OwnerReassigned"/> assigns one.
/// </summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="TeamId">The team whose pool it is in, or null for the company pool.</param>
public sealed record DealAssignedToPool(DealId DealId, Instant At, string By, string? TeamId) : DealEvent(DealId, At, By);

/// <summary>A comment was added to the deal, or to one of its activities (allowed in every status).</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who wrote it.</param>
/// <param name="Text">The comment.</param>
/// <param name="ActivityId">The activity it is about, or null for the deal as a whole.</param>
public sealed record CommentAdded(DealId DealId, Instant At, string By, string Text, string? ActivityId = null) : DealEvent(DealId, At, By);
