using System.Collections.Generic;
using NodaTime;

namespace SalesPipeline.Deals;

// A deal's stay in its stage as its events fold in: the stage, when the deal entered it, how long it has been paused
// there, and since when it has been stopped (null when it is not). The one statement of the rule that Deal.FoldIn
// applies to a deal and FrameRowChecks to a frame's event table (TStage: a stage id there, a stage code here), so that
// a change to it reaches both.
internal readonly record struct StageStay<TStage>(TStage Stage, Instant EnteredAt, Duration Paused, Instant? StoppedAt)
{
    // A creation, a move, a win, a loss, a reopening or a resumption in another stage: a new stay, no pause, not stopped.
    internal static StageStay<TStage> Enter(TStage stage, Instant at) => new(stage, at, Duration.Zero, null);

    internal StageStay<TStage> Stop(Instant at) => this with { StoppedAt = at };

    // Resumed where it stopped, the deal never left its stage: the stay goes on, less the pause (the rotting check and
    // the stints agree). Resumed elsewhere, it enters that stage now. Null for a resumption in place with no stop to
    // end, which no checked history holds.
    internal StageStay<TStage>? Resume(TStage stage, Instant at) =>
        !ResumesIn(stage) ? Enter(stage, at)
        : StoppedAt is { } stopped ? this with { Paused = Paused + (at - stopped), StoppedAt = null }
        : null;

    // Whether resuming in `stage` continues this stay rather than entering a new one.
    internal bool ResumesIn(TStage stage) => EqualityComparer<TStage>.Default.Equals(stage, Stage);
}
