using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

// Builds a FrameHistory one deal at a time, in row order: from a deal (its events), from a history read from a store
// that has already passed Deal.FromEvents' checks, or from a row of a built history (copied, no deal made). Only the
// columns are kept, never the deal or its events. Not thread-safe; Build once.
internal sealed partial class FrameHistoryBuilder
{
    private readonly List<int> eventStart;
    private readonly List<long> eventAt;
    private readonly List<FrameEventKind> eventKind;
    private readonly List<int> eventArg;
    private readonly List<byte> eventAux;
    private readonly List<int> eventBy;
    private readonly SparseColumn<sbyte>.Builder subTicks = new();
    private readonly SparseColumn<int>.Builder causes = new();
    private readonly SparseColumn<int>.Builder skips = new();
    private readonly SparseColumn<string?>.Builder movedFrom = new();
    private readonly SparseColumn<LocalDate>.Builder oddDates = new();
    private readonly SparseColumn<(int Reason, int Competitor)>.Builder losses = new();
    private readonly MoneyColumn.Builder changedAmounts = new();
    private readonly List<int> commentText = [];
    private readonly List<int> commentActivity = [];

    private readonly List<int> idOffset;
    private readonly List<int> nameOffset;
    private readonly List<int> headPipeline;
    private readonly List<int> headOwner;
    private readonly List<int> headTeam;
    private readonly List<int> headSource;
    private readonly List<int> headProduct;
    private readonly List<int> headCustomer;
    private readonly List<int> headLead;
    private readonly MoneyColumn.Builder headAmount = new();
    private readonly List<int> headClose;
    private readonly SparseColumn<long>.Builder importCreatedAt = new();
    private readonly SparseColumn<sbyte>.Builder importCreatedSubTicks = new();
    private readonly SparseColumn<Instant>.Builder importInPoolSince = new();

    private readonly HistoryCodes<string> stages = HistoryCodes.Strings();
    private readonly HistoryCodes<string> actors = HistoryCodes.Strings();
    private readonly HistoryCodes<string> pipelines = HistoryCodes.Strings();
    private readonly HistoryCodes<string> owners = HistoryCodes.Strings();
    private readonly HistoryCodes<string> teams = HistoryCodes.Strings();
    private readonly HistoryCodes<string> products = HistoryCodes.Strings();
    private readonly HistoryCodes<string> criteria = HistoryCodes.Strings();
    private readonly HistoryCodes<string> competitors = HistoryCodes.Strings();
    private readonly HistoryCodes<LeadSource> sources = new(
        EqualityComparer<LeadSource>.Default,
        (a, b) => string.CompareOrdinal(a.Code, b.Code)
    );
    private readonly HistoryCodes<LossReason> lossReasons = new(
        EqualityComparer<LossReason>.Default,
        (a, b) => string.CompareOrdinal(a.Code, b.Code)
    );
    private readonly HistoryCodes<StopReason> stopReasons = new(
        EqualityComparer<StopReason>.Default,
        (a, b) => string.CompareOrdinal(a.Code, b.Code)
    );
    private readonly HistoryCodes<Customer> customers = HistoryCodes.Customers();
    private readonly HistoryCodes<Currency> currencies = new(EqualityComparer<Currency>.Default, null);
    private readonly HistoryCodes<(int, int, int, int)> probabilities = new(EqualityComparer<(int, int, int, int)>.Default, null);
    private readonly HistoryCodes<(int, int)> lossPairs = new(EqualityComparer<(int, int)>.Default, null);

    private readonly TextHeap.Builder idText = new(reuse: false);
    private readonly TextHeap.Builder nameText = new(reuse: true);
    private readonly TextHeap.Builder leadText = new(reuse: false);
    private readonly TextHeap.Builder commentTextHeap = new(reuse: true);
    private readonly TextHeap.Builder activityText = new(reuse: true);
    private readonly TextHeap.Builder causeText = new(reuse: true);

    private bool built;

    // Room for `deals` deals and `events` events up front (a guess is fine: the lists grow as needed).
    internal FrameHistoryBuilder(int deals = 0, int events = 0)
    {
        Preconditions.CheckRange(
            deals >= 0 && events >= 0,
            nameof(deals),
            (deals, events),
            "The room for deals and events must not be negative."
        );
        eventStart = new(deals + 1) { 0 };
        eventAt = new(events);
        eventKind = new(events);
        eventArg = new(events);
        eventAux = new(events);
        eventBy = new(events);
        idOffset = new(deals);
        nameOffset = new(deals);
        headPipeline = new(deals);
        headOwner = new(deals);
        headTeam = new(deals);
        headSource = new(deals);
        headProduct = new(deals);
        headCustomer = new(deals);
        headLead = new(deals);
        headClose = new(deals);
    }

    internal int Count => idOffset.Count;

    // Appends the deal's history as the next row.
    internal void Append(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        CheckOpen();
        Encode(deal.Events);
    }

    // Appends a history read from a store as the next row. It must be one Deal.FromEvents accepts (nothing here checks
    // the lifecycle); what would make it impossible to store is refused, and then nothing is appended.
    internal void Append(IReadOnlyList<DealEvent> events)
    {
        Preconditions.CheckNotNull(events);
        CheckOpen();
        if (Problem(events) is { } problem)
        {
            throw new ArgumentException(problem, nameof(events));
        }
        Encode(events);
    }

    private void CheckOpen()
    {
        if (built)
        {
            throw new InvalidOperationException("This history builder has built its history already; start a new builder.");
        }
    }

    // What keeps a history out of the columns: no first event, events of another deal, a value a column cannot hold.
    private static string? Problem(IReadOnlyList<DealEvent> events)
    {
        if (events.Count == 0)
        {
            return "A deal's history needs at least its DealCreated or DealImported event; the list was empty.";
        }
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e is null)
            {
                return $"Event {i} is null.";
            }
            if ((i == 0) != (e is DealCreated or DealImported))
            {
                return $"A deal's history starts with its one DealCreated or DealImported event; event {i} is {e.GetType().Name}.";
            }
            if (e.DealId != events[0].DealId)
            {
                return $"Event {i} ({e.GetType().Name} at {e.At}) belongs to deal {e.DealId}, not {events[0].DealId}.";
            }
            if (Unstorable(e) is { } field)
            {
                return $"Event {i} ({e.GetType().Name} at {e.At}) cannot be stored: {field}";
            }
        }
        return null;
    }

    private static string? Unstorable(DealEvent e) =>
        e switch
        {
            DealCreated c when c.Pipeline is null || c.Name is null || c.Amount is null || c.StageId is null =>
                "its pipeline, name, amount and stage are required.",
            DealImported i when i.Pipeline is null || i.Name is null || i.Amount is null || i.StageId is null =>
                "its pipeline, name, amount and stage are required.",
            DealImported i when (int)i.Status is < 0 or >= DealFrame.ImportedStageEntryKnown =>
                $"its status {(int)i.Status} is not a status.",
            StageMoved m when m.ToStageId is null => "it names no stage to move to.",
            StageMoved m when (int)m.Direction is < 0 or > byte.MaxValue => $"its direction {(int)m.Direction} is not a direction.",
            ExitCriterionAnswered { CriterionId: null } or ExitCriterionWithdrawn { CriterionId: null } => "it names no criterion.",
            AmountChanged { Amount: null } => "it has no amount.",
            ProbabilityOverridden p when (int)p.Source is < 0 or > byte.MaxValue => $"its source {(int)p.Source} is not a source.",
            OwnerReassigned { Owner: null } => "it names no owner.",
            DealWon { StageId: null } or DealLost { StageId: null } or DealReopened { StageId: null } or DealResumed { StageId: null } =>
                "it names no stage.",
            CompetitorNoted { Competitor: null } => "it names no competitor.",
            _ => null,
        };
}
