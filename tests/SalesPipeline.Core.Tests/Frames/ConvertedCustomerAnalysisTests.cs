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
        KernelOracle.SameFromAList(
            from deals in Deals
            from rates in RatedDeals.Rates
            from schedules in SchedulesGen
            select (deals, rates, schedules),
            c => c.deals,
            (c, deals) => StintsHostile.Outcome(() => CustomerAnalysis.Of(deals, c.schedules, new LocalDate(2026, 3, 31), c.rates))
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
    public void PlainDealsAndRates_RunOnTheFrame() =>
        KernelOracle.MostlyRuns(
            from deals in CustomerFrameDeals.PlainWithCustomers
            from rates in RatedDeals.PlainRates
            select (deals: deals.Select((deal, i) => RatedDeals.In(deal, i % 2 == 0 ? Currency.USD : Currency.EUR)).ToArray(), rates),
            c => c.deals,
            (c, frame) => CustomerAnalysis.TryAddDeals(frame, [], c.rates, out _, out _),
            31UL
        );
}
