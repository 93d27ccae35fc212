using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Metrics;

public class BreakdownKeysTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);

    // Company > EMEA (lead: erin) > DACH; alice in DACH, bob in EMEA, zoe is an admin at company level.
    private static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA")
        .Team("dach", "DACH", parent: "emea")
        .Rep("alice", "Alice", "dach")
        .Rep("bob", "Bob", "emea")
        .Admin("zoe", "Zoe")
        .Build();

    private static Deal DealOf(string owner, LeadSource? source = null, string? product = null) =>
        Deal.Open(
            PipelineDefinition.Default,
            new DealId("D-1"),
            "Deal",
            owner,
            Money.Of(1m, Currency.USD),
            new LocalDate(2026, 6, 30),
            T0,
            source: source,
            product: product
        );

    [Fact]
    public void Of_Deal_GivesOneKeyPerBreakdown_TeamsNearestFirst()
    {
        var deal = DealOf("alice", LeadSource.Web, "CRM Suite");

        Assert.Equal(["alice"], BreakdownKeys.Of(deal, Breakdown.Owner));
        Assert.Equal(["web"], BreakdownKeys.Of(deal, Breakdown.Source));
        Assert.Equal(["CRM Suite"], BreakdownKeys.Of(deal, Breakdown.Product));
        Assert.Equal(["dach", "emea"], BreakdownKeys.Of(deal, Breakdown.Team, Org));
        Assert.Equal(["emea"], BreakdownKeys.Of(DealOf("bob"), Breakdown.Team, Org));
    }

    [Fact]
    public void Of_Deal_MissingValues_UseNoneUnassignedOrNoTeam()
    {
        Assert.Equal([BreakdownKeys.None], BreakdownKeys.Of(DealOf("alice"), Breakdown.Source));
        Assert.Equal([BreakdownKeys.None], BreakdownKeys.Of(DealOf("alice"), Breakdown.Product));
        Assert.Equal([BreakdownKeys.Unassigned], BreakdownKeys.Of(DealOf("mallory"), Breakdown.Team, Org));
        Assert.Empty(BreakdownKeys.Of(DealOf("zoe"), Breakdown.Team, Org));
    }

    [Fact]
    public void Of_Lead_UsesOwnerSourceAndProductInterest()
    {
        var lead = Lead.Create(new LeadId("L-1"), "Globex", LeadSource.Referral, "bob", T0, productInterest: "Analytics");

        Assert.Equal(["referral"], BreakdownKeys.Of(lead, Breakdown.Source));
        Assert.Equal(["Analytics"], BreakdownKeys.Of(lead, Breakdown.Product));
        Assert.Equal(["emea"], BreakdownKeys.Of(lead, Breakdown.Team, Org));
        Assert.Equal(["bob"], BreakdownKeys.Of(lead, Breakdown.Owner));
    }

    [Fact]
    public void Of_BadInput_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => BreakdownKeys.Of(DealOf("alice"), Breakdown.Team));
        Assert.Equal("organization", ex.ParamName);
        var undefined = Assert.Throws<ArgumentOutOfRangeException>(() => BreakdownKeys.Of(DealOf("alice"), (Breakdown)7));
        Assert.Equal("breakdown", undefined.ParamName);
        Assert.Contains("7", undefined.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => BreakdownKeys.Of((Deal)null!, Breakdown.Owner));
    }
}
