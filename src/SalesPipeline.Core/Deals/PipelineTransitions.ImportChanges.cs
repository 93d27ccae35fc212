using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Deals;

// The field changes of an import record: their checks, and their place among the stage events.
public static partial class PipelineTransitions
{
    private static readonly List<Change> NoChanges = [];

    // A change of one field, ready to merge: Field orders changes at the same instant (amount, close date, owner).
    private readonly record struct Change(Instant At, int Field, string Name, DealEvent Event);

    // Where the imported history starts: the earliest instant a change can have, and why, for the rule's sentence.
    private static (Instant At, string Why) FirstObservation(
        DealImport r,
        List<(StageEntry Entry, Stage Stage)> entries,
        bool closed,
        (Instant At, string Name) until
    ) =>
        entries.Count > 0 ? (entries[0].Entry.EnteredAt, "its first history entry")
        : closed ? (r.ClosedAt!.Value, "its ClosedAt: a closed deal without a history is observed at its close")
        : r.StageEnteredAt is { } entered ? (entered, "its StageEnteredAt")
        : (until.At, $"{until.Name}: an open deal with neither a history nor a StageEnteredAt is observed there");

    // Checks one list of changes in order (the first broken rule stops it: later changes cannot be judged without it) and
    // returns the value the deal had when first observed: the first change's before value, else the current one.
    private static T CheckChanges<T>(
        string name,
        IReadOnlyList<FieldChange<T>> changes,
        T current,
        (Instant At, string Why) observed,
        (Instant At, string Name) until,
        Func<T, string?> problem,
        Action<string, object?, string> fail
    )
    {
        for (var i = 0; i < changes.Count; i++)
        {
            var field = new ListField(name, i);
            var change = changes[i];
            var broken =
                change is null ? (field.Name, null, "A change must not be null.")
                : change.By is not null && string.IsNullOrWhiteSpace(change.By)
                    ? (field + ".By", change.By, "The actor is not empty when given; leave it null when unknown.")
                : problem(change.Before) is { } before ? (field + ".Before", change.Before, before)
                : problem(change.After) is { } after ? (field + ".After", change.After, after)
                : Equals(change.Before, change.After)
                    ? (field + ".After", change.After, "A change changes the value: its before and after values are equal.")
                : i > 0 && !Equals(change.Before, changes[i - 1].After)
                    ? (
                        field + ".Before",
                        change.Before,
                        $"Each change starts from the value the change before ended with ({Text(changes[i - 1].After)})."
                    )
                : change.At < observed.At
                    ? (
                        field + ".At",
                        change.At,
                        $"A change before the deal's first observation ({observed.At}, {observed.Why}) cannot be an event of the deal, whose imported history starts there; give the stage history from earlier to keep it."
                    )
                : change.At > until.At ? (field + ".At", change.At, $"A change cannot be later than {until.Name} ({until.At}).")
                : i > 0 && change.At < changes[i - 1].At
                    ? (field + ".At", change.At, $"Changes are oldest first; the change before is at {changes[i - 1].At}.")
                : default((string, object?, string)?);
            if (broken is var (f, value, rule))
            {
                fail(f, value, rule);
                return current;
            }
        }
        if (changes.Count > 0 && !Equals(changes[^1].After, current))
        {
            fail(
                string.Create(CultureInfo.InvariantCulture, $"{name}[{changes.Count - 1}].After"),
                changes[^1].After,
                $"The last change ends in the record's current value ({Text(current)})."
            );
        }
        return changes.Count > 0 ? changes[0].Before : current;
    }

    private static string? AmountProblem(Money amount) =>
        amount is null ? "Every change has its amounts."
        : amount.IsNegative ? "A deal amount must not be negative."
        : null;

    // The owner when the deal was first observed (null: in a pool from then on), after checking the owner changes; and the
    // pool entry to record after them when a deal without an owner was pooled after its first observation.
    private static (string? Owner, DealAssignedToPool? Pool) CheckOwner(
        DealImport r,
        (Instant At, string Why) observed,
        (Instant At, string Name) until,
        string by,
        Action<string, object?, string> fail
    )
    {
        if (r.Owner is not null)
        {
            return (CheckChanges(nameof(r.OwnerChanges), r.OwnerChanges, r.Owner, observed, until, OwnerProblem, fail), null);
        }
        var pooledAt = r.InPoolSince ?? r.CreatedAt;
        if (pooledAt <= observed.At)
        {
            if (r.OwnerChanges.Count > 0)
            {
                fail(
                    Indexed(nameof(r.OwnerChanges), 0),
                    r.OwnerChanges[0]?.After,
                    $"The deal waits in its pool since {pooledAt}, not after its first observation ({observed.At}, {observed.Why}), so no rep owned it since: its owner changes need an InPoolSince after the last of them."
                );
            }
            return (null, null);
        }
        if (r.OwnerChanges.Count == 0)
        {
            // Pooled after its first observation, so a rep owned it before, whom the record does not name: recorded as
            // Unknown.Actor, as the import records every actor it is not told.
            return (Unknown.Actor, new DealAssignedToPool(r.Id, pooledAt, by, r.Team));
        }
        var pooledFrom = r.OwnerChanges[^1]?.After;
        var first = CheckChanges(nameof(r.OwnerChanges), r.OwnerChanges, pooledFrom!, observed, until, OwnerProblem, fail);
        if (r.OwnerChanges[^1] is { } last && last.At > pooledAt)
        {
            fail(
                nameof(r.InPoolSince),
                pooledAt,
                $"The deal entered its pool after its last owner change ({last.At}): the change names the rep it was pooled from."
            );
        }
        return (first, new DealAssignedToPool(r.Id, pooledAt, by, r.Team));
    }

    private static string? OwnerProblem(string owner) =>
        string.IsNullOrWhiteSpace(owner) ? "Every deal has an owner; it must not be empty." : null;

    // The record's changes as events, in time order; at one instant amounts first, then close dates, then owners, each
    // list in its own order (a stable sort).
    private static List<Change> ChangeEvents(DealImport r, DealAssignedToPool? pool)
    {
        if (pool is null && r.AmountChanges.Count + r.ExpectedCloseChanges.Count + r.OwnerChanges.Count == 0)
        {
            return NoChanges; // most records: read only by Merge
        }
        var changes = new List<Change>(r.AmountChanges.Count + r.ExpectedCloseChanges.Count + r.OwnerChanges.Count + 1);
        for (var i = 0; i < r.AmountChanges.Count; i++)
        {
            var c = r.AmountChanges[i];
            changes.Add(new(c.At, 0, Indexed(nameof(r.AmountChanges), i), new AmountChanged(r.Id, c.At, c.By ?? Unknown.Actor, c.After)));
        }
        for (var i = 0; i < r.ExpectedCloseChanges.Count; i++)
        {
            var c = r.ExpectedCloseChanges[i];
            changes.Add(
                new(
                    c.At,
                    1,
                    Indexed(nameof(r.ExpectedCloseChanges), i),
                    new ExpectedCloseChanged(r.Id, c.At, c.By ?? Unknown.Actor, c.After)
                )
            );
        }
        for (var i = 0; i < r.OwnerChanges.Count; i++)
        {
            var c = r.OwnerChanges[i];
            changes.Add(new(c.At, 2, Indexed(nameof(r.OwnerChanges), i), new OwnerReassigned(r.Id, c.At, c.By ?? Unknown.Actor, c.After)));
        }
        if (pool is not null)
        {
            // After the owner changes at its instant: the last of them names the rep the deal was pooled from.
            changes.Add(new(pool.At, 3, nameof(r.InPoolSince), pool));
        }
        return InTimeOrder(changes);
    }

    // Apart from ChangeEvents, whose every call (most return NoChanges) would otherwise allocate the sort's closure.
    private static List<Change> InTimeOrder(List<Change> changes)
    {
        // List.Sort is not stable: the field and the list's own order (in the name's index) break ties explicitly.
        var order = new int[changes.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(
            order,
            (a, b) =>
                changes[a].At.CompareTo(changes[b].At) is var byTime and not 0 ? byTime
                : changes[a].Field != changes[b].Field ? changes[a].Field.CompareTo(changes[b].Field)
                : a.CompareTo(b)
        );
        return [.. Array.ConvertAll(order, i => changes[i])];
    }

    // Adds the stage events and the changes to the history in time order. At one instant the deal is open for the changes
    // whenever it can be: changes come after a reopening at that instant and before any other stage event (a save that
    // sets the final amount and wins the deal keeps the amount). An amount or close-date change while the deal is won or
    // lost is an error: Core's deals refuse them (only the owner of a closed deal changes).
    private static bool Merge(List<DealEvent> events, List<DealEvent> staged, List<Change> changes, Action<string, object?, string> fail)
    {
        DealEvent? closedBy = events[0] is DealImported { Status: not DealStatus.Open } imported ? imported : null;
        var (s, c) = (0, 0);
        while (s < staged.Count || c < changes.Count)
        {
            var takeStage =
                c == changes.Count
                || (s < staged.Count && (staged[s].At < changes[c].At || (staged[s].At == changes[c].At && staged[s] is DealReopened)));
            if (takeStage)
            {
                var e = staged[s++];
                closedBy = e switch
                {
                    DealWon or DealLost => e,
                    DealReopened => null,
                    _ => closedBy,
                };
                events.Add(e);
                continue;
            }
            var change = changes[c++];
            if (closedBy is not null && change.Event is not OwnerReassigned)
            {
                var what = closedBy is DealWon || closedBy is DealImported { Status: DealStatus.Won } ? "won" : "lost";
                fail(
                    change.Event is DealAssignedToPool ? change.Name : change.Name + ".At",
                    change.At,
                    change.Event is DealAssignedToPool
                        ? $"The deal is {what} at this instant (since {closedBy.At}); a won or lost deal is never put in a pool, so it cannot have entered its pool then."
                        : $"The deal is {what} at this instant (since {closedBy.At}); a won or lost deal's amount and expected close date do not change (only its owner may), so this change cannot be an event of it."
                );
                return false;
            }
            events.Add(change.Event);
        }
        return true;
    }

    private static string Indexed(string name, int i) => string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]");
}
