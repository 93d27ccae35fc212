using System;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Forecasting;

internal sealed partial class HistoryScan
{
    // Scans every deal of the frame, as Add(deal) for each would, and returns true; or returns false and changes
    // nothing when it cannot prove the result identical (then the caller adds the frame's deals one by one, which gives
    // the result or the exception): a deal of another pipeline or a history through a stage that is not an open stage
    // (Add throws for them), instants finer than a tick (a stint's length is read from ticks), a resumption without a
    // stop, or a scan that already holds deals.
    //
    // It walks the frame's event table instead of folding a Deal per event: the win probability in force when a stint
    // begins depends only on the status, the stage and the probability override as of then, which the walk carries
    // (the override's value and source from the frame's OverrideEvents). Deals and events are taken in order, so the stint lengths
    // are added to the day totals in the same order as Add adds them (a double sum depends on it).
    internal bool TryAdd(DealFrame frame)
    {
        if (ClosedDeals + OpenDeals > 0 || !frame.Exactness.WholeTicks)
        {
            return false;
        }
        if (frame.Pipelines is not [var name] || !string.Equals(name, pipeline.Name, StringComparison.Ordinal))
        {
            return false;
        }
        var open = Array.ConvertAll(frame.Stages, id => pipeline.TryGetStage(id, out var stage) && stage.IsOpen ? stage : null);
        var overrides = frame.OverrideEvents;
        var nextOverride = 0; // rows and events are walked in order, so the n-th override event met is entry n
        for (var r = 0; r < frame.Count; r++)
        {
            if (!TryAdd(frame, r, open, overrides, ref nextOverride))
            {
                Reset();
                return false;
            }
        }
        return true;
    }

    private bool TryAdd(DealFrame frame, int row, Stage?[] open, ProbabilityOverrideEvents overrides, ref int nextOverride)
    {
        var status = (DealStatus)frame.Status[row];
        var closed = status is DealStatus.Won or DealStatus.Lost;
        var won = status == DealStatus.Won;
        Array.Clear(seen);
        var first = frame.EventStart[row];
        var end = frame.EventStart[row + 1];
        var firstKind = frame.EventKind[first];
        var imported = firstKind == FrameEventKind.Imported;
        var importedStatus = (DealStatus)(frame.EventAux[first] & ~DealFrame.ImportedStageEntryKnown);
        var stage = -1;
        if (firstKind == FrameEventKind.Created || (imported && importedStatus == DealStatus.Open))
        {
            if (open[frame.EventArg[first]] is not { } initial)
            {
                return false;
            }
            stage = initial.Index;
        }
        var start = frame.EventAt[first];
        var truncated = imported && (frame.EventAux[first] & DealFrame.ImportedStageEntryKnown) == 0;
        var stoppedAt = DealFrame.NoInstant; // while stopped: the stint ended at the stop
        // The deal as it stood after each event, as far as its win probability goes: stopped or not, and its override.
        var stopped = false;
        var probabilityOverride = -1; // an entry of overrides, or none
        if (stage >= 0)
        {
            StartStint(stage, closed, stopped, probabilityOverride, overrides, won);
        }
        for (var e = first + 1; e < end; e++)
        {
            var at = frame.EventAt[e];
            switch (frame.EventKind[e])
            {
                case FrameEventKind.StageMoved:
                    if (open[frame.EventArg[e]] is not { } to)
                    {
                        return false;
                    }
                    EndStint(stage, to.Index, start, at, truncated);
                    (stage, truncated, start) = (to.Index, false, at);
                    StartStint(stage, closed, stopped, probabilityOverride, overrides, won);
                    break;
                case FrameEventKind.Won:
                    EndStint(stage, stageCount, start, at, truncated);
                    (stage, truncated) = (-1, false);
                    break;
                case FrameEventKind.Stopped:
                    (stoppedAt, stopped) = (at, true);
                    break;
                case FrameEventKind.Resumed:
                    if (open[frame.EventArg[e]] is not { } resumed || stoppedAt == DealFrame.NoInstant)
                    {
                        return false;
                    }
                    stopped = false;
                    if (resumed.Index == stage)
                    {
                        start += at - stoppedAt;
                    }
                    else
                    {
                        EndStint(stage, resumed.Index, start, stoppedAt, truncated);
                        (stage, truncated, start) = (resumed.Index, false, at);
                        StartStint(stage, closed, stopped, probabilityOverride, overrides, won);
                    }
                    stoppedAt = DealFrame.NoInstant;
                    break;
                case FrameEventKind.Lost:
                    EndStint(stage, stageCount + 1, start, stoppedAt != DealFrame.NoInstant ? stoppedAt : at, truncated);
                    (stoppedAt, stopped, truncated, stage) = (DealFrame.NoInstant, false, false, -1);
                    break;
                case FrameEventKind.Reopened:
                    if (open[frame.EventArg[e]] is not { } reopened)
                    {
                        return false;
                    }
                    (stage, start) = (reopened.Index, at);
                    StartStint(stage, closed, stopped, probabilityOverride, overrides, won);
                    break;
                case FrameEventKind.ProbabilityOverridden:
                    probabilityOverride = nextOverride++;
                    break;
                case FrameEventKind.ProbabilityOverrideCleared:
                    probabilityOverride = -1;
                    break;
            }
        }
        Count(closed, won);
        return true;
    }

    // StartStint's forecast, from the walk's state instead of a folded deal: WinProbabilityOf of a deal in an open
    // stage (every stint is in one) is 0 while stopped, else its override, else the stage's probability.
    private void StartStint(int stage, bool closed, bool stopped, int probabilityOverride, ProbabilityOverrideEvents overrides, bool won)
    {
        seen[stage] = true;
        if (!closed)
        {
            return;
        }
        var (probability, source) =
            stopped ? (0m, ValueSource.Status)
            : probabilityOverride >= 0 ? (overrides.Probability[probabilityOverride], overrides.Source[probabilityOverride])
            : (pipeline.OpenStages[stage].Probability, ValueSource.StageDefault);
        Forecasts.Add((probability, source, won));
    }

    private void EndStint(int stage, int exit, long start, long end, bool truncated) =>
        EndStint(stage, exit, Instant.FromUnixTimeTicks(start), Instant.FromUnixTimeTicks(end), truncated);

    private void Reset()
    {
        Array.Clear(Reached);
        Array.Clear(Won);
        Array.Clear(Exits);
        Array.Clear(DaysInEndedStints);
        Array.Clear(TimedStints);
        Forecasts.Clear();
        (ClosedDeals, WonDeals, OpenDeals) = (0, 0, 0);
    }
}
