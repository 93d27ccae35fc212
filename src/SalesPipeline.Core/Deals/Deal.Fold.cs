using System;

namespace SalesPipeline.Deals;

public sealed partial record Deal
{
    // The one place that says what each event does to a deal; Apply, FromEvents and AsOf all go through it.
    internal Deal Append(DealEvent e)
    {
        var next = e switch
        {
            StageMoved m => this with { StageId = m.ToStageId, LastOpenStageId = m.ToStageId, StageEnteredAt = m.At },
            ExitCriterionAnswered a => this with { answered = Insert(answered, a.CriterionId) },
            ExitCriterionWithdrawn w => this with { answered = Remove(answered, w.CriterionId) },
            AmountChanged a => this with { Amount = a.Amount },
            ExpectedCloseChanged c => this with { ExpectedClose = c.ExpectedClose },
            ProbabilityOverridden p => this with { ProbabilityOverride = p.Probability, ProbabilityOverrideSource = p.Source },
            ProbabilityOverrideCleared => this with { ProbabilityOverride = null, ProbabilityOverrideSource = null },
            CategoryOverridden c => this with { CategoryOverride = c.Category },
            CategoryOverrideCleared => this with { CategoryOverride = null },
            OwnerReassigned o => this with { Owner = o.Owner },
            DealWon w => this with { Status = DealStatus.Won, StageId = w.StageId, StageEnteredAt = w.At, ClosedAt = w.At },
            DealLost l => this with
            {
                Status = DealStatus.Lost,
                StageId = l.StageId,
                StageEnteredAt = l.At,
                ClosedAt = l.At,
                LossReason = l.Reason,
                Competitor = l.Competitor,
            },
            DealReopened r => this with
            {
                Status = DealStatus.Open,
                StageId = r.StageId,
                LastOpenStageId = r.StageId,
                StageEnteredAt = r.At,
                ClosedAt = null,
                LossReason = null,
                Competitor = null,
            },
            _ => throw new ArgumentException($"Unknown deal event type {e.GetType().Name}.", nameof(e)),
        };
        next.log = log.Append(e);
        return next;
    }

    // Structural rules of a history, checked when events come from outside (FromEvents); Apply checks more, with the pipeline.
    private string? CheckCanFold(DealEvent e)
    {
        if (e is DealCreated)
        {
            return "a deal is created only once.";
        }
        if (e.DealId != Id)
        {
            return $"it belongs to deal {e.DealId}, not {Id}.";
        }
        if (e.At < LastEventAt)
        {
            return $"it is dated before the previous event ({LastEventAt}).";
        }
        if (string.IsNullOrWhiteSpace(e.By))
        {
            return "it names no actor.";
        }
        return e switch
        {
            DealReopened when IsOpen => "the deal is open, so it cannot be reopened.",
            DealReopened => null,
            OwnerReassigned o when string.IsNullOrWhiteSpace(o.Owner) => "the new owner is empty.",
            OwnerReassigned => null,
            _ when !IsOpen => $"the deal is {Status.ToString().ToLowerInvariant()}; only reassignment and reopening change a closed deal.",
            StageMoved m when m.FromStageId != StageId => $"it moves from stage \"{m.FromStageId}\" but the deal is in \"{StageId}\".",
            ExitCriterionWithdrawn w when !IsAnswered(w.CriterionId) => $"criterion \"{w.CriterionId}\" was not answered.",
            AmountChanged a when a.Amount is null || a.Amount.IsNegative => "the amount is missing or negative.",
            ProbabilityOverridden p when p.Probability < 0m || p.Probability > 1m => "the probability is outside [0, 1].",
            DealLost l when l.Reason is null => "a lost deal needs a loss reason.",
            _ => null,
        };
    }

    private static string[] Insert(string[] sorted, string value)
    {
        var index = Array.BinarySearch(sorted, value, StringComparer.Ordinal);
        if (index >= 0)
        {
            return sorted;
        }
        index = ~index;
        var result = new string[sorted.Length + 1];
        Array.Copy(sorted, result, index);
        result[index] = value;
        Array.Copy(sorted, index, result, index + 1, sorted.Length - index);
        return result;
    }

    private static string[] Remove(string[] sorted, string value)
    {
        var index = Array.BinarySearch(sorted, value, StringComparer.Ordinal);
        if (index < 0)
        {
            return sorted;
        }
        var result = new string[sorted.Length - 1];
        Array.Copy(sorted, result, index);
        Array.Copy(sorted, index + 1, result, index, sorted.Length - index - 1);
        return result;
    }
}
