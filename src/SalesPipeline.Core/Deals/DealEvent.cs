using NodaTime;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Deals;

/// <summary>
/// One change to a deal, with when it happened and who made it. A deal's history is the ordered list of its events;
/// the deal itself is their fold (<see cref="Deal.FromEvents"/>). Events are never rewritten or dropped.
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
}

/// <summary>The deal was opened in <paramref name="StageId"/>.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="Pipeline">The name of the pipeline the deal belongs to.</param>
/// <param name="Name">The deal's name.</param>
/// <param name="Owner">The rep who owns it.</param>
/// <param name="Amount">The expected amount.</param>
/// <param name="ExpectedClose">The expected close date.</param>
/// <param name="StageId">The first stage.</param>
/// <param name="LeadId">The lead it was converted from, if any.</param>
/// <param name="Source">The lead source it came from, if known.</param>
/// <param name="Product">The product (or product line) the deal sells, if recorded; used to break metrics down by product.</param>
public sealed record DealCreated(
    DealId DealId,
    Instant At,
    string By,
    string Pipeline,
    string Name,
    string Owner,
    Money Amount,
    LocalDate ExpectedClose,
    string StageId,
    LeadId? LeadId = null,
    LeadSource? Source = null,
    string? Product = null
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

/// <summary>The deal was reassigned to another owner (the history stays with the deal).</summary>
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
