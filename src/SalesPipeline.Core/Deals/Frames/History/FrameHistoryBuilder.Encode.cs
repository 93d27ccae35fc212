using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesPipeline.Deals;

internal sealed partial class FrameHistoryBuilder
{
    // One deal's events into the columns (the history has been checked: nothing here throws).
    private void Encode(IReadOnlyList<DealEvent> events)
    {
        var row = idOffset.Count;
        var first = eventAt.Count;
        idOffset.Add(idText.Add(events[0].DealId.Value));
        var stage = EncodeHead(row, first, events[0]);
        for (var i = 1; i < events.Count; i++)
        {
            var e = first + i;
            var ev = events[i];
            (FrameEventKind kind, int arg, int aux) = ev switch
            {
                StageMoved m => (FrameEventKind.StageMoved, stages.Code(m.ToStageId), (byte)m.Direction),
                ExitCriterionAnswered a => (FrameEventKind.ExitCriterionAnswered, criteria.Code(a.CriterionId), 0),
                ExitCriterionWithdrawn w => (FrameEventKind.ExitCriterionWithdrawn, criteria.Code(w.CriterionId), 0),
                AmountChanged a => (
                    FrameEventKind.AmountChanged,
                    changedAmounts.Add(a.Amount.Amount, currencies.Code(a.Amount.Currency)),
                    0
                ),
                ExpectedCloseChanged c => (FrameEventKind.ExpectedCloseChanged, Day(e, c.ExpectedClose), 0),
                ProbabilityOverridden p => (FrameEventKind.ProbabilityOverridden, Probability(p.Probability), (byte)p.Source),
                ProbabilityOverrideCleared => (FrameEventKind.ProbabilityOverrideCleared, 0, 0),
                CategoryOverridden c => (FrameEventKind.CategoryOverridden, (int)c.Category, 0),
                CategoryOverrideCleared => (FrameEventKind.CategoryOverrideCleared, 0, 0),
                OwnerReassigned o => (FrameEventKind.OwnerReassigned, owners.Code(o.Owner), 0),
                DealWon w => (FrameEventKind.Won, stages.Code(w.StageId), 0),
                DealLost l => (FrameEventKind.Lost, stages.Code(l.StageId), LossAux(e, l.Reason, l.Competitor)),
                CompetitorNoted c => (FrameEventKind.CompetitorNoted, competitors.Code(c.Competitor), 0),
                DealReopened o => (FrameEventKind.Reopened, stages.Code(o.StageId), 0),
                CustomerChanged c => (
                    FrameEventKind.CustomerChanged,
                    c.Customer is null ? FrameHistory.None : customers.Code(c.Customer),
                    0
                ),
                DealStopped s => (FrameEventKind.Stopped, s.Reason is null ? FrameHistory.None : stopReasons.Code(s.Reason), 0),
                DealResumed r => (FrameEventKind.Resumed, stages.Code(r.StageId), 0),
                DealAssignedToPool p => (FrameEventKind.AssignedToPool, p.TeamId is null ? FrameHistory.None : teams.Code(p.TeamId), 0),
                CommentAdded c => (FrameEventKind.CommentAdded, Comment(c), 0),
                // Every event type has a kind; an architecture test checks the list against DealEvent's subclasses.
                _ => throw new InvalidOperationException($"The frame history has no kind for {ev.GetType().Name}."),
            };
            if (ev is StageMoved move)
            {
                if (move.FromStageId != stage)
                {
                    movedFrom.Add(e, move.FromStageId);
                }
                if (move.StagesSkipped != 0)
                {
                    skips.Add(e, move.StagesSkipped);
                }
            }
            if (FrameHistory.HasStage(kind))
            {
                stage = StageOf(ev);
            }
            AddEvent(e, ev, kind, arg, (byte)aux);
        }
        eventStart.Add(eventAt.Count);
    }

    // The first event: its kind, stage and flags in the event table, its other fields in the head columns.
    private string EncodeHead(int row, int e, DealEvent first)
    {
        var (pipeline, name, owner, amount, close, stage, lead, source, product, team, customer) = first switch
        {
            DealCreated c => (
                c.Pipeline,
                c.Name,
                c.Owner,
                c.Amount,
                c.ExpectedClose,
                c.StageId,
                c.LeadId,
                c.Source,
                c.Product,
                c.Team,
                c.Customer
            ),
            _ => Imported(row, e, (DealImported)first),
        };
        nameOffset.Add(nameText.Add(name));
        headPipeline.Add(pipelines.Code(pipeline));
        headOwner.Add(owners.OptionalCode(owner));
        headTeam.Add(teams.OptionalCode(team));
        headSource.Add(sources.OptionalCode(source));
        headProduct.Add(products.OptionalCode(product));
        headCustomer.Add(customers.OptionalCode(customer));
        headLead.Add(lead is { } l ? leadText.Add(l.Value) + 1 : 0);
        headAmount.Add(amount.Amount, currencies.Code(amount.Currency));
        headClose.Add(Day(e, close));
        var aux = first is DealImported i ? (byte)((byte)i.Status | (i.StageEntryKnown ? DealFrame.ImportedStageEntryKnown : 0)) : (byte)0;
        AddEvent(e, first, first is DealCreated ? FrameEventKind.Created : FrameEventKind.Imported, stages.Code(stage), aux);
        return stage;
    }

    private (string, string, string?, Money, LocalDate, string, LeadId?, LeadSource?, string?, string?, Customer?) Imported(
        int row,
        int e,
        DealImported i
    )
    {
        if (i.CreatedAt != i.At)
        {
            var (ticks, ns) = Split(i.CreatedAt);
            importCreatedAt.Add(row, ticks);
            if (ns != 0)
            {
                importCreatedSubTicks.Add(row, ns);
            }
        }
        if (i.InPoolSince is { } pooled)
        {
            importInPoolSince.Add(row, pooled);
        }
        if (i.LossReason is not null || i.Competitor is not null)
        {
            losses.Add(e, (i.LossReason is null ? FrameHistory.None : lossReasons.Code(i.LossReason), Competitor(i.Competitor)));
        }
        return (i.Pipeline, i.Name, i.Owner, i.Amount, i.ExpectedClose, i.StageId, i.LeadId, i.Source, i.Product, i.Team, i.Customer);
    }

    private void AddEvent(int e, DealEvent ev, FrameEventKind kind, int arg, byte aux)
    {
        var (ticks, ns) = Split(ev.At);
        eventAt.Add(ticks);
        if (ns != 0)
        {
            subTicks.Add(e, ns);
        }
        eventKind.Add(kind);
        eventArg.Add(arg);
        eventAux.Add(aux);
        eventBy.Add(actors.OptionalCode(ev.By));
        if (ev.Cause is not null)
        {
            causes.Add(e, causeText.Add(ev.Cause));
        }
    }

    // Unix ticks as DealFrame counts them (Instant.ToUnixTimeTicks), and the nanoseconds beyond them.
    private static (long Ticks, sbyte Nanoseconds) Split(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        return (ticks, (sbyte)(instant - Instant.FromUnixTimeTicks(ticks)).ToInt64Nanoseconds());
    }

    private int Day(int e, LocalDate date)
    {
        var day = FrameHistory.DayOrNone(date);
        if (day == FrameHistory.None)
        {
            oddDates.Add(e, date);
        }
        return day;
    }

    // A loss's reason and competitor: one of the first 255 distinct pairs as its code plus one in EventAux, any other
    // in Losses (EventAux 0).
    private int LossAux(int e, LossReason? reason, string? competitor)
    {
        var pair = (reason is null ? FrameHistory.None : lossReasons.Code(reason), Competitor(competitor));
        if (lossPairs.TryCode(pair, byte.MaxValue, out var code))
        {
            return code + 1;
        }
        losses.Add(e, pair);
        return 0;
    }

    private static string StageOf(DealEvent e) =>
        e switch
        {
            StageMoved m => m.ToStageId,
            DealWon w => w.StageId,
            DealLost l => l.StageId,
            DealReopened r => r.StageId,
            _ => ((DealResumed)e).StageId,
        };

    private int Competitor(string? competitor) => competitor is null ? FrameHistory.None : competitors.Code(competitor);

    // Probabilities are told apart by their bits, not their value: 0.5 and 0.50 print differently.
    private int Probability(decimal value)
    {
        var bits = decimal.GetBits(value);
        var code = probabilities.Code((bits[0], bits[1], bits[2], bits[3]));
        if (code == probabilityValues.Count)
        {
            probabilityValues.Add(value);
        }
        return code;
    }

    private int Comment(CommentAdded c)
    {
        commentText.Add(c.Text is null ? FrameHistory.None : commentTextHeap.Add(c.Text));
        commentActivity.Add(c.ActivityId is null ? 0 : activityText.Add(c.ActivityId) + 1);
        return commentText.Count - 1;
    }
}
