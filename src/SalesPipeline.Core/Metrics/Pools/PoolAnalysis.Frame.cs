using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public static partial class PoolAnalysis
{
    // The deals waiting in a pool at asOf, as the deal loop finds them (each as it stood then, in input order), and
    // true; or false when the frame's instants are finer than ticks (its columns could then misplace an event at asOf).
    // A deal last changed by asOf is its own state then: the frame's columns say whether it waits (no owner, not
    // decided). A deal that had an owner all along never waits. Only the rest are rebuilt as of asOf, as before.
    internal static bool TryPooled(DealFrame frame, Instant asOf, out List<Deal> pooled)
    {
        pooled = null!;
        if (!frame.Exactness.WholeTicks)
        {
            return false;
        }
        var customers = frame.Customers;
        var found = new List<Deal>();
        for (var r = 0; r < frame.Count; r++)
        {
            if (!customers.MayWaitInPool[r] || asOf < Instant.FromUnixTimeTicks(frame.ObservedFrom(r)))
            {
                continue;
            }
            if (Instant.FromUnixTimeTicks(frame.LastEventAt(r)) <= asOf)
            {
                if (customers.Pooled[r] && (DealStatus)frame.Status[r] is DealStatus.Open or DealStatus.Stopped)
                {
                    found.Add(frame.DealAt(r));
                }
            }
            else if (frame.DealAt(r).TryAsOf(asOf, out var then) && then.IsInPool && !then.IsClosed)
            {
                found.Add(then);
            }
        }
        pooled = found;
        return true;
    }
}
