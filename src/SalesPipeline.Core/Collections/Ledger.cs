using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesPipeline.Collections;

// The state of a schedule after a run of entries, in whole minor units. Immutable once built: a schedule shares it with
// the schedules it derives, so its arrays are never written after construction (a new state copies them).
internal sealed class Ledger
{
    internal Ledger(
        long[] paid,
        LocalDate?[] due,
        int[] order,
        LocalDate[][]? previousDue,
        long received,
        long refunded,
        long reversed,
        long credit,
        long costs
    )
    {
        Paid = paid;
        Due = due;
        Order = order;
        PreviousDue = previousDue;
        Received = received;
        Refunded = refunded;
        Reversed = reversed;
        Credit = credit;
        Costs = costs;
    }

    internal long[] Paid { get; }

    internal LocalDate?[] Due { get; }

    // Instalment indexes in allocation order: due date, then number; instalments without a date last, by number.
    internal int[] Order { get; }

    // Per instalment the due dates it had before its reschedules, or null when none was ever rescheduled.
    internal LocalDate[][]? PreviousDue { get; }

    internal long Received { get; }

    // Refunds and reversals together (Reversed is the reversals' part).
    internal long Refunded { get; }

    internal long Reversed { get; }

    internal long Credit { get; }

    internal long Costs { get; }

    internal static Ledger Initial(LocalDate?[] plannedDue) =>
        new(new long[plannedDue.Length], plannedDue, DueOrder(plannedDue), null, 0, 0, 0, 0, 0);

    // The fast path of Record: a payment or cost dated on or after every earlier entry is the last step of the
    // date-ordered replay, so applying it to the current state gives exactly what a full replay would.
    internal Ledger With(CollectionEntry entry, long[] amounts)
    {
        switch (entry)
        {
            case Payment p:
            {
                var paid = (long[])Paid.Clone();
                var left = Allocate(p.Units, p.Instalment - 1, amounts, paid, Order, null);
                return new Ledger(paid, Due, Order, PreviousDue, Received + p.Units, Refunded, Reversed, Credit + left, Costs);
            }
            case ContractCost c:
                return new Ledger(Paid, Due, Order, PreviousDue, Received, Refunded, Reversed, Credit, Costs + c.Units);
            default:
                throw new InvalidOperationException("Only payments and costs take the fast path.");
        }
    }

    // In-place variant for a batch: the caller owns `paid` (a private copy).
    internal static long AllocateInto(Payment p, long[] amounts, long[] paid, int[] order) =>
        Allocate(p.Units, p.Instalment - 1, amounts, paid, order, null);

    // Pays `units` first to `target` (when given), then oldest-due-first; returns what is left (credit). Records what it
    // took from each instalment in `taken` when asked.
    internal static long Allocate(long units, int? target, long[] amounts, long[] paid, int[] order, List<(int Index, long Units)>? taken)
    {
        if (target is { } t)
        {
            units -= Take(t, units, amounts, paid, taken);
        }
        for (var k = 0; k < order.Length && units > 0; k++)
        {
            units -= Take(order[k], units, amounts, paid, taken);
        }
        return units;
    }

    private static long Take(int index, long units, long[] amounts, long[] paid, List<(int Index, long Units)>? taken)
    {
        var take = Math.Min(units, amounts[index] - paid[index]);
        if (take <= 0)
        {
            return 0;
        }
        paid[index] += take;
        taken?.Add((index, take));
        return take;
    }

    internal static int[] DueOrder(LocalDate?[] due)
    {
        var order = new int[due.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        // Insertion sort: schedules are short and usually already in due order, so this is one pass.
        for (var i = 1; i < order.Length; i++)
        {
            var x = order[i];
            var j = i - 1;
            while (j >= 0 && Before(due, x, order[j]))
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
        return order;
    }

    private static bool Before(LocalDate?[] due, int a, int b) =>
        (due[a], due[b]) switch
        {
            ({ } da, { } db) => da < db || (da == db && a < b),
            ({ }, null) => true,
            (null, { }) => false,
            _ => a < b,
        };
}
