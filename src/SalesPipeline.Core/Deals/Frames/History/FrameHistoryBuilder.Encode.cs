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
            // The frame's entry, then this history's payload where the frame's leaves 0 (see EventTable).
            var (kind, arg, aux) = EventTable.Entry(ev, stages);
            switch (ev)
            {
                case ExitCriterionAnswered a:
                    arg = criteria.Code(a.CriterionId);
                    break;
                case ExitCriterionWithdrawn w:
                    arg = criteria.Code(w.CriterionId);
                    break;
                case AmountChanged a:
                    arg = changedAmounts.Add(a.Amount.Amount, currencies.Code(a.Amount.Currency));
                    break;
                case ExpectedCloseChanged c:
                    Odd(e, arg, c.ExpectedClose);
                    break;
                case ProbabilityOverridden p:
                    (arg, aux) = (Probability(p.Probability), (byte)p.Source);
                    break;
                case CategoryOverridden c:
                    arg = (int)c.Category;
                    break;
                case OwnerReassigned o:
                    arg = owners.Code(o.Owner);
                    break;
                case DealLost l:
                    aux = LossAux(e, (l.Reason is null ? FrameHistory.None : lossReasons.Code(l.Reason), Competitor(l.Competitor)));
                    break;
                case CompetitorNoted c:
                    arg = competitors.Code(c.Competitor);
                    break;
                case CustomerChanged c:
                    arg = c.Customer is null ? FrameHistory.None : customers.Code(c.Customer);
                    break;
                case DealStopped s:
                    arg = s.Reason is null ? FrameHistory.None : stopReasons.Code(s.Reason);
                    break;
                case DealAssignedToPool p:
                    arg = p.TeamId is null ? FrameHistory.None : teams.Code(p.TeamId);
                    break;
                case CommentAdded c:
                    arg = Comment(c);
                    break;
            }
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
            AddEvent(e, ev, kind, arg, aux);
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
        var (kind, arg, aux) = EventTable.Entry(first, stages);
        headClose.Add(Odd(e, FrameHistory.DayOrNone(close), close));
        AddEvent(e, first, kind, arg, aux);
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

    // A day number as the table holds it; the date itself, beside it, when a day number cannot hold it.
    private int Odd(int e, int day, LocalDate date)
    {
        if (day == FrameHistory.None)
        {
            oddDates.Add(e, date);
        }
        return day;
    }

    // A loss's reason and competitor: one of the first 255 distinct pairs as its code plus one in EventAux, any other
    // in Losses (EventAux 0).
    private byte LossAux(int e, (int Reason, int Competitor) pair)
    {
        if (lossPairs.TryCode(pair, byte.MaxValue, out var code))
        {
            return (byte)(code + 1);
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
        return probabilities.Code((bits[0], bits[1], bits[2], bits[3]));
    }

    private int Comment(CommentAdded c)
    {
        commentText.Add(c.Text is null ? FrameHistory.None : commentTextHeap.Add(c.Text));
        commentActivity.Add(c.ActivityId is null ? 0 : activityText.Add(c.ActivityId) + 1);
        return commentText.Count - 1;
    }
}
