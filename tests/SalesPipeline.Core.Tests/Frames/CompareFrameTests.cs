using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests.Frames.Building;
using SalesPipeline.Tests.Frames.HistoryColumns;

namespace SalesPipeline.Tests.Frames;

// The comparison of the two forecasting views from a list of deals runs on the frame; from a lazy sequence, deal by
// deal. Both must give the same rows (every field, decimals with their scale) in the same order, or the same exception.
public class CompareFrameTests
{
    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];

    private static readonly Gen<FiscalPeriod?> PeriodGen = Gen.Frequency(
        (1, Gen.Constant<FiscalPeriod?>(null)),
        (3, Gen.Elements(Months).Select(m => (FiscalPeriod?)m))
    );

    // The default bands, tighter ones (more disagreements, scales other than the defaults'), and now and then an
    // invalid band, which throws only when an open deal of that category is compared.
    private static readonly Gen<CategoryBands?> BandsGen = Gen.Frequency(
        (3, Gen.Constant<CategoryBands?>(null)),
        (2, Gen.Constant<CategoryBands?>(new CategoryBands { Commit = (0.900m, 1m), Pipeline = (0.25m, 0.50m) })),
        (1, Gen.Constant<CategoryBands?>(new CategoryBands { BestCase = (0.8m, 0.4m) }))
    );

    private static readonly Gen<ForecastOptions?> OptionsGen = Gen.Frequency(
        (5, Gen.Constant<ForecastOptions?>(null)),
        (1, Gen.Constant<ForecastOptions?>(new ForecastOptions { Rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.0837m) }))
    );

    private static readonly Gen<(FiscalPeriod? Period, CategoryBands? Bands, ForecastOptions? Options)> SetupGen =
        from period in PeriodGen
        from bands in BandsGen
        from options in OptionsGen
        select (period, bands, options);

    private static readonly Gen<(int Seed, bool InParts)> HowGen =
        from seed in Gen.Choose(0, int.MaxValue)
        from inParts in Gen.Elements(false, true)
        select (seed, inParts);

    [Fact]
    public void FromAList_EqualsTheDealByDealComparison_Property() =>
        PropertyAssert.Holds(Prop.ForAll(FrameDeals.Deals.ToArbitrary(), SetupGen.ToArbitrary(), (deals, setup) => Same(deals, setup)));

    [Fact]
    public void PlainDeals_EqualTheDealByDealComparison_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(FrameDeals.PlainDeals.ToArbitrary(), SetupGen.ToArbitrary(), (deals, setup) => Same(deals, setup))
        );

    // A list held as columns without deal objects (an import's, a DealListBuilder's), whole and built in parts, with
    // hostile names and amounts: each row's id, name, owner, stage and amount come from the columns and the history,
    // and only an overridden row's source from its decoded deal.
    [Fact]
    public void WithoutDealObjects_EqualsTheDealByDealComparison_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                FrameDeals.Deals.ToArbitrary(),
                SetupGen.ToArbitrary(),
                HowGen.ToArbitrary(),
                (framed, setup, how) =>
                {
                    var rng = new Random(how.Seed);
                    var deals = framed.Select(d => rng.Next(2) == 0 ? d : HistoryDeals.Hostile(d, rng.Next())).ToArray();
                    var expected = StintsHostile.Outcome(() => Oracle(deals, setup));
                    var list = AddRowTests.WithoutDeals(deals, how.InParts).DealList;
                    Assert.Equal(
                        expected,
                        StintsHostile.Outcome(() => Forecast.Compare(list, FrameDeals.Pipeline, setup.Period, setup.Bands, setup.Options))
                    );
                    return true;
                }
            )
        );

    [Fact]
    public void PlainDeals_RunOnTheFrame()
    {
        // Not vacuous: the kernel takes the plain inputs rather than falling back to the deal code.
        var lists = FrameDeals.PlainDeals.Sample(30, new Rnd(20261206UL), 40).Where(d => d.Length > 0).ToArray();
        var taken = lists.Count(deals =>
            Forecast.TryCompareRows(DealFrame.Of(deals), FrameDeals.Pipeline, Months[1], CategoryBands.Default, null) is not null
        );
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame kernel ran for {taken} of {lists.Length} lists");
    }

    [Fact]
    public void OverrideAndBands_AsWorkedOut()
    {
        // 100.00 in Prospecting (10%, Pipeline by default) with a 0.50 override and a Commit call: 50% against
        // Commit's [0.7, 1] is 0.20 outside; weighted 100.00 x 0.50 = 50.0000, rounded to 50.00. A second deal in its
        // stage default (10%, Pipeline, inside [0, 0.6]) agrees.
        var stage = FrameDeals.Pipeline.OpenStages[0];
        var at = FrameDeals.T0;
        var a = Deal.Open(FrameDeals.Pipeline, new DealId("A"), "A", "alice", Money.Of(100.00m, Currency.USD), Months[1].Start, at);
        a = FrameDeals.Pipeline.ApplyOrThrow(a, DealCommand.OverrideProbabilityTo(0.50m, at, "alice"));
        a = FrameDeals.Pipeline.ApplyOrThrow(a, DealCommand.OverrideCategoryTo(ForecastCategory.Commit, at, "alice"));
        var b = Deal.Open(FrameDeals.Pipeline, new DealId("B"), "B", "bob", Money.Of(7m, Currency.USD), Months[1].Start, at);
        Deal[] deals = [a, b];
        var comparison = Forecast.Compare(deals, FrameDeals.Pipeline);
        Assert.Equal(stage.Id, comparison.Deals[0].StageId);
        Assert.Equal("50.00", comparison.Deals[0].Weighted.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.20", comparison.Deals[0].Disagreement.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0m, comparison.Deals[1].Disagreement);
        Assert.Equal([a.Id], comparison.Disagreements.Select(d => d.DealId));
        Assert.Equal(StintsHostile.Dump(Oracle(deals, (null, null, null))), StintsHostile.Dump(comparison));
    }

    // The override's source is the one field of a row read from its decoded deal: a Model score and a Manual call kept
    // apart in a list without deal objects. 100.00 at Model's 0.50 weighs 50.00; 7.00 at a rep's 0.20 weighs 1.40.
    [Fact]
    public void OverrideSources_WithoutDealObjects()
    {
        var at = FrameDeals.T0;
        var a = Deal.Open(
            FrameDeals.Pipeline,
            new DealId("A"),
            "Acme renewal",
            "alice",
            Money.Of(100.00m, Currency.USD),
            Months[1].Start,
            at
        );
        a = FrameDeals.Pipeline.ApplyOrThrow(a, DealCommand.OverrideProbabilityTo(0.50m, at, "scorer", ValueSource.Model));
        var b = Deal.Open(FrameDeals.Pipeline, new DealId("B"), "Beta pilot", "bob", Money.Of(7.00m, Currency.USD), Months[1].Start, at);
        b = FrameDeals.Pipeline.ApplyOrThrow(b, DealCommand.OverrideProbabilityTo(0.20m, at, "bob"));
        var comparison = Forecast.Compare(AddRowTests.WithoutDeals([a, b], inParts: false).DealList, FrameDeals.Pipeline);
        Assert.Equal(["Acme renewal", "Beta pilot"], comparison.Deals.Select(d => d.Name));
        Assert.Equal([ValueSource.Model, ValueSource.Manual], comparison.Deals.Select(d => d.Probability.Source));
        Assert.Equal(["50.00", "1.40"], comparison.Deals.Select(d => d.Weighted.Amount.ToString(CultureInfo.InvariantCulture)));
    }

    private static bool Same(Deal[] deals, (FiscalPeriod? Period, CategoryBands? Bands, ForecastOptions? Options) setup)
    {
        var expected = StintsHostile.Outcome(() => Oracle(deals, setup));
        var actual = StintsHostile.Outcome(() => Forecast.Compare(deals, FrameDeals.Pipeline, setup.Period, setup.Bands, setup.Options));
        Assert.Equal(expected, actual);
        return true;
    }

    // The deal-by-deal code: a lazy sequence gets no frame.
    private static ForecastComparison Oracle(Deal[] deals, (FiscalPeriod? Period, CategoryBands? Bands, ForecastOptions? Options) setup) =>
        Forecast.Compare(deals.Select(d => d), FrameDeals.Pipeline, setup.Period, setup.Bands, setup.Options);
}
