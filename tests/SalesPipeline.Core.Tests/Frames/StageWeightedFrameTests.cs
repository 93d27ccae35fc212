using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;

namespace SalesPipeline.Tests.Frames;

// The forecast from a list of deals runs on the deals' frame; from a lazy sequence it runs the deal-by-deal code.
// Both must give the same forecast to the last digit and scale, or the same exception.
// In one collection with the other classes that lower the split threshold: it is one static, so they run in turn.
[Collection(FrameSplitting.Name)]
public class StageWeightedFrameTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];

    private static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA")
        .Team("dach", "DACH", parent: "emea")
        .Rep("alice", "Alice", "dach")
        .Rep("bob", "Bob", "emea")
        .Build();

    private static readonly Gen<ForecastOptions> OptionsGen =
        from zone in Gen.Elements("UTC", "Europe/Berlin", "America/Santiago", "Pacific/Apia")
        from asOf in Gen.Choose(-30, 120)
        from org in Gen.Elements(true, false)
        select new ForecastOptions
        {
            Zone = DateTimeZoneProviders.Tzdb[zone],
            AsOf = Months[0].Start.PlusDays(asOf),
            Organization = org ? Org : null,
        };

    [Fact]
    public void FromAList_EqualsTheDealByDealForecast_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(FrameDeals.Deals.ToArbitrary(), OptionsGen.ToArbitrary(), (deals, options) => Same(deals, options))
        );

    [Fact]
    public void SplitAcrossCores_EqualsTheDealByDealForecast_Property()
    {
        // Every list runs split into parts, so the merge of integer cells is what is checked.
        using var _ = FramePartitions.SplitFrom(2);
        PropertyAssert.Holds(
            Prop.ForAll(FrameDeals.PlainDeals.ToArbitrary(), OptionsGen.ToArbitrary(), (deals, options) => Same(deals, options))
        );
    }

    [Fact]
    public void PlainDeals_RunOnTheFrame()
    {
        // Not vacuous: the kernel takes the plain inputs rather than falling back to the deal code.
        var taken = 0;
        var samples = FrameDeals.PlainDeals.Sample(30, new Rnd(20261206UL), 40);
        foreach (var deals in samples.Where(d => d.Length > 0))
        {
            var accumulator = new StageWeightedAccumulator(FrameDeals.Pipeline, Months, Currency.USD);
            taken += accumulator.TryAdd(DealFrame.Of(deals)) ? 1 : 0;
        }
        Assert.True(taken >= samples.Count(d => d.Length > 0) * 9 / 10, $"the frame kernel ran for {taken} lists");
    }

    [Fact]
    public void TrailingZeros_AreKeptInTheSums()
    {
        // 100.00 + 50.5 at 50% and 0.50: open amount 150.50 (scale 2), weighted 50.000 + 25.250 = 75.250 before the
        // line's rounding; the open amount keeps scale 2 exactly as the decimal sum does.
        Deal[] deals =
        [
            Deal.Open(
                FrameDeals.Pipeline,
                new DealId("A"),
                "A",
                "alice",
                Money.Of(100.00m, Currency.USD),
                new LocalDate(2026, 2, 10),
                FrameDeals.T0
            ),
            Deal.Open(
                FrameDeals.Pipeline,
                new DealId("B"),
                "B",
                "alice",
                Money.Of(50.5m, Currency.USD),
                new LocalDate(2026, 2, 11),
                FrameDeals.T0
            ),
        ];
        var forecast = Forecast.StageWeighted(deals, FrameDeals.Pipeline, Months);
        Assert.Equal("150.50", forecast.Periods[1].OpenAmount.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Render(Oracle(deals, new ForecastOptions())), Render(forecast));
    }

    [Theory]
    [InlineData(9, true, "9000000000000000.00", "900000000000000.00")]
    [InlineData(10, false, "10000000000000000.00", "1000000000000000.00")]
    public void HugeAmounts_EitherSideOfTheLongBound_GiveTheSameSums(int count, bool narrow, string open, string weighted)
    {
        // USD 1,000,000,000,000,000.00 each (mantissa 10^17 at scale 2) in Prospecting (0.10: mantissa 10 at scale 2), so
        // the amount x probability bound is count x 10^18: 9 x 10^18 fits in a long (64-bit products), 10^19 does not
        // (128-bit ones). Open amount count x 10^15.00, weighted count x 10^14 (exact at scale 4, the line rounds to cents).
        var deals = Enumerable
            .Range(0, count)
            .Select(i =>
                Deal.Open(
                    FrameDeals.Pipeline,
                    new DealId($"H{i}"),
                    "H",
                    "alice",
                    Money.Of(1_000_000_000_000_000.00m, Currency.USD),
                    new LocalDate(2026, 2, 10),
                    FrameDeals.T0
                )
            )
            .ToArray();
        Assert.Equal(narrow, FramePlan.TryCreate(DealFrame.Of(deals), FrameDeals.Pipeline)!.SumsFitLong);
        var accumulator = new StageWeightedAccumulator(FrameDeals.Pipeline, Months, Currency.USD);
        Assert.True(accumulator.TryAdd(DealFrame.Of(deals)));
        var forecast = Forecast.StageWeighted(deals, FrameDeals.Pipeline, Months);
        Assert.Equal(open, forecast.Periods[1].OpenAmount.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(weighted, forecast.Periods[1].Weighted.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Render(Oracle(deals, new ForecastOptions())), Render(forecast));
    }

    private static bool Same(Deal[] deals, ForecastOptions options)
    {
        var expected = Outcome(() => Oracle(deals, options));
        var actual = Outcome(() => Forecast.StageWeighted(deals, FrameDeals.Pipeline, Months, options));
        Assert.Equal(expected, actual);
        return true;
    }

    // The deal-by-deal code: a lazy sequence gets no frame.
    private static StageWeightedForecast Oracle(Deal[] deals, ForecastOptions options) =>
        Forecast.StageWeighted(deals.Select(d => d), FrameDeals.Pipeline, Months, options);

    private static string Outcome(Func<StageWeightedForecast> forecast)
    {
        try
        {
            return Render(forecast());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    internal static string Render(StageWeightedForecast f) =>
        string.Join("\n", f.Periods.Concat([f.Overdue, f.OutsidePeriods, f.Total]).Concat(f.ByOwner).Concat(f.ByTeam).Select(Line));

    private static string Line(WeightedLine l) =>
        string.Join("|", l.Label, l.Owner, l.TeamId, l.OpenDeals, Text(l.OpenAmount), Text(l.Weighted), l.WonDeals, Text(l.Won));

    private static string Text(Money m) => m.Amount.ToString(CultureInfo.InvariantCulture) + " " + m.Currency.Code;
}

// The pipeline by stage from a list of deals runs on the frame; from a lazy sequence, deal by deal.
public class ByStageFrameTests
{
    [Fact]
    public void FromAList_EqualsTheDealByDealPipelineByStage_Property() =>
        PropertyAssert.Holds(Prop.ForAll(FrameDeals.Deals.ToArbitrary(), deals => Same(deals)));

    [Fact]
    public void PlainDeals_RunOnTheFrame()
    {
        var lists = FrameDeals.PlainDeals.Sample(30, new Rnd(5UL), 40).Where(d => d.Length > 0).ToArray();
        var taken = lists.Count(deals =>
            Forecast.TryByStage(DealFrame.Of(deals), FrameDeals.Pipeline, ForecastOptions.Default, Currency.USD) is not null
        );
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }

    private static bool Same(Deal[] deals)
    {
        Assert.Equal(
            Outcome(() => Forecast.ByStage(deals.Select(d => d), FrameDeals.Pipeline)),
            Outcome(() => Forecast.ByStage(deals, FrameDeals.Pipeline))
        );
        return true;
    }

    internal static string Outcome(Func<PipelineByStage> compute)
    {
        try
        {
            var p = compute();
            return string.Join(
                "\n",
                p.Stages.Select(l => $"{l.Stage.Id}|{l.Deals}|{Text(l.Amount)}|{Text(l.Weighted)}")
                    .Append($"{p.StoppedDeals}|{Text(p.StoppedAmount)}|{p.OpenDeals}|{Text(p.OpenAmount)}|{Text(p.Weighted)}")
            );
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string Text(Money m) => m.Amount.ToString(CultureInfo.InvariantCulture) + " " + m.Currency.Code;
}

// A forecast snapshot of a list of deals is a projection of their frame; of a lazy sequence, the builder's work.
public class SnapshotFrameTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];

    private static readonly Gen<ForecastOptions> OptionsGen =
        from zone in Gen.Elements("UTC", "Europe/Berlin", "America/Santiago")
        from asOf in Gen.Choose(-30, 150)
        select new ForecastOptions { Zone = DateTimeZoneProviders.Tzdb[zone], AsOf = Months[0].Start.PlusDays(asOf) };

    [Fact]
    public void FromAList_EqualsTheBuildersSnapshot_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                FrameDeals.Deals.ToArbitrary(),
                OptionsGen.ToArbitrary(),
                (deals, options) =>
                {
                    Assert.Equal(
                        Outcome(() => ForecastSnapshot.Create(deals.Select(d => d), FrameDeals.Pipeline, options)),
                        Outcome(() => ForecastSnapshot.Create(deals, FrameDeals.Pipeline, options))
                    );
                    return true;
                }
            )
        );

    [Fact]
    public void PlainDeals_AreProjected()
    {
        var lists = FrameDeals.PlainDeals.Sample(30, new Rnd(6UL), 40).Where(d => d.Length > 0).ToArray();
        var taken = lists.Count(deals =>
            ForecastSnapshot.TryProject(DealFrame.Of(deals), FrameDeals.Pipeline, Currency.USD, ForecastOptions.Default) is not null
        );
        Assert.True(taken >= lists.Length * 9 / 10, $"the projection ran for {taken} of {lists.Length} lists");
    }

    [Fact]
    public void AWinBeforeYearOne_IsLeftToTheDealCode()
    {
        // Won at 0001-01-01T03:00Z: New York's old offset (-4:56) makes that 0000-12-31 locally, which no DateOnly
        // holds; the deal code throws for it, so the kernels must not place it (they fall back and throw alike).
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var at = Instant.FromUtc(1, 1, 1, 3, 0);
        var id = new DealId("Y0");
        var deal = Deal.FromEvents([
            new DealCreated(
                id,
                at,
                "alice",
                FrameDeals.Pipeline.Name,
                "Y0",
                "alice",
                Money.Of(10m, Currency.USD),
                new LocalDate(1, 6, 1),
                "prospecting"
            ),
            new DealWon(id, at, "alice", "won"),
        ]);
        var options = new ForecastOptions { Zone = zone };
        Assert.Null(ForecastSnapshot.TryProject(DealFrame.Of([deal]), FrameDeals.Pipeline, Currency.USD, options));
        Assert.False(new StageWeightedAccumulator(FrameDeals.Pipeline, Months, Currency.USD, options).TryAdd(DealFrame.Of([deal])));
        Assert.False(new CategoryAccumulator(FrameDeals.Pipeline, Months, Currency.USD, options).TryAdd(DealFrame.Of([deal])));
    }

    [Fact]
    public void RoundsEachAmountHalfAwayFromZero()
    {
        // 2.675 -> 268 cents, 0.004 -> 0, 1.005 -> 101, 12.5000 -> 1250: the builder's Money.Round, row by row.
        Deal[] deals =
        [
            .. new[] { 2.675m, 0.004m, 1.005m, 12.5000m }.Select(
                (amount, i) =>
                    Deal.Open(
                        FrameDeals.Pipeline,
                        new DealId($"R{i}"),
                        "r",
                        "alice",
                        Money.Of(amount, Currency.USD),
                        new LocalDate(2026, 2, 1),
                        FrameDeals.T0
                    )
            ),
        ];
        var snapshot = ForecastSnapshot.Create(deals, FrameDeals.Pipeline);
        Assert.Equal([268L, 0L, 101L, 1250L], snapshot.AmountMinor);
    }

    internal static string Outcome(Func<ForecastSnapshot> create)
    {
        try
        {
            var s = create();
            return string.Join(
                "|",
                string.Join(",", s.Owners),
                string.Join(",", s.AmountMinor),
                string.Join(",", s.ProbabilityPpm),
                string.Join(",", s.Day),
                string.Join(",", s.Kind),
                string.Join(",", s.Owner),
                string.Join(",", s.Category),
                StageWeightedFrameTests.Render(Forecast.StageWeighted(s, Months))
            );
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
