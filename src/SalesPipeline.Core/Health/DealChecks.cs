using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Health;

// The checks of one open deal, as of the inspection's instant. A report holds hundreds of thousands of deals at risk,
// so the inspection only counts each deal's findings (a struct sink: nothing allocated), and the findings themselves
// are built when the report's lists are read, by the same checks run again on the same deal.
internal sealed class DealChecks(
    PipelineDefinition pipeline,
    HealthPolicy policy,
    ActivityIndex activities,
    Instant asOf,
    Duration[] rottingLimits,
    LocalDate today,
    Duration? typicalWonCycle
)
{
    // The checks of the open rows of a frame (those with no event after asOf), on its columns.
    internal FrameRowChecks For(DealFrame frame) =>
        new(frame, this, pipeline, policy, activities, asOf, rottingLimits, today, typicalWonCycle);

    internal int Count(Deal deal, int stageIndex)
    {
        var counter = new Counter();
        Run(deal, rottingLimits[stageIndex], ref counter);
        return counter.Count;
    }

    internal List<HealthFinding> Findings(Deal deal)
    {
        var builder = new Builder(new List<HealthFinding>(2), policy);
        Run(deal, rottingLimits[pipeline.GetStage(deal.StageId).Index], ref builder);
        return builder.Found;
    }

    private void Run<TSink>(Deal deal, Duration rottingLimit, ref TSink sink)
        where TSink : struct, ISink
    {
        var idle = asOf - activities.LastTouchOf(deal, asOf);
        if (idle > policy.StaleAfter)
        {
            sink.Days(deal, FindingKind.Stale, idle, policy.StaleAfter);
        }
        var inStage = asOf - deal.StageEnteredAt - deal.PausedInStage;
        if (inStage > rottingLimit)
        {
            sink.Days(deal, FindingKind.Rotting, inStage, rottingLimit);
        }
        var overdue = PeriodIndex.DayNumber(today) - PeriodIndex.DayNumber(deal.ExpectedClose);
        if (overdue > policy.PastExpectedCloseGraceDays)
        {
            sink.Number(deal, FindingKind.PastExpectedClose, overdue, policy.PastExpectedCloseGraceDays, HealthUnit.Days);
        }
        if (typicalWonCycle is { } cycle && asOf - deal.CreatedAt is var age && age > cycle)
        {
            sink.Days(deal, FindingKind.OlderThanTypicalCycle, age, cycle);
        }
        var pushes = Pushes(deal);
        if (pushes > policy.CloseDatePushLimit)
        {
            sink.Number(deal, FindingKind.CloseDatePushed, pushes, policy.CloseDatePushLimit, HealthUnit.Count);
        }
        if (deal.InPoolSince is { } pooled && asOf - pooled > policy.PoolWaitAfter)
        {
            sink.Pooled(deal, asOf - pooled);
        }
    }

    // A push is a change of the expected close date to a later date than the one before it; pulling the date in is
    // not a push and does not cancel one.
    internal static int Pushes(Deal deal)
    {
        var events = deal.Events;
        var close = deal.FirstExpectedClose;
        var pushes = 0;
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i] is ExpectedCloseChanged change)
            {
                pushes += change.ExpectedClose > close ? 1 : 0;
                close = change.ExpectedClose;
            }
        }
        return pushes;
    }

    internal static string PoolText(string? team, decimal days, decimal limit) =>
        $"Waiting in {(team is null ? "the company pool" : $"team {team}'s pool")} for {HealthText.DaysUp(days)} (limit {HealthText.DaysLimit(limit)}).";

    private interface ISink
    {
        void Days(Deal deal, FindingKind kind, Duration measured, Duration threshold);

        void Number(Deal deal, FindingKind kind, decimal measured, decimal threshold, HealthUnit unit);

        void Pooled(Deal deal, Duration waited);
    }

    private struct Counter : ISink
    {
        internal int Count;

        public void Days(Deal deal, FindingKind kind, Duration measured, Duration threshold) => Count++;

        public void Number(Deal deal, FindingKind kind, decimal measured, decimal threshold, HealthUnit unit) => Count++;

        public void Pooled(Deal deal, Duration waited) => Count++;
    }

    private readonly struct Builder(List<HealthFinding> found, HealthPolicy policy) : ISink
    {
        internal List<HealthFinding> Found => found;

        public void Days(Deal deal, FindingKind kind, Duration measured, Duration threshold) =>
            Number(deal, kind, HealthText.Days(measured), HealthText.Days(threshold), HealthUnit.Days);

        public void Number(Deal deal, FindingKind kind, decimal measured, decimal threshold, HealthUnit unit) =>
            found.Add(new HealthFinding(kind, HealthSubject.Deal, measured, threshold, unit, deal.Id, null, deal.StageId, deal.Owner));

        public void Pooled(Deal deal, Duration waited)
        {
            var (days, limit) = (HealthText.Days(waited), HealthText.Days(policy.PoolWaitAfter));
            found.Add(
                new HealthFinding(
                    FindingKind.WaitingInPool,
                    HealthSubject.Deal,
                    days,
                    limit,
                    HealthUnit.Days,
                    deal.Id,
                    stageId: deal.StageId,
                    text: PoolText(deal.Team, days, limit)
                )
            );
        }
    }
}
