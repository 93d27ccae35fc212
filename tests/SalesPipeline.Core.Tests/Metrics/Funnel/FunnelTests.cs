using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Statistics;

namespace SalesPipeline.Tests.Metrics;

public class FunnelTests
{
    private static readonly SalesPipeline.Pipelines.PipelineDefinition Pipeline = History.Pipeline;

    // The worked example of docs/metrics-funnel.md (P = prospecting, Q = qualified, R = proposal, N = negotiation):
    // D1 alice 100: P > Q > R > N > won        D4 bob 400: P > Q > R > back to Q (open)
    // D2 alice 200: P > Q > lost               D5 bob 500: P > lost
    // D3 alice 300: P > R (skips Q) (open)     D6 bob 600: P > Q > R > lost, reopened into N (open)
    private static Deal[] Example() =>
        [
            History
                .Open("D1", 0, "alice", 100m, lead: new LeadId("L1"))
                .Move("qualified", 1)
                .Move("proposal", 2)
                .Move("negotiation", 3)
                .Win(4),
            History.Open("D2", 0, "alice", 200m).Move("qualified", 1).Lose(2),
            History.Open("D3", 0, "alice", 300m).Move("proposal", 1),
            History.Open("D4", 0, "bob", 400m).Move("qualified", 1).Move("proposal", 2).Move("qualified", 3),
            History.Open("D5", 0, "bob", 500m, lead: new LeadId("L2")).Lose(1),
            History.Open("D6", 0, "bob", 600m).Move("qualified", 1).Move("proposal", 2).Lose(3).Reopen("negotiation", 4),
        ];

    private static (int Reached, int On, int Back, int Lost, int Won, int In) Counts(FunnelStage s) =>
        (s.Reached, s.MovedOn, s.MovedBack, s.Lost, s.Won, s.StillIn);

    [Fact]
    public void Of_WorkedExample_CountsEveryCategoryByHand()
    {
        var report = Funnel.Of(Example(), Pipeline);

        // P: all 6 reached; D5 lost there, the other 5 left it forward.
        Assert.Equal((6, 5, 0, 1, 0, 0), Counts(report.Stages[0]));
        // Q: D1, D2, D4, D6 entered, D3 jumped over it (moved on); D2 lost; D4 is back in it.
        Assert.Equal((5, 3, 0, 1, 0, 1), Counts(report.Stages[1]));
        // R: D1 on; D3 in; D4 left it backward; D6 lost from it but reopened into N, so moved on.
        Assert.Equal((4, 2, 1, 0, 0, 1), Counts(report.Stages[2]));
        // N: D1 won from it; D6 in it.
        Assert.Equal((2, 0, 0, 0, 1, 1), Counts(report.Stages[3]));
        Assert.Equal(6, report.All.Deals);
    }

    [Fact]
    public void Of_WorkedExample_RatesAmountsAndBottleneck()
    {
        var report = Funnel.Of(Example(), Pipeline);
        var (p, q, r, n) = (report.Stages[0], report.Stages[1], report.Stages[2], report.Stages[3]);

        Assert.Equal(5.0 / 6, p.ConversionToNext);
        Assert.Equal(4.0 / 5, q.ConversionToNext);
        Assert.Equal(2.0 / 4, r.ConversionToNext);
        Assert.Null(n.ConversionToNext);
        Assert.Equal(1.0 / 6, p.LossRate);
        Assert.Equal(1.0 / 5, q.LossRate);
        Assert.Equal(0.0, r.LossRate);
        // Q loses 1 of 5 (20%), more than P's 1 of 6 (16.7%).
        Assert.Same(q, report.Bottleneck);
        // Reached value: P 2,100; Q 100 + 200 + 300 + 400 + 600 = 1,600; R 100 + 300 + 400 + 600 = 1,400; N 700.
        Assert.Equal(Money.Of(2_100m, Currency.USD), p.ReachedAmount);
        Assert.Equal(Money.Of(1_600m, Currency.USD), q.ReachedAmount);
        Assert.Equal(Money.Of(1_400m, Currency.USD), r.ReachedAmount);
        Assert.Equal(Money.Of(700m, Currency.USD), n.ReachedAmount);
        Assert.Equal((double)(1_600m / 2_100m), q.ReachedValueShare);
        Assert.Equal(Money.Of(500m, Currency.USD), p.LostAmount);
        Assert.Equal(Money.Of(100m, Currency.USD), n.WonAmount);
        // Open: D4 400 in Q, D3 300 in R, D6 600 in N: 1,300.
        Assert.Equal(Money.Of(300m, Currency.USD), r.StillInAmount);
        Assert.Equal((double)(300m / 1_300m), r.OpenValueShare);
        Assert.Equal(0.0, p.OpenValueShare);
    }

    [Fact]
    public void Of_ByOwner_OneFunnelPerRep()
    {
        var report = Funnel.Of(Example(), Pipeline, new FunnelOptions { Breakdowns = [Breakdown.Owner] });

        var groups = report.By(Breakdown.Owner).ToList();
        Assert.Equal(["alice", "bob"], groups.Select(g => g.Key));
        var (alice, bob) = (groups[0], groups[1]);
        Assert.Equal((3, 3, 0, 0, 0, 0), Counts(alice.Stages[0]));
        Assert.Equal((3, 2, 0, 1, 0, 0), Counts(alice.Stages[1]));
        Assert.Equal((2, 1, 0, 0, 0, 1), Counts(alice.Stages[2]));
        Assert.Equal((1, 0, 0, 0, 1, 0), Counts(alice.Stages[3]));
        Assert.Equal("qualified", alice.Bottleneck!.Stage.Id); // 1 of 3
        Assert.Equal((3, 2, 0, 1, 0, 0), Counts(bob.Stages[0]));
        Assert.Equal((2, 1, 0, 0, 0, 1), Counts(bob.Stages[1]));
        Assert.Equal((2, 1, 1, 0, 0, 0), Counts(bob.Stages[2]));
        Assert.Equal((1, 0, 0, 0, 0, 1), Counts(bob.Stages[3]));
        Assert.Equal("prospecting", bob.Bottleneck!.Stage.Id); // 1 of 3
    }

    [Fact]
    public void Of_ByTeam_CountsADealInEveryTeamOnItsOwnersPath()
    {
        var org = SalesOrg
            .CreateBuilder("Acme")
            .Team("emea", "EMEA", lead: "erin")
            .Team("dach", "DACH", parent: "emea", lead: "bob")
            .Rep("erin", "Erin", "emea")
            .Rep("alice", "Alice", "emea")
            .Rep("bob", "Bob", "dach")
            .Build();

        var report = Funnel.Of(Example(), Pipeline, new FunnelOptions { Breakdowns = [Breakdown.Team], Organization = org });

        var teams = report.By(Breakdown.Team).ToDictionary(g => g.Key, g => g.Deals);
        Assert.Equal(6, teams["emea"]);
        Assert.Equal(3, teams["dach"]);
    }

    [Fact]
    public void Of_Bottleneck_HighestLossShare_TieGoesToTheEarlierStage()
    {
        Deal[] higherLater =
        [
            History.Open("D1").Lose(1),
            History.Open("D2").Move("qualified", 1).Lose(2),
            History.Open("D3").Move("qualified", 1),
        ];
        // P: 1 lost of 3 (33%); Q: 1 lost of 2 (50%).
        Assert.Equal("qualified", Funnel.Of(higherLater, Pipeline).Bottleneck!.Stage.Id);

        Deal[] tie =
        [
            History.Open("D1").Lose(1),
            History.Open("D2").Lose(1),
            History.Open("D3").Move("qualified", 1).Lose(2),
            History.Open("D4").Move("qualified", 1).Move("proposal", 2),
        ];
        // P: 2 lost of 4 = 50%; Q: 1 lost of 2 = 50%: a tie, so the earlier stage, P.
        Assert.Equal("prospecting", Funnel.Of(tie, Pipeline).Bottleneck!.Stage.Id);
    }

    [Fact]
    public void Of_NoLoss_NoBottleneck()
    {
        Assert.Null(Funnel.Of([History.Open("D1").Move("qualified", 1)], Pipeline).Bottleneck);
    }

    [Fact]
    public void Of_Leads_ConversionBySourceAndProduct()
    {
        var l1 = Lead.Create(new LeadId("L1"), "One", LeadSource.Web, "alice", History.T0, "crm")
            .Convert(Pipeline, new DealId("D1"), Money.Of(100m, Currency.USD), new LocalDate(2026, 6, 30), History.T0)
            .Lead;
        var l2 = Lead.Create(new LeadId("L2"), "Two", LeadSource.Web, "bob", History.T0)
            .Convert(Pipeline, new DealId("D5"), Money.Of(500m, Currency.USD), new LocalDate(2026, 6, 30), History.T0)
            .Lead;
        var l3 = Lead.Create(new LeadId("L3"), "Three", LeadSource.Referral, "alice", History.T0, "crm").Touch(History.H(1));
        var l4 = Lead.Create(new LeadId("L4"), "Four", LeadSource.Web, "bob", History.T0).Disqualify("no budget", History.H(1));

        var report = Funnel.Of(Example(), [l1, l2, l3, l4], Pipeline);

        // D1 (from L1) reached Qualified; D5 (from L2) was lost in Prospecting.
        Assert.Equal("qualified", report.QualifiedStage.Id);
        Assert.Equal((4, 2, 1), (report.Leads.Leads, report.Leads.Converted, report.Leads.Qualified));
        var lines = report.LeadGroups.ToDictionary(l => (l.Breakdown, l.Key), l => (l.Leads, l.Converted, l.Qualified));
        Assert.Equal((3, 2, 1), lines[(Breakdown.Source, "web")]);
        Assert.Equal((1, 0, 0), lines[(Breakdown.Source, "referral")]);
        Assert.Equal((2, 1, 1), lines[(Breakdown.Product, "crm")]);
        Assert.Equal((2, 1, 0), lines[(Breakdown.Product, BreakdownKeys.None)]);
        var web = report.LeadGroups.Single(l => l.Key == "web");
        Assert.Equal(BinomialInterval.Of(2, 3), web.ToDeal);
        Assert.Equal(BinomialInterval.Of(1, 3), web.ToQualified);

        var jeffreys = Funnel.Of(
            Example(),
            [l1, l2, l3, l4],
            Pipeline,
            new FunnelOptions { IntervalMethod = BinomialIntervalMethod.Jeffreys }
        );
        var webJeffreys = jeffreys.LeadGroups.Single(l => l.Key == "web");
        Assert.Equal(BinomialInterval.Of(2, 3, 0.95, BinomialIntervalMethod.Jeffreys), webJeffreys.ToDeal);
        Assert.Equal(BinomialInterval.Of(1, 3, 0.95, BinomialIntervalMethod.Jeffreys), webJeffreys.ToQualified);
    }

    [Fact]
    public void Of_QualifiedStageOption_MovesTheBar()
    {
        var l1 = Lead.Create(new LeadId("L1"), "One", LeadSource.Web, "alice", History.T0)
            .Convert(Pipeline, new DealId("D1"), Money.Of(100m, Currency.USD), new LocalDate(2026, 6, 30), History.T0)
            .Lead;
        Deal deal = History.Open("D1", lead: new LeadId("L1")).Move("qualified", 1);

        Assert.Equal(1, Funnel.Of([deal], [l1], Pipeline).Leads.Qualified);
        Assert.Equal(0, Funnel.Of([deal], [l1], Pipeline, new FunnelOptions { QualifiedStageId = "proposal" }).Leads.Qualified);
    }

    [Fact]
    public void Of_NoLeads_LeadLinesAreEmpty()
    {
        var report = Funnel.Of(Example(), Pipeline);

        Assert.Equal(0, report.Leads.Leads);
        Assert.Null(report.Leads.ToDeal);
        Assert.Empty(report.LeadGroups);
    }

    [Fact]
    public void Of_Rates_ConvertAmountsIntoTheReportingCurrency()
    {
        Deal[] deals = [History.Open("D1", amount: 100m), History.Open("D2", amount: 100m, currency: Currency.EUR)];
        var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.10m);

        var report = Funnel.Of(deals, Pipeline, new FunnelOptions { Rates = rates });

        Assert.Equal(Money.Of(210m, Currency.USD), report.Stages[0].ReachedAmount);
    }

    // Properties over random histories (skips, regressions, reopenings, zero-length stints).

    [Fact]
    public void Of_ReachedIsTheSumOfTheCategories_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                History.RandomDeals.ToArbitrary(),
                deals =>
                    deals.Length == 0
                    || Funnel
                        .Of(deals, Pipeline)
                        .Stages.All(s => s.Reached == s.MovedOn + s.MovedBack + s.Lost + s.Won + s.StillIn + s.Stopped)
            )
        );

    [Fact]
    public void Of_MatchesABruteForceReplayOfTheStates_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                History.RandomDeals.ToArbitrary(),
                deals =>
                {
                    if (deals.Length == 0)
                    {
                        return true;
                    }
                    var report = Funnel.Of(deals, Pipeline);
                    for (var s = 0; s < 4; s++)
                    {
                        var id = Pipeline.OpenStages[s].Id;
                        // Reached: the furthest open stage any state of the deal was in is at or after s.
                        var reached = deals.Count(d => Furthest(d) >= s);
                        var lost = deals.Count(d => d.Status == DealStatus.Lost && d.LastOpenStageId == id);
                        var won = deals.Count(d => d.Status == DealStatus.Won && d.LastOpenStageId == id);
                        var stillIn = deals.Count(d => d.IsOpen && d.StageId == id);
                        var reachedAmount = deals.Where(d => Furthest(d) >= s).Sum(d => d.Amount.Amount);
                        var line = report.Stages[s];
                        if (
                            (line.Reached, line.Lost, line.Won, line.StillIn) != (reached, lost, won, stillIn)
                            || line.ReachedAmount.Amount != reachedAmount
                        )
                        {
                            return false;
                        }
                    }
                    return report.Stages.Sum(s => s.Lost) == deals.Count(d => d.Status == DealStatus.Lost)
                        && report.Stages.Sum(s => s.Won) == deals.Count(d => d.Status == DealStatus.Won)
                        && report.Stages.Sum(s => s.StillIn) == deals.Count(d => d.IsOpen)
                        && report.All.Deals == deals.Length;
                }
            )
        );

    // Replays the history state by state with the deal's own fold, independently of the stint extraction.
    private static int Furthest(Deal deal)
    {
        var furthest = 0;
        for (var i = 1; i <= deal.Events.Count; i++)
        {
            var state = Deal.FromEvents(deal.Events.Take(i));
            furthest = Math.Max(furthest, Pipeline.GetStage(state.LastOpenStageId).Index);
        }
        return furthest;
    }

    [Fact]
    public void Accumulators_MergeOfAnySplit_EqualsTheWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                History.RandomDeals.ToArbitrary(),
                Gen.Choose(0, 1000).ToArbitrary(),
                (deals, cut) =>
                {
                    var options = new FunnelOptions { Breakdowns = [Breakdown.Owner, Breakdown.Source] };
                    var split = cut % (deals.Length + 1);
                    var leads = deals
                        .Where(d => d.LeadId is not null)
                        .Select(d =>
                            Lead.Create(d.LeadId!.Value, "x", d.Source!, d.Owner!, History.T0)
                                .Convert(Pipeline, d.Id, Money.Of(1m, Currency.USD), new LocalDate(2026, 6, 30), History.T0)
                                .Lead
                        )
                        .ToArray();
                    var left = new FunnelAccumulator(Pipeline, Currency.USD, options);
                    var right = new FunnelAccumulator(Pipeline, Currency.USD, options);
                    left.AddRange(deals.Take(split));
                    right.AddRange(deals.Skip(split));
                    // Leads go to the other side from their deals, so the join must survive the merge.
                    right.AddRange(leads.Take(split));
                    left.AddRange(leads.Skip(split));
                    left.Merge(right);
                    var whole = new FunnelAccumulator(Pipeline, Currency.USD, options);
                    whole.AddRange(deals);
                    whole.AddRange(leads);
                    return left.Result() == whole.Result();
                }
            )
        );

    [Fact]
    public void Of_LargeInput_SplitAcrossCores_EqualsOneAccumulator()
    {
        var stages = Pipeline.OpenStages;
        var deals = Enumerable
            .Range(0, 120_000)
            .Select(i =>
            {
                var h = History.Open($"D{i}", 0, i % 3 == 0 ? "alice" : "bob", i % 1000);
                if (i % 2 == 0)
                {
                    h.Move(stages[1 + i % 3].Id, 1);
                }
                return i % 5 == 0 ? h.Lose(2).Deal : h.Deal;
            })
            .ToArray();
        var options = new FunnelOptions { Breakdowns = [Breakdown.Owner] };

        var parallel = Funnel.Of(deals, Pipeline, options);

        var single = new FunnelAccumulator(Pipeline, Currency.USD, options);
        single.AddRange(deals);
        Assert.Equal(single.Result(), parallel);
    }

    // Bad input.

    [Fact]
    public void Of_NullArguments_Throw()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => Funnel.Of(null!, Pipeline)).ParamName);
        Assert.Equal("pipeline", Assert.Throws<ArgumentNullException>(() => Funnel.Of(Example(), null!)).ParamName);
        Assert.Equal("leads", Assert.Throws<ArgumentNullException>(() => Funnel.Of(Example(), null!, Pipeline)).ParamName);
        var e = Assert.Throws<ArgumentNullException>(() => Funnel.Of([Example()[0], null!], Pipeline));
        Assert.Equal("deals", e.ParamName);
        Assert.Contains("Deal 1 is null", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_DealOfAnotherPipeline_ThrowsNamingIt()
    {
        var other = SalesPipeline.Pipelines.PipelineDefinition.CreateBuilder("Other").Stage("A", 0.5m).Won("W").Lost("L").Build();
        var stranger = Deal.Open(other, new DealId("X-1"), "x", "alice", Money.Of(1m, Currency.USD), new LocalDate(2026, 1, 1), History.T0);

        var e = Assert.Throws<ArgumentException>(() => Funnel.Of([stranger], Pipeline));

        Assert.Equal("deals", e.ParamName);
        Assert.Contains("X-1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_NoDealsAndNoRates_Throws_ButWithRatesGivesAnEmptyFunnel()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentException>(() => Funnel.Of([], Pipeline)).ParamName);

        var empty = Funnel.Of([], Pipeline, new FunnelOptions { Rates = ExchangeRates.In(Currency.EUR) });

        Assert.All(empty.Stages, s => Assert.Equal((0, null, null), (s.Reached, s.LossRate, s.ConversionToNext)));
        Assert.Null(empty.Bottleneck);
    }

    [Fact]
    public void Of_MixedCurrenciesWithoutRates_Throws()
    {
        Deal[] deals = [History.Open("D1"), History.Open("D2", currency: Currency.EUR)];

        var e = Assert.Throws<MissingExchangeRateException>(() => Funnel.Of(deals, Pipeline));
        var reversed = Assert.Throws<MissingExchangeRateException>(() => Funnel.Of(Enumerable.Reverse(deals), Pipeline));

        // The reporting-currency rule (docs/money.md): no rates and two currencies is an error naming both, in any order.
        Assert.Equal([Currency.EUR, Currency.USD], e.Currencies);
        Assert.Equal(e.Message, reversed.Message);
        Assert.Equal(Currency.EUR, Funnel.Of([deals[1]], Pipeline).Currency);
    }

    [Fact]
    public void Of_BadOptions_Throw()
    {
        var stage = Assert.Throws<ArgumentException>(() => Funnel.Of(Example(), Pipeline, new FunnelOptions { QualifiedStageId = "won" }));
        Assert.Equal("options", stage.ParamName);
        Assert.Contains("\"won\"", stage.Message, StringComparison.Ordinal);

        var team = Assert.Throws<ArgumentException>(() =>
            Funnel.Of(Example(), Pipeline, new FunnelOptions { Breakdowns = [Breakdown.Team] })
        );
        Assert.Equal("options", team.ParamName);

        var undefined = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Funnel.Of(Example(), Pipeline, new FunnelOptions { Breakdowns = [(Breakdown)9] })
        );
        Assert.Contains("9", undefined.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentOutOfRangeException>(() => Funnel.Of(Example(), Pipeline, new FunnelOptions { Confidence = 1.0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Funnel.Of(Example(), Pipeline, new FunnelOptions { IntervalMethod = (BinomialIntervalMethod)4 })
        );
    }

    [Fact]
    public void Merge_DifferentSetup_Throws()
    {
        var a = new FunnelAccumulator(Pipeline, Currency.USD);
        var b = new FunnelAccumulator(Pipeline, Currency.EUR);

        Assert.Equal("other", Assert.Throws<ArgumentException>(() => a.Merge(b)).ParamName);
    }

    [Fact]
    public void ToString_PrintsATable()
    {
        var text = Funnel.Of(Example(), Pipeline).ToString();

        Assert.Contains("Qualified", text, StringComparison.Ordinal);
        Assert.Contains("Bottleneck: Qualified", text, StringComparison.Ordinal);
        Assert.Contains("83.3%", text, StringComparison.Ordinal); // 5 of 6 moved on from Prospecting
    }
}
