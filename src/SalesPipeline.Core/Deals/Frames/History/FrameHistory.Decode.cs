using NodaTime;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

internal sealed partial class FrameHistory
{
    // The events of row `row`, equal to the ones appended, field by field (decimals with their scale, instants to the
    // nanosecond, dates in their calendar). A new array and new events on every call; dictionary values are shared.
    internal DealEvent[] EventsOf(int row)
    {
        Preconditions.CheckIndex(row, Count);
        var first = EventStart[row];
        var events = new DealEvent[EventStart[row + 1] - first];
        var id = IdAt(row);
        var stage = Stages[EventArg[first]];
        events[0] = WithCause(first, Head(row, id, first, stage));
        for (var e = first + 1; e < first + events.Length; e++)
        {
            var at = At(e);
            var by = By(e);
            var arg = EventArg[e];
            DealEvent next;
            switch (EventKind[e])
            {
                case FrameEventKind.StageMoved:
                    var from = MovedFrom.TryGet(e, out var odd) ? odd : stage;
                    stage = Stages[arg];
                    next = new StageMoved(id, at, by, from!, stage, (MoveDirection)EventAux[e], Skips.TryGet(e, out var s) ? s : 0);
                    break;
                case FrameEventKind.Won:
                    next = new DealWon(id, at, by, stage = Stages[arg]);
                    break;
                case FrameEventKind.Lost:
                    var loss =
                        EventAux[e] is var pair and > 0 ? LossPairs[pair - 1]
                        : Losses.TryGet(e, out var wide) ? wide
                        : default;
                    next = new DealLost(
                        id,
                        at,
                        by,
                        stage = Stages[arg],
                        Optional(LossReasons, loss.Reason)!,
                        Optional(Competitors, loss.Competitor)
                    );
                    break;
                case FrameEventKind.Reopened:
                    next = new DealReopened(id, at, by, stage = Stages[arg]);
                    break;
                case FrameEventKind.Resumed:
                    next = new DealResumed(id, at, by, stage = Stages[arg]);
                    break;
                default:
                    next = Other(id, e, at, by, arg);
                    break;
            }
            events[e - first] = WithCause(e, next);
        }
        return events;
    }

    // An event after the first that names no stage.
    private DealEvent Other(DealId id, int e, Instant at, string by, int arg) =>
        EventKind[e] switch
        {
            FrameEventKind.ExitCriterionAnswered => new ExitCriterionAnswered(id, at, by, Criteria[arg]),
            FrameEventKind.ExitCriterionWithdrawn => new ExitCriterionWithdrawn(id, at, by, Criteria[arg]),
            FrameEventKind.AmountChanged => new AmountChanged(id, at, by, ChangedAmounts.At(arg, Currencies)),
            FrameEventKind.ExpectedCloseChanged => new ExpectedCloseChanged(id, at, by, Date(e, arg)),
            FrameEventKind.ProbabilityOverridden => new ProbabilityOverridden(id, at, by, Probabilities[arg], (ValueSource)EventAux[e]),
            FrameEventKind.ProbabilityOverrideCleared => new ProbabilityOverrideCleared(id, at, by),
            FrameEventKind.CategoryOverridden => new CategoryOverridden(id, at, by, (ForecastCategory)arg),
            FrameEventKind.CategoryOverrideCleared => new CategoryOverrideCleared(id, at, by),
            FrameEventKind.OwnerReassigned => new OwnerReassigned(id, at, by, Owners[arg]),
            FrameEventKind.CompetitorNoted => new CompetitorNoted(id, at, by, Competitors[arg]),
            FrameEventKind.CustomerChanged => new CustomerChanged(id, at, by, Optional(Customers, arg)!),
            FrameEventKind.Stopped => new DealStopped(id, at, by, Optional(StopReasons, arg)!),
            FrameEventKind.AssignedToPool => new DealAssignedToPool(id, at, by, Optional(Teams, arg)),
            _ => new CommentAdded(
                id,
                at,
                by,
                Text(CommentTextHeap, CommentText[arg])!,
                CommentActivity[arg] is var a and > 0 ? ActivityText[a - 1] : null
            ),
        };

    private DealEvent Head(int row, DealId id, int e, string stage)
    {
        var at = At(e);
        var by = By(e);
        var pipeline = Pipelines[HeadPipeline[row]];
        var name = NameAt(row);
        var owner = OptionalPlusOne(Owners, HeadOwner[row]);
        var amount = HeadAmount.At(row, Currencies);
        var close = Date(e, HeadClose[row]);
        // An empty text is default(LeadId), whose value is "" (an id made by its constructor is never blank).
        var lead = HeadLead[row] is var l and > 0
            ? (LeadText[l - 1] is { Length: > 0 } text ? new LeadId(text) : default(LeadId))
            : (LeadId?)null;
        var source = OptionalPlusOne(Sources, HeadSource[row]);
        var product = OptionalPlusOne(Products, HeadProduct[row]);
        var team = OptionalPlusOne(Teams, HeadTeam[row]);
        var customer = OptionalPlusOne(Customers, HeadCustomer[row]);
        if (EventKind[e] == FrameEventKind.Created)
        {
            return new DealCreated(id, at, by, pipeline, name, owner, amount, close, stage, lead, source, product, team, customer);
        }
        var createdAt = ImportCreatedAt.TryGet(row, out var ticks)
            ? Instant.FromUnixTimeTicks(ticks).PlusNanoseconds(ImportCreatedSubTicks.TryGet(row, out var ns) ? ns : 0)
            : at;
        var (reason, competitor) = Losses.TryGet(e, out var loss)
            ? (Optional(LossReasons, loss.Reason), Optional(Competitors, loss.Competitor))
            : ((LossReason?)null, (string?)null);
        return new DealImported(
            id,
            at,
            by,
            pipeline,
            name,
            owner,
            amount,
            close,
            stage,
            (DealStatus)(EventAux[e] & ~DealFrame.ImportedStageEntryKnown),
            createdAt,
            (EventAux[e] & DealFrame.ImportedStageEntryKnown) != 0,
            reason,
            competitor,
            lead,
            source,
            product,
            customer,
            team,
            ImportInPoolSince.TryGet(row, out var pooled) ? pooled : null
        );
    }

    private Instant At(int e)
    {
        var at = Instant.FromUnixTimeTicks(EventAt[e]);
        return SubTicks.TryGet(e, out var ns) ? at.PlusNanoseconds(ns) : at;
    }

    private string By(int e) => EventBy[e] is var code and > 0 ? Actors[code - 1] : null!;

    private LocalDate Date(int e, int day) =>
        day == None && OddDates.TryGet(e, out var odd) ? odd : LocalDate.FromDateOnly(System.DateOnly.FromDayNumber(day));

    private DealEvent WithCause(int e, DealEvent ev) => Causes.TryGet(e, out var cause) ? ev with { Cause = CauseText[cause] } : ev;

    private static T? Optional<T>(T[] values, int code)
        where T : class => code == None ? null : values[code];

    private static T? OptionalPlusOne<T>(T[] values, int code)
        where T : class => code == 0 ? null : values[code - 1];

    private static string? Text(TextHeap heap, int offset) => offset == None ? null : heap[offset];
}
