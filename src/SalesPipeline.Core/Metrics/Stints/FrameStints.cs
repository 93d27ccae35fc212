using System;
using System.Runtime.CompilerServices;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Metrics;

// A stint read off a frame: StageStints' Stint with the instants as Unix ticks (the frame's own unit).
internal readonly record struct FrameStint(int Stage, long Entered, long Left, StintExit Exit, int Next, bool Truncated = false)
{
    public bool IsOpen => Exit == StintExit.Open;

    public bool IsSkipped => Exit == StintExit.Skipped;
}

// StageStints.Extract over a frame's event table, line by line the same rules (see StageStints for them), so that a
// metric's frame kernel reads a history exactly as its deal code does. Where the deal code throws (a stage the
// pipeline has no open stage for), Extract returns Failed instead: a kernel never throws, it hands the frame back to
// the deal code, which then throws the very same exception. Stateless; thread-safe (each thread its own buffer).
internal static class FrameStints
{
    internal const int Failed = -1;

    // Frame stage code -> open stage index of the pipeline, or -1 (the frame's stage codes span every pipeline).
    internal static int[] Lookup(DealFrame frame, StageLookup stages)
    {
        var codes = new int[frame.Stages.Length];
        for (var c = 0; c < codes.Length; c++)
        {
            codes[c] = stages.IndexOf(frame.Stages[c]);
        }
        return codes;
    }

    // Whether every row belongs to the pipeline (StageStints throws for a row of another one).
    internal static bool OnePipeline(DealFrame frame, PipelineDefinition pipeline) =>
        frame.Pipelines is [var only] && string.Equals(only, pipeline.Name, StringComparison.Ordinal);

    // The row's stints up to `until` (ticks), oldest first, into the buffer; their count, or Failed where
    // StageStints.Extract would throw for a stage. The caller has checked the row's pipeline (OnePipeline) and, when
    // `until` is not MaxValue, that the frame's instants are whole ticks (so tick comparisons are instant ones).
    // Inlined into each kernel's row loop (with Passes and Add): called once per row, it would run unoptimized (tier 0)
    // until call counting promotes it, which comes late in a process that has just compiled other code (the funnel
    // took 3-5x its steady time in a process's first calls); inlined, it is optimized with the loop that calls it
    // (docs/performance.md, "Why the funnel was bimodal").
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Extract(DealFrame frame, int row, int[] stages, long until, ref FrameStint[] buffer)
    {
        var kinds = frame.EventKind;
        var ats = frame.EventAt;
        var args = frame.EventArg;
        var count = 0;
        var current = -1;
        var entered = 0L;
        var truncated = false; // the current stint is an imported deal's first, not seen entering
        var closed = -1; // the stint ended by the latest win or loss, until a reopen
        var stopped = -1; // the stint ended by the latest stop, until a resume or a loss
        var end = frame.EventStart[row + 1];
        for (var e = frame.EventStart[row]; e < end; e++)
        {
            var at = ats[e];
            if (at > until)
            {
                break;
            }
            switch (kinds[e])
            {
                case FrameEventKind.StageMoved:
                {
                    var target = stages[args[e]];
                    if (target < 0)
                    {
                        return Failed;
                    }
                    Add(ref buffer, ref count, new FrameStint(current, entered, at, StintExit.Moved, target, truncated));
                    Passes(ref buffer, ref count, current + 1, target, at);
                    (current, entered, truncated) = (target, at, false);
                    break;
                }
                case FrameEventKind.Stopped:
                    Add(ref buffer, ref count, new FrameStint(current, entered, at, StintExit.Stopped, -1, truncated));
                    stopped = count - 1;
                    (current, truncated) = (-1, false);
                    break;
                case FrameEventKind.Resumed:
                {
                    var target = stages[args[e]];
                    if (target < 0)
                    {
                        return Failed;
                    }
                    if (stopped >= 0)
                    {
                        var wasStopped = buffer[stopped];
                        buffer[stopped] = wasStopped with { Next = target };
                        Passes(ref buffer, ref count, wasStopped.Stage + 1, target, at);
                    }
                    (current, entered, stopped) = (target, at, -1);
                    break;
                }
                case FrameEventKind.Lost when stopped >= 0:
                    buffer[stopped] = buffer[stopped] with { Exit = StintExit.Lost };
                    (closed, stopped) = (stopped, -1);
                    break;
                case FrameEventKind.Won or FrameEventKind.Lost:
                    Add(
                        ref buffer,
                        ref count,
                        new FrameStint(current, entered, at, kinds[e] == FrameEventKind.Won ? StintExit.Won : StintExit.Lost, -1, truncated)
                    );
                    closed = count - 1;
                    (current, truncated) = (-1, false);
                    break;
                case FrameEventKind.Reopened:
                {
                    var target = stages[args[e]];
                    if (target < 0)
                    {
                        return Failed;
                    }
                    if (closed >= 0) // -1: imported as closed, so the stage it closed from is unknown
                    {
                        var wasClosed = buffer[closed];
                        buffer[closed] = wasClosed with { Next = target };
                        Passes(ref buffer, ref count, wasClosed.Stage + 1, target, at);
                    }
                    (current, entered, closed) = (target, at, -1);
                    break;
                }
                case FrameEventKind.Created:
                    current = stages[args[e]];
                    if (current < 0)
                    {
                        return Failed;
                    }
                    entered = at;
                    Passes(ref buffer, ref count, 0, current, at);
                    break;
                case FrameEventKind.Imported when (DealStatus)(frame.EventAux[e] & ~DealFrame.ImportedStageEntryKnown) == DealStatus.Open:
                    current = stages[args[e]];
                    if (current < 0)
                    {
                        return Failed;
                    }
                    entered = at;
                    truncated = (frame.EventAux[e] & DealFrame.ImportedStageEntryKnown) == 0;
                    break;
            }
        }
        if (current >= 0)
        {
            Add(ref buffer, ref count, new FrameStint(current, entered, 0, StintExit.Open, -1, truncated));
        }
        return count;
    }

    // Zero-length passes over the stages in [from, to) that a forward jump went over; nothing for a backward move.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Passes(ref FrameStint[] buffer, ref int count, int from, int to, long at)
    {
        for (var s = from; s < to; s++)
        {
            Add(ref buffer, ref count, new FrameStint(s, at, at, StintExit.Skipped, to));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref FrameStint[] buffer, ref int count, FrameStint stint)
    {
        if (count == buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(16, buffer.Length * 2));
        }
        buffer[count++] = stint;
    }
}
