using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

// An append-only list shared between successive versions of a deal: appending to the newest version writes into
// the shared buffer (O(1)); appending to an older version, whose next slot is already taken, copies. So a deal
// moved a thousand times holds one array, not a thousand, and no version ever sees another's later events.
internal sealed class EventLog : IReadOnlyList<DealEvent>
{
    private readonly Buffer buffer;

    // Fixed once the log is seen: only Extend, while Deal.FromEvents builds the deal that holds it, changes it.
    private int count;

    private sealed class Buffer(DealEvent[] items, int used)
    {
        public readonly DealEvent[] Items = items;
        public int Used = used;
    }

    private EventLog(Buffer buffer, int count)
    {
        this.buffer = buffer;
        this.count = count;
    }

    internal static EventLog Of(DealEvent first) => new(new Buffer([first, null!, null!, null!], 1), 1);

    // A log over a whole history that only its builder holds, showing its first event; Extend shows one more. The buffer
    // counts every slot as taken, so an Append to any version copies rather than overwrite the history.
    internal static EventLog Building(DealEvent[] history) => new(new Buffer(history, history.Length), 1);

    internal void Extend() => count++;

    public int Count => count;

    public DealEvent this[int index] => buffer.Items[Preconditions.CheckIndex(index, count)];

    public DealEvent Last => buffer.Items[count - 1];

    internal EventLog Append(DealEvent e)
    {
        var b = buffer;
        if (count < b.Items.Length && Interlocked.CompareExchange(ref b.Used, count + 1, count) == count)
        {
            b.Items[count] = e;
            return new EventLog(b, count + 1);
        }
        var items = new DealEvent[Math.Max(4, count * 2)];
        Array.Copy(b.Items, items, count);
        items[count] = e;
        return new EventLog(new Buffer(items, count + 1), count + 1);
    }

    public IEnumerator<DealEvent> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return buffer.Items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
