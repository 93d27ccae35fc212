using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

public sealed partial class CollectionSchedule
{
    /// <summary>
    /// Returns a new schedule with <paramref name="entry"/> appended to the history: a <see cref="Payment"/>,
    /// <see cref="Refund"/>, <see cref="Reversal"/>, <see cref="ContractCost"/>, <see cref="Collections.Reschedule"/> or
    /// <see cref="MilestoneReached"/>. This schedule is not changed.
    /// </summary>
    /// <param name="entry">The entry.</param>
    /// <returns>
    /// The new schedule; or this schedule itself when the history already holds an equal entry under the same reference
    /// (or the same milestone on the same date, or an equal reschedule), so replaying an entry never counts it twice.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The entry is in another currency; names an instalment the schedule does not have, a milestone its terms do not
    /// name, or a payment reference it does not hold; is a refund or reversal dated before its payment; is a refund
    /// larger than what the payment still holds, or a reversal of a payment that holds nothing more; reaches a milestone
    /// already reached on another date; or is a reschedule or milestone dated before <see cref="SignedOn"/>, or a
    /// reschedule to a due date before it (a payment before signing is accepted: it is a prepayment).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A payment would bring the schedule's payments, or a cost its costs, beyond <see cref="Currency.MaxAmount"/> (10^18 minor units: USD 10,000,000,000,000,000.00), which no total of the status could hold; or a milestone it reaches would make an instalment due after 9999-12-31.
    /// </exception>
    /// <exception cref="ReferenceConflictException">The history holds a different entry under the same reference.</exception>
    /// <remarks>
    /// Entries may be recorded out of date order (a payment that arrives late in the books): the history is always
    /// replayed in date order, so a backdated payment is allocated as if it had been recorded on its date, and the
    /// allocation of later payments follows from that. A payment or cost dated on or after every earlier entry is
    /// applied directly to the current state, which gives the same result as a replay.
    /// </remarks>
    public CollectionSchedule Record(CollectionEntry entry) => Append(Preconditions.CheckNotNull(entry), nameof(entry));

    // Record's work, with the parameter its errors name: SetMilestone's caller hears "reachedOn", not "entry".
    private CollectionSchedule Append(CollectionEntry entry, string paramName)
    {
        if (FindSame(entry, null) is { } recorded)
        {
            return recorded.Equals(entry) ? this : throw Conflict(recorded, entry, paramName);
        }
        CheckAgainstSchedule(entry, null, paramName);
        var state = State;
        var (received, costs) = (state.Received, state.Costs);
        CheckTotals(entry, ref received, ref costs, paramName);
        var combined = new CollectionEntry[history.Length + 1];
        history.CopyTo(combined, 0);
        combined[^1] = entry;
        var next =
            entry is Payment or ContractCost && (lastOn is null || entry.On >= lastOn)
                ? state.With(entry, amounts)
                : LedgerReplay.Run(amounts, rules, plannedDue, combined, null, paramName);
        return WithHistory(combined, next, Later(lastOn, entry.On));
    }

    /// <summary>
    /// Records many entries at once, in the given order, exactly as successive <see cref="Record"/> calls would, with one
    /// new schedule at the end: the batch path for loading a payment file.
    /// </summary>
    /// <param name="entries">The entries.</param>
    /// <returns>The new schedule (this one when every entry was already recorded).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> or one of its entries is null.</exception>
    /// <exception cref="ArgumentException">An entry is rejected for a reason listed at <see cref="Record"/>; nothing is recorded.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The payments, or the costs, of the history and the batch add up to more than <see cref="Currency.MaxAmount"/>;
    /// nothing is recorded.
    /// </exception>
    /// <exception cref="ReferenceConflictException">An entry's reference is already used by a different entry; nothing is recorded.</exception>
    public CollectionSchedule RecordAll(IEnumerable<CollectionEntry> entries)
    {
        Preconditions.CheckNotNull(entries);
        var accepted = new List<CollectionEntry>();
        var fast = true;
        var last = lastOn;
        var (received, costs) = (State.Received, State.Costs);
        // The position in the batch as given, counting entries skipped as already recorded.
        var position = -1;
        foreach (var entry in entries)
        {
            position++;
            if (entry is null)
            {
                throw new ArgumentNullException(nameof(entries), $"Entry {position} of the batch is null.");
            }
            if (FindSame(entry, accepted) is { } recorded)
            {
                if (recorded.Equals(entry))
                {
                    continue;
                }
                throw Conflict(recorded, entry, nameof(entries));
            }
            CheckAgainstSchedule(entry, accepted, nameof(entries));
            CheckTotals(entry, ref received, ref costs, nameof(entries));
            fast &= entry is Payment or ContractCost && (last is null || entry.On >= last);
            last = Later(last, entry.On);
            accepted.Add(entry);
        }
        if (accepted.Count == 0)
        {
            return this;
        }
        var combined = new CollectionEntry[history.Length + accepted.Count];
        history.CopyTo(combined, 0);
        accepted.CopyTo(combined, history.Length);
        var next = fast ? ApplyDirectly(accepted) : LedgerReplay.Run(amounts, rules, plannedDue, combined, null, nameof(entries));
        return WithHistory(combined, next, last);
    }

    /// <summary>Records that a milestone was reached: <c>Record(new MilestoneReached(name, reachedOn))</c>.</summary>
    /// <param name="name">The milestone, as named in the terms.</param>
    /// <param name="reachedOn">The date it was reached.</param>
    /// <returns>The new schedule (this one if the milestone was already recorded on that date).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or not a milestone of the terms; or <paramref name="reachedOn"/> is before <see cref="SignedOn"/> or is not the date the milestone was already recorded as reached on.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="reachedOn"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31; or it is so late that
    /// an instalment due on the milestone would fall due after 9999-12-31.
    /// </exception>
    public CollectionSchedule SetMilestone(string name, LocalDate reachedOn)
    {
        var entry = new MilestoneReached(name, Preconditions.CheckDate(reachedOn));
        if (FindSame(entry, null) is { } recorded && !recorded.Equals(entry))
        {
            throw Conflict(recorded, entry, nameof(reachedOn));
        }
        CheckMilestone(entry, nameof(name), nameof(reachedOn));
        return Append(entry, nameof(reachedOn));
    }

    /// <summary>
    /// Moves an instalment's due date: <c>Record(new Reschedule(instalment, newDueOn, on, reason))</c>. The old due date
    /// stays in the history and in <see cref="Instalment.PreviousDueDates"/>.
    /// </summary>
    /// <param name="instalment">The instalment's number.</param>
    /// <param name="newDueOn">The new due date.</param>
    /// <param name="on">The date the change was agreed; status as of earlier dates keeps the old due date.</param>
    /// <param name="reason">Why; optional.</param>
    /// <returns>The new schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="instalment"/> is below 1; or <paramref name="newDueOn"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31; or <paramref name="on"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="instalment"/> is above the number of instalments, or <paramref name="newDueOn"/> or
    /// <paramref name="on"/> is before <see cref="SignedOn"/>.
    /// </exception>
    public CollectionSchedule Reschedule(int instalment, LocalDate newDueOn, LocalDate on, string? reason = null)
    {
        var entry = new Collections.Reschedule(instalment, newDueOn, on, reason);
        CheckReschedule(entry, nameof(instalment), nameof(on), nameof(newDueOn));
        return Append(entry, nameof(newDueOn));
    }

    private CollectionSchedule WithHistory(CollectionEntry[] combined, Ledger next, LocalDate? last) =>
        new(Contract, Total, SignedOn, Terms, amounts, plannedDue, rules, combined, next, last);

    private Ledger ApplyDirectly(List<CollectionEntry> accepted)
    {
        var ledger = State;
        var paid = (long[])ledger.Paid.Clone();
        long received = ledger.Received,
            credit = ledger.Credit,
            costs = ledger.Costs;
        foreach (var entry in accepted)
        {
            if (entry is Payment p)
            {
                received += p.Units;
                credit += Ledger.AllocateInto(p, amounts, paid, ledger.Order);
            }
            else
            {
                costs += ((ContractCost)entry).Units;
            }
        }
        return new Ledger(paid, ledger.Due, ledger.Order, ledger.PreviousDue, received, ledger.Refunded, ledger.Reversed, credit, costs);
    }

    private static LocalDate? Later(LocalDate? a, LocalDate b) => a is { } x && x > b ? x : b;

    // The recorded entry that `entry` would duplicate, in the history or earlier in the batch. A linear scan: schedules
    // hold tens of entries, and a scan allocates nothing. "The same entry" means the same reference for a money entry,
    // the same name for a milestone, and the same content for a reschedule (which has no reference).
    private CollectionEntry? FindSame(CollectionEntry entry, List<CollectionEntry>? batch)
    {
        foreach (var recorded in history)
        {
            if (SameKey(recorded, entry))
            {
                return recorded;
            }
        }
        if (batch is not null)
        {
            foreach (var accepted in batch)
            {
                if (SameKey(accepted, entry))
                {
                    return accepted;
                }
            }
        }
        return null;
    }

    private static bool SameKey(CollectionEntry a, CollectionEntry b) =>
        a switch
        {
            MilestoneReached ma => b is MilestoneReached mb && string.Equals(ma.Name, mb.Name, StringComparison.Ordinal),
            Collections.Reschedule ra => ra.Equals(b),
            _ => a.ReferenceKey is { } ra && string.Equals(ra, b.ReferenceKey, StringComparison.Ordinal),
        };

    private static Exception Conflict(CollectionEntry recorded, CollectionEntry entry, string paramName) =>
        recorded is MilestoneReached m
            ? new ArgumentException(
                $"Milestone \"{m.Name}\" was already reached on {m.On:uuuu-MM-dd}, so it cannot be reached again on {entry.On:uuuu-MM-dd}; reschedule its instalments to move their due dates.",
                paramName
            )
            : new ReferenceConflictException(recorded.ReferenceKey!, recorded, entry);

    private Payment? FindPayment(string reference, List<CollectionEntry>? batch)
    {
        foreach (var recorded in history)
        {
            if (recorded is Payment p && string.Equals(p.Reference, reference, StringComparison.Ordinal))
            {
                return p;
            }
        }
        if (batch is not null)
        {
            foreach (var accepted in batch)
            {
                if (accepted is Payment p && string.Equals(p.Reference, reference, StringComparison.Ordinal))
                {
                    return p;
                }
            }
        }
        return null;
    }

    // The checks that need only the schedule, not the replay: currency, instalment and milestone names, the payment a
    // refund or reversal points at, and its date.
    private void CheckAgainstSchedule(CollectionEntry entry, List<CollectionEntry>? batch, string paramName)
    {
        switch (entry)
        {
            case Payment p:
                CheckCurrency(p.Amount, p, paramName);
                CheckInstalment(p.Instalment, p, paramName);
                break;
            case Refund r:
                CheckCurrency(r.Amount, r, paramName);
                CheckPayment(FindPayment(r.PaymentReference, batch), r.PaymentReference, r, paramName);
                break;
            case Reversal v:
                CheckPayment(FindPayment(v.PaymentReference, batch), v.PaymentReference, v, paramName);
                break;
            case ContractCost c:
                CheckCurrency(c.Amount, c, paramName);
                break;
            case Collections.Reschedule s:
                CheckReschedule(s, paramName, paramName, paramName);
                break;
            case MilestoneReached m:
                CheckMilestone(m, paramName, paramName);
                break;
            default:
                break;
        }
    }

    // The convenience methods pass their own parameter names, so that a caller of SetMilestone hears "reachedOn", not "entry".
    private void CheckReschedule(Collections.Reschedule s, string instalmentParam, string onParam, string newDueOnParam)
    {
        CheckInstalment(s.Instalment, s, instalmentParam);
        CheckNotBeforeSigning(s.On, "is agreed on", "a reschedule must be agreed on or after the signing date", s, onParam);
        CheckNotBeforeSigning(
            s.NewDueOn,
            "moves the instalment to",
            "an instalment must fall due on or after the signing date",
            s,
            newDueOnParam
        );
    }

    private void CheckMilestone(MilestoneReached m, string nameParam, string reachedOnParam)
    {
        if (Array.TrueForAll(rules, r => !string.Equals(r.MilestoneName, m.Name, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"No instalment of this schedule is due on a milestone named \"{m.Name}\" ({m}).", nameParam);
        }
        CheckNotBeforeSigning(
            m.On,
            "is reached on",
            "a milestone of the contract must be reached on or after the signing date",
            m,
            reachedOnParam
        );
    }

    // Every total of a status (received, credit, refunded, costs) is a Money, and received bounds credit and refunds: so
    // the payments of a schedule may add up to at most 10^18 minor units, and so may its costs. Each entry is at most
    // that, so the long sums below cannot overflow before they are checked.
    private void CheckTotals(CollectionEntry entry, ref long received, ref long costs, string paramName)
    {
        if (entry is Payment p)
        {
            received = WithinRange(received + p.Units, "payments", entry, paramName);
        }
        else if (entry is ContractCost c)
        {
            costs = WithinRange(costs + c.Units, "costs", entry, paramName);
        }
    }

    private long WithinRange(long total, string what, CollectionEntry entry, string paramName) =>
        total <= Money.MaxMinorUnits
            ? total
            : throw Money.OutOfRange(
                paramName,
                entry,
                $"With {entry} the schedule's {what} would add up to {Money.Text(total * Currency.MinorUnitValue, Currency)}, which",
                Currency
            );

    // Plain ifs rather than Preconditions: the messages format the entry, which must not happen on every accepted call.
    private void CheckCurrency(Money amount, CollectionEntry entry, string paramName)
    {
        if (amount.Currency != Currency)
        {
            throw new ArgumentException($"The schedule is in {Currency.Code}, but {entry} is in {amount.Currency.Code}.", paramName);
        }
    }

    // Due dates exist only under the signed contract: reschedules and milestones date from the signing on, and no due date
    // they set is earlier (a planned due date comes from the terms at Create). Money may arrive earlier: a payment before
    // signing is a prepayment, and its refunds, reversals and the contract's costs follow it.
    private void CheckNotBeforeSigning(LocalDate date, string does, string rule, CollectionEntry entry, string paramName)
    {
        if (date < SignedOn)
        {
            throw new ArgumentException(
                $"{entry} {does} {date:uuuu-MM-dd}, before the contract was signed on {SignedOn:uuuu-MM-dd}; {rule}.",
                paramName
            );
        }
    }

    private void CheckInstalment(int? number, CollectionEntry entry, string paramName)
    {
        if (number > amounts.Length)
        {
            throw new ArgumentException(
                $"The schedule has instalments 1 to {amounts.Length}; {entry} names instalment {number}.",
                paramName
            );
        }
    }

    private static void CheckPayment(Payment? payment, string reference, CollectionEntry entry, string paramName)
    {
        if (payment is null)
        {
            throw new ArgumentException($"{entry} points at payment \"{reference}\", which the schedule does not hold.", paramName);
        }
        if (entry.On < payment.On)
        {
            throw new ArgumentException($"{entry} is dated before the payment it points at ({payment}).", paramName);
        }
    }
}
