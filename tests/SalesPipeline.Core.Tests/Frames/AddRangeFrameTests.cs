using System.Collections;
using System.Globalization;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Frames;

// The public AddRange of every accumulator over a list of deals against the oracle, Add on every deal in order: on a
// fresh accumulator and on one that holds deals already (added one by one), the same result to the last digit and
// scale, or the same exception with the same state after it. The frame path is shown to run (TryList takes most
// plain lists, fresh and non-empty), so the equality is not the deal code compared with itself.
// In one collection with the other classes that lower the split threshold: it is one static, so they run in turn.
[Collection(FrameSplitting.Name)]
public class AddRangeFrameTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];
    private static readonly FiscalPeriod[] Quarters = [.. FiscalCalendar.Calendar.Quarters(2026).Take(2)];
    private static readonly Instant AsOf = FrameDeals.T0 + Duration.FromDays(40);

    private static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA")
        .Rep("alice", "Alice", "emea")
        .Rep("bob", "Bob", "emea")
        .Team("apac", "APAC")
        .Rep("dave", "Dave", "apac")
        .Build();

    private static readonly ForecastOptions Forecasting = new() { AsOf = Months[0].Start.PlusDays(30), Organization = Org };

    private static Quota[] QuotasIn(Currency currency) =>
        [
            .. Months.Select(m => Quota.ForPerson("alice", m, Money.Of(10_000m, currency))),
            .. Quarters.Select(q => Quota.ForTeam("emea", q, Money.Of(50_000m, currency))),
        ];

    public static TheoryData<string> Names =>
        [
            "StageWeighted",
            "Category",
            "Attainment",
            "Funnel",
            "Velocity",
            "Leaderboard",
            "IncomingVolume",
            "TimeInStage",
            "Loss",
            "Competitor",
            "SalesCycle",
            "WinRate",
            "SnapshotBuilder",
        ];

    [Theory]
    [MemberData(nameof(Names))]
    public void AddRange_FreshOrNot_EqualsAddingEachDeal_Property(string name) => Holds(name, FrameDeals.Deals, checkRuns: false);

    [Theory]
    [MemberData(nameof(Names))]
    public void AddRange_OfPlainDeals_RunsOnTheFrame_AndEqualsAddingEachDeal_Property(string name) =>
        Holds(name, FrameDeals.PlainDeals, checkRuns: true);

    [Theory]
    [MemberData(nameof(Names))]
    public void AddRange_SplitAcrossParts_EqualsAddingEachDeal_Property(string name)
    {
        // Every frame runs split into parts, so the kernels' merge of parts is under test too.
        using var _ = FramePartitions.SplitFrom(2);
        Holds(name, FrameDeals.PlainDeals, checkRuns: true);
    }

    [Fact]
    public void AddRange_WithADealTheDealCodeRefuses_ThrowsTheSameAndKeepsTheDealsBeforeIt()
    {
        // Deal 1 of the list is in a stage the pipeline lacks: Add throws for it, after deal 0 was added. The list is
        // added to an accumulator that holds one deal already; the frame kernel must decline and leave it to Add.
        var deals = FrameDeals.PlainDeals.Sample(1, new Rnd(7UL), 30).Single().Where(d => d.IsOpen).Take(3).ToArray();
        var ghost = FrameDeals
            .Deals.Sample(400, new Rnd(11UL), 40)
            .SelectMany(d => d)
            .First(d => !FrameDeals.Pipeline.TryGetStage(d.StageId, out _));
        Deal[] list = [deals[1], ghost, deals[2]];
        var expected = new StageWeightedAccumulator(FrameDeals.Pipeline, Months, Currency.USD, Forecasting);
        expected.Add(deals[0]);
        var oracle = Outcome(() =>
        {
            foreach (var deal in list)
            {
                expected.Add(deal);
            }
            return "";
        });
        var actual = new StageWeightedAccumulator(FrameDeals.Pipeline, Months, Currency.USD, Forecasting);
        actual.Add(deals[0]);
        var outcome = Outcome(() =>
        {
            actual.AddRange(list);
            return "";
        });
        Assert.StartsWith("ArgumentException", outcome);
        Assert.Equal(oracle, outcome);
        Assert.Equal(Dump(expected.Result()), Dump(actual.Result()));
    }

    [Fact]
    public void AddRange_OfAListWithANull_NamesItsPosition_AfterAddingTheDealsBeforeIt()
    {
        var deals = FrameDeals.PlainDeals.Sample(1, new Rnd(5UL), 30).Single().Take(2).ToArray();
        var accumulator = new LossAccumulator();
        var error = Assert.Throws<ArgumentNullException>(() => accumulator.AddRange([deals[0], null!, deals[1]]));
        Assert.Equal("deals", error.ParamName);
        Assert.Contains("Deal 1 is null", error.Message, StringComparison.Ordinal);
        var oracle = new LossAccumulator();
        oracle.Add(deals[0]);
        Assert.Equal(Dump(oracle.Result()), Dump(accumulator.Result()));
    }

    [Fact]
    public void AddRange_ToAnAccumulatorOfAnotherCurrency_ThrowsAtTheFirstDealInIt_AsAddDoes()
    {
        // Win rates without rates take the first counted currency: USD here; the list's EUR deals must throw by the
        // deal code (Merge would throw too, but before or after other deals than Add), leaving the same state.
        var won = new DealCreated(
            new DealId("U"),
            FrameDeals.T0,
            "alice",
            FrameDeals.Pipeline.Name,
            "U",
            "alice",
            Money.Of(5m, Currency.USD),
            FrameDeals.FirstClose,
            FrameDeals.Pipeline.OpenStages[0].Id
        );
        var usd = Deal.FromEvents([
            won,
            new DealWon(won.DealId, FrameDeals.T0 + Duration.FromHours(1), "alice", FrameDeals.Pipeline.WonStage.Id),
        ]);
        var euros = Enumerable
            .Range(0, 3)
            .Select(i =>
            {
                var created = won with { DealId = new DealId($"E{i}"), Name = $"E{i}", Amount = Money.Of(7m + i, Currency.EUR) };
                return Deal.FromEvents([
                    created,
                    new DealWon(created.DealId, FrameDeals.T0 + Duration.FromHours(2), "alice", FrameDeals.Pipeline.WonStage.Id),
                ]);
            })
            .ToArray();
        var oracle = new WinRateAccumulator();
        oracle.Add(usd);
        var expected = Outcome(() =>
        {
            foreach (var deal in euros)
            {
                oracle.Add(deal);
            }
            return "";
        });
        var actual = new WinRateAccumulator();
        actual.Add(usd);
        Assert.Equal(
            expected,
            Outcome(() =>
            {
                actual.AddRange(euros);
                return "";
            })
        );
        Assert.Equal(oracle.StateText(), actual.StateText());
    }

    [Fact]
    public void AddRange_WhereTheMergeWouldRoundOtherwiseThanTheSteps_RunsTheSteps()
    {
        // Won so far: A = 9,999,999,999,999,999.999999999999 (28 digits, scale 12). The list: B = C = 1.0000000000006.
        // Step by step, A + B = 10,000,000,000,000,000.9999999999996 needs 30 digits, so decimal rounds it to scale 12:
        // ...001.000000000000; + C = ...002.0000000000006, rounded: 10,000,000,000,000,002.000000000001.
        // A merge adds B + C = 2.0000000000012 at once: A + 2.0000000000012 = ...002.0000000000002, rounded:
        // 10,000,000,000,000,002.000000000000. The two differ in the last digit, so the kernel must not merge here.
        var a = 9_999_999_999_999_999.999999999999m;
        var b = 1.0000000000006m;
        Assert.Equal(10_000_000_000_000_002.000000000001m, a + b + b);
        Assert.Equal(10_000_000_000_000_002.000000000000m, a + (b + b));
        Assert.False(FrameAddRange.SumsExactly(a, b + b));
        Deal[] list = [Won("B", b), Won("C", b)];
        Assert.True(FrameAddRange.TryFrame(new WinRateAccumulator(), DealFrame.Of(list)));

        var probe = new WinRateAccumulator();
        probe.Add(Won("A", a));
        Assert.False(FrameAddRange.TryFrame(probe, DealFrame.Of(list)));
        var oracle = new WinRateAccumulator();
        var actual = new WinRateAccumulator();
        foreach (var deal in (Deal[])[Won("A", a), .. list])
        {
            oracle.Add(deal);
        }
        actual.Add(Won("A", a));
        actual.AddRange(list);
        Assert.Equal(oracle.StateText(), actual.StateText());
        Assert.Contains("10000000000000002.000000000001", actual.StateText(), StringComparison.Ordinal);
    }

    [Fact]
    public void SumsExactly_IsTrueOnlyWhenTheSumKeepsTheLargerScale()
    {
        Assert.True(FrameAddRange.SumsExactly(1.5m, 2.25m)); // 3.75, scale 2
        Assert.True(FrameAddRange.SumsExactly(0m, 0.000m)); // 0.000, scale 3
        Assert.False(FrameAddRange.SumsExactly(1_000_000_000_000_000_000_000_000_000m, 0.01m)); // 10^27 at scale 2: 30 digits
        Assert.False(FrameAddRange.SumsExactly(decimal.MaxValue, 1m)); // past the range: refused, not thrown
    }

    // A deal of alice's won on T0 + 1 h, in USD unless another currency is given.
    internal static Deal Won(string id, decimal amount, Currency? currency = null)
    {
        var created = new DealCreated(
            new DealId(id),
            FrameDeals.T0,
            "alice",
            FrameDeals.Pipeline.Name,
            id,
            "alice",
            Money.Of(amount, currency ?? Currency.USD),
            FrameDeals.FirstClose,
            FrameDeals.Pipeline.OpenStages[0].Id
        );
        return Deal.FromEvents([
            created,
            new DealWon(created.DealId, FrameDeals.T0 + Duration.FromHours(1), "alice", FrameDeals.Pipeline.WonStage.Id),
        ]);
    }

    // The property, for the accumulator of that name set up with the generated rates (none when ratesGen is null).
    // checkRuns: the frame must also take most lists, as AddRange meets them (FrameAddRange.TryList: the gate, then
    // the kernel on the accumulator or on a fresh one merged in).
    internal static void Holds(string name, Gen<Deal[]> dealsGen, bool checkRuns, Gen<ExchangeRates>? ratesGen = null)
    {
        var (tried, ran, triedMerge, ranMerge) = (0, 0, 0, 0);
        var cases =
            from deals in dealsGen
            from cut in Gen.Choose(0, 100)
            from rates in ratesGen?.Select(r => (ExchangeRates?)r) ?? Gen.Constant<ExchangeRates?>(null)
            select (deals, cut: deals.Length * cut / 100, rates);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var (first, rest) = (c.deals[..c.cut], c.deals[c.cut..]);
                    Assert.Equal(Run(name, c.rates, first, rest, list: false), Run(name, c.rates, first, rest, list: true));
                    if (checkRuns && rest.Length > 0 && Setup(name, c.rates) is var probe && AddEach(probe, first) is null)
                    {
                        var took = Kernel(probe, rest);
                        (tried, ran) = (tried + 1, ran + (took ? 1 : 0));
                        if (first.Length > 0)
                        {
                            (triedMerge, ranMerge) = (triedMerge + 1, ranMerge + (took ? 1 : 0));
                        }
                    }
                }
            )
        );
        if (checkRuns)
        {
            Assert.True(ran * 10 > tried * 6, $"{name}: the frame ran for {ran} of {tried} lists.");
            Assert.True(ranMerge * 10 > triedMerge * 5, $"{name}: the frame ran for {ranMerge} of {triedMerge} lists added to deals.");
        }
    }

    // The deals before the cut added one by one (a refusal among them ends the case as the oracle's does), then the
    // rest: by AddRange of the list, or one by one (the oracle). The outcome and the state after it.
    private static string Run(string name, ExchangeRates? rates, Deal[] first, Deal[] rest, bool list)
    {
        var accumulator = Setup(name, rates);
        var error = AddEach(accumulator, first);
        if (error is null)
        {
            error = Outcome(() =>
            {
                if (list)
                {
                    AddRange(accumulator, rest);
                }
                else
                {
                    AddEach(accumulator, rest, rethrow: true);
                }
                return "";
            });
        }
        return error + "\n" + Outcome(() => Dump(Result(accumulator)));
    }

    // The accumulator of that name; with rates, converting by them into their reporting currency (the accumulators
    // that convert no amount take none).
    private static object Setup(string name, ExchangeRates? rates = null)
    {
        var currency = rates?.ReportingCurrency ?? Currency.USD;
        var forecasting = Forecasting with { Rates = rates };
        var metrics = rates is null ? null : new WinRateOptions { Rates = rates };
        return name switch
        {
            "StageWeighted" => new StageWeightedAccumulator(FrameDeals.Pipeline, Months, currency, forecasting),
            "Category" => new CategoryAccumulator(FrameDeals.Pipeline, Months, currency, forecasting),
            "Attainment" => new AttainmentAccumulator(
                FrameDeals.Pipeline,
                QuotasIn(currency),
                new AttainmentOptions { ForecastOptions = forecasting }
            ),
            "Funnel" => new FunnelAccumulator(FrameDeals.Pipeline, currency, rates is null ? null : new FunnelOptions { Rates = rates }),
            "Velocity" => new SalesVelocityAccumulator(
                Months[0],
                currency,
                rates is null ? null : new VelocityOptions { Rates = rates },
                Breakdown.Owner
            ),
            "Leaderboard" => new LeaderboardAccumulator(options: metrics),
            "IncomingVolume" => new IncomingVolumeAccumulator(Months, new IncomingVolumeOptions { Breakdown = Breakdown.Owner }),
            "TimeInStage" => new TimeInStageAccumulator(FrameDeals.Pipeline, AsOf),
            "Loss" => new LossAccumulator(metrics),
            "Competitor" => new CompetitorAccumulator(metrics),
            "SalesCycle" => new SalesCycleAccumulator(AsOf),
            "WinRate" => WinRateAccumulator.By(Breakdown.Owner, metrics),
            "SnapshotBuilder" => new ForecastSnapshotBuilder(FrameDeals.Pipeline, currency, forecasting),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such accumulator."),
        };
    }

    private static object Result(object accumulator) =>
        accumulator switch
        {
            StageWeightedAccumulator a => a.Result(),
            CategoryAccumulator a => a.Result(Org),
            AttainmentAccumulator a => a.Result(),
            FunnelAccumulator a => a.Result(),
            SalesVelocityAccumulator a => a.Result(),
            LeaderboardAccumulator a => a.StateText() + Dump(a.Result(LeaderboardMeasure.WonAmount)),
            IncomingVolumeAccumulator a => a.StateText() + Dump(a.Result()),
            TimeInStageAccumulator a => a.Result(),
            LossAccumulator a => a.StateText() + Dump(a.Result()),
            CompetitorAccumulator a => a.StateText() + Dump(a.Result()),
            SalesCycleAccumulator a => a.Result(),
            WinRateAccumulator a => a.StateText() + Dump(a.Result()),
            ForecastSnapshotBuilder a => Columns(a.Build()),
            _ => throw new ArgumentOutOfRangeException(nameof(accumulator)),
        };

    private static void AddRange(object accumulator, Deal[] deals)
    {
        switch (accumulator)
        {
            case StageWeightedAccumulator a:
                a.AddRange(deals);
                break;
            case CategoryAccumulator a:
                a.AddRange(deals);
                break;
            case AttainmentAccumulator a:
                a.AddRange(deals);
                break;
            case FunnelAccumulator a:
                a.AddRange(deals);
                break;
            case SalesVelocityAccumulator a:
                a.AddRange(deals);
                break;
            case LeaderboardAccumulator a:
                a.AddRange(deals);
                break;
            case IncomingVolumeAccumulator a:
                a.AddRange(deals);
                break;
            case TimeInStageAccumulator a:
                a.AddRange(deals);
                break;
            case LossAccumulator a:
                a.AddRange(deals);
                break;
            case CompetitorAccumulator a:
                a.AddRange(deals);
                break;
            case SalesCycleAccumulator a:
                a.AddRange(deals);
                break;
            case WinRateAccumulator a:
                a.AddRange(deals);
                break;
            case ForecastSnapshotBuilder a:
                a.AddRange(deals);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(accumulator));
        }
    }

    // The frame path AddRange takes for these deals (its gate included), run on the accumulator.
    private static bool Kernel(object accumulator, Deal[] deals) =>
        accumulator switch
        {
            StageWeightedAccumulator a => FrameAddRange.TryList(a, deals),
            CategoryAccumulator a => FrameAddRange.TryList(a, deals),
            AttainmentAccumulator a => FrameAddRange.TryList(a, deals),
            FunnelAccumulator a => FrameAddRange.TryList(a, deals),
            SalesVelocityAccumulator a => FrameAddRange.TryList(a, deals),
            LeaderboardAccumulator a => FrameAddRange.TryList(a, deals),
            IncomingVolumeAccumulator a => FrameAddRange.TryList(a, deals),
            TimeInStageAccumulator a => FrameAddRange.TryList(a, deals),
            LossAccumulator a => FrameAddRange.TryList(a, deals),
            CompetitorAccumulator a => FrameAddRange.TryList(a, deals),
            SalesCycleAccumulator a => FrameAddRange.TryList(a, deals),
            WinRateAccumulator a => FrameAddRange.TryList(a, deals),
            ForecastSnapshotBuilder a => FrameAddRange.TryList(a, deals),
            _ => throw new ArgumentOutOfRangeException(nameof(accumulator)),
        };

    // Every column of the snapshot, row by row, and its owners in order.
    private static string Columns(ForecastSnapshot s) =>
        string.Join(",", s.Owners)
        + "\n"
        + string.Join(
            "\n",
            Enumerable
                .Range(0, s.Count)
                .Select(i => $"{s.AmountMinor[i]} {s.ProbabilityPpm[i]} {s.Day[i]} {s.Kind[i]} {s.Owner[i]} {s.Category[i]}")
        );

    // Add on every deal in order; the first refusal, rendered (or rethrown), ends it.
    private static string? AddEach(object accumulator, Deal[] deals, bool rethrow = false)
    {
        var add = accumulator.GetType().GetMethod("Add", [typeof(Deal)])!;
        foreach (var deal in deals)
        {
            try
            {
                add.Invoke(accumulator, [deal]);
            }
            catch (TargetInvocationException e) when (e.InnerException is { } inner)
            {
                if (rethrow)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
                }
                return Describe(inner);
            }
        }
        return null;
    }

    private static string Outcome(Func<string> run)
    {
        try
        {
            return run();
        }
#pragma warning disable CA1031 // the exception is the outcome under test
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Describe(e);
        }
    }

    private static string Describe(Exception e) =>
        $"{e.GetType().Name}: {e.Message} ({(e as ArgumentException)?.ParamName})"
        + (Environment.GetEnvironmentVariable("ADDRANGE_TRACE") is null ? "" : e.StackTrace);

    // Every public property, recursively, decimals with their scales: two results render alike only when every figure
    // a caller can read is the same.
    internal static string Dump(object? value, int depth = 6)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                return s;
            case decimal or double or float or IFormattable when value.GetType().IsPrimitive || value is decimal or Enum:
                return ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture);
            case Money m:
                return m.Amount.ToString(CultureInfo.InvariantCulture) + " " + m.Currency.Code;
            case Currency c:
                return c.Code;
        }
        var type = value.GetType();
        if (type.Namespace?.StartsWith("SalesPipeline", StringComparison.Ordinal) != true && value is not IEnumerable)
        {
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
        if (depth == 0)
        {
            return "…";
        }
        if (value is IEnumerable items)
        {
            return "[" + string.Join("; ", items.Cast<object?>().Select(i => Dump(i, depth - 1))) + "]";
        }
        return type.Name
            + "{"
            + string.Join(
                ", ",
                type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0 && !p.Name.Contains("Options", StringComparison.Ordinal))
                    .OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => p.Name + "=" + Outcome(() => Dump(p.GetValue(value), depth - 1)))
            )
            + "}";
    }
}
