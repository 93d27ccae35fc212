using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Metrics;

// Deal histories written event by event (Deal.FromEvents), so a test can skip stages, regress and reopen freely on the
// Default pipeline (prospecting > qualified > proposal > negotiation) without answering exit criteria.
internal sealed class History
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0); // a Monday
    public static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private readonly List<DealEvent> events = [];
    private readonly DealId id;
    private string stage;

    private History(DealId id, DealCreated created)
    {
        this.id = id;
        stage = created.StageId;
        events.Add(created);
    }

    public static Instant H(double hours) => T0.Plus(Duration.FromSeconds(hours * 3600));

    public static History Open(
        string id,
        double hour = 0,
        string owner = "alice",
        decimal amount = 1_000m,
        string stage = "prospecting",
        LeadId? lead = null,
        LeadSource? source = null,
        string? product = null,
        Currency? currency = null
    ) =>
        new(
            new DealId(id),
            new DealCreated(
                new DealId(id),
                H(hour),
                owner,
                Pipeline.Name,
                id,
                owner,
                Money.Of(amount, currency ?? Currency.USD),
                new LocalDate(2026, 6, 30),
                stage,
                lead,
                source,
                product
            )
        );

    public History Move(string to, double hour)
    {
        var from = Pipeline.GetStage(stage).Index;
        var target = Pipeline.GetStage(to).Index;
        var direction = target > from ? MoveDirection.Forward : MoveDirection.Backward;
        var skipped = target > from ? target - from - 1 : 0;
        events.Add(new StageMoved(id, H(hour), "alice", stage, to, direction, skipped));
        stage = to;
        return this;
    }

    public History Win(double hour)
    {
        events.Add(new DealWon(id, H(hour), "alice", "won"));
        stage = "won";
        return this;
    }

    public History Lose(double hour)
    {
        events.Add(new DealLost(id, H(hour), "alice", "lost", LossReason.Price, null));
        stage = "lost";
        return this;
    }

    public History Stop(double hour, StopReason? reason = null)
    {
        events.Add(new DealStopped(id, H(hour), "alice", reason ?? StopReason.OnHold));
        return this;
    }

    public History Resume(string into, double hour)
    {
        events.Add(new DealResumed(id, H(hour), "alice", into));
        stage = into;
        return this;
    }

    public History Reopen(string into, double hour)
    {
        events.Add(new DealReopened(id, H(hour), "alice", into));
        stage = into;
        return this;
    }

    public History Amount(decimal amount, double hour)
    {
        events.Add(new AmountChanged(id, H(hour), "alice", Money.Of(amount, Currency.USD)));
        return this;
    }

    public Deal Deal => Deal.FromEvents(events);

    public static implicit operator Deal(History history) => history.Deal;

    // Random histories: each step moves to a random open stage, wins, loses, stops, resumes, reopens or changes the
    // amount, 0 to 40 hours after the previous event (0 makes zero-length stints).
    public static readonly Gen<Deal> RandomDeal =
        from steps in Gen.ListOf(
            from kind in Gen.Choose(0, 9)
            from target in Gen.Choose(0, 3)
            from hours in Gen.Choose(0, 40)
            select (kind, target, hours)
        )
        from start in Gen.Choose(0, 3)
        from cents in Gen.Choose(0, 10_000_000)
        from owner in Gen.Elements("alice", "bob", "carol")
        from source in Gen.Elements<string?>("web", "referral", null)
        from n in Gen.Choose(0, 1_000_000)
        select Build($"D{n}", start, cents, owner, source, steps);

    public static readonly Gen<Deal[]> RandomDeals = from deals in Gen.ListOf(RandomDeal) select deals.ToArray();

    private static Deal Build(
        string id,
        int start,
        int cents,
        string owner,
        string? source,
        IEnumerable<(int Kind, int Target, int Hours)> steps
    )
    {
        var stages = Pipeline.OpenStages;
        // One stage in eight starts later than the first, as an imported deal may.
        var h = Open(
            id,
            0,
            owner,
            cents / 100m,
            start == 3 ? stages[2].Id : stages[0].Id,
            source is null ? null : new LeadId("L-" + id),
            source is null ? null : new LeadSource(source)
        );
        var open = true;
        var stopped = false;
        double hour = 0;
        foreach (var (kind, target, hours) in steps)
        {
            hour += hours;
            if (stopped)
            {
                if (kind <= 3)
                {
                    h.Resume(stages[target].Id, hour);
                    stopped = false;
                }
                else if (kind == 4)
                {
                    h.Lose(hour);
                    (stopped, open) = (false, false);
                }
            }
            else if (open)
            {
                if (kind <= 4 && stages[target].Id != h.stage)
                {
                    h.Move(stages[target].Id, hour);
                }
                else if (kind == 5)
                {
                    h.Win(hour);
                    open = false;
                }
                else if (kind == 6)
                {
                    h.Lose(hour);
                    open = false;
                }
                else if (kind == 7)
                {
                    h.Stop(hour);
                    stopped = true;
                }
                else
                {
                    h.Amount(cents / 100m + kind, hour);
                }
            }
            else if (kind <= 3)
            {
                h.Reopen(stages[target].Id, hour);
                open = true;
            }
        }
        return h.Deal;
    }
}
