using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Targets;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Health;

// Invariants of the inspection over random pipelines, each checked against a second, brute-force computation from the
// deals' raw events.
public sealed class PipelineHealthPropertyTests
{
    private static readonly LocalDate Today = new(2026, 4, 1);
    private static readonly string[] Owners = ["alice", "bob", "carol"];

    internal sealed record Case(Deal[] Deals, Activity[] Activities, HealthPolicy Policy, CoverageGoal Goal, int Seed)
    {
        public HealthInputs Inputs => new() { Activities = ActivityIndex.Create(Activities), Coverage = Goal };

        public HealthReport Inspect() => PipelineHealth.Inspect(Deals, Pipeline, AsOf, Policy, Inputs);

        public override string ToString() =>
            $"{Deals.Length} deals, {Activities.Length} activities, seed {Seed}, {Policy}\n{string.Join("\n", Deals.Select(d => string.Join("; ", d.Events)))}";
    }

    private sealed record Spec(
        int Stage,
        int Status,
        int Cents,
        int CreatedHoursAgo,
        int EnteredPercent,
        int CloseOffset,
        int[] Pushes,
        int OverridePercent,
        int Owner,
        int[] TouchHoursAgo
    );

    private static readonly Gen<Spec> Specs =
        from stage in Gen.Choose(0, 3)
        from status in Gen.Choose(0, 9)
        from cents in Gen.OneOf(Gen.Elements(0, 100_000, 500_000, 1_234_567), Gen.Choose(0, 100_000_000))
        from created in Gen.Choose(0, 2_400)
        from entered in Gen.Choose(0, 100)
        from close in Gen.Choose(-40, 120)
        from pushCount in Gen.Choose(0, 4)
        from p1 in Gen.Choose(-20, 40)
        from p2 in Gen.Choose(-20, 40)
        from p3 in Gen.Choose(-20, 40)
        from p4 in Gen.Choose(-20, 40)
        from overridePercent in Gen.Choose(-50, 100)
        from owner in Gen.Choose(0, 2)
        from touches in Gen.Choose(0, 2)
        from t1 in Gen.Choose(-48, 2_400)
        from t2 in Gen.Choose(-48, 2_400)
        select new Spec(
            stage,
            status,
            cents,
            created,
            entered,
            close,
            new[] { p1, p2, p3, p4 }.Take(pushCount).ToArray(),
            overridePercent,
            owner,
            new[] { t1, t2 }.Take(touches).ToArray()
        );

    private static readonly Gen<HealthPolicy> Policies =
        from stale in Gen.Choose(1, 30)
        from rot in Gen.Choose(1, 40)
        from push in Gen.Choose(0, 2)
        from share in Gen.Choose(20, 60)
        from min in Gen.Choose(1, 12)
        from size in Gen.Choose(1, 5)
        from grace in Gen.Choose(0, 5)
        from maxPerStage in Gen.Choose(-1, 5)
        from lateProbability in Gen.Choose(0, 100)
        from lateShare in Gen.Choose(20, 80)
        from typical in Gen.Choose(-1, 60)
        select HealthPolicy.Default with
        {
            StaleAfter = Duration.FromDays(stale),
            RottingAfter = Duration.FromDays(rot),
            RottingAfterByStage = rot % 3 == 0 ? new Dictionary<string, Duration> { ["proposal"] = Duration.FromHours(rot * 7) } : [],
            CloseDatePushLimit = push,
            MaxStageShare = share / 100m,
            MinOpenDealsForShares = min,
            ShortlistSize = size,
            PastExpectedCloseGraceDays = grace,
            MaxDealsPerStage = maxPerStage < 0 ? null : maxPerStage,
            LateStageProbability = lateProbability / 100m,
            MaxLateStageShare = lateShare / 100m,
            TypicalWonCycle = typical <= 0 ? null : Duration.FromDays(typical),
        };

    private static readonly Arbitrary<Case> Cases = (
        from specs in Gen.ListOf(Specs)
        from policy in Policies
        from target in Gen.Choose(1, 200_000_000)
        from winRate in Gen.Choose(1, 100)
        from seed in Gen.Choose(0, 1_000_000)
        select Build(
            specs.ToArray(),
            policy,
            new CoverageGoal(FiscalCalendar.Calendar.Quarter(2026, 2), Usd(target / 100m), winRate / 100m),
            seed
        )
    ).ToArbitrary();

    private static Case Build(Spec[] specs, HealthPolicy policy, CoverageGoal goal, int seed)
    {
        var deals = new Deal[specs.Length];
        var activities = new List<Activity>();
        for (var i = 0; i < specs.Length; i++)
        {
            var s = specs[i];
            var id = $"D{i}";
            var owner = Owners[s.Owner];
            var created = AsOf - Duration.FromHours(s.CreatedHoursAgo);
            var entered = created + Duration.FromHours(s.CreatedHoursAgo * s.EnteredPercent / 100);
            var close = Today.PlusDays(s.CloseOffset);
            var deal = DealIn(id, Pipeline.OpenStages[s.Stage].Id, s.Cents / 100m, close, created, entered, owner);
            if (s.OverridePercent >= 0)
            {
                deal = Pipeline.ApplyOrThrow(deal, DealCommand.OverrideProbabilityTo(s.OverridePercent / 100m, deal.LastEventAt, owner));
            }
            foreach (var delta in s.Pushes)
            {
                close = close.PlusDays(delta == 0 ? 1 : delta);
                deal = Push(deal, close, deal.LastEventAt + Duration.FromHours(7)); // may land after as-of: ignored then
            }
            var decided = deal.LastEventAt + Duration.FromHours(5);
            if (s.Status is 7 or 8)
            {
                // Winning from an early stage needs every exit criterion it jumps over.
                foreach (var criterion in Pipeline.ExitCriteria.Where(x => !deal.IsAnswered(x.Id)))
                {
                    deal = Pipeline.Answer(deal, criterion.Id, decided, owner);
                }
            }
            deal = s.Status switch
            {
                7 or 8 => Pipeline.Win(deal, decided, owner),
                9 => Pipeline.Lose(deal, LossReason.Price, decided, owner),
                _ => deal,
            };
            deals[i] = deal;
            activities.AddRange(
                s.TouchHoursAgo.Select(h => Activity.ForDeal(ActivityKind.Email, AsOf - Duration.FromHours(h), owner, deal.Id))
            );
        }
        return new Case(deals, [.. activities], policy, goal, seed);
    }

    // ---- the brute force: everything from the raw events up to the as-of instant ----

    private sealed record Seen(
        Deal Deal,
        DealEvent[] Events,
        DealStatus Status,
        string Stage,
        Instant Entered,
        LocalDate Close,
        int Pushes,
        decimal Probability,
        Instant? WonAt
    );

    private static Seen See(Deal deal)
    {
        var events = deal.Events.Where(e => e.At <= AsOf).ToArray();
        var created = (DealCreated)events[0];
        var move = events.OfType<StageMoved>().LastOrDefault();
        var stage = move?.ToStageId ?? created.StageId;
        var closes = new[] { created.ExpectedClose }.Concat(events.OfType<ExpectedCloseChanged>().Select(c => c.ExpectedClose)).ToArray();
        var pushes = closes.Zip(closes.Skip(1)).Count(pair => pair.Second > pair.First);
        var wonAt = events.OfType<DealWon>().SingleOrDefault()?.At;
        var status =
            wonAt is not null ? DealStatus.Won
            : events.OfType<DealLost>().Any() ? DealStatus.Lost
            : DealStatus.Open;
        var probability = events.OfType<ProbabilityOverridden>().LastOrDefault()?.Probability ?? Pipeline.GetStage(stage).Probability;
        return new Seen(deal, events, status, stage, move?.At ?? created.At, closes[^1], pushes, probability, wonAt);
    }

    private static Dictionary<string, List<FindingKind>> ExpectedDealFindings(Case c)
    {
        var seen = c.Deals.Select(See).ToArray();
        var cycles = seen.Where(s => s.Status == DealStatus.Won).Select(s => s.WonAt!.Value - s.Deal.CreatedAt).Order().ToArray();
        Duration? median =
            cycles.Length == 0 ? null
            : cycles.Length % 2 == 1 ? cycles[cycles.Length / 2]
            : (cycles[(cycles.Length / 2) - 1] + cycles[cycles.Length / 2]) / 2;
        var typical = c.Policy.TypicalWonCycle ?? median;
        var expected = new Dictionary<string, List<FindingKind>>();
        foreach (var s in seen.Where(s => s.Status == DealStatus.Open))
        {
            var touches = s.Events.Select(e => e.At).Concat(c.Activities.Where(a => a.Deal == s.Deal.Id && a.At <= AsOf).Select(a => a.At));
            var limit = c.Policy.RottingAfterByStage.TryGetValue(s.Stage, out var l) ? l : c.Policy.RottingAfter;
            var kinds = new List<FindingKind>();
            if (AsOf - touches.Max() > c.Policy.StaleAfter)
            {
                kinds.Add(FindingKind.Stale);
            }
            if (AsOf - s.Entered > limit)
            {
                kinds.Add(FindingKind.Rotting);
            }
            if (Period.Between(s.Close, Today, PeriodUnits.Days).Days > c.Policy.PastExpectedCloseGraceDays)
            {
                kinds.Add(FindingKind.PastExpectedClose);
            }
            if (typical is { } t && AsOf - s.Deal.CreatedAt > t)
            {
                kinds.Add(FindingKind.OlderThanTypicalCycle);
            }
            if (s.Pushes > c.Policy.CloseDatePushLimit)
            {
                kinds.Add(FindingKind.CloseDatePushed);
            }
            if (kinds.Count > 0)
            {
                expected[s.Deal.Id.Value] = kinds;
            }
        }
        return expected;
    }

    private static string[] BruteShortlist(Case c, string? owner, int size)
    {
        var expected = ExpectedDealFindings(c);
        return c
            .Deals.Select(See)
            .Where(s => expected.ContainsKey(s.Deal.Id.Value) && (owner is null || OwnerAsOf(s) == owner))
            .OrderByDescending(s => s.Deal.Amount.Amount * s.Probability)
            .ThenByDescending(s => expected[s.Deal.Id.Value].Count)
            .ThenBy(s => s.Deal.Id.Value, StringComparer.Ordinal)
            .Take(size)
            .Select(s => s.Deal.Id.Value)
            .ToArray();
    }

    private static string OwnerAsOf(Seen s) => s.Deal.Owner!; // the generator never reassigns

    private static bool Same(HealthReport a, HealthReport b) =>
        a.Findings.SequenceEqual(b.Findings)
        && a.Deals.SequenceEqual(b.Deals)
        && a.Shortlist.Equals(b.Shortlist)
        && a.Coverage == b.Coverage
        && a.TypicalWonCycle == b.TypicalWonCycle
        && a.SkippedChecks.SequenceEqual(b.SkippedChecks)
        && (a.OpenDeals, a.WonDeals, a.LostDeals, a.Currency) == (b.OpenDeals, b.WonDeals, b.LostDeals, b.Currency);

    // ---- the properties ----

    [Fact]
    public void EveryFinding_MeasuredIsBeyondItsThreshold_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases,
                c => c.Inspect().Findings.All(f => f.Kind == FindingKind.LowCoverage ? f.Measured < f.Threshold : f.Measured > f.Threshold)
            )
        );

    [Fact]
    public void DealFindings_AreExactlyThoseOfTheBruteForce_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases,
                c =>
                {
                    var report = c.Inspect();
                    var expected = ExpectedDealFindings(c);
                    var actual = report.Deals.ToDictionary(d => d.Deal.Value, d => d.Findings.Select(f => f.Kind).ToList());
                    return actual.Count == expected.Count
                        && expected.All(e => actual.TryGetValue(e.Key, out var kinds) && kinds.SequenceEqual(e.Value))
                        && report.Findings.Count(f => f.Subject == HealthSubject.Deal) == expected.Sum(e => e.Value.Count);
                }
            )
        );

    [Fact]
    public void Shortlist_IsTheTopNByWeightedAmountAmongDealsAtRisk_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases,
                c =>
                {
                    var report = c.Inspect();
                    var size = c.Policy.ShortlistSize;
                    return report.Shortlist.Deals.Select(d => d.Deal.Value).SequenceEqual(BruteShortlist(c, null, size))
                        && Owners.All(o => report.ShortlistFor(o).Deals.Select(d => d.Deal.Value).SequenceEqual(BruteShortlist(c, o, size)))
                        && report
                            .ShortlistFor("bob", 2 * size)
                            .Deals.Select(d => d.Deal.Value)
                            .SequenceEqual(BruteShortlist(c, "bob", 2 * size));
                }
            )
        );

    [Fact]
    public void Coverage_IsOpenPipelineInThePeriodOverRemainingTarget_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases,
                c =>
                {
                    var coverage = c.Inspect().Coverage!;
                    var seen = c.Deals.Select(See).ToArray();
                    var q2 = c.Goal.Period;
                    var open = seen.Where(s => s.Status == DealStatus.Open && s.Close >= Today && q2.Contains(s.Close))
                        .Sum(s => s.Deal.Amount.Amount);
                    var won = seen.Where(s => s.Status == DealStatus.Won && q2.Contains(s.WonAt!.Value.InUtc().Date))
                        .Sum(s => s.Deal.Amount.Amount);
                    var remaining = c.Goal.Target.Amount - won;
                    var low = remaining > 0m && open * c.Goal.WinRate < remaining;
                    return coverage.OpenPipeline.Amount == open
                        && coverage.WonSoFar.Amount == won
                        && coverage.IsEnough == !low
                        && c.Inspect().FindingsOf(FindingKind.LowCoverage).Any() == low;
                }
            )
        );

    [Fact]
    public void Inspect_DoesNotDependOnTheOrderOfTheDeals_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases,
                c =>
                {
                    var shuffled = c.Deals.ToArray();
                    new Random(c.Seed).Shuffle(shuffled);
                    var activities = Enumerable.Reverse(c.Activities).ToArray();
                    return Same(c.Inspect(), (c with { Deals = shuffled, Activities = activities }).Inspect());
                }
            )
        );

    [Fact]
    public void Accumulators_MergeOfAnySplit_EqualsTheWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases,
                c =>
                {
                    var inputs = c.Inputs;
                    var cut = c.Seed % (c.Deals.Length + 1);
                    var left = new PipelineHealthAccumulator(Pipeline, AsOf, c.Policy, inputs);
                    var right = new PipelineHealthAccumulator(Pipeline, AsOf, c.Policy, inputs);
                    left.AddRange(c.Deals.Take(cut));
                    right.AddRange(c.Deals.Skip(cut));
                    left.Merge(right);
                    return Same(left.Result(), PipelineHealth.Inspect(c.Deals, Pipeline, AsOf, c.Policy, inputs));
                }
            )
        );
}
