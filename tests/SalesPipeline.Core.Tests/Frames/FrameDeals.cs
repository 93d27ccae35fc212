using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Frames;

// Deals for the frame-versus-deal properties: histories written event by event on the Default pipeline with every
// field a frame column carries varied, and the inputs that push a kernel back onto the deal code mixed in: amounts
// of every scale (100, 100.00, 0.001), a second currency, sub-tick instants, probability overrides of any scale,
// pooled owners, stops and reopens, and now and then a deal in a stage the pipeline does not have.
internal static class FrameDeals
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 1, 5, 9, 0);
    public static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    public static readonly LocalDate FirstClose = new(2025, 12, 1);

    // Instants near the deals' own: at an event, 1 or 100 nanoseconds either side of it (a tick is 100), or anywhere
    // from 10 hours before T0 to `hours` after it. For the properties of "the deals as they were at an instant".
    public static Gen<Func<Deal[], Instant>> InstantNear(int hours) =>
        from pick in Gen.Choose(0, 1000)
        from nudge in Gen.Elements(-100L, -1L, 0L, 1L, 100L)
        from h in Gen.Choose(-10, hours)
        from atEvent in Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false)))
        select (Func<Deal[], Instant>)(
            deals =>
            {
                var events = deals.SelectMany(d => d.Events).ToArray();
                return atEvent && events.Length > 0
                    ? events[pick % events.Length].At + Duration.FromNanoseconds(nudge)
                    : T0 + Duration.FromHours(h) + Duration.FromNanoseconds(nudge);
            }
        );

    // A deal opened by alice at the pipeline's first stage, closing on 2026-03-01: for worked examples that need only
    // its id, instant, owner and amount.
    public static DealCreated Created(string id, Instant at, string owner = "bob", decimal amount = 10m) =>
        new(
            new DealId(id),
            at,
            "alice",
            Pipeline.Name,
            id,
            owner,
            Money.Of(amount, Currency.USD),
            new LocalDate(2026, 3, 1),
            Pipeline.OpenStages[0].Id
        );

    private static readonly decimal[] Probabilities = [0.5m, 0.50m, 0.333m, 1m, 0m, 0.1250m];
    private static readonly string[] Owners = ["alice", "bob", "carol", "dave"];

    private sealed record Spec(
        int Id,
        int Start,
        long Minor,
        int Scale,
        bool Euro,
        int Owner,
        int Close,
        int SubTick,
        bool Ghost,
        (int Kind, int Arg, int Hours)[] Steps
    );

    private static readonly Gen<Spec> SpecGen =
        from start in Gen.Choose(0, 3)
        from minor in Gen.Choose(0, 50_000_000)
        from scale in Gen.Frequency((6, Gen.Constant(2)), (2, Gen.Constant(0)), (1, Gen.Constant(4)), (1, Gen.Constant(3)))
        from euro in Gen.Frequency((19, Gen.Constant(false)), (1, Gen.Constant(true)))
        from owner in Gen.Choose(0, Owners.Length) // Owners.Length: created in the pool
        from close in Gen.Choose(0, 240)
        from subTick in Gen.Frequency((19, Gen.Constant(0)), (1, Gen.Choose(1, 99)))
        from ghost in Gen.Frequency((49, Gen.Constant(false)), (1, Gen.Constant(true)))
        from steps in Gen.ListOf(
            from kind in Gen.Choose(0, 14)
            from arg in Gen.Choose(0, 5)
            from hours in Gen.Choose(0, 400)
            select (kind, arg, hours)
        )
        select new Spec(0, start, minor, scale, euro, owner, close, subTick, ghost, steps.Take(12).ToArray());

    public static readonly Gen<Deal[]> Deals =
        from specs in Gen.ListOf(SpecGen)
        select specs.Select((s, i) => Build(s with { Id = i })).ToArray();

    // Only deals in the pipeline's stages and in dollars, whole ticks: the inputs the kernels take without falling back.
    public static readonly Gen<Deal[]> PlainDeals =
        from specs in Gen.ListOf(SpecGen)
        select specs.Select((s, i) => Build(s with { Id = i, Euro = false, Ghost = false, SubTick = 0 })).ToArray();

    private static Deal Build(Spec s)
    {
        var id = new DealId($"D{s.Id}");
        var stages = Pipeline.OpenStages;
        var at = T0 + Duration.FromHours(s.Id % 50) + Duration.FromNanoseconds(s.SubTick);
        var amount = Money.Of(Amount(s.Minor, s.Scale), s.Euro ? Currency.EUR : Currency.USD);
        var owner = s.Owner < Owners.Length ? Owners[s.Owner] : null;
        var stage = s.Ghost ? "ghost" : stages[s.Start].Id;
        var events = new List<DealEvent>
        {
            new DealCreated(id, at, "alice", Pipeline.Name, id.Value, owner, amount, FirstClose.PlusDays(s.Close), stage),
        };
        var status = DealStatus.Open;
        var stopped = false;
        var pooled = owner is null;
        foreach (var (kind, arg, hours) in s.Steps)
        {
            at += Duration.FromHours(hours);
            var target = stages[arg % stages.Count].Id;
            DealEvent? e = (status, stopped, kind) switch
            {
                // A pooled deal is given a rep before it can be won or lost.
                (DealStatus.Open, false, 4 or 5) when pooled => new OwnerReassigned(id, at, "alice", Owners[arg % Owners.Length]),
                (DealStatus.Open, false, <= 3) when target != stage && !s.Ghost => Move(id, at, stage, target),
                (DealStatus.Open, false, 4) => new DealWon(id, at, "alice", "won"),
                (DealStatus.Open, false, 5) => new DealLost(id, at, "alice", "lost", LossReason.Price, null),
                (DealStatus.Open, false, 6) => new DealStopped(id, at, "alice", StopReason.OnHold),
                (DealStatus.Open, true, <= 6) when !s.Ghost => new DealResumed(id, at, "alice", target),
                (DealStatus.Won or DealStatus.Lost, _, <= 2) when !s.Ghost => new DealReopened(id, at, "alice", target),
                (DealStatus.Open, false, 7) => new ExpectedCloseChanged(id, at, "alice", FirstClose.PlusDays((s.Close + arg * 37) % 240)),
                (DealStatus.Open, false, 8) => new ProbabilityOverridden(id, at, "alice", Probabilities[arg], ValueSource.Manual),
                (DealStatus.Open, false, 9) => new ProbabilityOverrideCleared(id, at, "alice"),
                (DealStatus.Open, false, 10) => new AmountChanged(
                    id,
                    at,
                    "alice",
                    Money.Of(Amount(s.Minor + arg * 1_234, (s.Scale + arg) % 5), amount.Currency)
                ),
                (_, _, 11) => new OwnerReassigned(id, at, "alice", Owners[arg % Owners.Length]),
                (DealStatus.Open, false, 12) => new CategoryOverridden(id, at, "alice", (ForecastCategory)(arg % 4)),
                (_, _, 13) => new CommentAdded(id, at, "alice", "call"),
                _ => null,
            };
            if (e is null)
            {
                continue;
            }
            events.Add(e);
            pooled &= e is not OwnerReassigned;
            (status, stopped, stage) = e switch
            {
                StageMoved m => (status, stopped, m.ToStageId),
                DealWon => (DealStatus.Won, false, stage),
                DealLost => (DealStatus.Lost, false, stage),
                DealStopped => (status, true, stage),
                DealResumed r => (status, false, r.StageId),
                DealReopened r => (DealStatus.Open, false, r.StageId),
                _ => (status, stopped, stage),
            };
        }
        return Deal.FromEvents(events);
    }

    private static decimal Amount(long minor, int scale) =>
        scale switch
        {
            0 => minor,
            2 => minor / 100m,
            3 => minor / 1000m,
            _ => minor / 100m * 1.0000m, // written with trailing zeros (scale 6 here): a sum must keep them
        };

    private static StageMoved Move(DealId id, Instant at, string from, string to)
    {
        var f = Pipeline.GetStage(from).Index;
        var t = Pipeline.GetStage(to).Index;
        return new StageMoved(id, at, "alice", from, to, t > f ? MoveDirection.Forward : MoveDirection.Backward, t > f ? t - f - 1 : 0);
    }
}
