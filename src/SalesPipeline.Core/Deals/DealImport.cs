using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Deals;

/// <summary>
/// A deal as it stands in another system (a CRM export row), to bring in with
/// <see cref="PipelineTransitions.Import(PipelineDefinition, IEnumerable{DealImport}, Instant)"/>: its current stage,
/// amount, owner (or the pool it waits in), overrides, creation date, status with the close date, and, when known, its
/// stage history and the changes of its amount, expected close date and owner.
/// </summary>
/// <remarks>
/// <para>A plain data record: nothing is checked when it is created. The import checks every field against the pipeline
/// and reports each problem with the record's index and id, the field, the value and the rule.</para>
/// <para>What the export lacks is left out, never invented: a missing <see cref="Name"/> becomes <see cref="Unknown.Name"/>,
/// a missing <see cref="By"/> or <see cref="StageEntry.By"/> <see cref="Unknown.Actor"/>, and a lost deal's missing
/// <see cref="LossReason"/> <see cref="Deals.LossReason.Unknown"/>.</para>
/// <para>Example, a deal in Negotiation with a Commit override, observed in an export taken on 2026-11-30:</para>
/// <code>
/// var record = new DealImport
/// {
///     Id = new DealId("SF-0061"), Name = "Acme: 500 seats", Owner = "alice",
///     Amount = Money.Of(60_000m, Currency.USD), StageId = "negotiation", ExpectedClose = new LocalDate(2026, 12, 15),
///     CreatedAt = Instant.FromUtc(2026, 9, 1, 9, 0), CategoryOverride = ForecastCategory.Commit,
/// };
/// var deal = PipelineDefinition.Default.Import(record, Instant.FromUtc(2026, 11, 30, 0, 0));
/// </code>
/// <para>A deal waiting in team "emea"'s pool since 2026-10-01 has no owner:
/// <c>record with { Owner = null, Team = "emea", InPoolSince = Instant.FromUtc(2026, 10, 1, 0, 0) }</c>; the imported
/// deal has <c>Owner == null</c>, <c>Team == "emea"</c> and <c>InPoolSince</c> 2026-10-01, as if it had been opened in
/// that pool (<see cref="Deal.OpenInPool"/>).</para>
/// <para>Immutable (init-only); thread-safe.</para>
/// </remarks>
public sealed record DealImport
{
    /// <summary>The deal's id; not the default id.</summary>
    public required DealId Id { get; init; }

    /// <summary>The deal's name; <see cref="Unknown.Name"/> when null. Not empty when given.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The rep who owns the deal now; not empty when given. Null while the deal waits in a pool (<see cref="Team"/>'s, or
    /// the company pool), which only an open deal does: a won or lost deal keeps the owner it was decided under. Before the
    /// first of <see cref="OwnerChanges"/>, the deal had that change's before value.
    /// </summary>
    public string? Owner { get; init; }

    /// <summary>
    /// With no <see cref="Owner"/>: the team whose pool the deal waits in, or null for the company pool. With an owner: the
    /// team whose pool the deal last passed through, if the export says (null when unknown or never pooled). Not empty
    /// when given.
    /// </summary>
    public string? Team { get; init; }

    /// <summary>
    /// When a deal without an <see cref="Owner"/> entered the pool it waits in; only for such a deal. Null: since
    /// <see cref="CreatedAt"/> (an export that names no owner change and no pool date says the deal never had a rep).
    /// Not before <see cref="CreatedAt"/> or after the import's <c>asOf</c>. Up to the deal's first observation, the deal
    /// is pooled from the start (its <see cref="DealImported"/> event has no owner) and has no <see cref="OwnerChanges"/>;
    /// later, the deal was owned before: the last of <see cref="OwnerChanges"/> (not after this instant) names the rep it
    /// was pooled from, and the import records a <see cref="DealAssignedToPool"/> at this instant.
    /// </summary>
    public Instant? InPoolSince { get; init; }

    /// <summary>The amount now; not negative. Before the first of <see cref="AmountChanges"/>, the deal had that change's before value.</summary>
    public required Money Amount { get; init; }

    /// <summary>
    /// The stage the deal is in now: an open stage of the pipeline while <see cref="Status"/> is Open, the Won stage when
    /// Won, the Lost stage when Lost.
    /// </summary>
    public required string StageId { get; init; }

    /// <summary>The expected close date now. Before the first of <see cref="ExpectedCloseChanges"/>, the deal had that change's before value.</summary>
    public required LocalDate ExpectedClose { get; init; }

    /// <summary>When the other system created the deal: the start of its sales cycle. Not after any other instant of the record.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>
    /// Open (the default), Won, Lost or Stopped; must agree with <see cref="StageId"/> (an open stage while Open or
    /// Stopped, the Won or Lost stage when Won or Lost).
    /// </summary>
    public DealStatus Status { get; init; }

    /// <summary>When the deal was won or lost: required when <see cref="Status"/> is Won or Lost, null otherwise.</summary>
    public Instant? ClosedAt { get; init; }

    /// <summary>
    /// When a stopped (paused) deal was stopped: required when <see cref="Status"/> is Stopped, null otherwise. Not before
    /// <see cref="CreatedAt"/> or after the import's <c>asOf</c>. The rest of the record describes the deal as it stood
    /// then, so no other instant of it is later: the import observes it at this instant (where an open deal would be
    /// observed at <c>asOf</c>, and with its overrides dated here) and then records a <see cref="DealStopped"/> at it.
    /// </summary>
    public Instant? StoppedAt { get; init; }

    /// <summary>Why a stopped deal was stopped; <see cref="Deals.StopReason.Unknown"/> when null. Only for a stopped deal.</summary>
    public StopReason? StopReason { get; init; }

    /// <summary>Why a lost deal was lost; <see cref="Deals.LossReason.Unknown"/> when null. Only for a lost deal.</summary>
    public LossReason? LossReason { get; init; }

    /// <summary>The competitor a lost deal was lost to, if known. Only for a lost deal; not empty when given.</summary>
    public string? Competitor { get; init; }

    /// <summary>A probability override in force now, in [0, 1]; null when the stage default applies. Only for an open deal.</summary>
    public decimal? ProbabilityOverride { get; init; }

    /// <summary>Where <see cref="ProbabilityOverride"/> came from: Manual (the default) or Model.</summary>
    public ValueSource ProbabilitySource { get; init; } = ValueSource.Manual;

    /// <summary>A forecast category override in force now (not Closed); null when the stage default applies. Only for an open deal.</summary>
    public ForecastCategory? CategoryOverride { get; init; }

    /// <summary>
    /// When an open deal entered its current stage, if the export says (a "last stage change" column). Without it and
    /// without a <see cref="History"/>, the deal is known to be in the stage only at the import's <c>asOf</c> instant,
    /// and that stay is left-truncated. Only for an open deal; with a history, it must equal the last entry's instant.
    /// </summary>
    public Instant? StageEnteredAt { get; init; }

    /// <summary>
    /// The known stage history, oldest first (empty when unknown). It ends in <see cref="StageId"/>, or, for a won or lost
    /// deal, in the open stage it was closed from (the close at <see cref="ClosedAt"/> is then added). Stages before the
    /// first entry are unobserved.
    /// </summary>
    public IReadOnlyList<StageEntry> History { get; init; } = [];

    /// <summary>
    /// The known changes of the amount, oldest first (empty when unknown): each starts from the amount the one before
    /// ended with, and the last ends in <see cref="Amount"/>. The currency may change (a deal re-quoted in EUR); amounts
    /// are not negative. Only while the deal is open: a won or lost deal's amount does not change.
    /// </summary>
    public IReadOnlyList<FieldChange<Money>> AmountChanges { get; init; } = [];

    /// <summary>
    /// The known changes of the expected close date, oldest first (empty when unknown): each starts from the date the one
    /// before ended with, and the last ends in <see cref="ExpectedClose"/>. Only while the deal is open.
    /// </summary>
    public IReadOnlyList<FieldChange<LocalDate>> ExpectedCloseChanges { get; init; } = [];

    /// <summary>
    /// The known reassignments, oldest first (empty when unknown): each starts from the owner the one before ended with,
    /// and the last ends in <see cref="Owner"/> (for a deal waiting in a pool, in the rep it was pooled from at
    /// <see cref="InPoolSince"/>). A won or lost deal may be reassigned too.
    /// </summary>
    public IReadOnlyList<FieldChange<string>> OwnerChanges { get; init; } = [];

    /// <summary>The lead the deal was converted from, if known.</summary>
    public LeadId? LeadId { get; init; }

    /// <summary>The lead source the deal came from, if known.</summary>
    public LeadSource? Source { get; init; }

    /// <summary>The product (or product line) the deal sells, if recorded; not empty when given.</summary>
    public string? Product { get; init; }

    /// <summary>The customer the deal is for, if the export names it (for example Salesforce's Account ID and Account Name).</summary>
    public Customer? Customer { get; init; }

    /// <summary>
    /// Who the events not taken from <see cref="History"/> or the changes are attributed to (the <see cref="DealImported"/> event, a close
    /// the history lacks, the overrides), for example the export job's name; <see cref="Unknown.Actor"/> when null.
    /// </summary>
    public string? By { get; init; }
}
