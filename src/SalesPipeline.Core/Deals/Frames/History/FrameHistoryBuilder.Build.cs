namespace SalesPipeline.Deals;

internal sealed partial class FrameHistoryBuilder
{
    // The history of every deal appended, in append order. The dictionaries are sealed (strings in ordinal order) and
    // every code renumbered; the builder is spent.
    internal FrameHistory Build()
    {
        CheckOpen();
        built = true;
        var (stageValues, stageRemap) = stages.Seal();
        var (criterionValues, criterionRemap) = criteria.Seal();
        var (ownerValues, ownerRemap) = owners.Seal();
        var (competitorValues, competitorRemap) = competitors.Seal();
        var (stopValues, stopRemap) = stopReasons.Seal();
        var (teamValues, teamRemap) = teams.Seal();
        var (customerValues, customerRemap) = customers.Seal();
        var (lossValues, lossRemap) = lossReasons.Seal();
        var (actorValues, actorRemap) = actors.Seal();
        var (pipelineValues, pipelineRemap) = pipelines.Seal();
        var (sourceValues, sourceRemap) = sources.Seal();
        var (productValues, productRemap) = products.Seal();
        for (var e = 0; e < eventArg.Count; e++)
        {
            var remap = eventKind[e] switch
            {
                FrameEventKind.ExitCriterionAnswered or FrameEventKind.ExitCriterionWithdrawn => criterionRemap,
                FrameEventKind.OwnerReassigned => ownerRemap,
                FrameEventKind.CompetitorNoted => competitorRemap,
                FrameEventKind.Stopped => stopRemap,
                FrameEventKind.AssignedToPool => teamRemap,
                FrameEventKind.CustomerChanged => customerRemap,
                var kind when FrameHistory.HasStage(kind) => stageRemap,
                _ => null,
            };
            if (remap is not null && eventArg[e] >= 0)
            {
                eventArg[e] = remap[eventArg[e]];
            }
        }
        (int, int) Loss((int Reason, int Competitor) loss) =>
            (
                loss.Reason < 0 ? loss.Reason : lossRemap[loss.Reason],
                loss.Competitor < 0 ? loss.Competitor : competitorRemap[loss.Competitor]
            );
        losses.Update(Loss);
        var pairs = lossPairs.Seal().Values;
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = Loss(pairs[i]);
        }
        HistoryCodes<string>.ApplyOptional(eventBy, actorRemap);
        HistoryCodes<string>.Apply(headPipeline, pipelineRemap);
        HistoryCodes<string>.ApplyOptional(headOwner, ownerRemap);
        HistoryCodes<string>.ApplyOptional(headTeam, teamRemap);
        HistoryCodes<string>.ApplyOptional(headSource, sourceRemap);
        HistoryCodes<string>.ApplyOptional(headProduct, productRemap);
        HistoryCodes<string>.ApplyOptional(headCustomer, customerRemap);
        return new FrameHistory
        {
            EventStart = [.. eventStart],
            EventAt = [.. eventAt],
            EventKind = [.. eventKind],
            EventArg = [.. eventArg],
            EventAux = [.. eventAux],
            EventBy = CodeColumn.Of(eventBy),
            SubTicks = subTicks.Build(),
            Causes = causes.Build(),
            Skips = skips.Build(),
            MovedFrom = movedFrom.Build(),
            OddDates = oddDates.Build(),
            Losses = losses.Build(),
            LossPairs = pairs,
            ChangedAmounts = changedAmounts.Build(),
            CommentText = [.. commentText],
            CommentActivity = CodeColumn.Of(commentActivity),
            IdOffset = [.. idOffset],
            NameOffset = CodeColumn.Of(nameOffset),
            HeadPipeline = CodeColumn.Of(headPipeline),
            HeadOwner = CodeColumn.Of(headOwner),
            HeadTeam = CodeColumn.Of(headTeam),
            HeadSource = CodeColumn.Of(headSource),
            HeadProduct = CodeColumn.Of(headProduct),
            HeadCustomer = CodeColumn.Of(headCustomer),
            HeadLead = CodeColumn.Of(headLead),
            HeadAmount = headAmount.Build(),
            HeadClose = [.. headClose],
            ImportCreatedAt = importCreatedAt.Build(),
            ImportCreatedSubTicks = importCreatedSubTicks.Build(),
            ImportInPoolSince = importInPoolSince.Build(),
            Stages = stageValues,
            Actors = actorValues,
            Pipelines = pipelineValues,
            Owners = ownerValues,
            Teams = teamValues,
            Products = productValues,
            Criteria = criterionValues,
            Competitors = competitorValues,
            Sources = sourceValues,
            LossReasons = lossValues,
            StopReasons = stopValues,
            Customers = customerValues,
            Currencies = currencies.Seal().Values,
            Probabilities = [.. probabilityValues],
            IdText = idText.Build(),
            NameText = nameText.Build(),
            LeadText = leadText.Build(),
            CommentTextHeap = commentTextHeap.Build(),
            ActivityText = activityText.Build(),
            CauseText = causeText.Build(),
        };
    }
}
