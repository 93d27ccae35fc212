using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Forecasting;

public sealed partial class ForecastBacktestTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly FiscalPeriod February = FiscalCalendar.Calendar.Month(2026, 2);
    private static readonly FiscalPeriod March = FiscalCalendar.Calendar.Month(2026, 3);

    private static Instant On(int month, int day) => Instant.FromUtc(2026, month, day, 10, 0);

    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    private static Deal ToStage(string id, decimal amount, LocalDate close, string stage, Instant at)
    {
        var deal = Deal.Open(Pipeline, new DealId(id), id, "alice", Usd(amount), close, at);
        foreach (var c in new[] { "use-case", "technical-fit", "budget" })
        {
            deal = Pipeline.Answer(deal, c, at, "alice");
        }
        foreach (var s in Pipeline.OpenStages.Skip(1).TakeWhile(s => s.Index <= Pipeline.GetStage(stage).Index))
        {
            deal = Pipeline.Move(deal, s.Id, at, "alice");
        }
        return deal;
    }

    // On Feb 1: A is 10,000 in Proposal (50%, Best case), B 20,000 in Negotiation (80%, Commit). Later B's amount
    // becomes 30,000 (Feb 5) and it is won (Feb 21), A is lost (Feb 16), and C (created Feb 10) is won for 5,000 (Feb 12).
    private static Deal[] History() =>
        [
            Pipeline.Lose(ToStage("A", 10_000m, new LocalDate(2026, 2, 15), "proposal", On(1, 20)), LossReason.Price, On(2, 16), "alice"),
            Pipeline.Win(
                Pipeline.ApplyOrThrow(
                    ToStage("B", 20_000m, new LocalDate(2026, 2, 20), "negotiation", On(1, 25)),
                    DealCommand.ChangeAmountTo(Usd(30_000m), On(2, 5), "alice")
                ),
                On(2, 21),
                "alice"
            ),
            Pipeline.Win(ToStage("C", 5_000m, new LocalDate(2026, 2, 28), "negotiation", On(2, 10)), On(2, 12), "alice"),
        ];

    [Fact]
    public void Run_ReplaysEachForecastWithTheDealsAsTheyWereThen()
    {
        var result = ForecastBacktest.Run(History(), Pipeline, [BacktestPoint.AtStartOf(February), BacktestPoint.AtStartOf(March)]);

        var feb = result.Rows[0];
        // As of Feb 1: weighted 10,000 x 0.5 + 20,000 x 0.8 = 21,000; Commit (cum) 20,000; Best case (cum) 30,000.
        Assert.Equal(Usd(21_000m), feb.StageWeighted);
        Assert.Equal(Usd(20_000m), feb.CommitCumulative);
        Assert.Equal(Usd(30_000m), feb.BestCaseCumulative);
        Assert.Equal(Usd(30_000m), feb.PipelineCumulative);
        // Outcomes 0 (0.1), 10,000 (0.1), 20,000 (0.4), 30,000 (0.4): P10 = 0, P50 = 20,000, P90 = 30,000.
        Assert.Equal((Usd(0m), Usd(20_000m), Usd(30_000m)), (feb.P10, feb.P50, feb.P90));
        // Actually won in February: B at its later amount 30,000 and C 5,000.
        Assert.Equal(Usd(35_000m), feb.Actual);
        Assert.False(feb.WithinP10ToP90);
        Assert.Equal(Usd(0m), result.Rows[1].Actual);
        Assert.True(result.Rows[1].WithinP10ToP90);
    }

    [Fact]
    public void Run_AccuracyIsForecastMinusActualOverThePoints()
    {
        var result = ForecastBacktest.Run(History(), Pipeline, [BacktestPoint.AtStartOf(February), BacktestPoint.AtStartOf(March)]);

        // Stage-weighted errors: 21,000 - 35,000 = -14,000 and 0 - 0 = 0.
        var weighted = result.Methods.Single(m => m.Method == "Stage-weighted");
        Assert.Equal(-7_000m, weighted.Bias);
        Assert.Equal(7_000m, weighted.MeanAbsoluteError);
        Assert.Equal(Math.Sqrt(14_000.0 * 14_000.0 / 2), weighted.RootMeanSquaredError, 6);
        Assert.Equal(-7_500m, result.Methods.Single(m => m.Method == "Commit (cumulative)").Bias);
        Assert.Equal(-2_500m, result.Methods.Single(m => m.Method == "Best case (cumulative)").Bias);
        Assert.Equal(-7_500m, result.Methods.Single(m => m.Method == "Distribution P50").Bias);
        Assert.Equal(0.5, result.P10ToP90Coverage);
    }

    [Fact]
    public void Run_BadArguments_AreRejected()
    {
        Assert.Equal("points", Assert.Throws<ArgumentException>(() => ForecastBacktest.Run(History(), Pipeline, [])).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentException>(() => new BacktestPoint(new LocalDate(2026, 4, 1), March)).ParamName);
        Assert.Equal(
            "deals",
            Assert.Throws<ArgumentNullException>(() => ForecastBacktest.Run(null!, Pipeline, [BacktestPoint.AtStartOf(March)])).ParamName
        );
    }
}
