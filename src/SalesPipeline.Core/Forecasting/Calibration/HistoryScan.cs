using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Forecasting;

// Walks the deals' histories once and keeps what calibration needs: which open stages each closed deal reached, every
// stint in an open stage with how it ended (the chain), and the forecast in force when each stint of a closed deal began
// (the reliability table).
internal sealed partial class HistoryScan
{
    // Exit columns: 0..n-1 an open stage, n Won, n+1 Lost.
    private readonly PipelineDefinition pipeline;
    private readonly int stageCount;
    private readonly bool[] seen;
    private readonly string paramName;

    // paramName: the caller's parameter that holds the deals, named in the exceptions.
    internal HistoryScan(PipelineDefinition pipeline, string paramName)
    {
        this.pipeline = pipeline;
        this.paramName = paramName;
        stageCount = pipeline.OpenStages.Count;
        seen = new bool[stageCount];
        Reached = new int[stageCount];
        Won = new int[stageCount];
        Exits = new long[stageCount, stageCount + 2];
        DaysInEndedStints = new double[stageCount];
        TimedStints = new long[stageCount];
    }

    internal long[] TimedStints { get; }

    internal int[] Reached { get; }

    internal int[] Won { get; }

    internal long[,] Exits { get; }

    internal double[] DaysInEndedStints { get; }

    internal int ClosedDeals { get; private set; }

    internal int WonDeals { get; private set; }

    internal int OpenDeals { get; private set; }

    internal List<(decimal Probability, ValueSource Source, bool Won)> Forecasts { get; } = [];

    internal void Add(Deal deal)
    {
        if (!string.Equals(deal.Pipeline, pipeline.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Deal {deal.Id} belongs to pipeline \"{deal.Pipeline}\", not \"{pipeline.Name}\"; calibrate each pipeline with its own deals.",
                paramName
            );
        }
        // A stopped deal is not decided: it counts with the open deals, its current stint censored.
        var closed = deal.IsClosed;
        var won = deal.Status == DealStatus.Won;
        var events = deal.Events;
        Array.Clear(seen);

        // The deal as it stood right after each event (only needed for the forecasts of closed deals).
        Deal? state = closed ? Deal.FromEvents([events[0]]) : null;
        // An imported deal starts where it was first observed (earlier stages are unobserved, so not reached), or with no
        // open stage at all when it was imported as won or lost.
        var stage = events[0] switch
        {
            DealCreated c => StageIndex(deal, c.StageId),
            DealImported { Status: DealStatus.Open } i => StageIndex(deal, i.StageId),
            _ => -1,
        };
        var start = events[0].At;
        var truncated = events[0] is DealImported { StageEntryKnown: false };
        Instant? stoppedAt = null; // while stopped: the stint ended at the stop, its exit decided by what comes next
        if (stage >= 0)
        {
            StartStint(stage, state, won);
        }
        for (var i = 1; i < events.Count; i++)
        {
            var e = events[i];
            state = state?.Append(e);
            switch (e)
            {
                case StageMoved m:
                    var to = StageIndex(deal, m.ToStageId);
                    EndStint(stage, to, start, m.At, truncated);
                    (stage, truncated) = (to, false);
                    start = m.At;
                    StartStint(stage, state, won);
                    break;
                case DealWon w:
                    EndStint(stage, stageCount, start, w.At, truncated);
                    truncated = false;
                    stage = -1;
                    break;
                case DealStopped stop:
                    stoppedAt = stop.At;
                    break;
                case DealResumed r:
                {
                    // Paused time is no time in the stage: resumed where it stopped, the stay goes on with the pause
                    // cut out; resumed elsewhere, the stay ended at the stop with a move to the new stage.
                    var resumedIn = StageIndex(deal, r.StageId);
                    if (resumedIn == stage)
                    {
                        start += r.At - stoppedAt!.Value;
                    }
                    else
                    {
                        EndStint(stage, resumedIn, start, stoppedAt!.Value, truncated);
                        (stage, truncated, start) = (resumedIn, false, r.At);
                        StartStint(stage, state, won);
                    }
                    stoppedAt = null;
                    break;
                }
                case DealLost l:
                    EndStint(stage, stageCount + 1, start, stoppedAt ?? l.At, truncated);
                    stoppedAt = null;
                    truncated = false;
                    stage = -1;
                    break;
                case DealReopened r:
                    stage = StageIndex(deal, r.StageId);
                    start = r.At;
                    StartStint(stage, state, won);
                    break;
            }
        }
        // An open deal's current stint has not ended: it is censored and adds no exit.
        Count(closed, won);
    }

    // The deal's outcome, and the stages it reached (seen) for a closed one.
    private void Count(bool closed, bool won)
    {
        if (!closed)
        {
            OpenDeals++;
            return;
        }
        ClosedDeals++;
        if (won)
        {
            WonDeals++;
        }
        for (var s = 0; s < stageCount; s++)
        {
            if (seen[s])
            {
                Reached[s]++;
                if (won)
                {
                    Won[s]++;
                }
            }
        }
    }

    private void StartStint(int stage, Deal? state, bool won)
    {
        seen[stage] = true;
        if (state is not null)
        {
            var p = pipeline.WinProbabilityOf(state);
            Forecasts.Add((p.Value, p.Source, won));
        }
    }

    private void EndStint(int stage, int exit, Instant start, Instant end, bool truncated)
    {
        if (stage < 0)
        {
            return; // cannot happen in a valid history: a closed deal changes stage only by reopening
        }
        Exits[stage, exit]++;
        if (!truncated) // a left-truncated stint's length is unknown
        {
            DaysInEndedStints[stage] += (end - start).TotalDays;
            TimedStints[stage]++;
        }
    }

    private int StageIndex(Deal deal, string stageId) =>
        pipeline.TryGetStage(stageId, out var stage) && stage.IsOpen
            ? stage.Index
            : throw new ArgumentException(
                $"Deal {deal.Id} was in stage \"{stageId}\", which is not an open stage of pipeline \"{pipeline.Name}\".",
                paramName
            );
}
