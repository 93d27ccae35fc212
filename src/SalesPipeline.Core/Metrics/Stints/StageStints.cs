using System;
using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

/// <summary>
/// The building block of the history metrics (funnel, time in stage, pipeline health): a deal's history cut into
/// stints, the continuous stays in one open stage, oldest first.
/// </summary>
/// <remarks>
/// <para>Rules, in one place so every metric reads a history the same way:</para>
/// <list type="bullet">
/// <item>The <see cref="DealCreated"/> event starts a stint in its stage. Each <see cref="StageMoved"/> ends the current
/// stint (<see cref="StintExit.Moved"/>, <c>Next</c> = the target) and starts one in the target.</item>
/// <item><see cref="DealWon"/> and <see cref="DealLost"/> end the current stint (<see cref="StintExit.Won"/> or
/// <see cref="StintExit.Lost"/>); time in the Won or Lost stage is no stint. A later <see cref="DealReopened"/> sets
/// that stint's <c>Next</c> to the stage it was reopened into and starts a stint there.</item>
/// <item>A forward jump over stages (a move that skips stages, a reopen into a later stage than the one the deal was
/// closed from, or a creation in a later stage than the first) adds a zero-length <see cref="StintExit.Skipped"/>
/// pass for every stage jumped over, at the jump's instant, in stage order, before the stint it lands in. Passes count
/// as reaching the stage in the funnel; they have no time in stage.</item>
/// <item>An imported deal (<see cref="DealImported"/>) starts a stint in its first observed stage at the event's instant,
/// with no passes: the stages before it are unobserved, neither reached nor skipped. When the import did not see the deal
/// enter the stage (<see cref="DealImported.StageEntryKnown"/> false) that stint is <c>Truncated</c>. A deal imported as
/// won or lost has no stint until it is reopened, and its reopen adds no passes (the stage it closed from is unknown).</item>
/// <item><see cref="DealStopped"/> ends the current stint (<see cref="StintExit.Stopped"/>): paused time is no time in
/// the stage. <see cref="DealResumed"/> sets that stint's <c>Next</c> to the stage it resumed in and starts a stint there
/// (with passes when it resumes in a later stage, as a reopen has). A <see cref="DealLost"/> of the stopped deal makes
/// the stopped stint a <see cref="StintExit.Lost"/> one, still ending at the stop: the deal was lost from that stage.</item>
/// <item>The deal's last stint is <see cref="StintExit.Open"/> while the deal is open; its <c>Left</c> is unset.</item>
/// <item>Only events at or before <c>until</c> are read (the deal as <see cref="Deal.AsOf"/> would show it then).</item>
/// </list>
/// <para>No allocation: stints are written into a caller-owned buffer, grown only when a history is longer than any seen
/// before. Stateless; thread-safe (each thread passes its own buffer).</para>
/// </remarks>
internal static class StageStints
{
    /// <summary>Writes the deal's stints into <paramref name="buffer"/>, oldest first, and returns how many there are (0 when
    /// the deal was created after <paramref name="until"/>).</summary>
    /// <exception cref="ArgumentException">The deal belongs to another pipeline, or its history names a stage the pipeline has
    /// no open stage for.</exception>
    internal static int Extract(Deal deal, StageLookup stages, Instant until, ref Stint[] buffer)
    {
        if (!string.Equals(deal.Pipeline, stages.Pipeline.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Deal {deal.Id} belongs to pipeline \"{deal.Pipeline}\", not \"{stages.Pipeline.Name}\".",
                nameof(deal)
            );
        }
        // The concrete list (Deal.Events is always one): direct calls instead of interface dispatch per event.
        var events = (EventLog)deal.Events;
        var count = 0;
        var current = -1;
        var entered = default(Instant);
        var truncated = false; // the current stint is an imported deal's first, not seen entering
        var closed = -1; // the stint ended by the latest win or loss, until a reopen
        var stopped = -1; // the stint ended by the latest stop, until a resume or a loss
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.At > until)
            {
                break;
            }
            switch (e)
            {
                case StageMoved m:
                {
                    var target = Index(deal, stages, m.ToStageId);
                    Add(ref buffer, ref count, new Stint(current, entered, m.At, StintExit.Moved, target, truncated));
                    Passes(ref buffer, ref count, current + 1, target, m.At);
                    (current, entered, truncated) = (target, m.At, false);
                    break;
                }
                case DealStopped:
                    Add(ref buffer, ref count, new Stint(current, entered, e.At, StintExit.Stopped, -1, truncated));
                    stopped = count - 1;
                    (current, truncated) = (-1, false);
                    break;
                case DealResumed r:
                {
                    var target = Index(deal, stages, r.StageId);
                    if (stopped >= 0)
                    {
                        var wasStopped = buffer[stopped];
                        buffer[stopped] = wasStopped with { Next = target };
                        Passes(ref buffer, ref count, wasStopped.Stage + 1, target, r.At);
                    }
                    (current, entered, stopped) = (target, r.At, -1);
                    break;
                }
                case DealLost when stopped >= 0:
                    buffer[stopped] = buffer[stopped] with { Exit = StintExit.Lost };
                    (closed, stopped) = (stopped, -1);
                    break;
                case DealWon or DealLost:
                    Add(
                        ref buffer,
                        ref count,
                        new Stint(current, entered, e.At, e is DealWon ? StintExit.Won : StintExit.Lost, -1, truncated)
                    );
                    closed = count - 1;
                    (current, truncated) = (-1, false);
                    break;
                case DealReopened r:
                {
                    var target = Index(deal, stages, r.StageId);
                    if (closed >= 0) // -1: imported as closed, so the stage it closed from is unknown
                    {
                        var wasClosed = buffer[closed];
                        buffer[closed] = wasClosed with { Next = target };
                        Passes(ref buffer, ref count, wasClosed.Stage + 1, target, r.At);
                    }
                    (current, entered, closed) = (target, r.At, -1);
                    break;
                }
                case DealCreated c:
                    current = Index(deal, stages, c.StageId);
                    entered = c.At;
                    Passes(ref buffer, ref count, 0, current, c.At);
                    break;
                case DealImported imported when imported.Status == DealStatus.Open:
                    current = Index(deal, stages, imported.StageId);
                    entered = imported.At;
                    truncated = !imported.StageEntryKnown;
                    break;
            }
        }
        if (current >= 0)
        {
            Add(ref buffer, ref count, new Stint(current, entered, default, StintExit.Open, -1, truncated));
        }
        return count;
    }

    private static int Index(Deal deal, StageLookup stages, string stageId)
    {
        var index = stages.IndexOf(stageId);
        return index >= 0
            ? index
            : throw new ArgumentException(
                $"Deal {deal.Id} enters stage \"{stageId}\", which is not an open stage of pipeline \"{stages.Pipeline.Name}\".",
                nameof(deal)
            );
    }

    // Zero-length passes over the stages in [from, to) that a forward jump went over; nothing for a backward move.
    private static void Passes(ref Stint[] buffer, ref int count, int from, int to, Instant at)
    {
        for (var s = from; s < to; s++)
        {
            Add(ref buffer, ref count, new Stint(s, at, at, StintExit.Skipped, to));
        }
    }

    private static void Add(ref Stint[] buffer, ref int count, Stint stint)
    {
        if (count == buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(16, buffer.Length * 2));
        }
        buffer[count++] = stint;
    }
}
