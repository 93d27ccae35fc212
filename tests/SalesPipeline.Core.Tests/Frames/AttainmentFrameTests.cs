using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Frames;

// Attainment from a list of deals runs every quota layer on the frame; from a lazy sequence it runs deal by deal.
// In one collection with the other classes that lower the split threshold: it is one static, so they run in turn.
[Collection(FrameSplitting.Name)]
public class AttainmentFrameTests
{
    private static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA")
        .Rep("alice", "Alice", "emea")
        .Rep("bob", "Bob", "emea")
        .Team("apac", "APAC")
        .Rep("dave", "Dave", "apac")
        .Build();

    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];
    private static readonly FiscalPeriod[] Quarters = [.. FiscalCalendar.Calendar.Quarters(2026).Take(2)];

    private static readonly Gen<(Quota[] Quotas, AttainmentOptions Options)> SetupGen =
        from target in Gen.Choose(0, 5_000_000)
        from asOf in Gen.Choose(-20, 150)
        from zone in Gen.Elements("UTC", "America/Santiago")
        from rate in Gen.Elements<decimal?>(null, 0.25m, 0.3m)
        select (
            Months
                .Select(m => Quota.ForPerson("alice", m, Money.Of(target / 100m, Currency.USD)))
                .Concat(Quarters.Select(q => Quota.ForTeam("emea", q, Money.Of(target, Currency.USD))))
                .Concat([Quota.ForPerson("dave", Quarters[0], Money.Of(target / 10m, Currency.USD))])
                .Concat([Quota.ForCompany("Acme", FiscalCalendar.Calendar.Year(2026), Money.Of(target * 3m, Currency.USD))])
                .ToArray(),
            new AttainmentOptions
            {
                WinRate = rate,
                ForecastOptions = new ForecastOptions
                {
                    Organization = Org,
                    AsOf = Months[0].Start.PlusDays(asOf),
                    Zone = DateTimeZoneProviders.Tzdb[zone],
                },
            }
        );

    [Fact]
    public void FromAList_EqualsTheDealByDealAttainment_Property() =>
        PropertyAssert.Holds(Prop.ForAll(FrameDeals.Deals.ToArbitrary(), SetupGen.ToArbitrary(), (deals, setup) => Same(deals, setup)));

    [Fact]
    public void SplitAcrossCores_EqualsTheDealByDealAttainment_Property()
    {
        using var _ = FramePartitions.SplitFrom(2);
        PropertyAssert.Holds(
            Prop.ForAll(FrameDeals.PlainDeals.ToArbitrary(), SetupGen.ToArbitrary(), (deals, setup) => Same(deals, setup))
        );
    }

    [Fact]
    public void PlainDeals_RunOnTheFrame()
    {
        var lists = FrameDeals.PlainDeals.Sample(30, new Rnd(11UL), 40).Where(d => d.Length > 0).ToArray();
        var setup = SetupGen.Sample(10, new Rnd(12UL), 1)[0];
        var taken = lists.Count(deals =>
            new AttainmentAccumulator(FrameDeals.Pipeline, setup.Quotas, setup.Options).TryAdd(DealFrame.Of(deals))
        );
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
        Assert.DoesNotContain("Exception", Outcome(() => Attainment.Of(lists[0], FrameDeals.Pipeline, setup.Quotas, setup.Options)));
    }

    private static bool Same(Deal[] deals, (Quota[] Quotas, AttainmentOptions Options) setup)
    {
        var pipeline = FrameDeals.Pipeline;
        var expected = Outcome(() => Attainment.Of(deals.Select(d => d), pipeline, setup.Quotas, setup.Options));
        var actual = Outcome(() => Attainment.Of(deals, pipeline, setup.Quotas, setup.Options));
        Assert.Equal(expected, actual);
        return true;
    }

    internal static string Outcome(Func<AttainmentReport> report)
    {
        try
        {
            return string.Join(
                "\n",
                report()
                    .Lines.Select(l =>
                        string.Join(
                            "|",
                            l.Quota.Level,
                            l.Quota.SubjectId,
                            l.Quota.Period.Label,
                            l.WonDeals,
                            Text(l.Won),
                            l.OpenDeals,
                            Text(l.OpenPipeline),
                            Text(l.WeightedPipeline),
                            l.RequiredCoverage?.ToString(CultureInfo.InvariantCulture),
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
