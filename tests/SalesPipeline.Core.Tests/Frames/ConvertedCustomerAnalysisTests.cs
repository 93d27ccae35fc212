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

// The customer report with exchange rates: from a list, the frame's converted column (the deal code converts every
// deal, lost ones too, so one the rates refuse sends the list to it); from a lazy sequence, deal by deal.
public class ConvertedCustomerAnalysisTests
{
    private static readonly Gen<Currency> CurrencyGen = Gen.Elements(Currency.USD, Currency.EUR, Currency.GBP);

    private static readonly Gen<Deal[]> Deals =
        from deals in Gen.OneOf(CustomerFrameDeals.WithCustomers, CustomerFrameDeals.PlainWithCustomers)
        from picks in Gen.ArrayOf(CurrencyGen)
        select deals.Select((d, i) => picks.Length == 0 ? d : RatedDeals.In(d, picks[i % picks.Length])).ToArray();

    private static readonly Gen<SalesPipeline.Collections.CollectionSchedule[]> SchedulesGen = Gen.ListOf(
            from contract in Gen.Choose(0, 3)
            from deal in Gen.Choose(0, 30)
            from euro in Gen.Elements(false, true)
            from cents in Gen.Choose(10, 2_000_000)
            from paid in Gen.Choose(0, 3)
            select Schedule(contract, deal, euro, cents, paid)
        )
        .Select(s => s.Take(3).ToArray());

    [Fact]
    public void FromAList_EqualsTheDealByDealReport_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Deals.ToArbitrary(),
                RatedDeals.Rates.ToArbitrary(),
                SchedulesGen.ToArbitrary(),
                (deals, rates, schedules) =>
                {
                    var asOf = new LocalDate(2026, 3, 31);
                    Assert.Equal(
                        StintsHostile.Outcome(() => CustomerAnalysis.Of(deals.Select(d => d), schedules, asOf, rates)),
                        StintsHostile.Outcome(() => CustomerAnalysis.Of(deals, schedules, asOf, rates))
                    );
                    return true;
                }
            )
        );

    // A schedule as CustomerAnalysisFrameTests makes them: of a deal in the list or not, a customer text or nothing.
    private static SalesPipeline.Collections.CollectionSchedule Schedule(int contract, int deal, bool euro, int cents, int paid)
    {
        var total = Money.Of(cents / 100m, euro ? Currency.EUR : Currency.USD);
        SalesPipeline.Collections.ContractInfo? info = contract switch
        {
            0 => null,
            1 => new SalesPipeline.Collections.ContractInfo("K", "Initech", "bob"),
            _ => new SalesPipeline.Collections.ContractInfo("K", "Initech", "bob", new DealId($"D{deal}")),
        };
        var start = new LocalDate(2026, 1, 31);
        var schedule = SalesPipeline.Collections.CollectionSchedule.Create(
            total,
            start,
            Collections.CollectionFixtures.ThirtyThenTwoMonthly(),
            info
        );
        for (var i = 0; i < paid; i++)
        {
            schedule = schedule.Record(
                new SalesPipeline.Collections.Payment($"P{i}", start.PlusDays(1 + i * 20), Money.Of(cents / 10 / 100m, total.Currency))
            );
        }
        return schedule;
    }

    [Fact]
    public void PlainDealsAndRates_RunOnTheFrame()
    {
        var lists = CustomerFrameDeals
            .PlainWithCustomers.Select(d => d.Select((deal, i) => RatedDeals.In(deal, i % 2 == 0 ? Currency.USD : Currency.EUR)).ToArray())
            .Sample(30, new Rnd(31UL), 40)
            .Where(d => d.Length > 0)
            .ToArray();
        var rates = RatedDeals.PlainRates.Sample(10, new Rnd(32UL), 40);
        var taken = lists
            .Where((deals, i) => CustomerAnalysis.TryAddDeals(DealFrame.Of(deals), [], rates[i % rates.Length], out _, out _))
            .Count();
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }
}
