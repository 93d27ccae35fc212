using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Health;

// DealChecks.Count for an open row of a frame whose deal has no event after the as-of instant, read off the columns:
// the row's state now is its state then, its last event is its own last touch, and one walk of its events gives its
// stay in the stage (entered, less the pauses since), its close-date pushes and when it entered its pool. What the
// columns cannot tell goes to DealChecks on the row's deal, so the count is the deal code's in every case: a close
// date outside the ISO calendar, a resume with no stop before it. A deal created or imported into a pool, with no
// owner event since, waits there since its first event put it there (FirstPoolEntry).
// One per frame and inspection; read-only, so the parts of a pass share it.
internal sealed class FrameRowChecks
{
    private readonly DealFrame frame;
    private readonly DealChecks checks;
    private readonly HealthPolicy policy;
    private readonly Instant asOf;
    private readonly Duration[] rottingLimits;
    private readonly int today;
    private readonly Duration? typicalWonCycle;
    private readonly int[] stageIndex; // frame stage code -> Stage.Index, -1 for a stage the pipeline lacks
    private readonly bool[] stageOpen;
    private readonly decimal[] stageProbability;
    private readonly bool[]? touched; // rows with an activity at or before asOf and no more than StaleAfter before it

    internal FrameRowChecks(
        DealFrame frame,
        DealChecks checks,
        PipelineDefinition pipeline,
        HealthPolicy policy,
        ActivityIndex activities,
        Instant asOf,
        Duration[] rottingLimits,
        LocalDate today,
        Duration? typicalWonCycle
    )
    {
        this.frame = frame;
        this.checks = checks;
        this.policy = policy;
        this.asOf = asOf;
        this.rottingLimits = rottingLimits;
        this.today = PeriodIndex.DayNumber(today);
        this.typicalWonCycle = typicalWonCycle;
        stageIndex = new int[frame.Stages.Length];
        stageOpen = new bool[frame.Stages.Length];
        stageProbability = new decimal[frame.Stages.Length];
        for (var c = 0; c < stageIndex.Length; c++)
        {
            var known = pipeline.TryGetStage(frame.Stages[c], out var stage);
            stageIndex[c] = known ? stage!.Index : -1;
            (stageOpen[c], stageProbability[c]) = known ? (stage!.IsOpen, stage.Probability) : (false, 0m);
        }
        touched = activities.Count > 0 ? Touched(frame, activities, asOf, policy.StaleAfter) : null;
    }

    internal int StageIndex(int row) => stageIndex[frame.Stage[row]];

    // PipelineTransitions.WinProbabilityOf of an open deal: its override in an open stage, else its stage's.
    internal decimal Probability(int row) =>
        stageOpen[frame.Stage[row]] && frame.ProbabilityOverride[row] is var o and >= 0
            ? frame.ProbabilityOverrides[o]
            : stageProbability[frame.Stage[row]];

    // The number of findings of the row's deal, as DealChecks.Count gives it.
    internal int Count(int row, int stage)
    {
        var kinds = frame.EventKind;
        var ats = frame.EventAt;
        var args = frame.EventArg;
        // Deal.FoldIn's rules for the fields the checks read: the stay in the stage (StageStay, the rule itself), the
        // close date, the pool.
        var stay = new StageStay<int>(DealFrame.NoCode, default, Duration.Zero, null);
        var (close, pushes) = (frame.FirstExpectedCloseDay[row], 0);
        var (pooled, ownerEvent) = ((Instant?)null, false);
        var end = frame.EventStart[row + 1];
        for (var e = frame.EventStart[row]; e < end; e++)
        {
            var at = ats[e];
            switch (kinds[e])
            {
                case FrameEventKind.Created
                or FrameEventKind.Imported
                or FrameEventKind.StageMoved
                or FrameEventKind.Won
                or FrameEventKind.Lost
                or FrameEventKind.Reopened:
                    stay = StageStay<int>.Enter(args[e], Instant.FromUnixTimeTicks(at));
                    break;
                case FrameEventKind.Stopped:
                    stay = stay.Stop(Instant.FromUnixTimeTicks(at));
                    break;
                case FrameEventKind.Resumed:
                    if (stay.Resume(args[e], Instant.FromUnixTimeTicks(at)) is not { } resumed)
                    {
                        return OnTheDeal(row, stage);
                    }
                    stay = resumed;
                    break;
                case FrameEventKind.ExpectedCloseChanged:
                    if (close < 0 || args[e] < 0)
                    {
                        return OnTheDeal(row, stage);
                    }
                    // A push is a change to a later date than the one before (DealChecks.Pushes).
                    pushes += args[e] > close ? 1 : 0;
                    close = args[e];
                    break;
                case FrameEventKind.AssignedToPool:
                    (pooled, ownerEvent) = (Instant.FromUnixTimeTicks(at), true);
                    break;
                case FrameEventKind.OwnerReassigned:
                    (pooled, ownerEvent) = (null, true);
                    break;
            }
        }
        var closeDay = frame.ExpectedCloseDay[row];
        if (closeDay < 0)
        {
            return OnTheDeal(row, stage);
        }
        pooled = ownerEvent ? pooled : FirstPoolEntry(row);
        var count = 0;
        // The last touch is the later of the last event and the last activity: stale when both are too long ago.
        count += asOf - Instant.FromUnixTimeTicks(ats[end - 1]) > policy.StaleAfter && touched?[row] != true ? 1 : 0;
        count += asOf - stay.EnteredAt - stay.Paused > rottingLimits[stage] ? 1 : 0;
        count += today - closeDay > policy.PastExpectedCloseGraceDays ? 1 : 0;
        count += typicalWonCycle is { } cycle && asOf - Instant.FromUnixTimeTicks(frame.CreatedAt[row]) > cycle ? 1 : 0;
        count += pushes > policy.CloseDatePushLimit ? 1 : 0;
        count += pooled is { } since && asOf - since > policy.PoolWaitAfter ? 1 : 0;
        return count;
    }

    // When the deal's first event put it in a pool, as Deal's constructors say: null when it named an owner (a rep
    // may be called "(unassigned)" too, so the owner key cannot tell), a created deal at its creation, an imported one
    // at its InPoolSince if given (the history holds it; a frame of deal objects has the deal, not decoded), else at
    // its creation. Exact instants: InPoolSince need not be a whole tick.
    private Instant? FirstPoolEntry(int row)
    {
        if (!frame.Fields.WasCreatedInPool(row))
        {
            return null;
        }
        var created = Instant.FromUnixTimeTicks(frame.CreatedAt[row]);
        if (frame.EventKind[frame.EventStart[row]] != FrameEventKind.Imported)
        {
            return created;
        }
        return frame.History is { } history
            ? history.ImportInPoolSince.TryGet(row, out var given)
                ? given
                : created
            : frame.DealAt(row).InPoolSince;
    }

    private int OnTheDeal(int row, int stage) => checks.Count(frame.DealAt(row), stage);

    // The activities joined to the rows by deal id: which rows an activity touched recently enough not to be stale.
    private static bool[] Touched(DealFrame frame, ActivityIndex activities, Instant asOf, Duration staleAfter)
    {
        var touched = new bool[frame.Count];
        var rowOf = frame.RowOfId;
        foreach (var (deal, latest) in activities.LatestAboutDeals(asOf))
        {
            if (asOf - latest <= staleAfter && rowOf.TryGetValue(deal, out var row))
            {
                touched[row] = true;
            }
        }
        return touched;
    }
}
