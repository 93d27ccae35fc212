using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests.Forecasting;

namespace SalesPipeline.Tests.Targets;

// Deals and an organization for the attainment tests. Default pipeline probabilities: prospecting 10%, qualified 20%,
// proposal 50%, negotiation 80%.
internal static class AttainmentFixtures
{
    public static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    public static readonly Instant Opened = Instant.FromUtc(2025, 11, 3, 9, 0);

    // Acme: EMEA (erin leads; alice, bob) and APAC (dave).
    public static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA", lead: "erin")
        .Rep("erin", "Erin", "emea")
        .Rep("alice", "Alice", "emea")
        .Rep("bob", "Bob", "emea")
        .Team("apac", "APAC")
        .Rep("dave", "Dave", "apac")
        .Build();

    public static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    /// <summary>An open deal walked from Prospecting to <paramref name="stage"/> (answering Qualified's criteria first).</summary>
    public static Deal Open(
        string id,
        string owner,
        decimal amount,
        LocalDate close,
        string stage = "proposal",
        Currency? currency = null
    ) => ForecastDeals.WalkedTo(id, owner, Money.Of(amount, currency ?? Currency.USD), close, stage, Opened);

    /// <summary>A deal won at <paramref name="at"/> (its expected close date is far away, so only the won date places it).</summary>
    public static Deal Won(string id, string owner, decimal amount, Instant at, Currency? currency = null) =>
        Pipeline.Win(Open(id, owner, amount, new LocalDate(2027, 12, 31), "negotiation", currency), at, owner);

    public static Deal Lost(string id, string owner, decimal amount, LocalDate close) =>
        Pipeline.Lose(Open(id, owner, amount, close), LossReason.Price, Opened + Duration.FromDays(3), owner);
}
