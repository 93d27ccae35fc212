using System;
using System.Threading.Tasks;
using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class SalesVelocityAccumulator
{
    // Adds every deal of the frame, as Add(deal) for each would, and returns true; or returns false and changes nothing
    // when the integer kernel cannot prove the result identical (the caller then adds the frame's deals one by one):
    // a breakdown (its keys are the deal code's), conversion by rates or another currency, instants finer than a tick,
    // sums that could round, or an accumulator that already holds deals.
    internal bool TryAdd(DealFrame frame)
    {
        if (Breakdown is not null || total != default || Options.Rates is not null || !frame.Exactness.WholeTicks)
        {
            return false;
        }
        if (frame.Currencies is not [var only] || only != Currency)
        {
            return false;
        }
        // Whole ticks: "at or before lastInstant" (one nanosecond before the next day) is "before the next day's tick".
        var end = (lastInstant + Duration.Epsilon).ToUnixTimeTicks();
        var from = start.ToUnixTimeTicks();
        var parts = frame.Parts;
        var sums = new FrameSums[parts];
        var valid = new bool[parts];
        Parallel.For(
            0,
            parts,
            part =>
                valid[part] = Accumulate(
                    frame,
                    from,
                    end,
                    (int)((long)frame.Count * part / parts),
                    (int)((long)frame.Count * (part + 1) / parts),
                    out sums[part]
                )
        );
        if (Array.IndexOf(valid, false) >= 0)
        {
            return false;
        }
        var all = sums[0];
        for (var part = 1; part < parts; part++)
        {
            all.Add(sums[part]);
        }
        if (!all.WonAmount.TryTotal(out var wonAmount))
        {
            return false;
        }
        // Whole ticks, so a cycle's nanoseconds are its ticks times 100.
        total = new Sums(all.Open, all.Won, all.Lost, wonAmount, all.CycleTicks * 100);
        return true;
    }

    // False when a row needs what the kernel does not do (its state at the window's end in another currency or with an
    // amount too wide for a long).
    private static bool Accumulate(DealFrame frame, long from, long end, int first, int last, out FrameSums sums)
    {
        sums = new FrameSums();
        for (var r = first; r < last; r++)
        {
            if (frame.ObservedFrom(r) >= end)
            {
                // Imported and first observed after the window: open then if it was created by its end.
                sums.Open += frame.CreatedAt[r] < end ? 1 : 0;
                continue;
            }
            DealStatus status;
            long closed;
            long mantissa;
            byte scale;
            if (frame.LastEventAt(r) < end)
            {
                status = (DealStatus)frame.Status[r];
                closed = frame.DecidedAt[r];
                if (!frame.Exactness.NarrowAmounts)
                {
                    return false;
                }
                (mantissa, scale) = (frame.AmountMantissa[r], frame.AmountScale[r]);
            }
            else
            {
                // Changed after the window: its state then, from its own history (rare for a recent window).
                var then = frame.Deals[r].AsOf(Instant.FromUnixTimeTicks(end - 1));
                status = then.Status;
                closed = then.ClosedAt?.ToUnixTimeTicks() ?? DealFrame.NoInstant;
                if (then.Amount.Currency != frame.Currencies[0] || !Exactness.TrySplit(then.Amount.Amount, out mantissa, out scale))
                {
                    return false;
                }
            }
            switch (status)
            {
                case DealStatus.Open:
                    sums.Open++;
                    break;
                case DealStatus.Won when closed >= from:
                    if (closed - frame.CreatedAt[r] > MaxCycleTicks)
                    {
                        // Past a long count of nanoseconds (about 292 years), where the deal code's conversion throws.
                        return false;
                    }
                    sums.Won++;
                    sums.WonAmount.Add(mantissa, scale);
                    sums.CycleTicks += closed - frame.CreatedAt[r];
                    break;
                case DealStatus.Lost when closed >= from:
                    sums.Lost++;
                    break;
            }
        }
        return true;
    }

    private const long MaxCycleTicks = long.MaxValue / 100;

    // Counts, the won amounts, and the cycles in ticks, of one part of the rows.
    private sealed class FrameSums
    {
        internal long Open;
        internal long Won;
        internal long Lost;
        internal readonly ScaledSum WonAmount = new();
        internal Int128 CycleTicks;

        internal void Add(FrameSums other)
        {
            Open += other.Open;
            Won += other.Won;
            Lost += other.Lost;
            WonAmount.Add(other.WonAmount);
            CycleTicks += other.CycleTicks;
        }
    }
}
