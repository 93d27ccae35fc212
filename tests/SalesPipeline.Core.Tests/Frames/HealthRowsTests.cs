using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Tests.Deals;

namespace SalesPipeline.Tests.Frames;

// Health on the frame checks the rows on their columns and keeps rows, not deals. The oracle is the deal code (the
// same inspection over a lazy sequence): the same report, coverage included, or the same exception, for deals in
// three currencies with rates (one sometimes missing) or none, pools entered by event, on creation and on import,
// a rep literally named "(unassigned)", stops and resumes, imported deals, events after the as-of instant, activities
// before and after it, and policies that make every check fire.
[Collection(FrameSplitting.Name)]
public class HealthRowsTests
{
    internal sealed record Setup(
        Instant AsOf,
        int Touched,
        ExchangeRates? Rates,
        bool Goal,
        int PushLimit,
        int PoolHours,
        Duration? Cycle,
        int StaleDays,
        int RottingDays
    );

    internal static readonly Gen<Setup> SetupGen =
        from hours in Gen.Choose(0, 24 * 300)
        from touched in Gen.Choose(0, 3)
        from rates in Gen.Frequency((3, RatedDeals.Rates.Select(r => (ExchangeRates?)r)), (1, Gen.Constant((ExchangeRates?)null)))
        from goal in Gen.Elements(true, false)
        from pushLimit in Gen.Choose(0, 2)
        from poolHours in Gen.Elements(1, 30, 48, 24 * 20)
        from cycle in Gen.Elements<Duration?>(null, Duration.FromDays(3), Duration.FromDays(40))
        from staleDays in Gen.Elements(1, 14, 60)
        from rottingDays in Gen.Elements(1, 4, 30)
        select new Setup(
            FrameDeals.T0 + Duration.FromHours(hours),
            touched,
            rates,
            goal,
            pushLimit,
            poolHours,
            cycle,
            staleDays,
            rottingDays
        );

    // FrameDeals' deals in three currencies (mostly the plain ones, which the frame path takes), some put in a pool by event (and some of those given a rep again), some
    // created by a rep named "(unassigned)", and imported deals, some of them waiting in a pool since a given instant.
    internal static readonly Gen<Deal[]> DealsGen =
        from deals in Gen.Frequency((3, RatedDeals.PlainDeals), (1, RatedDeals.Deals))
        from imported in Gen.Choose(0, 4)
        from seed in Gen.Choose(0, int.MaxValue)
        select Mix(deals, imported, seed);

    [Fact]
    public void Inspect_OnTheRows_EqualsTheDealByDealReport_Property() =>
        PropertyAssert.Holds(Prop.ForAll(DealsGen.ToArbitrary(), SetupGen.ToArbitrary(), (deals, setup) => Same(deals, setup)));

    [Fact]
    public void Inspect_SplitAcrossCores_EqualsTheDealByDealReport_Property()
    {
        using var _ = FramePartitions.SplitFrom(2);
        PropertyAssert.Holds(Prop.ForAll(DealsGen.ToArbitrary(), SetupGen.ToArbitrary(), (deals, setup) => Same(deals, setup)));
    }

    // Only the deals with an event after the as-of instant are kept as objects (as they were then); every other row
    // is kept as its row.
    [Fact]
    public void TheFramePath_KeepsADealOnlyForARowWithLaterEvents_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                FrameDeals.PlainDeals.ToArbitrary(),
                SetupGen.ToArbitrary(),
                (deals, setup) =>
                {
                    var accumulator = new PipelineHealthAccumulator(FrameDeals.Pipeline, setup.AsOf);
                    if (!accumulator.TryAdd(DealFrame.Of(deals)))
                    {
                        return true;
                    }
                    var kept = deals.Count(d =>
                        d.LastEventAt > setup.AsOf && d.AsOf(setup.AsOf).Status is DealStatus.Open or DealStatus.Won
                    );
                    Assert.Equal(kept, accumulator.DealsKept);
                    Assert.Equal(deals.Length, accumulator.Count);
                    return true;
                }
            )
        );

    // A stay in a stage less its pause: created in the first stage, stopped after a day and resumed there 19 days later,
    // so as of day 25 it has been in the stage 25 - 19 = 6 days (not rotting at 10); the same deal never stopped has
    // been there 25 days (rotting).
    [Fact]
    public void Rotting_OnTheRows_IsTheStayLessThePause()
    {
        var stage = FrameDeals.Pipeline.OpenStages[0].Id;
        var t0 = FrameDeals.T0;
        var paused = Deal.FromEvents([
            .. Opened("P").Events,
            new DealStopped(new DealId("P"), t0 + Duration.FromDays(1), "alice", StopReason.OnHold),
            new DealResumed(new DealId("P"), t0 + Duration.FromDays(20), "alice", stage),
        ]);
        var policy = HealthPolicy.Default with { RottingAfter = Duration.FromDays(10), StaleAfter = Duration.FromDays(100) };
        var accumulator = new PipelineHealthAccumulator(FrameDeals.Pipeline, t0 + Duration.FromDays(25), policy);
        Assert.True(accumulator.TryAdd(DealFrame.Of([paused, Opened("K")])));
        var rotting = accumulator.Result().FindingsOf(FindingKind.Rotting).Select(f => (f.Deal, f.Measured)).ToArray();
        Assert.Equal([(new DealId("K"), 25m)], rotting);

        Deal Opened(string id) =>
            Deal.FromEvents([
                new DealCreated(
                    new DealId(id),
                    t0,
                    "alice",
                    FrameDeals.Pipeline.Name,
                    id,
                    "bob",
                    Money.Of(100m, Currency.USD),
                    new LocalDate(2027, 1, 1),
                    stage
                ),
            ]);
    }

    // Waiting in a pool, on the rows (a frame of deal objects, and one of histories built whole or in parts) as the deal
    // code has it: since its creation for a deal created in a pool, since its InPoolSince for one imported into a pool
    // (else since its creation), never for a rep named "(unassigned)". As of day 10, with a limit of 3 days: C, created
    // in the pool on day 0, waits 10 days; I, created on day 0, in the pool since day 8 and observed on day 9, waits 2
    // days (no finding); J, the same import without InPoolSince, waits 10 days; U has an owner. Nothing else is due (no
    // event for 10 days, a close date next year, no won deal), so C and J alone are at risk, with one finding each.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void WaitingInPool_OnTheRows_StartsAtThePoolEntry(int kind)
    {
        var t0 = FrameDeals.T0;
        var stage = FrameDeals.Pipeline.OpenStages[0].Id;
        var (amount, close) = (Money.Of(100m, Currency.USD), new LocalDate(2027, 1, 1));
        Deal[] deals =
        [
            Created("C", null),
            Imported("I", t0 + Duration.FromDays(8)),
            Imported("J", null),
            Created("U", Deal.UnassignedOwner),
        ];
        var frame = kind == 0 ? DealFrame.Of(deals) : Building.AddRowTests.WithoutDeals(deals, inParts: kind == 2);
        var policy = HealthPolicy.Default with { PoolWaitAfter = Duration.FromDays(3) };
        var accumulator = new PipelineHealthAccumulator(FrameDeals.Pipeline, t0 + Duration.FromDays(10), policy);
        Assert.True(accumulator.TryAdd(frame));
        var report = accumulator.Result();
        Assert.Equal([("C", 1), ("J", 1)], report.Deals.Select(d => (d.Deal.Value, d.Findings.Count)));
        Assert.Equal([("C", 10m), ("J", 10m)], report.FindingsOf(FindingKind.WaitingInPool).Select(f => (f.Deal!.Value.Value, f.Measured)));

        Deal Created(string id, string? owner) =>
            Deal.FromEvents([new DealCreated(new DealId(id), t0, "alice", FrameDeals.Pipeline.Name, id, owner, amount, close, stage)]);

        Deal Imported(string id, Instant? inPoolSince) =>
            Deal.FromEvents([
                new DealImported(
                    new DealId(id),
                    t0 + Duration.FromDays(9),
                    "import",
                    FrameDeals.Pipeline.Name,
                    id,
                    null,
                    amount,
                    close,
                    stage,
                    DealStatus.Open,
                    t0,
                    true,
                    Team: "emea",
                    InPoolSince: inPoolSince
                ),
            ]);
    }

    // Two accumulators each read on its frame, merged, give what the deal code gives for the same two halves; a deal in
    // both halves is refused the same way, naming the same deal, and changes nothing.
    [Fact]
    public void Merge_OfFramedAccumulators_EqualsTheDealCode_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealsGen.ToArbitrary(),
                SetupGen.ToArbitrary(),
                (from cut in Gen.Choose(0, 100) from overlap in Gen.Elements(true, false) select (cut, overlap)).ToArbitrary(),
                (deals, setup, split) =>
                {
                    var (cut, overlap) = split;
                    var at = deals.Length * cut / 100;
                    var (first, second) = (deals[..at], deals[at..]);
                    if (overlap && first.Length > 0)
                    {
                        second = [.. second, first[^1]];
                    }
                    var framed = Merged(first, second, setup, list: true);
                    var stepped = Merged(first, second, setup, list: false);
                    Assert.Equal(stepped, framed);
                    return true;
                }
            )
        );

    [Fact]
    public void Merge_OfFramedAccumulators_RunsOnTheFrames()
    {
        var deals = FrameDeals.PlainDeals.Sample(30, new Rnd(5UL), 10).First(d => d.Length > 4);
        var late = FrameDeals.T0 + Duration.FromDays(400);
        var a = new PipelineHealthAccumulator(FrameDeals.Pipeline, late);
        var b = new PipelineHealthAccumulator(FrameDeals.Pipeline, late);
        a.AddRange(deals[..2]);
        b.AddRange(deals[2..]);
        a.Merge(b);
        Assert.True(a.AddedFromFrame);
        Assert.Equal(0, a.DealsKept);
        Assert.Equal(deals.Length, a.Count);
        var refused = Assert.Throws<ArgumentException>(() => a.Add(deals[3]));
        Assert.Contains($"Deal {deals[3].Id} was given twice", refused.Message, StringComparison.Ordinal);
    }

    private static string Merged(Deal[] first, Deal[] second, Setup setup, bool list)
    {
        var (policy, inputs) = PolicyAndInputs(first.Concat(second).ToArray(), setup);
        try
        {
            var a = new PipelineHealthAccumulator(FrameDeals.Pipeline, setup.AsOf, policy, inputs);
            var b = new PipelineHealthAccumulator(FrameDeals.Pipeline, setup.AsOf, policy, inputs);
            a.AddRange(list ? first : first.Select(d => d));
            b.AddRange(list ? second : second.Select(d => d));
            var refusal = "";
            try
            {
                a.Merge(b);
            }
            catch (ArgumentException e)
            {
                refusal = $"{e.ParamName}: {e.Message}";
            }
            var again = first.Length > 0 ? Refusal(() => a.Add(first[0])) : "";
            return $"{refusal}\n{again}\n{a.Count}\n{Outcome(a.Result)}";
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static bool Same(Deal[] deals, Setup setup)
    {
        var (policy, inputs) = PolicyAndInputs(deals, setup);
        Assert.Equal(
            Outcome(() => PipelineHealth.Inspect(deals.Select(d => d), FrameDeals.Pipeline, setup.AsOf, policy, inputs)),
            Outcome(() => PipelineHealth.Inspect(deals, FrameDeals.Pipeline, setup.AsOf, policy, inputs))
        );
        return true;
    }

    internal static (HealthPolicy, HealthInputs) PolicyAndInputs(Deal[] deals, Setup setup)
    {
        var policy = HealthPolicy.Default with
        {
            CloseDatePushLimit = setup.PushLimit,
            PoolWaitAfter = Duration.FromHours(setup.PoolHours),
            TypicalWonCycle = setup.Cycle,
            StaleAfter = Duration.FromDays(setup.StaleDays),
            RottingAfter = Duration.FromDays(setup.RottingDays),
        };
        // A call on every few deals, some before and some after the as-of instant.
        var activities = ActivityIndex.Create(
            deals
                .Where((_, i) => setup.Touched > 0 && i % setup.Touched == 0)
                .Select((d, i) => Activity.ForDeal(ActivityKind.Call, d.CreatedAt + Duration.FromHours(i * 7 % 900), "alice", d.Id))
        );
        var today = setup.AsOf.InUtc().Date;
        var quarter = FiscalCalendar.Calendar.Quarter(today.Year, ((today.Month - 1) / 3) + 1);
        return (
            policy,
            new HealthInputs
            {
                Activities = activities,
                Rates = setup.Rates,
                Coverage = setup.Goal ? new CoverageGoal(quarter, Money.Of(2_000_000m, Currency.EUR), 0.3m) : null,
            }
        );
    }

    internal static string Outcome(Func<HealthReport> inspect)
    {
        try
        {
            var report = inspect();
            var coverage = report.Coverage is { } c
                ? string.Create(CultureInfo.InvariantCulture, $"{c.Target}|{c.WonSoFar}|{c.OpenPipeline}|{c.OpenDeals}")
                : "no goal";
            return $"{coverage}\n{HealthFrameTests.Outcome(() => report)}";
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string Refusal(Action act)
    {
        try
        {
            act();
            return "";
        }
        catch (ArgumentException e)
        {
            return $"{e.ParamName}: {e.Message}";
        }
    }

    private static Deal[] Mix(Deal[] deals, int imported, int seed)
    {
        var rng = new Random(seed);
        var mixed = deals.Select(d => Varied(d, rng)).ToList();
        for (var i = 0; i < imported; i++)
        {
            mixed.Insert(rng.Next(mixed.Count + 1), Imported(rng, $"I{seed}-{i}"));
        }
        return [.. mixed];
    }

    // The deal put in a pool (and now and then given back to a rep), or created by a rep named "(unassigned)".
    private static Deal Varied(Deal deal, Random rng)
    {
        var events = deal.Events.ToList();
        var last = events[^1].At;
        switch (rng.Next(4))
        {
            case 0 when deal.Status == DealStatus.Open:
                events.Add(
                    new DealAssignedToPool(deal.Id, last + Duration.FromHours(rng.Next(0, 300)), "alice", rng.Next(2) == 0 ? null : "emea")
                );
                if (rng.Next(3) == 0)
                {
                    events.Add(new OwnerReassigned(deal.Id, events[^1].At + Duration.FromHours(rng.Next(0, 300)), "alice", "bob"));
                }
                break;
            case 1 when events[0] is DealCreated { Owner: not null } created:
                events[0] = created with { Owner = Deal.UnassignedOwner };
                break;
            default:
                return deal;
        }
        try
        {
            return Deal.FromEvents(events);
        }
        catch (ArgumentException)
        {
            return deal; // a history the rules refuse (a stopped deal put in a pool): the deal as it was
        }
    }

    // An imported deal observed a few hours after its last known instant: open ones now and then waiting in a pool
    // since a given instant or since their creation.
    private static Deal Imported(Random rng, string id)
    {
        var record = ImportRecords.Draw(rng, FrameDeals.Pipeline, id);
        var shift = ImportRecords.Created - FrameDeals.T0; // brought to FrameDeals' time
        record = record with
        {
            CreatedAt = record.CreatedAt - shift,
            ClosedAt = record.ClosedAt - shift,
            StageEnteredAt = record.StageEnteredAt - shift,
            History = record.History.Select(e => e with { EnteredAt = e.EnteredAt - shift }).ToList(),
        };
        if (record.Status == DealStatus.Open && rng.Next(2) == 0)
        {
            var pooledFrom = record.CreatedAt + Duration.FromHours(rng.Next(0, 5));
            record = record with { Owner = null, Team = "emea", InPoolSince = rng.Next(2) == 0 ? null : pooledFrom, History = [] };
            record = record with { StageEnteredAt = record.StageEnteredAt is null ? null : pooledFrom + Duration.FromHours(1) };
        }
        var known = new[]
        {
            record.CreatedAt,
            record.ClosedAt ?? record.CreatedAt,
            record.StageEnteredAt ?? record.CreatedAt,
            record.InPoolSince ?? record.CreatedAt,
        }
            .Concat(record.History.Select(e => e.EnteredAt))
            .Max();
        return FrameDeals.Pipeline.Import(record, known + Duration.FromHours(rng.Next(1, 24 * 20)));
    }
}
