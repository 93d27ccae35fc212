namespace SalesPipeline.Health;

/// <summary>The warning signs <see cref="PipelineHealth.Inspect(System.Collections.Generic.IEnumerable{Deals.Deal}, Pipelines.PipelineDefinition, NodaTime.Instant, HealthPolicy?)"/> looks for.</summary>
/// <remarks>The order of the values is the order findings about one subject are listed in.</remarks>
public enum FindingKind
{
    /// <summary>An open deal with no touch (event or activity) for longer than <see cref="HealthPolicy.StaleAfter"/>.</summary>
    Stale = 1,

    /// <summary>An open deal in its current stage for longer than the stage's rotting limit.</summary>
    Rotting = 2,

    /// <summary>An open deal whose expected close date passed more than <see cref="HealthPolicy.PastExpectedCloseGraceDays"/> days ago.</summary>
    PastExpectedClose = 3,

    /// <summary>An open deal older than the typical won cycle.</summary>
    OlderThanTypicalCycle = 4,

    /// <summary>An open deal whose close date was pushed out more than <see cref="HealthPolicy.CloseDatePushLimit"/> times.</summary>
    CloseDatePushed = 5,

    /// <summary>A stage holding too large a share (or too many) of the open deals.</summary>
    CrowdedStage = 6,

    /// <summary>Too large a share of the open deals in the late stages at once.</summary>
    LateStagePileUp = 7,

    /// <summary>Too little open pipeline to reach the remaining target at the given win rate.</summary>
    LowCoverage = 8,

    /// <summary>An open lead untouched for longer than <see cref="HealthPolicy.LeadUntouchedAfter"/>.</summary>
    UntouchedLead = 9,

    /// <summary>
    /// An open deal or open lead waiting in a pool (no owner) for longer than <see cref="HealthPolicy.PoolWaitAfter"/>
    /// since it entered the pool.
    /// </summary>
    WaitingInPool = 10,
}
