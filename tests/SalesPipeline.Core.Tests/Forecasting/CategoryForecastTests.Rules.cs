using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Forecasting;

// The adjustment rules at their edges, with the exact texts of the refusals; the accumulator's merge and null checks.
public sealed partial class CategoryForecastTests
{
    private static string Refusal(string subject, string by, bool allowSelf = false, SalesOrg? org = null, FiscalPeriod? period = null)
    {
        var adjustment = new CategoryAdjustment(subject, period ?? Q1, ForecastCategory.Commit, Usd(1m), by, Start);
        return Assert
            .Throws<ArgumentException>(() =>
                Forecast.ByCategory(AliceQuarter(), Pipeline, [Q1], org ?? Org, [adjustment], allowSelfAdjustment: allowSelf)
            )
            .Message;
    }

    [Theory]
    // alice is in DACH, led by dan.
    [InlineData("alice", "erin", false, "\"erin\" may not adjust \"alice\"; only \"dan\" may (self-adjustment is not allowed).")]
    [InlineData("alice", "erin", true, "\"erin\" may not adjust \"alice\"; only \"dan\" may.")]
    // carol is an admin in no team: nobody is above her, and admins do not count herself.
    [InlineData("carol", "dan", false, "\"dan\" may not adjust \"carol\"; only nobody may (self-adjustment is not allowed).")]
    // A team id is not a person: naming it as its own adjuster is no self-adjustment even when those are allowed.
    [InlineData("dach", "dach", true, "\"dach\" may not adjust \"dach\"; only \"erin\" may.")]
    [InlineData("zoe", "dan", false, "\"zoe\" is neither a person nor a team of Acme.")]
    public void ByCategory_AdjustmentByWrongPerson_SaysWhoMay(string subject, string by, bool allowSelf, string rule) =>
        Assert.StartsWith($"Adjustment 0 is not valid: {rule}", Refusal(subject, by, allowSelf), StringComparison.Ordinal);

    [Fact]
    public void ByCategory_TopTeamWithTwoAdmins_NamesBothAndOnlyThem()
    {
        // EMEA has no team above: its managers are the admins carol and zed, not the reps.
        var org = SalesOrg
            .CreateBuilder("Acme")
            .Team("emea", "EMEA", lead: "erin")
            .Rep("erin", "Erin", "emea")
            .Rep("bob", "Bob", "emea")
            .Admin("carol", "Carol")
            .Admin("zed", "Zed")
            .Build();

        Assert.StartsWith(
            "Adjustment 0 is not valid: \"bob\" may not adjust \"emea\"; only \"carol\" or \"zed\" may",
            Refusal("emea", "bob", org: org),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ByCategory_LeadOfATeamAndOfItsParent_DoesNotManageTheTeam()
    {
        // erin leads EMEA and its sub-team DACH: DACH's manager is the nearest lead above who is someone else, here
        // nobody, so the admin carol.
        var org = SalesOrg
            .CreateBuilder("Acme")
            .Team("emea", "EMEA", lead: "erin")
            .Team("dach", "DACH", parent: "emea", lead: "erin")
            .Rep("erin", "Erin", "emea")
            .Rep("alice", "Alice", "dach")
            .Admin("carol", "Carol")
            .Build();
        var byCarol = new CategoryAdjustment("dach", Q1, ForecastCategory.Commit, Usd(9_000m), "carol", Start);

        Assert.StartsWith(
            "Adjustment 0 is not valid: \"erin\" may not adjust \"dach\"; only \"carol\" may",
            Refusal("dach", "erin", org: org),
            StringComparison.Ordinal
        );
        Assert.Equal(Usd(9_000m), Forecast.ByCategory(AliceQuarter(), Pipeline, [Q1], org, [byCarol])[Q1, "dach"].Adjusted.Commit);
    }

    [Fact]
    public void ByCategory_SubjectThatIsBothAPersonAndATeam_IsRefused()
    {
        var org = SalesOrg
            .CreateBuilder("Acme")
            .Team("kim", "Kim's team", lead: "kim")
            .Rep("kim", "Kim", "kim")
            .Admin("carol", "Carol")
            .Build();

        Assert.StartsWith(
            "Adjustment 0 is not valid: \"kim\" is both a person and a team; give them different ids.",
            Refusal("kim", "carol", org: org),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ByCategory_AdjustmentOutsideThePeriodsOrInAnotherCurrency_IsRefused()
    {
        var eur = new CategoryAdjustment("alice", Q1, ForecastCategory.Commit, Money.Of(5m, Currency.EUR), "dan", Start);

        Assert.StartsWith(
            $"Adjustment 0 is not valid: its period {Q2} is not one of the forecast's periods.",
            Refusal("alice", "dan", period: Q2),
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "Adjustment 0 is not valid: its amount EUR 5.00 is not in the reporting currency USD.",
            Assert.Throws<ArgumentException>(() => Forecast.ByCategory(AliceQuarter(), Pipeline, [Q1], Org, [eur])).Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ByCategory_TwoAdjustmentsAtTheSameInstant_TheLaterGivenIsInForce()
    {
        CategoryAdjustment[] adjustments =
        [
            new("alice", Q1, ForecastCategory.Commit, Usd(11_000m), "dan", Start),
            new("alice", Q1, ForecastCategory.Commit, Usd(18_000m), "dan", Start),
        ];

        Assert.Equal(Usd(18_000m), Forecast.ByCategory(AliceQuarter(), Pipeline, [Q1], Org, adjustments)[Q1, "alice"].Adjusted.Commit);
    }

    [Fact]
    public void CategoryAdjustment_Refusals_NameTheValue()
    {
        var closed = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CategoryAdjustment("alice", Q1, ForecastCategory.Closed, Usd(1m), "dan", Start)
        );
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CategoryAdjustment("alice", Q1, ForecastCategory.Commit, Usd(-1m), "dan", Start)
        );

        Assert.StartsWith("Adjustments apply to Commit, BestCase or Pipeline; Closed was given.", closed.Message, StringComparison.Ordinal);
        Assert.StartsWith("An adjusted amount must not be negative; it was USD -1.00.", negative.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CategoryForecast_Lookup_NullsAreRefusedAndAMissingRowListsOnlyItsPeriodsRows()
    {
        // zoe (outside the organization) has a Commit in Q1 only, so only Q1 has an "(unassigned)" row.
        Deal[] deals = [DealOf("Z", "zoe", ForecastCategory.Commit, 3_000m, new LocalDate(2026, 3, 5))];
        var forecast = Forecast.ByCategory(deals, Pipeline, [Q1, Q2], Org);

        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => forecast.TryGet(null!, "alice", out _)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => forecast.TryGet(Q1, null!, out _)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => forecast[null!, "alice"]).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => forecast[Q1, null!]).ParamName);
        var missing = Assert.Throws<KeyNotFoundException>(() => forecast[Q2, "nobody"]).Message;
        Assert.StartsWith(
            $"The category forecast for {Q2.Label} has no row \"nobody\"; it has \"Acme\"",
            missing,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("(unassigned)", missing, StringComparison.Ordinal);
        Assert.Contains(
            "(unassigned)",
            Assert.Throws<KeyNotFoundException>(() => forecast[Q1, "nobody"]).Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ByCategory_NullArguments_AreRefusedByName()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => Forecast.ByCategory(null!, Pipeline, [Q1], Org)).ParamName);
        Assert.Equal(
            "organization",
            Assert.Throws<ArgumentNullException>(() => Forecast.ByCategory(AliceQuarter(), Pipeline, [Q1], null!)).ParamName
        );
        var accumulator = new CategoryAccumulator(Pipeline, [Q1], Currency.USD);
        Assert.Equal("deal", Assert.Throws<ArgumentNullException>(() => accumulator.Add(null!)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => accumulator.Merge(null!)).ParamName);
        Assert.Equal("organization", Assert.Throws<ArgumentNullException>(() => accumulator.Result(null!)).ParamName);
        var nullDeal = Assert.Throws<ArgumentNullException>(() => accumulator.AddRange([AliceQuarter()[0], null!]));
        Assert.StartsWith("Deal 1 is null.", nullDeal.Message, StringComparison.Ordinal);
    }

    // A pipeline compares by reference: any other instance differs.
    private static PipelineDefinition OtherPipeline() =>
        PipelineDefinition.CreateBuilder("Other").Stage("Only", 0.5m).Won("Won").Lost("Lost").Build();

    [Theory]
    [InlineData("pipeline")]
    [InlineData("currency")]
    [InlineData("options")]
    [InlineData("periods")]
    public void Accumulator_MergeOfAnotherSetup_IsRefusedNamingTheDifference(string part)
    {
        var accumulator = new CategoryAccumulator(Pipeline, [Q1], Currency.USD);
        var other = part switch
        {
            "pipeline" => new CategoryAccumulator(OtherPipeline(), [Q1], Currency.USD),
            "currency" => new CategoryAccumulator(Pipeline, [Q1], Currency.EUR),
            "options" => new CategoryAccumulator(Pipeline, [Q1], Currency.USD, new ForecastOptions { AsOf = new LocalDate(2026, 2, 1) }),
            _ => new CategoryAccumulator(Pipeline, [Q2], Currency.USD),
        };

        var ex = Assert.Throws<ArgumentException>(() => accumulator.Merge(other));

        Assert.Equal("other", ex.ParamName);
        Assert.StartsWith(
            $"Only accumulators set up alike can be merged; these two differ in the {part}.",
            ex.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Accumulator_NullZoneOrRatesInAnotherCurrency_IsRefused()
    {
        var zone = Assert.Throws<ArgumentException>(() =>
            new CategoryAccumulator(Pipeline, [Q1], Currency.USD, new ForecastOptions { Zone = null! })
        );
        var rates = Assert.Throws<ArgumentException>(() =>
            new CategoryAccumulator(Pipeline, [Q1], Currency.USD, new ForecastOptions { Rates = ExchangeRates.In(Currency.EUR) })
        );

        Assert.Equal("options", zone.ParamName);
        Assert.StartsWith("ForecastOptions.Zone must not be null; use DateTimeZone.Utc for UTC.", zone.Message, StringComparison.Ordinal);
        Assert.Equal("reportingCurrency", rates.ParamName);
        Assert.StartsWith("The exchange rates report in EUR, but the forecast is in USD.", rates.Message, StringComparison.Ordinal);
    }
}
