using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Frames;

// The public AddRange of every accumulator that converts amounts, WITH exchange rates, against the oracle, Add on every
// deal in order (AddRangeFrameTests.Holds): on a fresh accumulator and on one that holds deals already, the same
// result to the last digit and scale, or the same exception (a missing rate, a product past the reporting currency's
// range) with the same state after it. With short rates the frame is shown to run as AddRange meets the list (its
// gate, then the kernel alone or merged in), so the equality is not the deal code compared with itself.
[Collection(FrameSplitting.Name)]
public class AddRangeRatesTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];

    public static TheoryData<string> Names =>
        [
            "StageWeighted",
            "SnapshotBuilder",
            "Category",
            "Attainment",
            "Funnel",
            "Velocity",
            "Leaderboard",
            "Loss",
            "Competitor",
            "WinRate",
        ];

    [Theory]
    [MemberData(nameof(Names))]
    public void AddRange_WithRates_FreshOrNot_EqualsAddingEachDeal_Property(string name) =>
        AddRangeFrameTests.Holds(name, RatedDeals.Deals, checkRuns: false, RatedDeals.Rates);

    [Theory]
    [MemberData(nameof(Names))]
    public void AddRange_OfPlainDealsWithShortRates_RunsOnTheFrame_AndEqualsAddingEachDeal_Property(string name) =>
        AddRangeFrameTests.Holds(name, RatedDeals.PlainDeals, checkRuns: true, RatedDeals.PlainRates);

    [Theory]
    [MemberData(nameof(Names))]
    public void AddRange_WithRates_SplitAcrossParts_EqualsAddingEachDeal_Property(string name)
    {
        using var _ = FramePartitions.SplitFrom(2);
        AddRangeFrameTests.Holds(name, RatedDeals.PlainDeals, checkRuns: true, RatedDeals.PlainRates);
    }

    [Fact]
    public void AddRange_WithAMissingRate_ThrowsAtThatDeal_AfterAddingTheDealsBeforeIt()
    {
        // Held: USD 100 open in Prospecting (10%), expected 2026-02-10, so in February. The list: EUR 10.00, CHF 5 (no
        // rate), EUR 20.5. Add converts EUR 10.00 at 1.08 = USD 10.8000, then throws for CHF; EUR 20.5 is never added.
        // February then: 2 open deals, 100 + 10.8000 = 110.8000; weighted 100 x 0.10 = 10.00 plus 10.8000 x 0.10 =
        // 1.080000, 11.080000, 11.08 on the line.
        var options = new ForecastOptions
        {
            AsOf = Months[0].Start.PlusDays(30),
            Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m),
        };
        Deal[] list = [Open("E1", 10.00m, Currency.EUR), Open("C", 5m, Currency.CHF), Open("E2", 20.5m, Currency.EUR)];
        var accumulator = new StageWeightedAccumulator(FrameDeals.Pipeline, Months, Currency.USD, options);
        accumulator.Add(Open("U", 100m, Currency.USD));
        Assert.False(FrameAddRange.TryList(accumulator, list)); // the kernel declines and changes nothing
        var e = Assert.Throws<MissingExchangeRateException>(() => accumulator.AddRange(list));
        Assert.Equal(
            "There is no exchange rate from CHF to the reporting currency USD; add one with ExchangeRates.With(CHF, rate).",
            e.Message
        );
        var february = accumulator.Result().Periods[1];
        Assert.Equal(2, february.OpenDeals);
        Assert.Equal("110.8000", Text(february.OpenAmount.Amount));
        Assert.Equal("11.08", Text(february.Weighted.Amount));
        var oracle = new StageWeightedAccumulator(FrameDeals.Pipeline, Months, Currency.USD, options);
        oracle.Add(Open("U", 100m, Currency.USD));
        oracle.Add(list[0]);
        Assert.Throws<MissingExchangeRateException>(() => oracle.Add(list[1]));
        Assert.Equal(AddRangeFrameTests.Dump(oracle.Result()), AddRangeFrameTests.Dump(accumulator.Result()));
    }

    [Fact]
    public void AddRange_WithRates_ToAnAccumulatorHoldingDeals_MergesTheFrame()
    {
        // Held: USD 100. The list: EUR 10.00 at 1.08 = 10.8000 and GBP 50.5 at 1.27 = 64.135, both open in February.
        // Open amount 100 + 10.8000 + 64.135 = 174.9350 (scale 4, the largest); weighted 10.00 + 1.080000 + 6.41350 =
        // 17.493500, 17.49 on the line. The list runs on the frame, merged into the held deals.
        var options = new ForecastOptions
        {
            AsOf = Months[0].Start.PlusDays(30),
            Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m).With(Currency.GBP, 1.27m),
        };
        Deal[] list = [Open("E", 10.00m, Currency.EUR), Open("G", 50.5m, Currency.GBP)];
        var probe = new StageWeightedAccumulator(FrameDeals.Pipeline, Months, Currency.USD, options);
        probe.Add(Open("U", 100m, Currency.USD));
        Assert.True(FrameAddRange.TryList(probe, list));
        var accumulator = new StageWeightedAccumulator(FrameDeals.Pipeline, Months, Currency.USD, options);
        accumulator.Add(Open("U", 100m, Currency.USD));
        accumulator.AddRange(list);
        var february = accumulator.Result().Periods[1];
        Assert.Equal(3, february.OpenDeals);
        Assert.Equal("174.9350", Text(february.OpenAmount.Amount));
        Assert.Equal("17.49", Text(february.Weighted.Amount));
        Assert.Equal(AddRangeFrameTests.Dump(probe.Result()), AddRangeFrameTests.Dump(accumulator.Result()));
    }

    [Fact]
    public void AddRange_WhereConvertedAmountsWouldMergeOtherwiseThanTheSteps_RunsTheSteps()
    {
        // Held: won USD A = 9,999,999,999,999,999.999999999999 (28 digits, scale 12). The list: two deals won in EUR
        // 0.5000000000003 at 2, USD 1.0000000000006 each (scale 13). Step by step A + 1.0000000000006 needs 30 digits
        // and rounds to 10,000,000,000,000,001.000000000000; + 1.0000000000006 = ...002.0000000000006, rounded to
        // 10,000,000,000,000,002.000000000001. A merge would add 2.0000000000012 at once and round to
        // ...002.000000000000: so the merge is refused and the steps run.
        var options = new WinRateOptions { Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 2m) };
        var a = AddRangeFrameTests.Won("A", 9_999_999_999_999_999.999999999999m);
        Deal[] list =
        [
            AddRangeFrameTests.Won("B", 0.5000000000003m, Currency.EUR),
            AddRangeFrameTests.Won("C", 0.5000000000003m, Currency.EUR),
        ];
        Assert.True(FrameAddRange.TryList(new WinRateAccumulator(options), list)); // fresh: the kernel runs
        var probe = new WinRateAccumulator(options);
        probe.Add(a);
        Assert.False(FrameAddRange.TryList(probe, list));
        var oracle = new WinRateAccumulator(options);
        foreach (var deal in (Deal[])[a, .. list])
        {
            oracle.Add(deal);
        }
        var actual = new WinRateAccumulator(options);
        actual.Add(a);
        actual.AddRange(list);
        Assert.Equal(oracle.StateText(), actual.StateText());
        Assert.Contains("10000000000000002.000000000001", actual.StateText(), StringComparison.Ordinal);
    }

    [Fact]
    public void SumsExactly_OfAnExactSum_MeansTheStepsGiveTheMergedSum_Property()
    {
        // What every MergesLikeAdd rests on: when a kernel's sum (exact: its terms added without rounding, at the
        // largest scale of the terms) joins a held sum and SumsExactly says yes, adding the terms one by one to the
        // held sum gives the same decimal, bits and scale. Terms as converted amounts are: a long mantissa at any
        // scale; held sums of any width and scale, as a sum that rounded has.
        var (merged, refused, differ) = (0, 0, 0);
        var term =
            from digits in Gen.Choose(1, 18)
            from m in LongMantissa
            from scale in Gen.Choose(0, 28)
            select Decimal((ulong)(m % BigInteger.Pow(10, digits)), scale);
        var cases = from held in Held from terms in Gen.ListOf(term) select (held, terms: terms.Take(6).ToArray());
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var added = c.terms.Aggregate(0m, (sum, t) => sum + t);
                    if (!IsExactSum(added, c.terms))
                    {
                        return; // the kernels refuse sums that round (Exactness.AmountsSum, ScaledSum.TryTotal)
                    }
                    var steps = Steps(c.held, c.terms);
                    if (FrameAddRange.SumsExactly(c.held, added))
                    {
                        merged++;
                        Assert.Equal(Bits(c.held + added), steps is { } s ? Bits(s) : "overflow");
                    }
                    else
                    {
                        refused++;
                        differ += steps is { } s && Bits(s) == Bits(c.held + added) ? 0 : 1;
                    }
                }
            )
        );
        Assert.True(merged > 10 && refused > 10, $"merged {merged}, refused {refused}");
        Assert.True(differ > 0, $"none of the {refused} refused cases would have merged otherwise than the steps");
    }

    // Any non-negative decimal of up to 96 bits at any scale; wide ones often.
    private static readonly Gen<decimal> Held =
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        from mid in Gen.Choose(int.MinValue, int.MaxValue)
        from hi in Gen.Elements(0, 1, 1_000, 500_000_000, -1)
        from scale in Gen.Choose(0, 28)
        select new decimal(lo, mid, hi, false, (byte)scale);

    private static readonly Gen<BigInteger> LongMantissa =
        from a in Gen.Choose(0, int.MaxValue)
        from b in Gen.Choose(0, int.MaxValue)
        select ((BigInteger)a << 31) | b;

    private static decimal Decimal(ulong mantissa, int scale) =>
        new(unchecked((int)(uint)mantissa), unchecked((int)(uint)(mantissa >> 32)), 0, false, (byte)scale);

    // Whether the decimal sum equals the terms' exact sum written at their largest scale.
    private static bool IsExactSum(decimal sum, decimal[] terms)
    {
        var scale = terms.Length == 0 ? 0 : terms.Max(t => t.Scale);
        var exact = terms.Aggregate(BigInteger.Zero, (acc, t) => acc + Mantissa(t) * BigInteger.Pow(10, scale - t.Scale));
        return sum.Scale == scale && Mantissa(sum) == exact;
    }

    private static BigInteger Mantissa(decimal value)
    {
        var bits = decimal.GetBits(value);
        return unchecked(((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0]);
    }

    private static decimal? Steps(decimal held, decimal[] terms)
    {
        try
        {
            return terms.Aggregate(held, (sum, t) => sum + t);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static string Bits(decimal value) => string.Join(",", decimal.GetBits(value));

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static Deal Open(string id, decimal amount, Currency currency) =>
        Deal.Open(FrameDeals.Pipeline, new DealId(id), id, "alice", Money.Of(amount, currency), new LocalDate(2026, 2, 10), FrameDeals.T0);
}
