using System;
using System.Globalization;
using NodaTime;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

public sealed partial record Deal
{
    // A new version of the deal with one more event: a copy of this one, changed in place before anyone sees it.
    internal Deal Append(DealEvent e)
    {
        var next = this with { };
        next.FoldIn(e);
        next.log = log.Append(e);
        return next;
    }

    // The one place that says what each event does to a deal; Apply, FromEvents and AsOf all go through it. It changes
    // this deal in place, so it runs only on a deal no caller holds yet: Append's copy, or the deal FromEvents builds.
    // Its log is the caller's business.
    private void FoldIn(DealEvent e)
    {
        switch (e)
        {
            case StageMoved m:
                EnterStage(m.ToStageId, m.At);
                LastOpenStageId = m.ToStageId;
                break;
            case ExitCriterionAnswered a:
                answered = Insert(answered, a.CriterionId);
                break;
            case ExitCriterionWithdrawn w:
                answered = Remove(answered, w.CriterionId);
                break;
            case AmountChanged a:
                Amount = a.Amount;
                break;
            case ExpectedCloseChanged c:
                ExpectedClose = c.ExpectedClose;
                break;
            case ProbabilityOverridden p:
                (ProbabilityOverride, ProbabilityOverrideSource) = (p.Probability, p.Source);
                break;
            case ProbabilityOverrideCleared:
                (ProbabilityOverride, ProbabilityOverrideSource) = (null, null);
                break;
            case CategoryOverridden c:
                CategoryOverride = c.Category;
                break;
            case CategoryOverrideCleared:
                CategoryOverride = null;
                break;
            case OwnerReassigned o:
                (Owner, InPoolSince) = (o.Owner, null);
                break;
            case DealAssignedToPool p:
                (Owner, Team, InPoolSince) = (null, p.TeamId, p.At);
                break;
            case CustomerChanged c:
                Customer = c.Customer;
                break;
            case CommentAdded c:
                comments = [.. comments, new DealComment(c.At, c.By, c.Text, c.ActivityId)];
                break;
            case DealStopped s:
                Stay = Stay.Stop(s.At);
                (Status, StopReason) = (DealStatus.Stopped, s.Reason);
                break;
            case DealResumed r:
                LastOpenStageId = Stay.ResumesIn(r.StageId) ? LastOpenStageId : r.StageId;
                Stay =
                    Stay.Resume(r.StageId, r.At)
                    ?? throw new InvalidOperationException("The deal resumes in its stage without having stopped.");
                (Status, StopReason) = (DealStatus.Open, null);
                break;
            case DealWon w:
                EnterStage(w.StageId, w.At);
                (Status, ClosedAt) = (DealStatus.Won, w.At);
                break;
            case DealLost l:
                EnterStage(l.StageId, l.At); // a deal lost while stopped is stopped no more
                (StopReason, Status, ClosedAt) = (null, DealStatus.Lost, l.At);
                (LossReason, Competitor) = (l.Reason, l.Competitor);
                competitors = l.Competitor is null ? competitors : Insert(competitors, l.Competitor);
                break;
            case CompetitorNoted c:
                competitors = Insert(competitors, c.Competitor);
                break;
            case DealReopened r:
                EnterStage(r.StageId, r.At);
                LastOpenStageId = r.StageId;
                (Status, ClosedAt, LossReason, Competitor) = (DealStatus.Open, null, null, null);
                break;
            default:
                throw new ArgumentException($"Unknown deal event type {e.GetType().Name}.", nameof(e));
        }
    }

    // A new stay: in the stage since `at`, with no pause yet, not stopped.
    private void EnterStage(string stageId, Instant at) => Stay = StageStay<string>.Enter(stageId, at);

    // The deal's stay in its stage, in the fields that show it (StageStay is the rule the frame's health checks share).
    private StageStay<string> Stay
    {
        get => new(StageId, StageEnteredAt, PausedInStage, StoppedAt);
        set => (StageId, StageEnteredAt, PausedInStage, StoppedAt) = (value.Stage, value.EnteredAt, value.Paused, value.StoppedAt);
    }

    // Structural rules of a history, checked when events come from outside (FromEvents): the same rules the commands
    // enforce on their arguments, and the lifecycle. Apply checks more, with the pipeline.
    private string? CheckCanFold(DealEvent e)
    {
        if (e is DealCreated or DealImported)
        {
            return "a deal is created only once.";
        }
        if (e.DealId != Id)
        {
            return $"it belongs to deal {e.DealId}, not {Id}.";
        }
        if (Preconditions.InstantProblem(e.At) is { } outOfRange)
        {
            return outOfRange;
        }
        if (e.At < LastEventAt)
        {
            return $"it is dated before the previous event ({LastEventAt}).";
        }
        if (string.IsNullOrWhiteSpace(e.By))
        {
            return "it names no actor.";
        }
        if (e.Cause is not null && string.IsNullOrWhiteSpace(e.Cause))
        {
            return "its cause is empty (null when there is none).";
        }
        return e switch
        {
            ExpectedCloseChanged c when Preconditions.DateProblem(c.ExpectedClose) is { } date => date,
            DealReopened when !IsClosed => $"the deal is {Status.ToString().ToLowerInvariant()}, so it cannot be reopened.",
            DealReopened r when string.IsNullOrWhiteSpace(r.StageId) => "it names no stage to reopen into.",
            DealReopened => null,
            OwnerReassigned o when string.IsNullOrWhiteSpace(o.Owner) => "the new owner is empty.",
            OwnerReassigned => null,
            DealAssignedToPool p when p.TeamId is not null && string.IsNullOrWhiteSpace(p.TeamId) => "the pool's team id is empty.",
            DealAssignedToPool when IsClosed => $"the deal is {Status.ToString().ToLowerInvariant()}; a decided deal keeps its owner.",
            DealAssignedToPool p when IsInPool && p.TeamId == Team => "the deal is already in that pool.",
            DealAssignedToPool => null,
            CustomerChanged c when c.Customer is null || Customer.Problem(c.Customer) is not null => "the customer is missing or empty.",
            CustomerChanged => null,
            CommentAdded c when string.IsNullOrWhiteSpace(c.Text) => "the comment is empty.",
            CommentAdded c when c.ActivityId is not null && string.IsNullOrWhiteSpace(c.ActivityId) => "the activity id is empty.",
            CommentAdded => null,
            DealStopped when !IsOpen => $"the deal is {Status.ToString().ToLowerInvariant()}; only an open deal can be stopped.",
            DealStopped s when s.Reason is null => "a stopped deal needs a stop reason.",
            DealStopped => null,
            DealResumed when Status != DealStatus.Stopped =>
                $"the deal is {Status.ToString().ToLowerInvariant()}, not stopped, so it cannot be resumed.",
            DealResumed r when string.IsNullOrWhiteSpace(r.StageId) => "it names no stage to resume in.",
            DealResumed => null,
            DealWon or DealLost when IsInPool => "the deal waits in a pool without an owner; a rep is assigned before it is won or lost.",
            DealLost when Status == DealStatus.Stopped => CheckLostFromStopped((DealLost)e),
            StageMoved
            or ExitCriterionAnswered
            or ExitCriterionWithdrawn
            or AmountChanged
            or ExpectedCloseChanged
            or ProbabilityOverridden
            or ProbabilityOverrideCleared
            or CategoryOverridden
            or CategoryOverrideCleared
            or DealWon
            or CompetitorNoted
            or DealLost when !IsOpen => Status == DealStatus.Stopped
                ? "the deal is stopped; resume it before changing it (a stopped deal can only be resumed, lost, reassigned, pooled or commented)."
                : $"the deal is {Status.ToString().ToLowerInvariant()}; only reassignment, pooling, comments and reopening change a closed deal.",
            StageMoved m => CheckMove(m),
            ExitCriterionAnswered a when string.IsNullOrWhiteSpace(a.CriterionId) => "it names no criterion.",
            ExitCriterionAnswered a when IsAnswered(a.CriterionId) => $"criterion \"{a.CriterionId}\" is already answered.",
            ExitCriterionWithdrawn w when w.CriterionId is null || !IsAnswered(w.CriterionId) =>
                $"criterion \"{w.CriterionId}\" was not answered.",
            AmountChanged a when a.Amount is null || a.Amount.IsNegative => "the amount is missing or negative.",
            ProbabilityOverridden p when p.Probability < 0m || p.Probability > 1m => string.Create(
                CultureInfo.InvariantCulture,
                $"the probability {p.Probability} is outside [0, 1]."
            ),
            ProbabilityOverridden p when p.Source is not (ValueSource.Manual or ValueSource.Model) =>
                $"an override's source is Manual or Model, not {p.Source}.",
            CategoryOverridden c when !Enum.IsDefined(c.Category) || c.Category == ForecastCategory.Closed =>
                $"a category override is Omitted, Pipeline, BestCase or Commit, not {c.Category}.",
            DealWon w when string.IsNullOrWhiteSpace(w.StageId) || w.StageId == StageId =>
                $"it names stage \"{w.StageId}\", not a Won stage.",
            DealLost l when l.Reason is null => "a lost deal needs a loss reason.",
            DealLost l when string.IsNullOrWhiteSpace(l.StageId) || l.StageId == StageId =>
                $"it names stage \"{l.StageId}\", not a Lost stage.",
            DealLost l when l.Competitor is not null && string.IsNullOrWhiteSpace(l.Competitor) => "the competitor is empty.",
            CompetitorNoted c when string.IsNullOrWhiteSpace(c.Competitor) => "the competitor is empty.",
            CompetitorNoted c when HasCompetitor(c.Competitor) => $"competitor \"{c.Competitor}\" is already noted.",
            ExpectedCloseChanged
            or CompetitorNoted
            or ProbabilityOverridden
            or ProbabilityOverrideCleared
            or CategoryOverridden
            or CategoryOverrideCleared
            or ExitCriterionAnswered
            or ExitCriterionWithdrawn
            or AmountChanged
            or DealWon
            or DealLost => null,
            _ => $"{e.GetType().Name} is not a SalesPipeline deal event.",
        };
    }

    private string? CheckLostFromStopped(DealLost l) =>
        l.Reason is null ? "a lost deal needs a loss reason."
        : string.IsNullOrWhiteSpace(l.StageId) || l.StageId == StageId ? $"it names stage \"{l.StageId}\", not a Lost stage."
        : l.Competitor is not null && string.IsNullOrWhiteSpace(l.Competitor) ? "the competitor is empty."
        : null;

    private string? CheckMove(StageMoved m) =>
        m.FromStageId != StageId ? $"it moves from stage \"{m.FromStageId}\" but the deal is in \"{StageId}\"."
        : string.IsNullOrWhiteSpace(m.ToStageId) || m.ToStageId == m.FromStageId
            ? $"it moves to stage \"{m.ToStageId}\", which is not another stage."
        : !Enum.IsDefined(m.Direction) ? $"its direction {(int)m.Direction} is not Forward or Backward."
        : m.StagesSkipped < 0 || (m.Direction == MoveDirection.Backward && m.StagesSkipped != 0)
            ? $"it skips {m.StagesSkipped} stages, which a {m.Direction} move cannot."
        : null;

    // A stored DealCreated must satisfy what Deal.Open demands of its arguments.
    private static string? CheckCreated(DealCreated c) =>
        c.DealId.Value.Length == 0 ? "it has the default deal id."
        : (Preconditions.InstantProblem(c.At) ?? Preconditions.DateProblem(c.ExpectedClose)) is { } date ? date
        : string.IsNullOrWhiteSpace(c.By) ? "it names no actor."
        : c.Cause is not null && string.IsNullOrWhiteSpace(c.Cause) ? "its cause is empty (null when there is none)."
        : string.IsNullOrWhiteSpace(c.Pipeline) ? "it names no pipeline."
        : string.IsNullOrWhiteSpace(c.Name) ? "the deal has no name."
        : c.Owner is not null && string.IsNullOrWhiteSpace(c.Owner) ? "the owner is empty (null for a deal created in a pool)."
        : c.Team is not null && (c.Owner is not null || string.IsNullOrWhiteSpace(c.Team))
            ? "a team pool is named only for a deal created without an owner, and not empty."
        : string.IsNullOrWhiteSpace(c.StageId) ? "it names no stage."
        : c.Amount is null ? "the deal has no amount."
        : c.Amount.IsNegative ? $"the amount {c.Amount} is negative."
        : c.Product is not null && string.IsNullOrWhiteSpace(c.Product) ? $"its product \"{c.Product}\" is empty."
        : c.Customer is not null && Customer.Problem(c.Customer) is { } customer ? customer
        : null;

    // A stored DealImported must be a possible first observation: what DealCreated needs, a creation not after the
    // observation, and a loss reason exactly when the deal is lost.
    private static string? CheckImported(DealImported i) =>
        i.DealId.Value.Length == 0 ? "it has the default deal id."
        : (Preconditions.InstantProblem(i.At) ?? Preconditions.InstantProblem(i.CreatedAt) ?? Preconditions.DateProblem(i.ExpectedClose))
            is { } date
            ? date
        : string.IsNullOrWhiteSpace(i.By) ? "it names no actor."
        : i.Cause is not null && string.IsNullOrWhiteSpace(i.Cause) ? "its cause is empty (null when there is none)."
        : string.IsNullOrWhiteSpace(i.Pipeline) ? "it names no pipeline."
        : string.IsNullOrWhiteSpace(i.Name) ? "the deal has no name."
        : i.Owner is not null && string.IsNullOrWhiteSpace(i.Owner) ? "the owner is empty (null for a deal observed in a pool)."
        : i.Owner is null && i.Status != DealStatus.Open
            ? $"a {i.Status.ToString().ToLowerInvariant()} deal has no owner; a decided deal keeps the owner it was decided under."
        : i.Team is not null && string.IsNullOrWhiteSpace(i.Team) ? "the team is empty (null for the company pool or none)."
        : i.InPoolSince is { } pooled && (i.Owner is not null || pooled < i.CreatedAt || pooled > i.At)
            ? $"its pool entry {pooled} is given only for a deal without an owner, between its creation ({i.CreatedAt}) and its first observation ({i.At})."
        : string.IsNullOrWhiteSpace(i.StageId) ? "it names no stage."
        : i.Amount is null ? "the deal has no amount."
        : i.Amount.IsNegative ? $"the amount {i.Amount} is negative."
        : i.CreatedAt > i.At ? $"the deal was created at {i.CreatedAt}, after it was first observed at {i.At}."
        : !Enum.IsDefined(i.Status) || i.Status == DealStatus.Stopped ? $"its status {i.Status} is not Open, Won or Lost."
        : (i.Status == DealStatus.Lost) != (i.LossReason is not null) ? "a loss reason is given exactly when the deal is lost."
        : i.Competitor is not null && (i.Status != DealStatus.Lost || string.IsNullOrWhiteSpace(i.Competitor))
            ? "a competitor is named only for a lost deal, and not empty."
        : i.Product is not null && string.IsNullOrWhiteSpace(i.Product) ? $"its product \"{i.Product}\" is empty."
        : i.Customer is not null && Customer.Problem(i.Customer) is { } customer ? customer
        : null;

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
