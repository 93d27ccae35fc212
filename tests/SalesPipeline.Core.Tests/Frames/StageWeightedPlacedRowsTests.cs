using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Tests.Frames.Building;

namespace SalesPipeline.Tests.Frames;

// The forecast without rates runs on the frame's narrow copy of its open and won rows (DealFrame.PlacedRows), whose won
// days are kept for the last zone only; with rates, on the frame's columns. Both against the deal-by-deal forecast, on
// frames with and without deal objects, whole and built in parts, and on one frame asked in several zones in turn.
[Collection(FrameSplitting.Name)]
public class StageWeightedPlacedRowsTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];

    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/Santiago", "Pacific/Apia"];

    private enum Kind
    {
        KeepsDeals,
        WithoutDeals,
        WithoutDealsInParts,
    }

    private static readonly Gen<(Deal[] Deals, Kind Kind, int[] Zones, int AsOf, bool Split)> Cases =
        from deals in Gen.OneOf(FrameDeals.Deals, FrameDeals.PlainDeals).Where(d => d.Length > 0)
        from kind in Gen.Elements(Kind.KeepsDeals, Kind.WithoutDeals, Kind.WithoutDealsInParts)
        from zones in Gen.ArrayOf(Gen.Choose(0, Zones.Length - 1)).Where(z => z.Length is > 0 and <= 5)
        from asOf in Gen.Choose(-30, 120)
        from split in Gen.Elements(false, true)
        select (deals, kind, zones, asOf, split);

    [Fact]
    public void OneFrameInSeveralZones_EqualsTheDealByDealForecast_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases.ToArbitrary(),
                c =>
                {
                    var list = Listed(c.Deals, c.Kind);
                    using var split = c.Split ? FramePartitions.SplitFrom(2) : null;
                    foreach (var zone in c.Zones)
                    {
                        var options = new ForecastOptions
                        {
                            Zone = DateTimeZoneProviders.Tzdb[Zones[zone]],
                            AsOf = Months[0].Start.PlusDays(c.AsOf),
                        };
                        Assert.Equal(
                            Outcome(() => Forecast.StageWeighted(c.Deals.Select(d => d), FrameDeals.Pipeline, Months, options)),
                            Outcome(() => Forecast.StageWeighted(list, FrameDeals.Pipeline, Months, options))
                        );
                    }
                }
            )
        );

    [Fact]
    public void WithRates_TheFramesColumnsGiveTheDealByDealForecast_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases.ToArbitrary(),
                c =>
                {
                    var list = Listed(c.Deals, c.Kind);
                    using var split = c.Split ? FramePartitions.SplitFrom(2) : null;
                    var options = new ForecastOptions
                    {
                        Zone = DateTimeZoneProviders.Tzdb[Zones[c.Zones[0]]],
                        Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.1m),
                    };
                    Assert.Equal(
                        Outcome(() => Forecast.StageWeighted(c.Deals.Select(d => d), FrameDeals.Pipeline, Months, options)),
                        Outcome(() => Forecast.StageWeighted(list, FrameDeals.Pipeline, Months, options))
                    );
                }
            )
        );

    [Fact]
    public void PlacedRows_HoldTheOpenRowsThenTheWonRows_InFrameOrder()
    {
        // Open, lost, won, open, won: the open rows 0 and 3, then the won rows 2 and 4; the lost row only in the stages.
        var t = FrameDeals.T0;
        Deal[] deals =
        [
            Deal.FromEvents([FrameDeals.Created("A", t, amount: 1.5m)]),
            Deal.FromEvents([
                FrameDeals.Created("B", t, amount: 2m),
                new DealLost(new DealId("B"), t + Duration.FromHours(1), "alice", "lost", LossReason.Price, null),
            ]),
            Deal.FromEvents([
                FrameDeals.Created("C", t, amount: 3m),
                new DealWon(new DealId("C"), t + Duration.FromHours(2), "alice", "won"),
            ]),
            Deal.FromEvents([FrameDeals.Created("D", t, "alice", 4.25m)]),
            Deal.FromEvents([
                FrameDeals.Created("E", t, amount: 5m),
                new DealWon(new DealId("E"), t + Duration.FromHours(3), "alice", "won"),
            ]),
        ];
        foreach (var frame in new[] { DealFrame.Of(deals), AddRowTests.WithoutDeals(deals, inParts: true) })
        {
            var placed = frame.PlacedRows;
            Assert.Equal(2, placed.OpenCount);
            Assert.Equal([15L, 425L, 3L, 5L], placed.Mantissa);
            Assert.Equal([(byte)1, (byte)2, (byte)0, (byte)0], placed.Scale);
            Assert.Equal([(t + Duration.FromHours(2)).ToUnixTimeTicks(), (t + Duration.FromHours(3)).ToUnixTimeTicks()], placed.WonTicks);
            Assert.Equal(["bob", "alice", "bob", "bob"], placed.OwnerKey.Select(o => frame.OwnerKeys[o]));
            Assert.Equal(
                [.. new[] { FrameDeals.Pipeline.OpenStages[0].Id, "lost", "won" }.Order(StringComparer.Ordinal)],
                placed.UsedStages.Select(s => frame.Stages[s]).Order(StringComparer.Ordinal)
            );
        }
    }

    [Theory]
    [InlineData("UTC", 1, 0)] // 2026-01-31T23:30Z is January 31st in UTC
    [InlineData("Europe/Berlin", 0, 1)] // and February 1st, 00:30, in Berlin (UTC+1)
    [InlineData("America/Santiago", 1, 0)] // and January 31st, 20:30, in Santiago (UTC-3 in its summer)
    public void AWinNearAMonthsEnd_CountsInTheMonthOfItsZonesDate(string zone, int january, int february)
    {
        var at = Instant.FromUtc(2026, 1, 31, 23, 30);
        var deal = Deal.FromEvents([
            FrameDeals.Created("W", at - Duration.FromDays(3), amount: 7.5m),
            new DealWon(new DealId("W"), at, "alice", "won"),
        ]);
        FiscalPeriod[] months =
        [
            FiscalPeriod.Of(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31))),
            FiscalPeriod.Of(new DateInterval(new LocalDate(2026, 2, 1), new LocalDate(2026, 2, 28))),
        ];
        var frame = AddRowTests.WithoutDeals([deal], inParts: false);
        // The same frame in UTC first, so its won days are cached for another zone than the one asked.
        Forecast.StageWeighted(frame.DealList, FrameDeals.Pipeline, months);
        var forecast = Forecast.StageWeighted(
            frame.DealList,
            FrameDeals.Pipeline,
            months,
            new ForecastOptions { Zone = DateTimeZoneProviders.Tzdb[zone] }
        );
        Assert.Equal([january, february], forecast.Periods.Select(p => p.WonDeals));
        Assert.Equal([january * 7.5m, february * 7.5m], forecast.Periods.Select(p => p.Won.Amount));
    }

    private static IEnumerable<Deal> Listed(Deal[] deals, Kind kind) =>
        kind switch
        {
            Kind.KeepsDeals => deals.ToList(),
            _ => AddRowTests.WithoutDeals(deals, inParts: kind == Kind.WithoutDealsInParts).DealList,
        };

    private static string Outcome(Func<StageWeightedForecast> forecast)
    {
        try
        {
            return StageWeightedFrameTests.Render(forecast());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
