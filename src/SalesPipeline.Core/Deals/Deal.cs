using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

/// <summary>
/// A sales opportunity: plain immutable data that is the fold of its <see cref="Events"/>. Every change is made by
/// applying a command through a <see cref="PipelineDefinition"/>, which returns a new deal with one more event.
/// </summary>
/// <remarks>
/// <para>Two deals are equal when their event histories are equal. <see cref="AsOf"/> rebuilds the deal as it was at
/// any past instant; <see cref="FromEvents(PipelineDefinition, IEnumerable{DealEvent})"/> rebuilds it from stored events.</para>
/// <para>A deal holds the ids of its pipeline's stages but no reference to the pipeline; ask the pipeline for what
/// depends on its definition (<see cref="PipelineTransitions.WinProbabilityOf"/>,
/// <see cref="PipelineTransitions.ForecastCategoryOf"/>, <see cref="PipelineTransitions.PermittedMoves"/>).</para>
/// <para>Instances are immutable and safe to share across threads; successive versions share their event storage.</para>
/// </remarks>
public sealed partial record Deal
{
    private Deal(DealCreated created, EventLog log)
    {
        Id = created.DealId;
        Pipeline = created.Pipeline;
        Name = created.Name;
        Owner = created.Owner;
        Team = created.Team;
        InPoolSince = created.Owner is null ? created.At : null;
        Customer = created.Customer;
        Amount = created.Amount;
        ExpectedClose = created.ExpectedClose;
        StageId = created.StageId;
        LastOpenStageId = created.StageId;
        StageEnteredAt = created.At;
        CreatedAt = created.At;
        CreatedBy = created.By;
        LeadId = created.LeadId;
        Source = created.Source;
        Product = created.Product;
        answered = [];
        competitors = [];
        comments = [];
        this.log = log;
    }

    private Deal(DealImported imported, EventLog log)
    {
        Id = imported.DealId;
        Pipeline = imported.Pipeline;
        Name = imported.Name;
        Owner = imported.Owner;
        Team = imported.Team;
        InPoolSince = imported.Owner is null ? imported.InPoolSince ?? imported.CreatedAt : null;
        Customer = imported.Customer;
        Amount = imported.Amount;
        ExpectedClose = imported.ExpectedClose;
        StageId = imported.StageId;
        Status = imported.Status;
        LastOpenStageId = imported.Status == DealStatus.Open ? imported.StageId : Unknown.Stage;
        StageEnteredAt = imported.At;
        ClosedAt = imported.Status == DealStatus.Open ? null : imported.At;
        LossReason = imported.LossReason;
        Competitor = imported.Competitor;
        CreatedAt = imported.CreatedAt;
        CreatedBy = imported.By;
        LeadId = imported.LeadId;
        Source = imported.Source;
        Product = imported.Product;
        answered = [];
        competitors = imported.Competitor is null ? [] : [imported.Competitor];
        comments = [];
        this.log = log;
    }

    // The deal as its first event (DealCreated or DealImported) makes it.
    internal static Deal Start(DealEvent first) => Start(first, EventLog.Of(first));

    // The same, holding `log` (whose first event is `first`) as its history.
    private static Deal Start(DealEvent first, EventLog log) =>
        first switch
        {
            DealCreated c => new Deal(c, log),
            DealImported i => new Deal(i, log),
            _ => throw new ArgumentException(
                $"A deal's history starts with DealCreated or DealImported, not {first.GetType().Name}.",
                nameof(first)
            ),
        };

    /// <summary>Whether the deal was brought in from another system (its history starts with <see cref="DealImported"/>).</summary>
    public bool IsImported => log[0] is DealImported;

    /// <summary>
    /// When the deal was first observed: <see cref="CreatedAt"/> for a deal opened here; for an imported deal the instant of its
    /// <see cref="DealImported"/> event, before which its state is unknown (<see cref="AsOf"/> reports it as not yet observed).
    /// </summary>
    public Instant ObservedFrom => log[0].At;

    // The expected close date the deal started with, for counting pushes.
    internal LocalDate FirstExpectedClose => log[0] is DealImported i ? i.ExpectedClose : ((DealCreated)log[0]).ExpectedClose;

    private EventLog log;
    private string[] answered;
    private string[] competitors;
    private DealComment[] comments;

    /// <summary>The deal's id.</summary>
    public DealId Id { get; }

    /// <summary>The name of the pipeline the deal was opened in.</summary>
    public string Pipeline { get; }

    /// <summary>The deal's name, for example "Acme Corp: 500 seats".</summary>
    public string Name { get; }

    /// <summary>
    /// The rep who owns the deal now, or null while it waits in a pool for a rep (<see cref="Team"/>'s pool, or the
    /// company pool when <see cref="Team"/> is null). Breakdowns by owner show pooled deals as
    /// <see cref="Metrics.BreakdownKeys.Unassigned"/>.
    /// </summary>
    public string? Owner { get; private set; }

    /// <summary>
    /// The team whose pool the deal was last put in (<see cref="DealAssignedToPool"/>, or created in with
    /// <see cref="OpenInPool"/>); kept when the team's lead then assigns a rep, so it says which team the deal came
    /// through. Null for the company pool and for a deal that was never pooled.
    /// </summary>
    public string? Team { get; private set; }

    // What reports show and group by for the owner: a pooled deal's rows and groups are "(unassigned)"
    // (BreakdownKeys.Unassigned, defined here so the deal layer does not reach up into Metrics).
    internal const string UnassignedOwner = "(unassigned)";

    internal string OwnerKey => Owner ?? UnassignedOwner;

    /// <summary>Whether the deal waits in a pool (it has no owner).</summary>
    public bool IsInPool => Owner is null;

    /// <summary>When the deal entered the pool it waits in; null while a rep owns it.</summary>
    public Instant? InPoolSince { get; private set; }

    /// <summary>The customer the deal is for, if recorded (<see cref="CustomerChanged"/> changes it).</summary>
    public Customer? Customer { get; private set; }

    /// <summary>Why the deal is stopped, while it is stopped; otherwise null.</summary>
    public StopReason? StopReason { get; private set; }

    /// <summary>When the deal was stopped, while it is stopped; otherwise null.</summary>
    public Instant? StoppedAt { get; private set; }

    /// <summary>The comments on the deal and its activities, oldest first.</summary>
    public IReadOnlyList<DealComment> Comments => Array.AsReadOnly(comments);

    /// <summary>The expected amount.</summary>
    public Money Amount { get; private set; }

    /// <summary>The expected close date.</summary>
    public LocalDate ExpectedClose { get; private set; }

    /// <summary>The id of the stage the deal is in: an open stage, or the Won or Lost stage.</summary>
    public string StageId { get; private set; }

    /// <summary>
    /// The id of the last open stage the deal was in (its current stage while open; where it was when it closed), or
    /// <see cref="Unknown.Stage"/> for a deal imported as won or lost without its stage history.
    /// </summary>
    public string LastOpenStageId { get; private set; }

    /// <summary>Open, Won, Lost or Stopped.</summary>
    public DealStatus Status { get; private set; }

    /// <summary>Whether the deal is open.</summary>
    public bool IsOpen => Status == DealStatus.Open;

    /// <summary>Whether the deal is decided: won or lost (a stopped deal is neither open nor closed).</summary>
    public bool IsClosed => Status is DealStatus.Won or DealStatus.Lost;

    /// <summary>The manual or model probability override, or null when the stage default applies.</summary>
    public decimal? ProbabilityOverride { get; private set; }

    /// <summary>Where the probability override came from (Manual or Model), or null when there is none.</summary>
    public ValueSource? ProbabilityOverrideSource { get; private set; }

    /// <summary>The manual forecast category override, or null when the stage default applies.</summary>
    public ForecastCategory? CategoryOverride { get; private set; }

    /// <summary>Why the deal was lost, while it is lost; otherwise null.</summary>
    public LossReason? LossReason { get; private set; }

    /// <summary>The competitor the deal was lost to, while it is lost and one was named; otherwise null.</summary>
    public string? Competitor { get; private set; }

    /// <summary>
    /// Every competitor the deal has been up against, in ordinal order without repeats: those noted with
    /// <see cref="DealCommand.NoteCompetitor"/> and the one it was lost to. Reopening keeps them (the history of who
    /// competed stays true), while <see cref="Competitor"/> is cleared.
    /// </summary>
    public IReadOnlyList<string> Competitors => Array.AsReadOnly(competitors);

    // The competitors without a wrapper per call, for the frame's recorder, which reads them for every deal.
    internal ReadOnlySpan<string> CompetitorSpan => competitors;

    /// <summary>Whether <paramref name="competitor"/> is among <see cref="Competitors"/> (ordinal comparison).</summary>
    /// <param name="competitor">The competitor's name.</param>
    /// <returns>True when noted.</returns>
    public bool HasCompetitor(string competitor) => Array.BinarySearch(competitors, competitor, StringComparer.Ordinal) >= 0;

    /// <summary>When the deal was created (for an imported deal, in the system it came from: <see cref="DealImported.CreatedAt"/>).</summary>
    public Instant CreatedAt { get; }

    /// <summary>Who created the deal (for an imported deal, who its <see cref="DealImported"/> event is attributed to).</summary>
    public string CreatedBy { get; }

    /// <summary>
    /// When the deal entered its current stage. Stopping the deal and resuming it in the same stage does not change it
    /// (the deal never left the stage); resuming it in another stage does.
    /// </summary>
    public Instant StageEnteredAt { get; private set; }

    // The stops within the current stay, which the rotting check leaves out of the time in stage (as the stints do).
    internal Duration PausedInStage { get; private set; }

    /// <summary>When the deal was last won or lost, while it is closed; otherwise null.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>The instant of the latest event; a command dated earlier is rejected.</summary>
    public Instant LastEventAt => log.Last.At;

    /// <summary>The lead the deal was converted from, if any.</summary>
    public LeadId? LeadId { get; }

    /// <summary>The lead source the deal came from, if known.</summary>
    public LeadSource? Source { get; }

    /// <summary>The product (or product line) the deal sells, if recorded.</summary>
    public string? Product { get; }

    /// <summary>The ids of the exit criteria answered "yes", in ordinal order.</summary>
    public IReadOnlyList<string> AnsweredCriteria => Array.AsReadOnly(answered);

    /// <summary>Whether the exit criterion has been answered "yes".</summary>
    /// <param name="criterionId">The criterion id.</param>
    /// <returns>True when answered.</returns>
    public bool IsAnswered(string criterionId) => Array.BinarySearch(answered, criterionId, StringComparer.Ordinal) >= 0;

    /// <summary>
    /// Every event, oldest first: the deal's complete history. The first is <see cref="DealCreated"/>, or
    /// <see cref="DealImported"/> for a deal brought in from another system.
    /// </summary>
    public IReadOnlyList<DealEvent> Events => log;

    /// <summary>The same list as <see cref="Events"/>: the history, oldest first.</summary>
    public IReadOnlyList<DealEvent> History => log;

    /// <summary>
    /// Opens a deal in the pipeline's first open stage.
    /// </summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="id">The deal's id.</param>
    /// <param name="name">The deal's name; not empty.</param>
    /// <param name="owner">The owning rep's id; not empty.</param>
    /// <param name="amount">The expected amount; not negative.</param>
    /// <param name="expectedClose">The expected close date.</param>
    /// <param name="at">When the deal is created.</param>
    /// <param name="by">Who creates it; the owner when null.</param>
    /// <param name="leadId">The lead it comes from, if any.</param>
    /// <param name="source">The lead source it comes from, if known.</param>
    /// <param name="product">The product (or product line) it sells, if recorded; not empty when given.</param>
    /// <param name="customer">The customer it is for, if recorded.</param>
    /// <returns>The new deal, with one <see cref="DealCreated"/> event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/>, <paramref name="name"/>, <paramref name="owner"/> or <paramref name="amount"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the default id, or a text argument is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amount"/> is negative; or <paramref name="expectedClose"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    /// <example><code>
    /// var deal = Deal.Open(PipelineDefinition.Default, new DealId("D-1"), "Acme: 500 seats", "alice",
    /// Money.Of(60_000m, Currency.USD), new LocalDate(2026, 12, 15), Instant.FromUtc(2026, 10, 1, 9, 0));
    /// </code></example>
    public static Deal Open(
        PipelineDefinition pipeline,
        DealId id,
        string name,
        string owner,
        Money amount,
        LocalDate expectedClose,
        Instant at,
        string? by = null,
        LeadId? leadId = null,
        LeadSource? source = null,
        string? product = null,
        Customer? customer = null
    )
    {
        Preconditions.CheckNotBlank(owner);
        return Create(pipeline, id, name, owner, null, amount, expectedClose, at, by ?? owner, leadId, source, product, customer);
    }

    /// <summary>
    /// Opens a deal in the pipeline's first open stage without an owner: it waits in <paramref name="team"/>'s pool (or
    /// the company pool when <paramref name="team"/> is null) until a rep is assigned with
    /// <see cref="DealCommand.Reassign"/>. Which teams exist is the <see cref="Organization.SalesOrg"/>'s business:
    /// the deal only records the id.
    /// </summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="id">The deal's id.</param>
    /// <param name="name">The deal's name; not empty.</param>
    /// <param name="team">The team whose pool the deal starts in, or null for the company pool; not empty when given.</param>
    /// <param name="amount">The expected amount; not negative.</param>
    /// <param name="expectedClose">The expected close date.</param>
    /// <param name="at">When the deal is created.</param>
    /// <param name="by">Who creates it; not empty.</param>
    /// <param name="leadId">The lead it comes from, if any.</param>
    /// <param name="source">The lead source it comes from, if known.</param>
    /// <param name="product">The product (or product line) it sells, if recorded; not empty when given.</param>
    /// <param name="customer">The customer it is for, if recorded.</param>
    /// <returns>The new deal, with one <see cref="DealCreated"/> event whose owner is null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/>, <paramref name="name"/>, <paramref name="by"/> or <paramref name="amount"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the default id, or a text argument is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amount"/> is negative; or <paramref name="expectedClose"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31; or <paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    /// <example><code>
    /// var deal = Deal.OpenInPool(PipelineDefinition.Default, new DealId("D-2"), "Globex renewal", "emea",
    /// Money.Of(18_000m, Currency.EUR), new LocalDate(2026, 11, 30), Instant.FromUtc(2026, 10, 1, 9, 0), "ops");
    /// </code></example>
    public static Deal OpenInPool(
        PipelineDefinition pipeline,
        DealId id,
        string name,
        string? team,
        Money amount,
        LocalDate expectedClose,
        Instant at,
        string by,
        LeadId? leadId = null,
        LeadSource? source = null,
        string? product = null,
        Customer? customer = null
    )
    {
        if (team is not null)
        {
            Preconditions.CheckNotBlank(team);
        }
        Preconditions.CheckNotBlank(by);
        return Create(pipeline, id, name, null, team, amount, expectedClose, at, by, leadId, source, product, customer);
    }

    private static Deal Create(
        PipelineDefinition pipeline,
        DealId id,
        string name,
        string? owner,
        string? team,
        Money amount,
        LocalDate expectedClose,
        Instant at,
        string? by,
        LeadId? leadId,
        LeadSource? source,
        string? product,
        Customer? customer
    )
    {
        Preconditions.CheckNotNull(pipeline);
        Preconditions.CheckArgument(
            id.Value.Length > 0,
            nameof(id),
            "The deal id must not be default(DealId); create it with new DealId(\"...\")."
        );
        Preconditions.CheckNotBlank(name);
        Preconditions.CheckNotNull(amount);
        CheckAmount(amount);
        Preconditions.CheckDate(expectedClose);
        Preconditions.CheckInstant(at);
        if (by is not null)
        {
            Preconditions.CheckNotBlank(by);
        }
        if (product is not null)
        {
            Preconditions.CheckNotBlank(product);
        }
        return Start(
            new DealCreated(
                id,
                at,
                by!,
                pipeline.Name,
                name,
                owner,
                amount,
                expectedClose,
                pipeline.FirstOpenStage.Id,
                leadId,
                source,
                product,
                team,
                customer
            )
        );
    }

    internal static void CheckAmount(Money amount, string paramName = "amount")
    {
        Preconditions.CheckRange(!amount.IsNegative, paramName, amount, $"A deal amount must not be negative; it was {amount}.");
    }

    /// <summary>
    /// Rebuilds a deal from its stored events (for example from a database), checking that they form a valid history.
    /// </summary>
    /// <param name="events">The events, oldest first: a <see cref="DealCreated"/> (or <see cref="DealImported"/>), then the changes.</param>
    /// <returns>The deal they describe; <c>Deal.FromEvents(deal.Events)</c> equals <c>deal</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">
    /// The events are empty, do not start with exactly one <see cref="DealCreated"/> or <see cref="DealImported"/>, belong to different deals, go
    /// back in time, carry a value the matching command would refuse (an empty actor, owner or stage id, a negative
    /// amount, a probability outside [0, 1], the Closed category as an override, a loss without a reason, an empty
    /// competitor, a blank comment, cause or team id), or describe an impossible change (a stage move of a closed or
    /// stopped deal, a move from a stage the deal was not in, answering a criterion twice, noting a competitor twice or on
    /// a closed deal, reopening an open or stopped deal, stopping a deal that is not open, resuming one that is not
    /// stopped, winning a stopped deal, winning or losing a deal that waits in a pool, pooling a won or lost deal).
    /// </exception>
    /// <remarks>
    /// Without the pipeline, stage and criterion ids are checked for consistency within the history only; whether
    /// they exist in a pipeline is checked when the deal is next used with it.
    /// </remarks>
    public static Deal FromEvents(IEnumerable<DealEvent> events) => Fold(events, null);

    /// <summary>
    /// Rebuilds a deal from events that come from outside (a database, a file, another team's code) and checks them
    /// against the pipeline: whatever <see cref="PipelineTransitions.Apply"/> would reject, this rejects.
    /// </summary>
    /// <param name="pipeline">The pipeline the deal belongs to.</param>
    /// <param name="events">The events, oldest first.</param>
    /// <returns>The deal they describe, equal to <c>Deal.FromEvents(events)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/>, <paramref name="events"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">
    /// Everything <see cref="FromEvents(IEnumerable{DealEvent})"/> rejects; and, naming the event's index, a history the
    /// pipeline would not have produced: another pipeline's deal; a deal created outside the first open stage; an
    /// imported deal in a stage the pipeline lacks or with a status that does not match the stage's kind; an event whose
    /// command <see cref="PipelineTransitions.Apply"/> rejects on the deal as it stood (unmet exit criteria, a skip or a
    /// reopening the policies forbid, an unknown stage or criterion); or an event whose recorded details differ from
    /// those the pipeline derives (a backward move labelled forward, a wrong skip count, a win into a stage that is not
    /// the Won stage).
    /// </exception>
    /// <remarks>
    /// A created deal's events after the first must each be exactly what <c>Apply</c> makes of the matching command. An
    /// imported deal's stage changes (moves, wins, losses, reopenings) come from another system that kept no exit
    /// criteria, so they are checked for stage ids, kinds, direction and skips, not for the pipeline's policies; its
    /// other events are checked as commands. Use this overload for every history read from storage or a file.
    /// <example><code>
    /// var deal = Deal.FromEvents(pipeline, store.ReadEvents(dealId)); // throws on a history the pipeline could not make
    /// </code></example>
    /// </remarks>
    public static Deal FromEvents(PipelineDefinition pipeline, IEnumerable<DealEvent> events)
    {
        Preconditions.CheckNotNull(pipeline);
        return Fold(events, pipeline);
    }

    // One pass over the events: each is checked as a history's event (and, given the pipeline, as one the pipeline would
    // have made of the deal as it stood) before it is folded in, so the error names the first event that fails either.
    private static Deal Fold(IEnumerable<DealEvent> events, PipelineDefinition? pipeline)
    {
        Preconditions.CheckNotNull(events);
        var list = events.ToArray();
        Preconditions.CheckArgument(
            list.Length > 0,
            nameof(events),
            "A deal's history needs at least its DealCreated event; the list was empty."
        );
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(nameof(events), $"Event {i} is null.");
            }
        }
        var invalid = list[0] switch
        {
            DealCreated created => CheckCreated(created),
            DealImported imported => CheckImported(imported),
            _ => throw new ArgumentException(
                $"A deal's history starts with DealCreated or DealImported; event 0 is {list[0].GetType().Name}.",
                nameof(events)
            ),
        };
        if (invalid is not null)
        {
            throw new ArgumentException(
                $"Event 0 ({list[0].GetType().Name} at {list[0].At}) is not a valid creation: {invalid}",
                nameof(events)
            );
        }
        if (pipeline is not null && PipelineTransitions.CheckHistoryStart(pipeline, list[0]) is { } startProblem)
        {
            throw new ArgumentException(NotOfPipeline(pipeline, list, 0, startProblem), nameof(events));
        }
        // One deal, built in place: each event changes it and extends its log over `list` (a copy no caller holds), which
        // gives the same deal as appending the events one by one (Append), without a copy of the deal per event.
        var deal = Start(list[0], EventLog.Building(list));
        for (var i = 1; i < list.Length; i++)
        {
            var problem = deal.CheckCanFold(list[i]);
            if (problem is not null)
            {
                throw new ArgumentException(
                    $"Event {i} ({list[i].GetType().Name} at {list[i].At}) cannot follow the events before it: {problem}",
                    nameof(events)
                );
            }
            if (pipeline is not null && PipelineTransitions.CheckHistoryStep(pipeline, deal, list[i]) is { } stepProblem)
            {
                throw new ArgumentException(NotOfPipeline(pipeline, list, i, stepProblem), nameof(events));
            }
            deal.FoldIn(list[i]);
            deal.log.Extend();
        }
        return deal;
    }

    private static string NotOfPipeline(PipelineDefinition pipeline, DealEvent[] list, int index, string problem) =>
        $"Event {index} ({list[index].GetType().Name} at {list[index].At}) does not fit pipeline \"{pipeline.Name}\": {problem}";

    /// <summary>Rebuilds the deal as it was at <paramref name="instant"/>: the fold of the events up to and including it.</summary>
    /// <param name="instant">The instant; not before the deal was created (for an imported deal, not before <see cref="ObservedFrom"/>).</param>
    /// <returns>The deal as it was then (this deal itself when no event is later).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is before <see cref="ObservedFrom"/>, or is not a supported instant (0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z).</exception>
    public Deal AsOf(Instant instant) =>
        TryAsOf(Preconditions.CheckInstant(instant), out var deal) ? deal
        : IsImported
            ? throw new ArgumentOutOfRangeException(
                nameof(instant),
                instant,
                $"Deal {Id} was imported and first observed at {ObservedFrom} (created at {CreatedAt}); its state at {instant} is unknown."
            )
        : throw new ArgumentOutOfRangeException(
            nameof(instant),
            instant,
            $"Deal {Id} did not exist at {instant}; it was created at {CreatedAt}."
        );

    /// <summary>
    /// Rebuilds the deal as it was at <paramref name="instant"/>, or says it did not exist yet (for an imported deal: that it
    /// was not observed yet, so its state then is unknown).
    /// </summary>
    /// <param name="instant">The instant.</param>
    /// <param name="deal">The deal as it was, or null when it was created (or first observed) later.</param>
    /// <returns>Whether the deal's state at <paramref name="instant"/> is known.</returns>
    public bool TryAsOf(Instant instant, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Deal? deal)
    {
        deal = null;
        if (instant < ObservedFrom)
        {
            return false;
        }
        if (LastEventAt <= instant)
        {
            deal = this;
            return true;
        }
        var rebuilt = Start(log[0]);
        for (var i = 1; i < log.Count && log[i].At <= instant; i++)
        {
            rebuilt = rebuilt.Append(log[i]);
        }
        deal = rebuilt;
        return true;
    }

    /// <summary>Whether both deals have the same history (and so the same state).</summary>
    /// <param name="other">The other deal.</param>
    /// <returns>True when the event lists are equal.</returns>
    public bool Equals(Deal? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || other.log.Count != log.Count)
        {
            return false;
        }
        for (var i = 0; i < log.Count; i++)
        {
            if (!log[i].Equals(other.log[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, log.Count, LastEventAt);

    /// <summary>
    /// A one-line summary, for example "D-1 Acme: 500 seats | alice | USD 60,000.00 | proposal | close 2026-12-15"; a
    /// pooled deal shows "(unassigned)" as its owner and a stopped one "stopped in proposal (on-hold)".
    /// </summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var state = Status switch
        {
            DealStatus.Won => "won",
            DealStatus.Lost => $"lost ({LossReason})",
            DealStatus.Stopped => $"stopped in {StageId} ({StopReason})",
            _ => StageId,
        };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Id} {Name} | {OwnerKey} | {Amount} | {state} | close {ExpectedClose:uuuu-MM-dd}"
        );
    }
}
