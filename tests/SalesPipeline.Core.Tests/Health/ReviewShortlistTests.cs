using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Health;

public sealed class ReviewShortlistTests
{
    // Weighted amounts at risk (amount x stage probability):
    //   S2 proposal 100,000 x 50% = 50,000 (stale)              alice
    //   S4 proposal  80,000 x 50% = 40,000 (stale and rotting)  alice
    //   S1 negotiation 50,000 x 80% = 40,000 (stale)            bob
    //   S0, S7 proposal 60,000 x 50% = 30,000 (stale)           alice
    //   S3 prospecting 300,000 x 10% = 30,000 (stale)           bob
    //   S5 negotiation 1,000,000, touched two days ago: healthy, not at risk.
    // Created 15 March (17 days untouched > 14), S4 on 1 February (59 days: stale, and 59 > 30 days in Proposal).
    private static readonly Deal[] Deals =
    [
        DealIn("S5", "negotiation", 1_000_000m, Date(5, 31), At(3, 30)),
        DealIn("S3", "prospecting", 300_000m, Date(5, 31), At(3, 15), owner: "bob"),
        DealIn("S7", "proposal", 60_000m, Date(5, 31), At(3, 15)),
        DealIn("S1", "negotiation", 50_000m, Date(5, 31), At(3, 15), owner: "bob"),
        DealIn("S4", "proposal", 80_000m, Date(5, 31), At(2, 1)),
        DealIn("S0", "proposal", 60_000m, Date(5, 31), At(3, 15)),
        DealIn("S2", "proposal", 100_000m, Date(5, 31), At(3, 15)),
    ];

    private static string[] Ids(ReviewShortlist shortlist) => shortlist.Deals.Select(d => d.Deal.Value).ToArray();

    [Fact]
    public void Shortlist_TopThree_ByWeightedAmountThenFindingsThenId()
    {
        var report = PipelineHealth.Inspect(Deals, Pipeline, AsOf);

        var shortlist = report.Shortlist;
        Assert.Equal(["S2", "S4", "S1"], Ids(shortlist)); // S4 and S1 tie at 40,000: S4 has two findings
        Assert.Equal((6, Usd(220_000m), 3, null), (shortlist.AtRiskDeals, shortlist.WeightedAtRisk, shortlist.Size, shortlist.Owner));
        Assert.Equal(
            (Usd(100_000m), 0.5m, Usd(50_000m)),
            (shortlist.Deals[0].Amount, shortlist.Deals[0].Probability, shortlist.Deals[0].WeightedAmount)
        );
        Assert.Equal(
            ["No touch for 59 days (limit 14 days).", "In stage proposal for 59 days (limit 30 days)."],
            shortlist.Deals[1].Reasons
        );
    }

    [Fact]
    public void ShortlistFor_Owner_KeepsOnlyTheirDeals()
    {
        var report = PipelineHealth.Inspect(Deals, Pipeline, AsOf);

        var bob = report.ShortlistFor("bob");
        var alice = report.ShortlistFor("alice", 5);
        var carol = report.ShortlistFor("carol");

        Assert.Equal(["S1", "S3"], Ids(bob));
        Assert.Equal((2, Usd(70_000m), "bob"), (bob.AtRiskDeals, bob.WeightedAtRisk, bob.Owner));
        Assert.Equal(["S2", "S4", "S0", "S7"], Ids(alice)); // S0 and S7 tie on amount and findings: ordinal id
        Assert.Empty(carol.Deals);
    }

    [Fact]
    public void Shortlist_WholePipelineOfSix_BreaksThreeWayTieById()
    {
        var report = PipelineHealth.Inspect(Deals, Pipeline, AsOf, HealthPolicy.Default with { ShortlistSize = 6 });

        Assert.Equal(["S2", "S4", "S1", "S0", "S3", "S7"], Ids(report.Shortlist));
        Assert.Equal(["S0", "S1", "S2", "S3", "S4", "S7"], report.Deals.Select(d => d.Deal.Value)); // the report: by id
    }

    [Fact]
    public void Shortlist_ProbabilityOverride_ChangesTheWeight()
    {
        // S3 overridden to 20%: 300,000 x 20% = 60,000, now first. The override is an event on 16 March: 16 days untouched.
        var s3 = Pipeline.ApplyOrThrow(Deals[1], DealCommand.OverrideProbabilityTo(0.20m, At(3, 16), "bob"));
        var deals = Deals.Select(d => d.Id.Value == "S3" ? s3 : d);

        var report = PipelineHealth.Inspect(deals, Pipeline, AsOf);

        Assert.Equal(["S3", "S2", "S4"], Ids(report.Shortlist));
        Assert.Equal(Usd(60_000m), report.Shortlist.Deals[0].WeightedAmount);
    }

    [Fact]
    public void Shortlist_OtherCurrencies_AreConvertedThroughTheRates()
    {
        // EUR 100,000 x 1.10 = USD 110,000 in Proposal: 55,000 weighted, ahead of S2's 50,000.
        var eur = DealIn("E1", "proposal", 100_000m, Date(5, 31), At(3, 15), currency: Currency.EUR);
        var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.10m);

        var report = PipelineHealth.Inspect([.. Deals, eur], Pipeline, AsOf, null, new HealthInputs { Rates = rates });

        Assert.Equal(["E1", "S2", "S4"], Ids(report.Shortlist));
        Assert.Equal((Usd(110_000m), Usd(55_000m)), (report.Shortlist.Deals[0].Amount, report.Shortlist.Deals[0].WeightedAmount));
        Assert.Throws<MissingExchangeRateException>(() => PipelineHealth.Inspect([.. Deals, eur], Pipeline, AsOf));
    }

    [Fact]
    public void Shortlist_WeightedAmount_IsRoundedOnceHalfAwayFromZero()
    {
        // USD 12,345.67 x 10% = 1,234.567, shown as 1,234.57.
        var deal = DealIn("R", "prospecting", 12_345.67m, Date(5, 31), At(3, 1));

        var item = PipelineHealth.Inspect([deal], Pipeline, AsOf).Shortlist.Deals.Single();

        Assert.Equal(Usd(1_234.57m), item.WeightedAmount);
    }

    [Fact]
    public void Shortlist_ToString_NumbersTheDealsAndListsReasons()
    {
        var text = PipelineHealth.Inspect(Deals, Pipeline, AsOf).Shortlist.ToString();

        Assert.StartsWith(
            "Review shortlist (whole pipeline): top 3 of 6 deals at risk, weighted USD 220,000.00\n",
            text,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "1. S2 S2 | alice | proposal | USD 100,000.00 x 50% = USD 50,000.00\n   - No touch for 17 days (limit 14 days).\n",
            text,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ShortlistFor_BlankOwner_Throws(string owner)
    {
        var report = PipelineHealth.Inspect(Deals, Pipeline, AsOf);

        var e = Assert.Throws<ArgumentException>(() => report.ShortlistFor(owner));
        Assert.Equal("owner", e.ParamName);
    }

    [Fact]
    public void ShortlistFor_SizeZero_Throws()
    {
        var report = PipelineHealth.Inspect(Deals, Pipeline, AsOf);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => report.ShortlistFor("bob", 0));
        Assert.Equal("size", e.ParamName);
        Assert.Contains("0 was asked for", e.Message, StringComparison.Ordinal);
    }
}
