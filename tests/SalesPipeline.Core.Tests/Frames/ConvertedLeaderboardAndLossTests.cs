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

// The leaderboard and the loss analysis with exchange rates: the frame kernels on the converted column against Add on
// every deal (the same exact state, sums and scales included, or a refusal that changes nothing), and the entry
// points against the deal code (the same result or exception).
public class ConvertedLeaderboardAndLossTests
{
    private static readonly Gen<Currency> CurrencyGen = Gen.Elements(Currency.USD, Currency.EUR, Currency.GBP);

    private static readonly Gen<Deal[]> Deals =
        from deals in WinRateFrameDeals.DealsGen
        from picks in Gen.ArrayOf(CurrencyGen)
        select deals.Select((d, i) => picks.Length == 0 ? d : RatedDeals.In(d, picks[i % picks.Length])).ToArray();

    private static readonly Gen<WinRateOptions> OptionsGen =
        from options in WinRateFrameDeals.OptionsGen
        from rates in RatedDeals.Rates
        select options with
        {
            Rates = rates,
            Currency = options.Currency == rates.ReportingCurrency ? options.Currency : null,
        };

    [Fact]
    public void Leaderboard_TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing()
    {
        var (tried, taken) = (0, 0);
        var cases =
            from deals in Deals
            from options in OptionsGen
            from level in Gen.Elements(LeaderboardLevel.Rep, LeaderboardLevel.Team)
            from parts in Gen.Choose(1, 4)
            select (deals, options, level, parts);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var oracle = new LeaderboardAccumulator(c.level, c.options);
                    var expected = WinRateFrameDeals.Outcome(() =>
                    {
                        oracle.AddRange(c.deals.Select(d => d)); // a sequence: the deal code, whatever AddRange does with a list
                        return Board(oracle) + "\n" + oracle.StateText();
                    });
                    if (c.deals.Length == 0)
                    {
                        return;
                    }
                    var framed = new LeaderboardAccumulator(c.level, c.options);
                    var before = framed.StateText();
                    tried++;
                    if (framed.TryAdd(DealFrame.Of(c.deals), c.parts))
                    {
                        taken++;
                        Assert.Equal(expected, Board(framed) + "\n" + framed.StateText());
                    }
                    else
                    {
                        Assert.Equal(before, framed.StateText());
                    }
                }
            )
        );
        Assert.True(taken * 3 > tried, $"the kernel took {taken} of {tried} cases");
    }

    [Fact]
    public void Leaderboard_EntryPoint_GivesWhatItGaveBefore_ValuesOrExceptions() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Deals.ToArbitrary(),
                OptionsGen.ToArbitrary(),
                (deals, options) =>
                {
                    var oracle = WinRateFrameDeals.Outcome(() =>
                    {
                        var accumulator = new LeaderboardAccumulator(LeaderboardLevel.Rep, options);
                        accumulator.AddRange(deals);
                        return accumulator.Result(LeaderboardMeasure.WonAmount).ToString();
                    });
                    Assert.Equal(
                        oracle,
                        WinRateFrameDeals.Outcome(() =>
                            Leaderboard.Of(deals, [], LeaderboardMeasure.WonAmount, LeaderboardLevel.Rep, options).ToString()
                        )
                    );
                    return true;
                }
            )
        );

    [Fact]
    public void Losses_TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing()
    {
        var (tried, taken) = (0, 0);
        var cases = from deals in Deals from options in OptionsGen from parts in Gen.Choose(1, 4) select (deals, options, parts);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var oracle = new LossAccumulator(c.options);
                    var expected = WinRateFrameDeals.Outcome(() =>
                    {
                        oracle.AddRange(c.deals.Select(d => d)); // a sequence: the deal code, whatever AddRange does with a list
                        return oracle.Result() + "\n" + oracle.StateText();
                    });
                    if (c.deals.Length == 0)
                    {
                        return;
                    }
                    var framed = new LossAccumulator(c.options);
                    var before = framed.StateText();
                    tried++;
                    if (framed.TryAdd(DealFrame.Of(c.deals), c.parts))
                    {
                        taken++;
                        Assert.Equal(expected, framed.Result() + "\n" + framed.StateText());
                    }
                    else
                    {
                        Assert.Equal(before, framed.StateText());
                    }
                }
            )
        );
        Assert.True(taken * 3 > tried, $"the kernel took {taken} of {tried} cases");
    }

    [Fact]
    public void Losses_EntryPoint_GivesWhatItGaveBefore_ValuesOrExceptions() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Deals.ToArbitrary(),
                OptionsGen.ToArbitrary(),
                (deals, options) =>
                {
                    var oracle = WinRateFrameDeals.Outcome(() =>
                    {
                        var accumulator = new LossAccumulator(options);
                        accumulator.AddRange(deals);
                        return accumulator.Result().ToString() + " " + accumulator.Result().Lost.Value?.Amount;
                    });
                    Assert.Equal(
                        oracle,
                        WinRateFrameDeals.Outcome(() =>
                            LossAnalysis.Of(deals, options) is var report ? report.ToString() + " " + report.Lost.Value?.Amount : ""
                        )
                    );
                    return true;
                }
            )
        );

    [Fact]
    public void Competitors_TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing()
    {
        var (tried, taken) = (0, 0);
        var cases = from deals in Deals from options in OptionsGen from parts in Gen.Choose(1, 4) select (deals, options, parts);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var oracle = new CompetitorAccumulator(c.options);
                    var expected = WinRateFrameDeals.Outcome(() =>
                    {
                        oracle.AddRange(c.deals.Select(d => d)); // a sequence: the deal code, whatever AddRange does with a list
                        return oracle.Result() + "\n" + oracle.StateText();
                    });
                    if (c.deals.Length == 0)
                    {
                        return;
                    }
                    var framed = new CompetitorAccumulator(c.options);
                    var before = framed.StateText();
                    tried++;
                    if (framed.TryAdd(DealFrame.Of(c.deals), c.parts))
                    {
                        taken++;
                        Assert.Equal(expected, framed.Result() + "\n" + framed.StateText());
                    }
                    else
                    {
                        Assert.Equal(before, framed.StateText());
                    }
                }
            )
        );
        Assert.True(taken * 3 > tried, $"the kernel took {taken} of {tried} cases");
    }

    [Fact]
    public void Competitors_EntryPoint_GivesWhatItGaveBefore_ValuesOrExceptions() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Deals.ToArbitrary(),
                OptionsGen.ToArbitrary(),
                (deals, options) =>
                {
                    var oracle = WinRateFrameDeals.Outcome(() =>
                    {
                        var accumulator = new CompetitorAccumulator(options);
                        accumulator.AddRange(deals);
                        return accumulator.Result().ToString() + "\n" + accumulator.StateText();
                    });
                    var actual = WinRateFrameDeals.Outcome(() =>
                    {
                        var accumulator = new CompetitorAccumulator(options).AddAll(deals);
                        return accumulator.Result().ToString() + "\n" + accumulator.StateText();
                    });
                    Assert.Equal(oracle, actual);
                    Assert.Equal(
                        WinRateFrameDeals.Outcome(() => CompetitorAnalysis.Of(deals.Select(d => d), options).ToString()),
                        WinRateFrameDeals.Outcome(() => CompetitorAnalysis.Of(deals, options).ToString())
                    );
                    return true;
                }
            )
        );

    private static string Board(LeaderboardAccumulator accumulator) =>
        string.Join(
            "\n",
            new[] { LeaderboardMeasure.WonAmount, LeaderboardMeasure.WonCount, LeaderboardMeasure.WinRate }.Select(m =>
                accumulator.Result(m).ToString()
            )
        );
}
