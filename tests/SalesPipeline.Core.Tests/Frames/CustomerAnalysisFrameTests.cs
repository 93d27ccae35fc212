using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Collections.CollectionFixtures;
using static SalesPipeline.Tests.Frames.CustomerFrameDeals;

namespace SalesPipeline.Tests.Frames;

// The customer report from the frame against the deal-by-deal code (the same call through a lazy sequence, which gets
// no frame): every line and figure, amounts with their scales, or the same exception. Schedules name deals that are
// in the list or not, or only a customer text, or nothing; some are in euros, and some calls convert by rates.
public class CustomerAnalysisFrameTests
{
    private static readonly ExchangeRates Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);

    private static readonly Gen<CollectionSchedule> ScheduleGen =
        from contract in Gen.Choose(0, 3)
        from deal in Gen.Choose(0, 30)
        from euro in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from cents in Gen.Choose(10, 2_000_000)
        from paid in Gen.Choose(0, 3)
        select Schedule(contract, deal, euro, cents, paid);

    private static readonly Gen<(CollectionSchedule[] Schedules, LocalDate AsOf, ExchangeRates? Rates)> SetupGen =
        from schedules in Gen.ListOf(ScheduleGen)
        from days in Gen.Choose(-30, 200)
        from rates in Gen.Frequency((9, Gen.Constant<ExchangeRates?>(null)), (1, Gen.Constant<ExchangeRates?>(Rates)))
        select (schedules.Take(4).ToArray(), D("2026-01-31").PlusDays(days), rates);

    // Half the lists in one currency, whole ticks, every stage known: the inputs the kernel is for.
    private static readonly Gen<Deal[]> DealsGen = Gen.OneOf(WithCustomers, PlainWithCustomers);

    [Fact]
    public void Of_GivesTheDealByDealReport_AndTheKernelRunsForMostReports()
    {
        var (reports, taken) = (0, 0);
        PropertyAssert.Holds(
            Prop.ForAll(
                DealsGen.ToArbitrary(),
                SetupGen.ToArbitrary(),
                (deals, setup) =>
                {
                    var expected = Outcome(() =>
                        Render(CustomerAnalysis.Of(deals.Select(d => d), setup.Schedules, setup.AsOf, setup.Rates))
                    );
                    Assert.Equal(expected, Outcome(() => Render(CustomerAnalysis.Of(deals, setup.Schedules, setup.AsOf, setup.Rates))));
                    if (deals.Length == 0 || expected.Contains("Exception: ", StringComparison.Ordinal))
                    {
                        return;
                    }
                    // A report, not an exception: did the frame give it (the same report, checked above)?
                    reports++;
                    var frame = DealFrame.Of(deals);
                    taken +=
                        frame.HasDistinctIds && CustomerAnalysis.TryAddDeals(frame, setup.Schedules, setup.Rates, out _, out _) ? 1 : 0;
                }
            )
        );
        Assert.True(taken * 3 > reports * 2, $"the kernel gave {taken} of {reports} reports");
    }

    [Fact]
    public void TryAddDeals_SumsPerCustomerWithTheScalesOfTheirTerms()
    {
        // ACC-1: won 100 + 0.50 = 100.50 (the larger scale), open 7.125; no customer: stopped 2.0;
        // names "Acme" and "Acme Corp" give "Acme" (ordinal-first).
        Deal[] deals =
        [
            Won("D1", new Customer("ACC-1", "Acme Corp"), 100m),
            Won("D2", new Customer("ACC-1", "Acme"), 0.50m),
            Open("D3", new Customer("ACC-1", "Acme Corp"), 7.125m),
            FrameDeals.Pipeline.Stop(Open("D4", null, 2.0m), StopReason.OnHold, FrameDeals.T0 + Duration.FromHours(2), "alice"),
        ];

        var report = CustomerAnalysis.Of(deals, [], D("2026-03-15"));

        Assert.True(CustomerAnalysis.TryAddDeals(DealFrame.Of(deals), [], null, out _, out _));
        Assert.Equal(
            "(none) - 0 0 0 0 1 2.0 | ACC-1 Acme 2 100.50 1 7.125 0 0",
            string.Join(
                " | ",
                report.Lines.Select(l =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{l.AccountId} {l.Name ?? "-"} {l.WonDeals} {l.Won.Amount} {l.OpenDeals} {l.OpenPipeline.Amount} {l.StoppedDeals} {l.Stopped.Amount}"
                    )
                )
            )
        );
    }

    [Fact]
    public void Of_KeepsItsArgumentErrorsAndTheirOrder()
    {
        var deal = Open("D1", null, 1m);
        var bad = new LocalDate(-5, 1, 1);

        // Deals, then schedules, then ids given twice, then the date: as the deal code has always checked them.
        Assert.Equal("schedules", Assert.Throws<ArgumentNullException>(() => CustomerAnalysis.Of([deal, deal], null!, bad)).ParamName);
        Assert.Equal("deals", Assert.Throws<ArgumentException>(() => CustomerAnalysis.Of([deal, deal], [], bad)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerAnalysis.Of([deal], [], bad));
    }

    private static CollectionSchedule Schedule(int contract, int deal, bool euro, int cents, int paid)
    {
        var total = Money.Of(cents / 100m, euro ? Currency.EUR : Currency.USD);
        ContractInfo? info = contract switch
        {
            0 => null,
            1 => new ContractInfo("K", "Initech", "bob"),
            _ => new ContractInfo("K", "Initech", "bob", new DealId($"D{deal}")),
        };
        var schedule = CollectionSchedule.Create(total, D("2026-01-31"), ThirtyThenTwoMonthly(), info);
        for (var i = 0; i < paid; i++)
        {
            schedule = schedule.Record(new Payment($"P{i}", D("2026-02-01").PlusDays(i * 20), Money.Of(cents / 10 / 100m, total.Currency)));
        }
        return schedule;
    }

    private static Deal Open(string id, Customer? customer, decimal amount) =>
        Deal.FromEvents([
            new DealCreated(
                new DealId(id),
                FrameDeals.T0,
                "alice",
                FrameDeals.Pipeline.Name,
                id,
                "alice",
                Money.Of(amount, Currency.USD),
                FrameDeals.FirstClose,
                FrameDeals.Pipeline.FirstOpenStage.Id,
                Customer: customer
            ),
        ]);

    private static Deal Won(string id, Customer customer, decimal amount) =>
        Deal.FromEvents([
            .. Open(id, customer, amount).Events,
            new DealWon(new DealId(id), FrameDeals.T0 + Duration.FromHours(1), "alice", "won"),
        ]);

    private static string Render(CustomerReport report) =>
        string.Join(
            "\n",
            report
                .Lines.Select(l =>
                    $"{l.AccountId} [{l.Name}] {l.WonDeals} {Text(l.Won)} {l.OpenDeals} {Text(l.OpenPipeline)} {l.StoppedDeals} {Text(l.Stopped)} {l.Schedules} {Text(l.Collected)} {Text(l.Outstanding)}"
                )
                .Append($"{report.AsOf} {report.Currency}")
                .Append(report.ToString())
        );
}
