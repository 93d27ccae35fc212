using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesPipeline.Collections;

// Replays a history in date order (entries of one date in recorded order) from the schedule's planned state, keeping
// what each payment holds so that refunds and reversals can take it back. Mutable; used by one thread at a time.
internal sealed class LedgerReplay
{
    private readonly long[] amounts;
    private readonly DueRule[] rules;
    private readonly long[] paid;
    private readonly LocalDate?[] due;
    private readonly bool[] fixedByReschedule;
    private readonly Dictionary<string, Holding> holdings = new(StringComparer.Ordinal);
    private readonly List<Holding> holdingOrder = [];
    private List<LocalDate>[]? previous;
    private int[] order;
    private long received;
    private long refunded;
    private long reversed;
    private long credit;
    private long costs;

    private LedgerReplay(long[] amounts, DueRule[] rules, LocalDate?[] plannedDue)
    {
        this.amounts = amounts;
        this.rules = rules;
        paid = new long[amounts.Length];
        due = (LocalDate?[])plannedDue.Clone();
        fixedByReschedule = new bool[amounts.Length];
        order = Ledger.DueOrder(due);
    }

    // Replays the entries dated on or before `upTo` (all when null). Throws ArgumentException (parameter `paramName`)
    // when an entry cannot apply: a refund larger than its payment holds, a reversal of a payment that holds nothing.
    internal static Ledger Run(
        long[] amounts,
        DueRule[] rules,
        LocalDate?[] plannedDue,
        IReadOnlyList<CollectionEntry> history,
        LocalDate? upTo,
        string paramName
    )
    {
        var replay = new LedgerReplay(amounts, rules, plannedDue);
        foreach (var index in DateOrder(history, upTo))
        {
            replay.Apply(history[index], paramName);
        }
        return replay.ToLedger();
    }

    private static int[] DateOrder(IReadOnlyList<CollectionEntry> history, LocalDate? upTo)
    {
        var indexes = new List<int>(history.Count);
        var sorted = true;
        for (var i = 0; i < history.Count; i++)
        {
            if (upTo is { } d && history[i].On > d)
            {
                continue;
            }
            if (indexes.Count > 0 && history[indexes[^1]].On > history[i].On)
            {
                sorted = false;
            }
            indexes.Add(i);
        }
        var result = indexes.ToArray();
        if (!sorted)
        {
            // Stable by construction: ties on the date fall back to the recorded order.
            Array.Sort(result, (a, b) => history[a].On != history[b].On ? history[a].On.CompareTo(history[b].On) : a.CompareTo(b));
        }
        return result;
    }

    private void Apply(CollectionEntry entry, string paramName)
    {
        switch (entry)
        {
            case Payment p:
            {
                var holding = new Holding(p);
                holdings.Add(p.Reference, holding);
                holdingOrder.Add(holding);
                var units = p.Units;
                received += units;
                var left = Ledger.Allocate(units, p.Instalment - 1, amounts, paid, order, holding.Allocations);
                holding.Credit = left;
                credit += left;
                break;
            }
            case Refund r:
            {
                var holding = holdings[r.PaymentReference];
                var units = r.Units;
                if (units > holding.Held)
                {
                    throw new ArgumentException(
                        $"Refund {r.Reference} of {r.Amount} exceeds what payment {r.PaymentReference} still holds on {r.On:uuuu-MM-dd}: {Money.FromMinorUnits(holding.Held, r.Amount.Currency)}.",
                        paramName
                    );
                }
                TakeBack(holding, units);
                refunded += units;
                break;
            }
            case Reversal v:
            {
                var holding = holdings[v.PaymentReference];
                var units = holding.Held;
                if (units == 0)
                {
                    throw new ArgumentException(
                        $"Reversal {v.Reference}: payment {v.PaymentReference} holds nothing more on {v.On:uuuu-MM-dd}; it was already refunded or reversed in full.",
                        paramName
                    );
                }
                TakeBack(holding, units);
                refunded += units;
                reversed += units;
                break;
            }
            case ContractCost c:
                costs += c.Units;
                break;
            case Reschedule s:
            {
                var i = s.Instalment - 1;
                if (due[i] is { } old)
                {
                    previous ??= new List<LocalDate>[amounts.Length];
                    (previous[i] ??= []).Add(old);
                }
                due[i] = s.NewDueOn;
                fixedByReschedule[i] = true;
                order = Ledger.DueOrder(due);
                break;
            }
            case MilestoneReached m:
                for (var i = 0; i < rules.Length; i++)
                {
                    if (
                        rules[i].Kind == DueRuleKind.Milestone
                        && !fixedByReschedule[i]
                        && string.Equals(rules[i].MilestoneName, m.Name, StringComparison.Ordinal)
                    )
                    {
                        due[i] = rules[i].DueOn(default, 0, m.On, paramName);
                    }
                }
                order = Ledger.DueOrder(due);
                break;
            default:
                throw new InvalidOperationException("Unknown entry type " + entry.GetType().Name);
        }
    }

    // Takes back `units` a payment holds: its credit first, then its instalment allocations, latest first. Then any
    // credit left in the contract pays the instalments that reopened, so credit never sits beside an unpaid instalment.
    private void TakeBack(Holding holding, long units)
    {
        holding.Refunded += units;
        var fromCredit = Math.Min(units, holding.Credit);
        holding.Credit -= fromCredit;
        credit -= fromCredit;
        units -= fromCredit;
        for (var k = holding.Allocations.Count - 1; k >= 0 && units > 0; k--)
        {
            var (index, held) = holding.Allocations[k];
            var take = Math.Min(units, held);
            paid[index] -= take;
            units -= take;
            holding.Allocations[k] = (index, held - take);
        }
        holding.Allocations.RemoveAll(a => a.Units == 0);
        foreach (var other in holdingOrder)
        {
            if (other.Credit > 0 && credit > 0)
            {
                var left = Ledger.Allocate(other.Credit, null, amounts, paid, order, other.Allocations);
                credit -= other.Credit - left;
                other.Credit = left;
            }
        }
    }

    private Ledger ToLedger()
    {
        LocalDate[][]? previousDue = null;
        if (previous is not null)
        {
            previousDue = new LocalDate[amounts.Length][];
            for (var i = 0; i < previousDue.Length; i++)
            {
                previousDue[i] = previous[i]?.ToArray() ?? [];
            }
        }
        return new Ledger(paid, due, order, previousDue, received, refunded, reversed, credit, costs);
    }

    private sealed class Holding(Payment payment)
    {
        internal List<(int Index, long Units)> Allocations { get; } = [];

        internal long Credit { get; set; }

        internal long Refunded { get; set; }

        internal long Held => payment.Units - Refunded;
    }
}
