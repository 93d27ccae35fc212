using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Tests.Metrics;

namespace SalesPipeline.Tests.Frames;

public class FunnelFrameTests
{
    private static readonly FunnelOptions[] Options =
    [
        FunnelOptions.Default,
        new() { Breakdowns = [Breakdown.Owner] },
        new() { Breakdowns = [Breakdown.Owner, Breakdown.Owner] },
        new() { Breakdowns = [Breakdown.Owner, Breakdown.Source], LeadBreakdowns = [Breakdown.Owner] },
        new() { Rates = ExchangeRates.In(Currency.USD) },
        new() { QualifiedStageId = "proposal" },
    ];

    private static Lead[] LeadsOf(Deal[] deals) =>
        deals
            .Where(d => d.LeadId is not null && d.Source is not null && d.Owner is not null)
            .DistinctBy(d => d.LeadId)
            .Select(d =>
                Lead.Create(d.LeadId!.Value, "x", d.Source!, d.Owner!, History.T0)
                    .Convert(History.Pipeline, d.Id, Money.Of(1m, Currency.USD), new LocalDate(2026, 6, 30), History.T0)
                    .Lead
            )
            .ToArray();

    // Funnel.Of over a list (the frame path, where it applies) gives what it gives over the same deals read once as a
    // sequence (the deal path, today's code): every figure, decimal scales included, or the same exception.
    [Fact]
    public void Of_ListEqualsSequence_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                StintsHostile.RandomDeals.ToArbitrary(),
                Gen.Choose(0, Options.Length - 1).ToArbitrary(),
                (deals, o) =>
                {
                    var leads = LeadsOf(deals);
                    var framed = StintsHostile.Outcome(() => Funnel.Of(deals, leads, History.Pipeline, Options[o]));
                    var today = StintsHostile.Outcome(() => Funnel.Of(deals.Select(d => d), leads, History.Pipeline, Options[o]));
                    return framed == today;
                }
            )
        );

    private static int ran;
    private static int tried;

    // The kernel itself, split into 1 to 4 parts, counting by pattern or stage by stage: when it runs, the accumulator holds exactly what adding the deals one
    // by one gives (and adding them throws for none); when it declines, the accumulator is unchanged. It must run on most
    // lists (those with no refused deal, no other currency and no breakdown other than by owner).
    [Fact]
    public void TryAdd_EqualsAddingEachDeal_AndRunsOnMostLists_Property()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                StintsHostile.RandomDeals.ToArbitrary(),
                Gen.Choose(0, 2).ToArbitrary(),
                (from parts in Gen.Choose(1, 4) from patterns in Gen.Elements(0, 5) select (parts, patterns)).ToArbitrary(),
                (deals, o, split) =>
                {
                    var (parts, patterns) = split;
                    if (deals.Length == 0)
                    {
                        return true;
                    }
                    var options = Options[o];
                    var frame = DealFrame.Of(deals);
                    var accumulator = new FunnelAccumulator(History.Pipeline, Currency.USD, options);
                    var ok = accumulator.TryAdd(frame, parts, patterns);
                    tried++;
                    var oracle = new FunnelAccumulator(History.Pipeline, Currency.USD, options);
                    if (!ok)
                    {
                        return StintsHostile.Dump(accumulator.Result()) == StintsHostile.Dump(oracle.Result());
                    }
                    ran++;
                    oracle.AddRange(deals.Select(d => d)); // a sequence: the deal code, not the frame AddRange now runs on a list
                    // The leads join the qualified deals the kernel recorded.
                    var leads = LeadsOf(deals);
                    accumulator.AddRange(leads);
                    oracle.AddRange(leads);
                    return StintsHostile.Dump(accumulator.Result()) == StintsHostile.Dump(oracle.Result());
                }
            )
        );
        Assert.True(ran * 10 > tried * 6, $"The frame kernel ran on {ran} of {tried} lists.");
    }

    private static int wideRan;

    // Amounts whose sum at the frame's largest scale passes a long (up to five of USD 9.5 * 10^14 at scale 0 beside
    // amounts of scale 4: 9.5 * 10^18 each at the common scale, and at most USD 10^16 in any sum of the report): the
    // kernel scales such amounts with 128-bit integers instead of 64-bit ones, and still holds exactly what adding the
    // deals one by one gives, in any split.
    [Fact]
    public void TryAdd_AmountsPastALong_EqualsAddingEachDeal_Property()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                StintsHostile.RandomDeals.ToArbitrary(),
                Gen.Choose(1, 4).ToArbitrary(),
                (deals, parts) =>
                {
                    var large = deals.Select((d, i) => WithAmount(d, i < 15 ? i % 3 : 1 + i % 2)).ToArray();
                    if (large.Length == 0)
                    {
                        return true;
                    }
                    var frame = DealFrame.Of(large);
                    var accumulator = new FunnelAccumulator(History.Pipeline, Currency.USD);
                    var oracle = new FunnelAccumulator(History.Pipeline, Currency.USD);
                    if (!accumulator.TryAdd(frame, parts))
                    {
                        return StintsHostile.Dump(accumulator.Result()) == StintsHostile.Dump(oracle.Result());
                    }
                    wideRan += frame.Exactness.AmountBound > long.MaxValue ? 1 : 0;
                    oracle.AddRange(large.Select(d => d));
                    return StintsHostile.Dump(accumulator.Result()) == StintsHostile.Dump(oracle.Result());
                }
            )
        );
        Assert.True(wideRan > 10, $"The frame kernel ran on {wideRan} lists of amounts past a long.");
    }

    // kind 0: USD 9.5 * 10^14 (scale 0, a mantissa that fits a long); 1: as it was; 2: the amount at scale 4.
    private static Deal WithAmount(Deal deal, int kind)
    {
        if (kind == 1 || deal.Events[0] is not DealCreated created || created.Amount.Currency != Currency.USD)
        {
            return deal;
        }
        var amount = kind == 0 ? 950_000_000_000_000m : created.Amount.Amount * 1.0000m;
        return Deal.FromEvents([created with { Amount = Money.Of(amount, Currency.USD) }, .. deal.Events.Skip(1)]);
    }

    private static readonly FunnelOptions[] BreakdownOptions =
    [
        new() { Breakdowns = [Breakdown.Team], Organization = MetricDeals.Org },
        new() { Breakdowns = [Breakdown.Source, Breakdown.Product] },
        new() { Breakdowns = [Breakdown.Customer, Breakdown.Owner, Breakdown.Customer] },
        new()
        {
            Breakdowns = [Breakdown.Team, Breakdown.Source],
            Organization = MetricDeals.Org,
            Rates = ExchangeRates.In(Currency.USD),
        },
        new() { Breakdowns = [Breakdown.Team] }, // no organisation: refused before any deal, by both paths
    ];

    private static int breakdownRan;
    private static int breakdownTried;

    // Every breakdown over deals that vary owners (a real owner named "(unassigned)" too), pools of known, unknown and
    // no team, sources, products and customers: the list (the frame path) gives what the sequence gives (the deal
    // path), every figure and scale, or the same exception; and the kernel runs on most single-currency lists.
    [Fact]
    public void Of_Breakdowns_ListEqualsSequence_AndTheKernelRuns_Property()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                WinRateFrameDeals.DealsGen.ToArbitrary(),
                Gen.Choose(0, BreakdownOptions.Length - 1).ToArbitrary(),
                (deals, o) =>
                {
                    var options = BreakdownOptions[o];
                    var framed = StintsHostile.Outcome(() => Funnel.Of(deals, MetricDeals.Pipeline, options));
                    var today = StintsHostile.Outcome(() => Funnel.Of(deals.Select(d => d), MetricDeals.Pipeline, options));
                    if (o < 3 && deals.Length > 0 && deals.All(d => d.Amount.Currency == Currency.USD && d.Pipeline == "Metrics"))
                    {
                        breakdownTried++;
                        breakdownRan += new FunnelAccumulator(MetricDeals.Pipeline, Currency.USD, options).TryAdd(DealFrame.Of(deals))
                            ? 1
                            : 0;
                    }
                    return framed == today;
                }
            )
        );
        Assert.True(breakdownRan * 10 > breakdownTried * 6, $"The frame kernel ran on {breakdownRan} of {breakdownTried} lists.");
    }
}
