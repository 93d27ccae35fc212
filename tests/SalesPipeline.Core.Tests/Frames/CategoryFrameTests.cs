using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;

namespace SalesPipeline.Tests.Frames;

// The category forecast from a list of deals runs on the frame; from a lazy sequence, deal by deal.
public class CategoryFrameTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];

    // Two teams of two reps; also the organization of the rates tests of the forecasts and attainment.
    internal static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA")
        .Rep("alice", "Alice", "emea")
        .Rep("bob", "Bob", "emea")
        .Team("apac", "APAC")
        .Rep("carol", "Carol", "apac")
        .Rep("dave", "Dave", "apac")
        .Build();

    private static readonly Gen<ForecastOptions> OptionsGen =
        from zone in Gen.Elements("UTC", "Europe/Berlin", "America/Santiago")
        from asOf in Gen.Choose(-30, 150)
        select new ForecastOptions { Zone = DateTimeZoneProviders.Tzdb[zone], AsOf = Months[0].Start.PlusDays(asOf) };

    [Fact]
    public void FromAList_EqualsTheDealByDealForecast_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(FrameDeals.Deals.ToArbitrary(), OptionsGen.ToArbitrary(), (deals, options) => Same(deals, options))
        );

    [Fact]
    public void PlainDeals_RunOnTheFrame()
    {
        var lists = FrameDeals.PlainDeals.Sample(30, new Rnd(3UL), 40).Where(d => d.Length > 0).ToArray();
        var taken = lists.Count(deals => new CategoryAccumulator(FrameDeals.Pipeline, Months, Currency.USD).TryAdd(DealFrame.Of(deals)));
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }

    [Fact]
    public void AnOverflowingOverdueSum_NamesTheAmountsInTheDealsOrder_OnBothPaths()
    {
        // Both deals are overdue on 2026-07-01 (expected in June, outside July). USD's limit is 10^16: bob's 7 x 10^15
        // plus alice's 5 x 10^15 overflows, and the deal code adds them in the order it met the owners, bob first.
        var at = Instant.FromUtc(2026, 1, 5, 9, 0);
        Deal[] deals =
        [
            Deal.Open(
                FrameDeals.Pipeline,
                new DealId("B"),
                "B",
                "bob",
                Money.Of(7_000_000_000_000_000.00m, Currency.USD),
                new LocalDate(2026, 6, 1),
                at
            ),
            Deal.Open(
                FrameDeals.Pipeline,
                new DealId("A"),
                "A",
                "alice",
                Money.Of(5_000_000_000_000_000.00m, Currency.USD),
                new LocalDate(2026, 6, 15),
                at
            ),
        ];
        FiscalPeriod[] july = [FiscalCalendar.Calendar.Months(2026)[6]];
        var options = new ForecastOptions { AsOf = new LocalDate(2026, 7, 1) };
        Assert.True(new CategoryAccumulator(FrameDeals.Pipeline, july, Currency.USD, options).TryAdd(DealFrame.Of(deals)));
        var byDeal = Outcome(() => Forecast.ByCategory(deals.Select(d => d), FrameDeals.Pipeline, july, Org, options: options));
        Assert.StartsWith("ArgumentOutOfRangeException: USD 7,000,000,000,000,000.00 + USD 5,000,000,000,000,000.00", byDeal);
        Assert.Equal(byDeal, Outcome(() => Forecast.ByCategory(deals, FrameDeals.Pipeline, july, Org, options: options)));
    }

    private static bool Same(Deal[] deals, ForecastOptions options)
    {
        Assert.Equal(
            Outcome(() => Forecast.ByCategory(deals.Select(d => d), FrameDeals.Pipeline, Months, Org, options: options)),
            Outcome(() => Forecast.ByCategory(deals, FrameDeals.Pipeline, Months, Org, options: options))
        );
        return true;
    }

    private static string Outcome(Func<CategoryForecast> compute)
    {
        try
        {
            return Render(compute());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    // Every line of the forecast (period, kind, subject, parent, gross and adjusted amounts in each category, decimal
    // scales included) and the overdue amounts; the one renderer of the category forecast's tests.
    internal static string Render(CategoryForecast f) =>
        string.Join(
            "\n",
            f.Lines.Select(l => $"{l.Period.Label}|{l.Kind}|{l.Id}|{l.ParentId}|{Text(l.Gross)}|{Text(l.Adjusted)}").Append(Text(f.Overdue))
        );

    private static string Text(CategoryAmounts a) =>
        string.Join(
            " ",
            new[] { a.Closed, a.Commit, a.BestCase, a.Pipeline, a.Omitted }.Select(m => m.Amount.ToString(CultureInfo.InvariantCulture))
        );
}
