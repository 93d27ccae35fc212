using NodaTime;

namespace SalesPipeline.Deals;

// Every event of a set of deals, as columns from which each deal's history comes back exactly (EventsOf) and each
// deal with it (DealAt), so that a frame can hold deals without holding deal objects.
//
// The event table is DealFrame's: EventStart (CSR per deal), EventAt (Unix ticks), EventKind, EventArg (the stage
// code of an event that names a stage, the day number of an expected close date) and EventAux (an import's status
// and ImportedStageEntryKnown, a move's direction; beside them, a loss's reason and competitor pair). Beside them: EventBy, and in EventArg for the other kinds the code
// or index of their one payload (criterion, owner, customer, competitor, stop reason, pool team, probability,
// category, changed amount, comment). The first event's wide payload (name, pipeline, amount, lead, ...) is in the
// head columns, one row per deal. What few events carry (sub-tick nanoseconds, causes, skipped stages, losses, dates
// of another calendar, an imported deal's creation before its observation) is in sparse columns keyed by event row
// or deal row. Strings that repeat are codes into dictionaries in ordinal order; ids, names, lead ids and comments
// are in text heaps.
//
// Immutable once built (FrameHistoryBuilder), so it is safe to share between threads; EventsOf and DealAt build new
// objects on every call.
internal sealed partial class FrameHistory
{
    internal const int None = -1;

    internal int Count => EventStart.Length - 1;

    internal int EventCount => EventAt.Length;

    // The event table (the meaning DealFrame gives these columns).
    internal required int[] EventStart { get; init; }

    internal required long[] EventAt { get; init; }

    internal required FrameEventKind[] EventKind { get; init; }

    internal required int[] EventArg { get; init; }

    internal required byte[] EventAux { get; init; }

    // Who acted: a code into Actors plus one (0: null).
    internal required CodeColumn EventBy { get; init; }

    // The nanoseconds an instant has beyond its Unix ticks (-99 to 99), by event row.
    internal required SparseColumn<sbyte> SubTicks { get; init; }

    // DealEvent.Cause, an offset into CauseText, by event row.
    internal required SparseColumn<int> Causes { get; init; }

    // StageMoved.StagesSkipped when not 0, by event row.
    internal required SparseColumn<int> Skips { get; init; }

    // StageMoved.FromStageId when it is not the stage the events before it leave the deal in (never, in a history
    // Deal.FromEvents accepts), by event row.
    internal required SparseColumn<string?> MovedFrom { get; init; }

    // A date EventArg (or HeadClose) cannot hold as a day number: another calendar, or a year before 1. By event row.
    internal required SparseColumn<LocalDate> OddDates { get; init; }

    // A loss's reason and competitor (codes into LossReasons and Competitors, or None): for DealLost, LossPairs[EventAux
    // - 1] when EventAux is not 0 (the first 255 distinct pairs), else Losses; for an imported deal, Losses. By event row.
    internal required SparseColumn<(int Reason, int Competitor)> Losses { get; init; }

    internal required (int Reason, int Competitor)[] LossPairs { get; init; }

    // AmountChanged: EventArg is a row of ChangedAmounts.
    internal required MoneyColumn ChangedAmounts { get; init; }

    // CommentAdded: EventArg is a row of these: an offset into CommentTextHeap (or None), an offset into ActivityText
    // plus one (0: null).
    internal required int[] CommentText { get; init; }

    internal required CodeColumn CommentActivity { get; init; }

    // The first event, one row per deal.
    internal required int[] IdOffset { get; init; }

    internal required CodeColumn NameOffset { get; init; }

    internal required CodeColumn HeadPipeline { get; init; }

    // Codes plus one (0: null) into Owners, Teams, Sources, Products and Customers.
    internal required CodeColumn HeadOwner { get; init; }

    internal required CodeColumn HeadTeam { get; init; }

    internal required CodeColumn HeadSource { get; init; }

    internal required CodeColumn HeadProduct { get; init; }

    internal required CodeColumn HeadCustomer { get; init; }

    // An offset into LeadText plus one (0: null).
    internal required CodeColumn HeadLead { get; init; }

    internal required MoneyColumn HeadAmount { get; init; }

    // The expected close date's day number, or None (then in OddDates at the deal's first event row).
    internal required int[] HeadClose { get; init; }

    // DealImported.CreatedAt when it is not the import's own instant, as Unix ticks and sub-tick nanoseconds, by deal row.
    internal required SparseColumn<long> ImportCreatedAt { get; init; }

    internal required SparseColumn<sbyte> ImportCreatedSubTicks { get; init; }

    // DealImported.InPoolSince when given, by deal row.
    internal required SparseColumn<Instant> ImportInPoolSince { get; init; }

    // Dictionaries: strings in ordinal order, the others as noted.
    internal required string[] Stages { get; init; }

    internal required string[] Actors { get; init; }

    internal required string[] Pipelines { get; init; }

    internal required string[] Owners { get; init; }

    internal required string[] Teams { get; init; }

    internal required string[] Products { get; init; }

    internal required string[] Criteria { get; init; }

    internal required string[] Competitors { get; init; }

    // Ordered by code, ordinally.
    internal required LeadSource[] Sources { get; init; }

    internal required LossReason[] LossReasons { get; init; }

    internal required StopReason[] StopReasons { get; init; }

    // Ordered by account id, then name, ordinally.
    internal required Customer[] Customers { get; init; }

    // In order of first appearance, as DealFrame numbers them.
    internal required Currency[] Currencies { get; init; }

    // Distinct by their bits (0.5 and 0.50 apart), in order of first appearance.
    internal required decimal[] Probabilities { get; init; }

    internal required TextHeap IdText { get; init; }

    internal required TextHeap NameText { get; init; }

    internal required TextHeap LeadText { get; init; }

    internal required TextHeap CommentTextHeap { get; init; }

    internal required TextHeap ActivityText { get; init; }

    internal required TextHeap CauseText { get; init; }

    // The name of row `row`'s deal: set when the deal is created or imported, and never changed by an event.
    internal string NameAt(int row) => NameText[NameOffset[row]]!;

    // The deal of row `row`: the fold of its events, without the checks they passed when they were appended.
    internal Deal DealAt(int row) => Deal.FromCheckedHistory(EventsOf(row));

    // Whether every instant of row `row`'s deal is a whole tick: no event, and not an imported deal's creation, carries
    // nanoseconds beyond its ticks.
    internal bool WholeTicks(int row)
    {
        if (ImportCreatedSubTicks.TryGet(row, out _))
        {
            return false;
        }
        for (var e = EventStart[row]; e < EventStart[row + 1]; e++)
        {
            if (SubTicks.TryGet(e, out _))
            {
                return false;
            }
        }
        return true;
    }

    internal DealId IdAt(int row) => IdText[IdOffset[row]] is { Length: > 0 } id ? new DealId(id) : default;

    internal static bool HasStage(FrameEventKind kind) =>
        kind
            is FrameEventKind.Created
                or FrameEventKind.Imported
                or FrameEventKind.StageMoved
                or FrameEventKind.Won
                or FrameEventKind.Lost
                or FrameEventKind.Reopened
                or FrameEventKind.Resumed;

    // A date's DateOnly day number, or None for one it cannot hold (another calendar, or a year before 1): the one rule
    // for the frame's day columns.
    internal static int DayOrNone(LocalDate date) =>
        date.Calendar == CalendarSystem.Iso && date.Year >= 1 ? date.ToDateOnly().DayNumber : None;
}
