using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Forecasting.Calibration;

public sealed class StageCalibrationPropertyTests
{
    private const double Tolerance = 1e-9;

    // Four open stages, skipping allowed, no criteria: any move, win, loss, reopen or override may happen.
    private static readonly PipelineDefinition Free = PipelineDefinition
        .CreateBuilder("Free")
        .Stage("S0", 0.05m, id: "s0")
        .Stage("S1", 0.25m, id: "s1")
        .Stage("S2", 0.55m, id: "s2")
        .Stage("S3", 0.90m, id: "s3")
        .Won("Won", id: "won")
        .Lost("Lost", id: "lost")
        .AllowSkipping()
        .Build();

    private static readonly Gen<(int Kind, int Stage, int Hours, int Percent)> Step =
        from kind in Gen.Choose(0, 9)
        from stage in Gen.Choose(0, 3)
        from hours in Gen.Choose(0, 300)
        from percent in Gen.Choose(0, 100)
        select (kind, stage, hours, percent);

    private static readonly Arbitrary<(int Kind, int Stage, int Hours, int Percent)[][]> RandomHistories = (
        from dealCount in Gen.Choose(0, 25)
        from histories in Gen.ArrayOf(from length in Gen.Choose(0, 12) from steps in Gen.ArrayOf(Step, length) select steps, dealCount)
        select histories
    ).ToArbitrary();

    // Plays each script through Apply; a rejected command is skipped, so every history is one the pipeline allows.
    private static Deal[] Play((int Kind, int Stage, int Hours, int Percent)[][] scripts)
    {
        var start = Instant.FromUtc(2026, 1, 5, 9, 0);
        var deals = new Deal[scripts.Length];
        for (var d = 0; d < scripts.Length; d++)
        {
            var at = start;
            var deal = Deal.Open(Free, new DealId($"D{d}"), "deal", "alice", Money.Of(1m, Currency.USD), new LocalDate(2026, 12, 31), at);
            foreach (var (kind, stage, hours, percent) in scripts[d])
            {
                at += Duration.FromHours(hours);
                var stageId = Free.OpenStages[stage].Id;
                DealCommand command = kind switch
                {
                    <= 2 => DealCommand.Move(stageId, at, "alice"),
                    3 or 4 => DealCommand.Win(at, "alice"),
                    5 or 6 => DealCommand.Lose(LossReason.Price, at, "alice"),
                    7 => DealCommand.Reopen(at, "alice", stageId),
                    8 => DealCommand.OverrideProbabilityTo(
                        percent / 100m,
                        at,
                        "alice",
                        percent % 2 == 0 ? ValueSource.Manual : ValueSource.Model
                    ),
                    _ => DealCommand.ClearProbability(at, "alice"),
                };
                var result = Free.Apply(deal, command);
                if (result.IsAccepted)
                {
                    deal = result.Deal;
                }
            }
            deals[d] = deal;
        }
        return deals;
    }

    private static bool InUnit(double? x) => x is null || (x >= 0 && x <= 1);

    private static bool Between(double x, double a, double b) => x >= Math.Min(a, b) - Tolerance && x <= Math.Max(a, b) + Tolerance;

    [Fact]
    public void FromHistory_EveryRateLiesInZeroOne_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomHistories,
                scripts =>
                {
                    var c = StageCalibration.FromHistory(Play(scripts), Free);
                    return InUnit(c.OverallWinRate)
                        && c.Stages.All(s =>
                            0 <= s.Won
                            && s.Won <= s.Reached
                            && InUnit(s.ObservedRate)
                            && InUnit(s.SmoothedRate)
                            && InUnit(s.Interval?.Lower)
                            && InUnit(s.Interval?.Upper)
                            && (s.SuggestedProbability is null || (s.SuggestedProbability >= 0m && s.SuggestedProbability <= 1m))
                        );
                }
            )
        );

    [Fact]
    public void FromHistory_WilsonIntervalContainsTheObservedRate_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomHistories,
                scripts =>
                    StageCalibration
                        .FromHistory(Play(scripts), Free)
                        .Stages.All(s =>
                            s.Reached == 0
                                ? s.Interval is null && s.ObservedRate is null
                                : s.Interval!.Lower <= s.ObservedRate && s.ObservedRate <= s.Interval.Upper
                        )
            )
        );

    [Fact]
    public void FromHistory_SmoothedRateLiesBetweenObservedAndPriorMean_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomHistories,
                scripts =>
                {
                    var c = StageCalibration.FromHistory(Play(scripts), Free);
                    if (c.Prior is null)
                    {
                        return c.ClosedDeals == 0 && c.Stages.All(s => s.SmoothedRate is null);
                    }
                    return c.Stages.All(s =>
                        s.ObservedRate is { } observed
                            ? Between(s.SmoothedRate!.Value, observed, c.Prior.Mean)
                            : Math.Abs(s.SmoothedRate!.Value - c.Prior.Mean) < Tolerance
                    );
                }
            )
        );

    [Fact]
    public void FromHistory_SuggestionIsTheSmoothedRateRounded_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomHistories,
                scripts =>
                    StageCalibration
                        .FromHistory(Play(scripts), Free)
                        .Stages.All(s =>
                            s.SmoothedRate is null
                                ? s.SuggestedProbability is null
                                : Math.Abs((double)s.SuggestedProbability!.Value - s.SmoothedRate.Value) <= 0.005 + Tolerance
                                    && decimal.Round(s.SuggestedProbability.Value, 2) == s.SuggestedProbability.Value
                        )
            )
        );

    [Fact]
    public void FromHistory_CountsEveryDealOnceAndEveryClosedDealInTheFirstStage_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomHistories,
                scripts =>
                {
                    var deals = Play(scripts);
                    var c = StageCalibration.FromHistory(deals, Free);
                    return c.ClosedDeals + c.OpenDealsIgnored == deals.Length
                        && c.ClosedDeals == deals.Count(d => !d.IsOpen)
                        && c.WonDeals == deals.Count(d => d.Status == DealStatus.Won)
                        && c.Stages[0].Reached == c.ClosedDeals
                        && c.Stages[0].Won == c.WonDeals;
                }
            )
        );

    [Fact]
    public void FromHistory_ReachedMatchesABruteForceReplayOfEachDeal_Property() =>
        // A second way to count: rebuild each closed deal from every prefix of its events and collect its stages.
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomHistories,
                scripts =>
                {
                    var deals = Play(scripts);
                    var c = StageCalibration.FromHistory(deals, Free);
                    return Free.OpenStages.All(stage =>
                    {
                        var reached = deals.Where(d => !d.IsOpen).Where(d => StagesAfterEachEvent(d).Contains(stage.Id)).ToList();
                        var entry = c.ForStage(stage.Id);
                        return entry.Reached == reached.Count && entry.Won == reached.Count(d => d.Status == DealStatus.Won);
                    });
                }
            )
        );

    // The stage the deal was in after each of its events (rebuilt from event prefixes, not from the event types).
    private static HashSet<string> StagesAfterEachEvent(Deal deal) =>
        Enumerable.Range(1, deal.Events.Count).Select(n => Deal.FromEvents(deal.Events.Take(n)).StageId).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void FromHistory_WithoutSkipsOrBackwardMoves_ReachedNeverIncreasesAlongThePipeline_Property()
    {
        // Each deal walks forward one stage at a time up to some stage, then is won, lost or left open.
        var strict = PipelineDefinition
            .CreateBuilder("Strict")
            .Stage("S0", 0.1m, id: "s0", exitCriteria: [new ExitCriterion("q0", "?")])
            .Stage("S1", 0.3m, id: "s1", exitCriteria: [new ExitCriterion("q1", "?")])
            .Stage("S2", 0.5m, id: "s2", exitCriteria: [new ExitCriterion("q2", "?")])
            .Stage("S3", 0.8m, id: "s3")
            .Won("Won", id: "won")
            .Lost("Lost", id: "lost")
            .RequireExitCriteriaToWin(false)
            .Build();
        var walks = (
            from count in Gen.Choose(0, 30)
            from walk in Gen.ArrayOf(from last in Gen.Choose(0, 3) from outcome in Gen.Choose(0, 2) select (last, outcome), count)
            select walk
        ).ToArbitrary();

        PropertyAssert.Holds(
            Prop.ForAll(
                walks,
                walk =>
                {
                    var at = Instant.FromUtc(2026, 1, 5, 9, 0);
                    var deals = walk.Select(
                            (w, i) =>
                            {
                                var deal = Deal.Open(
                                    strict,
                                    new DealId($"W{i}"),
                                    "w",
                                    "bob",
                                    Money.Of(1m, Currency.EUR),
                                    new LocalDate(2026, 6, 1),
                                    at
                                );
                                for (var s = 1; s <= w.last; s++)
                                {
                                    deal = strict.Answer(deal, $"q{s - 1}", at + Duration.FromHours(2 * s - 1), "bob");
                                    deal = strict.Move(deal, $"s{s}", at + Duration.FromHours(2 * s), "bob");
                                }
                                var end = at + Duration.FromHours(10);
                                return w.outcome switch
                                {
                                    0 => strict.Win(deal, end, "bob"),
                                    1 => strict.Lose(deal, LossReason.Budget, end, "bob"),
                                    _ => deal,
                                };
                            }
                        )
                        .ToArray();
                    var reached = StageCalibration.FromHistory(deals, strict).Stages.Select(s => s.Reached).ToArray();
                    return reached.Zip(reached.Skip(1)).All(pair => pair.First >= pair.Second);
                }
            )
        );
    }

    [Fact]
    public void Chain_WinAndLossAbsorptionAddUpToOneOnResolvedStages_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomHistories,
                scripts =>
                    StageCalibration
                        .FromHistory(Play(scripts), Free)
                        .Chain.Stages.All(s =>
                            s.IsResolved
                                ? InUnit(s.WinProbability)
                                    && InUnit(s.LossProbability)
                                    && Math.Abs(s.WinProbability!.Value + s.LossProbability!.Value - 1) < Tolerance
                                    && s.ExpectedDaysToClose >= 0
                                    && s.IsObserved
                                : s.WinProbability is null && s.LossProbability is null && s.ExpectedDaysToClose is null
                        )
            )
        );

    [Fact]
    public void Chain_ClosedDealsOnly_ResolvesEveryStageSomeDealWasIn_Property() =>
        // Every stint of a closed deal ended, so every stage one entered has an exit and leads to Won or Lost.
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomHistories,
                scripts =>
                {
                    var closed = Play(scripts).Where(d => !d.IsOpen).ToArray();
                    var c = StageCalibration.FromHistory(closed, Free);
                    return c.Chain.Stages.All(s => s.IsResolved == (c.Stages[s.Index].Reached > 0));
                }
            )
        );

    [Fact]
    public void Chain_SatisfiesTheFirstStepEquations_Property() =>
        // A second method: the absorption probability and expected time satisfy, for every resolved stage i,
        // w_i = R_i,won + sum_j Q_ij w_j and d_i = t_i + sum_j Q_ij d_j.
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomHistories,
                scripts =>
                {
                    var chain = StageCalibration.FromHistory(Play(scripts), Free).Chain;
                    return chain
                        .Stages.Where(s => s.IsResolved)
                        .All(s =>
                        {
                            var win = chain.TransitionProbability(s.StageId, "won")!.Value;
                            var days = s.MeanDaysInStage!.Value;
                            foreach (var to in chain.Stages)
                            {
                                var q = chain.TransitionProbability(s.StageId, to.StageId)!.Value;
                                if (q > 0)
                                {
                                    win += q * to.WinProbability!.Value;
                                    days += q * to.ExpectedDaysToClose!.Value;
                                }
                            }
                            return Math.Abs(win - s.WinProbability!.Value) < 1e-7
                                && Math.Abs(days - s.ExpectedDaysToClose!.Value) < 1e-6 * Math.Max(1, days);
                        });
                }
            )
        );

    [Fact]
    public void Chain_ExitCountsAddUpToObservedExits_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomHistories,
                scripts =>
                {
                    var chain = StageCalibration.FromHistory(Play(scripts), Free).Chain;
                    return chain.Stages.All(s => Free.Stages.Sum(to => chain.ExitCount(s.StageId, to.Id)) == s.ObservedExits);
                }
            )
        );

    [Fact]
    public void Reliability_GroupsAndBinsAccountForEveryForecast_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomHistories,
                scripts =>
                {
                    var deals = Play(scripts);
                    var r = StageCalibration.FromHistory(deals, Free).Reliability;
                    var stints = deals.Where(d => !d.IsOpen).Sum(d => d.Events.Count(e => e is DealCreated or StageMoved or DealReopened));
                    var weighted =
                        r.All.Count == 0
                            ? r.All.Brier is null
                            : Math.Abs(
                                r.All.Brier!.Value * r.All.Count
                                    - (r.StageDefaults.Brier ?? 0) * r.StageDefaults.Count
                                    - (r.Overrides.Brier ?? 0) * r.Overrides.Count
                            ) < Tolerance;
                    return r.All.Count == stints
                        && r.All.Count == r.StageDefaults.Count + r.Overrides.Count
                        && r.All.Bins.Sum(b => b.Count) == r.All.Count
                        && InUnit(r.All.Brier)
                        && weighted
                        // A mean of doubles can land a rounding error outside its bin's decimal bounds (0.2 + 0.2 + 0.2) / 3.
                        && r.All.Bins.All(b =>
                            b.Count == 0 || (b.MeanForecast >= (double)b.Lower - Tolerance && b.MeanForecast <= (double)b.Upper + Tolerance)
                        );
                }
            )
        );

    [Fact]
    public void FromHistory_OrderOfTheDeals_DoesNotMatter_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                RandomHistories,
                scripts =>
                {
                    var deals = Play(scripts);
                    var forward = StageCalibration.FromHistory(deals, Free);
                    var backward = StageCalibration.FromHistory(Enumerable.Reverse(deals), Free);
                    return forward.Stages.SequenceEqual(backward.Stages)
                        && forward
                            .Chain.Stages.Select(s => s.ObservedExits)
                            .SequenceEqual(backward.Chain.Stages.Select(s => s.ObservedExits));
                }
            )
        );
}
