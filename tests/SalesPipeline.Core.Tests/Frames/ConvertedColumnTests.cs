using System.Globalization;
using System.Numerics;
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

// The frame's column of amounts converted by exchange rates: each usable row is the very decimal ExchangeRates.Convert
// gives (bits and scale), each row it throws for is marked, and the column is cached per frame for the last rates.
public class ConvertedColumnTests
{
    [Fact]
    public void EachRow_IsTheDecimalConvertGives_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                RatedDeals.Rates.ToArbitrary(),
                (deals, rates) =>
                {
                    if (deals.Length == 0)
                    {
                        return true;
                    }
                    var column = DealFrame.Of(deals).AmountsIn(rates);
                    for (var r = 0; r < deals.Length; r++)
                    {
                        Assert.Equal(Expected(deals[r].Amount, rates), Actual(column, r));
                    }
                    return true;
                }
            )
        );

    [Fact]
    public void TheBound_CoversEveryUsableRow_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                RatedDeals.Rates.ToArbitrary(),
                (deals, rates) =>
                {
                    var column = DealFrame.Of(deals.Length == 0 ? [Sample()] : deals).AmountsIn(rates);
                    BigInteger sum = 0;
                    for (var r = 0; r < column.Scale.Length; r++)
                    {
                        if (column.Scale[r] != ReportingAmounts.Unusable)
                        {
                            Assert.True(column.Scale[r] <= column.Exactness.MaxAmountScale);
                            sum += Math.Abs(column.Mantissa[r]) * BigInteger.Pow(10, column.Exactness.MaxAmountScale - column.Scale[r]);
                        }
                    }
                    // Saturated, as the kernels read it: at or past 2^96 they fall back anyway.
                    var max = (BigInteger)UInt128.MaxValue;
                    Assert.Equal(sum >= max ? UInt128.MaxValue : (UInt128)sum, column.Exactness.AmountBound);
                    return true;
                }
            )
        );

    [Fact]
    public void ProductsThatRound_AreRoundedAsDecimalRoundsThem()
    {
        // 123.456789 x 0.00000000000000000000012345 = 1.524074060205E-20 exactly (scale 32), which decimal rounds to
        // scale 28: 0.0000000000000000000152407406 (mantissa 152407406, the 0205 past scale 28 rounded away).
        var deal = RatedDeals.In(Sample(123.456789m), Currency.GBP);
        var rates = ExchangeRates.In(Currency.USD).With(Currency.GBP, 0.00000000000000000000012345m);
        var column = DealFrame.Of([deal]).AmountsIn(rates);
        Assert.Equal("0.0000000000000000000152407406", Actual(column, 0));
        Assert.Equal(rates.Convert(deal.Amount).Amount.ToString(CultureInfo.InvariantCulture), Actual(column, 0));
    }

    [Fact]
    public void RowsConvertThrowsFor_AreMarked()
    {
        // No CHF rate: Convert throws MissingExchangeRateException. GBP 20,000 x 10^12 = USD 2 x 10^16, past USD's
        // limit of 10^16: ArgumentOutOfRangeException. EUR 100.00 x 1.08 = USD 108.0000 is usable.
        Deal[] deals =
        [
            RatedDeals.In(Sample(5m), Currency.CHF),
            RatedDeals.In(Sample(20_000m), Currency.GBP),
            RatedDeals.In(Sample(100.00m), Currency.EUR),
        ];
        var rates = ExchangeRates.In(Currency.USD).With(Currency.GBP, 1e12m).With(Currency.EUR, 1.08m);
        var column = DealFrame.Of(deals).AmountsIn(rates);
        Assert.Equal(new byte[] { ReportingAmounts.Unusable, ReportingAmounts.Unusable, 4 }, column.Scale);
        Assert.Equal(1080000L, column.Mantissa[2]);
        Assert.Throws<MissingExchangeRateException>(() => rates.Convert(deals[0].Amount));
        Assert.Throws<ArgumentOutOfRangeException>(() => rates.Convert(deals[1].Amount));
    }

    [Fact]
    public void TheColumn_IsKeptForTheLastRates_AndNeverSharedByRatesThatConvertDifferently()
    {
        var frame = DealFrame.Of([RatedDeals.In(Sample(100.00m), Currency.EUR)]);
        var short1 = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);
        var same = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m).With(Currency.GBP, 2m); // GBP: not in the frame
        var longer = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.080m); // equal to short1, but another scale
        var first = frame.AmountsIn(short1);
        Assert.Same(first, frame.AmountsIn(short1));
        Assert.Same(first, frame.AmountsIn(same));
        // 100.00 x 1.080 = 108.00000 (scale 5), not 108.0000: the tables are Equal, yet the columns differ.
        Assert.Equal(short1, longer);
        var second = frame.AmountsIn(longer);
        Assert.NotSame(first, second);
        Assert.Equal("108.00000", Actual(second, 0));
        Assert.Equal("108.0000", Actual(frame.AmountsIn(short1), 0));
        Assert.Same(frame.AmountsIn(null), frame.AmountsIn(null));
        // Another reporting currency never matches either.
        Assert.NotSame(first, frame.AmountsIn(ExchangeRates.In(Currency.GBP).With(Currency.EUR, 1.08m)));
    }

    internal static Deal Sample(decimal amount = 1m) =>
        Deal.Open(
            FrameDeals.Pipeline,
            new DealId("S"),
            "S",
            "alice",
            Money.Of(amount, Currency.USD),
            new LocalDate(2026, 2, 10),
            FrameDeals.T0
        );

    private static string Expected(Money amount, ExchangeRates rates)
    {
        try
        {
            var converted = rates.Convert(amount).Amount;
            // A product whose mantissa needs more than a long is marked too: the kernels leave it to the deal code.
            return Exactness.TrySplit(converted, out _, out _) ? converted.ToString(CultureInfo.InvariantCulture) : "unusable";
        }
        catch (Exception e) when (e is MissingExchangeRateException or ArgumentOutOfRangeException)
        {
            return "unusable";
        }
    }

    private static string Actual(ReportingAmounts column, int row) =>
        column.Scale[row] == ReportingAmounts.Unusable
            ? "unusable"
            : ToDecimal(column.Mantissa[row], column.Scale[row]).ToString(CultureInfo.InvariantCulture);

    private static decimal ToDecimal(long mantissa, byte scale)
    {
        var magnitude = (ulong)Math.Abs(mantissa);
        return unchecked(new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, mantissa < 0, scale));
    }
}
