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

// Attainment with exchange rates: every quota layer runs the stage-weighted kernel on the frame's converted column.
[Collection(FrameSplitting.Name)]
public class ConvertedAttainmentTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];
    private static readonly FiscalPeriod[] Quarters = [.. FiscalCalendar.Calendar.Quarters(2026).Take(2)];

    private static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA")
        .Rep("alice", "Alice", "emea")
        .Rep("bob", "Bob", "emea")
        .Team("apac", "APAC")
        .Rep("dave", "Dave", "apac")
        .Build();

    private static Gen<(Quota[] Quotas, AttainmentOptions Options)> SetupGen(Gen<ExchangeRates> rates) =>
        from target in Gen.Choose(0, 5_000_000)
        from asOf in Gen.Choose(-20, 150)
        from r in rates
        select (
            Months
                .Select(m => Quota.ForPerson("alice", m, Money.Of(target / 100m, r.ReportingCurrency)))
                .Concat(Quarters.Select(q => Quota.ForTeam("emea", q, Money.Of(target, r.ReportingCurrency))))
                .ToArray(),
            new AttainmentOptions
            {
                ForecastOptions = new ForecastOptions
                {
                    Organization = Org,
                    AsOf = Months[0].Start.PlusDays(asOf),
                    Rates = r,
                },
            }
        );

    [Fact]
    public void FromAList_EqualsTheDealByDealAttainment_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RatedDeals.Deals.ToArbitrary(),
                SetupGen(RatedDeals.Rates).ToArbitrary(),
                (deals, setup) =>
                {
                    Assert.Equal(
                        Outcome(() => Attainment.Of(deals.Select(d => d), FrameDeals.Pipeline, setup.Quotas, setup.Options)),
                        Outcome(() => Attainment.Of(deals, FrameDeals.Pipeline, setup.Quotas, setup.Options))
                    );
                    return true;
                }
            )
        );

    [Fact]
    public void PlainDealsAndRates_RunOnTheFrame()
    {
        var lists = RatedDeals.PlainDeals.Sample(30, new Rnd(11UL), 40).Where(d => d.Length > 0).ToArray();
        var setup = SetupGen(RatedDeals.PlainRates).Sample(10, new Rnd(12UL), 1)[0];
        var taken = lists.Count(deals =>
            new AttainmentAccumulator(FrameDeals.Pipeline, setup.Quotas, setup.Options).TryAdd(DealFrame.Of(deals))
        );
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }

    private static string Outcome(Func<AttainmentReport> report)
    {
        try
        {
            return string.Join(
                "\n",
                report()
                    .Lines.Select(l =>
                        string.Join(
                            "|",
                            l.Quota.SubjectId,
                            l.Quota.Period.Label,
                            l.WonDeals,
                            Text(l.Won),
                            l.OpenDeals,
                            Text(l.OpenPipeline),
                            Text(l.WeightedPipeline),
                            l.PipelineGap is { } gap ? Text(gap) : "-"
                        )
                    )
            );
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string Text(Money m) => m.Amount.ToString(CultureInfo.InvariantCulture) + " " + m.Currency.Code;
}
