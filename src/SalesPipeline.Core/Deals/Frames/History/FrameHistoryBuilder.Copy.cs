using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

internal sealed partial class FrameHistoryBuilder
{
    // Appends row `row` of a built history as the next row without making its deal: column for column what
    // Append(source.DealAt(row)) appends. Codes are re-coded into this builder's dictionaries in the order Encode meets
    // them (the head's amount before the changed ones, events in order), so currencies, probabilities and the loss pairs
    // EventAux codes get the codes the deal would give them; text is copied as its bytes.
    internal void Append(FrameHistory source, int row)
    {
        Preconditions.CheckNotNull(source);
        CheckOpen();
        Preconditions.CheckIndex(row, source.Count, nameof(row));
        var from = source.EventStart[row];
        var first = eventAt.Count;
        idOffset.Add(idText.Copy(source.IdText, source.IdOffset[row]));
        CopyHead(source, row, from, first);
        for (var s = from + 1; s < source.EventStart[row + 1]; s++)
        {
            CopyEvent(source, s, first + s - from);
        }
        eventStart.Add(eventAt.Count);
    }

    private void CopyHead(FrameHistory source, int row, int s, int e)
    {
        var to = Count - 1;
        if (source.ImportCreatedAt.TryGet(row, out var created))
        {
            importCreatedAt.Add(to, created);
        }
        if (source.ImportCreatedSubTicks.TryGet(row, out var createdNs))
        {
            importCreatedSubTicks.Add(to, createdNs);
        }
        if (source.ImportInPoolSince.TryGet(row, out var pooled))
        {
            importInPoolSince.Add(to, pooled);
        }
        if (source.Losses.TryGet(s, out var loss))
        {
            losses.Add(e, Loss(source, loss));
        }
        nameOffset.Add(nameText.Copy(source.NameText, source.NameOffset[row]));
        headPipeline.Add(pipelines.CodeOf(source.Pipelines, source.HeadPipeline[row]));
        headOwner.Add(OptionalCodeOf(owners, source.Owners, source.HeadOwner[row]));
        headTeam.Add(OptionalCodeOf(teams, source.Teams, source.HeadTeam[row]));
        headSource.Add(OptionalCodeOf(sources, source.Sources, source.HeadSource[row]));
        headProduct.Add(OptionalCodeOf(products, source.Products, source.HeadProduct[row]));
        headCustomer.Add(OptionalCodeOf(customers, source.Customers, source.HeadCustomer[row]));
        headLead.Add(source.HeadLead[row] is var lead and > 0 ? leadText.Copy(source.LeadText, lead - 1) + 1 : 0);
        headAmount.Add(source.HeadAmount.Amount(row), currencies.CodeOf(source.Currencies, source.HeadAmount.Currency[row]));
        headClose.Add(source.HeadClose[row]);
        CopyOddDate(source, s, e);
        CopyEvent(source, s, e, stages.CodeOf(source.Stages, source.EventArg[s]), source.EventAux[s]);
    }

    // An event after the first: its payload re-coded as Encode codes it.
    private void CopyEvent(FrameHistory source, int s, int e)
    {
        var kind = source.EventKind[s];
        var arg = source.EventArg[s];
        var aux = source.EventAux[s];
        switch (kind)
        {
            case FrameEventKind.StageMoved:
                if (source.MovedFrom.TryGet(s, out var movedFromStage))
                {
                    movedFrom.Add(e, movedFromStage);
                }
                if (source.Skips.TryGet(s, out var skipped))
                {
                    skips.Add(e, skipped);
                }
                arg = stages.CodeOf(source.Stages, arg);
                break;
            case FrameEventKind.Lost:
                arg = stages.CodeOf(source.Stages, arg);
                var pair =
                    aux > 0 ? source.LossPairs[aux - 1]
                    : source.Losses.TryGet(s, out var wide) ? wide
                    : default;
                aux = LossAux(e, Loss(source, pair));
                break;
            case FrameEventKind.Won or FrameEventKind.Reopened or FrameEventKind.Resumed:
                arg = stages.CodeOf(source.Stages, arg);
                break;
            case FrameEventKind.ExitCriterionAnswered or FrameEventKind.ExitCriterionWithdrawn:
                arg = criteria.CodeOf(source.Criteria, arg);
                break;
            case FrameEventKind.AmountChanged:
                arg = changedAmounts.Add(
                    source.ChangedAmounts.Amount(arg),
                    currencies.CodeOf(source.Currencies, source.ChangedAmounts.Currency[arg])
                );
                break;
            case FrameEventKind.ExpectedCloseChanged:
                CopyOddDate(source, s, e);
                break;
            case FrameEventKind.ProbabilityOverridden:
                arg = Probability(source.Probabilities[arg]);
                break;
            case FrameEventKind.OwnerReassigned:
                arg = owners.CodeOf(source.Owners, arg);
                break;
            case FrameEventKind.CompetitorNoted:
                arg = competitors.CodeOf(source.Competitors, arg);
                break;
            case FrameEventKind.CustomerChanged:
                arg = arg == FrameHistory.None ? arg : customers.CodeOf(source.Customers, arg);
                break;
            case FrameEventKind.Stopped:
                arg = arg == FrameHistory.None ? arg : stopReasons.CodeOf(source.StopReasons, arg);
                break;
            case FrameEventKind.AssignedToPool:
                arg = arg == FrameHistory.None ? arg : teams.CodeOf(source.Teams, arg);
                break;
            case FrameEventKind.CommentAdded:
                var text = source.CommentText[arg];
                commentText.Add(text == FrameHistory.None ? text : commentTextHeap.Copy(source.CommentTextHeap, text));
                var activity = source.CommentActivity[arg];
                commentActivity.Add(activity > 0 ? activityText.Copy(source.ActivityText, activity - 1) + 1 : 0);
                arg = commentText.Count - 1;
                break;
        }
        CopyEvent(source, s, e, arg, aux);
    }

    // The event's row of the table and what every event carries beside it (AddEvent's columns), from source event `s`.
    private void CopyEvent(FrameHistory source, int s, int e, int arg, byte aux)
    {
        eventAt.Add(source.EventAt[s]);
        if (source.SubTicks.TryGet(s, out var ns))
        {
            subTicks.Add(e, ns);
        }
        eventKind.Add(source.EventKind[s]);
        eventArg.Add(arg);
        eventAux.Add(aux);
        eventBy.Add(OptionalCodeOf(actors, source.Actors, source.EventBy[s]));
        if (source.Causes.TryGet(s, out var cause))
        {
            causes.Add(e, causeText.Copy(source.CauseText, cause));
        }
    }

    private void CopyOddDate(FrameHistory source, int s, int e)
    {
        if (source.OddDates.TryGet(s, out var date))
        {
            oddDates.Add(e, date);
        }
    }

    // A loss's reason and competitor codes of the source, as this builder's.
    private (int, int) Loss(FrameHistory source, (int Reason, int Competitor) loss) =>
        (
            loss.Reason == FrameHistory.None ? loss.Reason : lossReasons.CodeOf(source.LossReasons, loss.Reason),
            loss.Competitor == FrameHistory.None ? loss.Competitor : competitors.CodeOf(source.Competitors, loss.Competitor)
        );

    // A code plus one of the source (0: none), as this builder's code plus one.
    private static int OptionalCodeOf<T>(HistoryCodes<T> codes, T[] values, int code)
        where T : notnull => code > 0 ? codes.CodeOf(values, code - 1) + 1 : 0;
}
