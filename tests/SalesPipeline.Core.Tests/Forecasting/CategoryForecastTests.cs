using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Forecasting;

public sealed partial class CategoryForecastTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant Start = Instant.FromUtc(2025, 12, 1, 9, 0); // before every close date
    private static readonly FiscalPeriod Q1 = FiscalCalendar.Calendar.Quarter(2026, 1);
    private static readonly FiscalPeriod Q2 = FiscalCalendar.Calendar.Quarter(2026, 2);

    // company Acme -> EMEA (lead erin: erin, bob) -> DACH (lead dan: dan, alice); carol is an admin.
    private static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA", lead: "erin")
        .Team("dach", "DACH", parent: "emea", lead: "dan")
        .Rep("erin", "Erin", "emea")
        .Rep("bob", "Bob", "emea")
        .Rep("dan", "Dan", "dach")
        .Rep("alice", "Alice", "dach")
        .Admin("carol", "Carol")
        .Build();

    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    // An open deal whose category is set by override (Omitted, Pipeline, BestCase or Commit), or a won deal (Closed).
    private static Deal DealOf(string id, string owner, ForecastCategory category, decimal amount, LocalDate close)
    {
        var deal = Deal.Open(Pipeline, new DealId(id), id, owner, Usd(amount), close, Start);
        if (category == ForecastCategory.Closed)
        {
            var answered = new[] { "use-case", "technical-fit", "budget" }.Aggregate(deal, (d, c) => Pipeline.Answer(d, c, Start, owner));
            return Pipeline.Win(answered, Instant.FromUtc(close.Year, close.Month, close.Day, 12, 0), owner);
        }
        return Pipeline.ApplyOrThrow(deal, DealCommand.OverrideCategoryTo(category, Start, owner));
    }

    private static Deal[] AliceQuarter() =>
        [
            DealOf("W", "alice", ForecastCategory.Closed, 10_000m, new LocalDate(2026, 2, 1)),
            DealOf("C", "alice", ForecastCategory.Commit, 20_000m, new LocalDate(2026, 3, 1)),
            DealOf("B", "alice", ForecastCategory.BestCase, 5_000m, new LocalDate(2026, 3, 2)),
            DealOf("P", "alice", ForecastCategory.Pipeline, 40_000m, new LocalDate(2026, 3, 3)),
            DealOf("O", "alice", ForecastCategory.Omitted, 99_000m, new LocalDate(2026, 3, 4)),
            DealOf("X", "bob", ForecastCategory.Commit, 7_000m, new LocalDate(2026, 3, 5)),
        ];

    [Fact]
    public void ByCategory_WorkedExample_CumulativeViewsAndRollUp()
    {
        var forecast = Forecast.ByCategory(AliceQuarter(), Pipeline, [Q1], Org);

        var alice = forecast[Q1, "alice"].Gross;
        Assert.Equal(
            (Usd(10_000m), Usd(20_000m), Usd(5_000m), Usd(40_000m), Usd(99_000m)),
            (alice.Closed, alice.Commit, alice.BestCase, alice.Pipeline, alice.Omitted)
        );
        Assert.Equal(Usd(30_000m), alice.CommitCumulative);
        Assert.Equal(Usd(35_000m), alice.BestCaseCumulative);
        Assert.Equal(Usd(65_000m), alice.OpenPipeline);
        // DACH = alice (dan has nothing); EMEA = DACH + bob's 7,000 Commit; the company = EMEA.
        Assert.Equal(Usd(30_000m), forecast[Q1, "dach"].Gross.CommitCumulative);
        Assert.Equal(Usd(37_000m), forecast[Q1, "emea"].Gross.CommitCumulative);
        Assert.Equal(Usd(37_000m), forecast[Q1, "Acme"].Gross.CommitCumulative);
        Assert.Equal(Usd(0m), forecast[Q1, "dan"].Gross.CommitCumulative);
    }

    [Fact]
    public void ByCategory_ManagerAdjustment_ChangesTheAdjustedRollUpNotTheGross()
    {
        // dan leads DACH, so he is alice's manager: he adjusts her Commit from 20,000 to 15,000.
        var adjustment = new CategoryAdjustment("alice", Q1, ForecastCategory.Commit, Usd(15_000m), "dan", Start, "legal review slipping");

        var forecast = Forecast.ByCategory(AliceQuarter(), Pipeline, [Q1], Org, [adjustment]);

        Assert.Equal(Usd(30_000m), forecast[Q1, "alice"].Gross.CommitCumulative);
        Assert.Equal(Usd(25_000m), forecast[Q1, "alice"].Adjusted.CommitCumulative);
        Assert.Equal(Usd(25_000m), forecast[Q1, "dach"].Adjusted.CommitCumulative);
        Assert.Equal(Usd(32_000m), forecast[Q1, "emea"].Adjusted.CommitCumulative);
        Assert.Equal(Usd(37_000m), forecast[Q1, "emea"].Gross.CommitCumulative);
        Assert.Equal([adjustment], forecast[Q1, "alice"].Adjustments);
    }

    [Fact]
    public void ByCategory_AdjustmentOfATeam_ReplacesTheTeamsFigureAboveIt()
    {
        // erin leads EMEA, the parent of DACH: she adjusts DACH's Commit (20,000 gross) to 12,000, over dan's 15,000 for alice.
        CategoryAdjustment[] adjustments =
        [
            new("alice", Q1, ForecastCategory.Commit, Usd(15_000m), "dan", Start),
            new("dach", Q1, ForecastCategory.Commit, Usd(12_000m), "erin", Start + Duration.FromHours(1)),
        ];

        var forecast = Forecast.ByCategory(AliceQuarter(), Pipeline, [Q1], Org, adjustments);

        Assert.Equal(Usd(12_000m), forecast[Q1, "dach"].Adjusted.Commit);
        Assert.Equal(Usd(19_000m), forecast[Q1, "emea"].Adjusted.Commit); // DACH 12,000 + bob 7,000
        Assert.Equal(Usd(27_000m), forecast[Q1, "emea"].Gross.Commit);
    }

    [Fact]
    public void ByCategory_LatestAdjustmentIsInForce_AllAreKept()
    {
        CategoryAdjustment[] adjustments =
        [
            new("alice", Q1, ForecastCategory.Commit, Usd(18_000m), "dan", Start + Duration.FromHours(2)),
            new("alice", Q1, ForecastCategory.Commit, Usd(11_000m), "dan", Start + Duration.FromHours(1)),
        ];

        var forecast = Forecast.ByCategory(AliceQuarter(), Pipeline, [Q1], Org, adjustments);

        Assert.Equal(Usd(18_000m), forecast[Q1, "alice"].Adjusted.Commit);
        Assert.Equal(2, forecast[Q1, "alice"].Adjustments.Count);
    }

    [Theory]
    [InlineData("alice", "erin")] // not her direct manager: dan is
    [InlineData("alice", "alice")] // self-adjustment is off by default
    [InlineData("dach", "dan")] // a lead cannot adjust his own team's figure
    [InlineData("nobody", "dan")]
    public void ByCategory_AdjustmentByWrongPerson_IsRejected(string subject, string by)
    {
        var adjustment = new CategoryAdjustment(subject, Q1, ForecastCategory.Commit, Usd(1m), by, Start);

        var ex = Assert.Throws<ArgumentException>(() => Forecast.ByCategory(AliceQuarter(), Pipeline, [Q1], Org, [adjustment]));

        Assert.Equal("adjustments", ex.ParamName);
        Assert.Contains("Adjustment 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByCategory_TopTeamsManagerIsAnAdmin_AndSelfAdjustmentCanBeAllowed()
    {
        var emea = new CategoryAdjustment("emea", Q1, ForecastCategory.BestCase, Usd(1_000m), "carol", Start);
        var self = new CategoryAdjustment("bob", Q1, ForecastCategory.Pipeline, Usd(500m), "bob", Start);

        var forecast = Forecast.ByCategory(AliceQuarter(), Pipeline, [Q1], Org, [emea, self], allowSelfAdjustment: true);

        Assert.Equal(Usd(1_000m), forecast[Q1, "emea"].Adjusted.BestCase);
        Assert.Equal(Usd(500m), forecast[Q1, "bob"].Adjusted.Pipeline);
    }

    [Fact]
    public void CategoryAdjustment_ClosedCategoryOrNegativeAmount_IsRejected()
    {
        Assert.Equal(
            "category",
            Assert
                .Throws<ArgumentOutOfRangeException>(() =>
                    new CategoryAdjustment("alice", Q1, ForecastCategory.Closed, Usd(1m), "dan", Start)
                )
                .ParamName
        );
        Assert.Equal(
            "amount",
            Assert
                .Throws<ArgumentOutOfRangeException>(() =>
                    new CategoryAdjustment("alice", Q1, ForecastCategory.Commit, Usd(-1m), "dan", Start)
                )
                .ParamName
        );
    }

    [Fact]
    public void ByCategory_OwnerOutsideTheOrganization_RollsUpToTheCompanyAsUnassigned()
    {
        Deal[] deals = [DealOf("Z", "zoe", ForecastCategory.Commit, 3_000m, new LocalDate(2026, 3, 5))];

        var forecast = Forecast.ByCategory(deals, Pipeline, [Q1], Org);

        Assert.Equal(Usd(3_000m), forecast[Q1, "(unassigned)"].Gross.Commit);
        Assert.Equal(Usd(3_000m), forecast[Q1, "Acme"].Gross.Commit);
        Assert.Equal(Usd(0m), forecast[Q1, "emea"].Gross.Commit);
    }

    private static readonly Gen<Deal[]> RandomDeals =
        from specs in Gen.ListOf(
            from owner in Gen.Elements("erin", "bob", "dan", "alice", "carol", "zoe")
            from category in Gen.Elements(
                ForecastCategory.Omitted,
                ForecastCategory.Pipeline,
                ForecastCategory.BestCase,
                ForecastCategory.Commit,
                ForecastCategory.Closed
            )
            from cents in Gen.Choose(0, 10_000_000)
            from day in Gen.Choose(0, 179)
            select (owner, category, cents, day)
        )
        select specs
            .Select((s, i) => DealOf($"D{i}", s.owner, s.category, s.cents / 100m, new LocalDate(2026, 1, 1).PlusDays(s.day)))
            .ToArray();

    private static readonly Gen<CategoryAdjustment[]> RandomAdjustments =
        from specs in Gen.ListOf(
            from pick in Gen.Elements(
                ("alice", "dan"),
                ("dan", "erin"),
                ("bob", "erin"),
                ("dach", "erin"),
                ("emea", "carol"),
                ("erin", "carol")
            )
            from category in Gen.Elements(ForecastCategory.Commit, ForecastCategory.BestCase, ForecastCategory.Pipeline)
            from cents in Gen.Choose(0, 5_000_000)
            from quarter in Gen.Elements(Q1, Q2)
            select new CategoryAdjustment(pick.Item1, quarter, category, Usd(cents / 100m), pick.Item2, Start)
        )
        select specs.ToArray();

    [Fact]
    public void RollUp_EveryNodeIsTheSumOfItsChildren_AndAdjustmentsNeverChangeGross_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomDeals.ToArbitrary(),
                RandomAdjustments.ToArbitrary(),
                (deals, adjustments) =>
                {
                    var plain = Forecast.ByCategory(
                        deals,
                        Pipeline,
                        [Q1, Q2],
                        Org,
                        options: new ForecastOptions { Rates = ExchangeRates.In(Currency.USD) }
                    );
                    var adjusted = Forecast.ByCategory(
                        deals,
                        Pipeline,
                        [Q1, Q2],
                        Org,
                        adjustments,
                        new ForecastOptions { Rates = ExchangeRates.In(Currency.USD) }
                    );
                    var grossUnchanged = plain.Lines.Zip(adjusted.Lines).All(x => x.First.Gross == x.Second.Gross);
                    var sumsHold = plain
                        .Lines.Where(l => l.Kind != CategoryNodeKind.Person && l.Kind != CategoryNodeKind.Unassigned)
                        .All(node =>
                        {
                            var children = plain.Lines.Where(c => c.Period == node.Period && c.ParentId == node.Id).ToArray();
                            return children.Aggregate(Zero(), (a, c) => Add(a, c.Gross)) == node.Gross;
                        });
                    // Second method for a person: sum their deals directly.
                    var aliceQ1 = deals
                        .Where(d => d.Owner == "alice" && d.Status == DealStatus.Won && Q1.Contains(d.ClosedAt!.Value.InUtc().Date))
                        .Sum(d => d.Amount.Amount);
                    return grossUnchanged && sumsHold && plain[Q1, "alice"].Gross.Closed.Amount == aliceQ1;
                }
            )
        );

    [Fact]
    public void Accumulators_MergeOfAnySplit_EqualsTheWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomDeals.ToArbitrary(),
                Gen.Choose(0, 100).ToArbitrary(),
                (deals, cut) =>
                {
                    var split = cut % (deals.Length + 1);
                    var left = new CategoryAccumulator(Pipeline, [Q1, Q2], Currency.USD);
                    var right = new CategoryAccumulator(Pipeline, [Q1, Q2], Currency.USD);
                    left.AddRange(deals.Take(split));
                    right.AddRange(deals.Skip(split));
                    left.Merge(right);
                    var whole = new CategoryAccumulator(Pipeline, [Q1, Q2], Currency.USD);
                    whole.AddRange(deals);
                    return left.Result(Org)
                        .Lines.Zip(whole.Result(Org).Lines)
                        .All(x => x.First.Gross == x.Second.Gross && x.First.Id == x.Second.Id);
                }
            )
        );

    [Fact]
    public void Snapshot_GivesExactlyTheForecastOfTheDeals_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomDeals.ToArbitrary(),
                RandomAdjustments.ToArbitrary(),
                Gen.Choose(0, 120).ToArbitrary(),
                (deals, adjustments, asOfDays) =>
                {
                    var options = new ForecastOptions
                    {
                        Rates = ExchangeRates.In(Currency.USD),
                        AsOf = new LocalDate(2025, 12, 1).PlusDays(asOfDays),
                    };
                    var expected = Forecast.ByCategory(deals, Pipeline, [Q1, Q2], Org, adjustments, options);
                    var actual = Forecast.ByCategory(
                        ForecastSnapshot.Create(deals, Pipeline, options),
                        [Q1, Q2],
                        Org,
                        adjustments,
                        options.AsOf
                    );
                    return actual.Overdue == expected.Overdue
                        && actual.Lines.Count == expected.Lines.Count
                        && actual
                            .Lines.Zip(expected.Lines)
                            .All(x =>
                                x.First.Id == x.Second.Id && x.First.Gross == x.Second.Gross && x.First.Adjusted == x.Second.Adjusted
                            );
                }
            )
        );

    private static CategoryAmounts Zero() => new(Usd(0m), Usd(0m), Usd(0m), Usd(0m), Usd(0m));

    private static CategoryAmounts Add(CategoryAmounts a, CategoryAmounts b) =>
        new(a.Closed + b.Closed, a.Commit + b.Commit, a.BestCase + b.BestCase, a.Pipeline + b.Pipeline, a.Omitted + b.Omitted);
}
