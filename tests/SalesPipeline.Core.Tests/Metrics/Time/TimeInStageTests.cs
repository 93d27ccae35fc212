using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Metrics;

public class TimeInStageTests
{
    private static readonly SalesPipeline.Pipelines.PipelineDefinition Pipeline = History.Pipeline;
    private static readonly Instant AsOf = History.H(240); // 10 days after T0

    // Four deals created in Proposal at T0 that stay 1, 2, 4 and 10 (still open at the as-of instant) days there.
    private static Deal[] Proposals() =>
        [
            History.Open("D1", 0, stage: "proposal").Move("negotiation", 24),
            History.Open("D2", 0, stage: "proposal").Move("negotiation", 48),
            History.Open("D3", 0, stage: "proposal").Lose(96),
            History.Open("D4", 0, stage: "proposal"),
        ];

    // 0001-01-01T00:00Z is a supported instant, but in New York it is 0000-12-31, a date business days cannot count from:
    // refused at once, naming asOf (not a deal, which is not to blame).
    [Fact]
    public void Of_BusinessDays_AsOfOnADateBeforeYearOneInTheZone_NamesAsOf()
    {
        var options = TimeInStageOptions.Default with
        {
            BusinessDays = BusinessCalendar.Create(DateTimeZoneProviders.Tzdb["America/New_York"], []),
        };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TimeInStage.Of([], Pipeline, Instant.FromUtc(1, 1, 1, 0, 0), options));

        Assert.Equal("asOf", e.ParamName);
        Assert.Contains(
            "In America/New_York the instant 0001-01-01T00:00:00Z falls outside the supported dates",
            e.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Of_WorkedExample_MeanMedianAndType7Percentiles()
    {
        var report = TimeInStage.Of(Proposals(), Pipeline, AsOf);

        var proposal = report.Stages[2].Cumulative!;
        // Samples 1, 2, 4, 10 days. Mean 17 / 4 = 4.25. Type 7: h = 3p.
        Assert.Equal((4, 1), (proposal.Count, proposal.OpenCount));
        Assert.Equal(4.25, proposal.MeanDays, 12);
        Assert.Equal(3.0, proposal.MedianDays, 12); // h = 1.5: 2 + 0.5 x (4 - 2)
        Assert.Equal(1.75, proposal.Percentile(0.25)!.Value, 12); // h = 0.75: 1 + 0.75 x 1
        Assert.Equal(5.5, proposal.Percentile(0.75)!.Value, 12); // h = 2.25: 4 + 0.25 x 6
        Assert.Equal(8.2, proposal.Percentile(0.9)!.Value, 9); // h = 2.7: 4 + 0.7 x 6
        Assert.Equal((1.0, 10.0), (proposal.MinDays, proposal.MaxDays));
        Assert.Equal(proposal, report.Stages[2].Latest); // one stint each
        // Negotiation: D1 from day 1 and D2 from day 2, both still there on day 10: 9 and 8 days.
        Assert.Equal(8.5, report.Stages[3].Cumulative!.MeanDays, 12);
        Assert.Equal(2, report.Stages[3].Cumulative!.OpenCount);
        // Prospecting and Qualified were jumped over at creation: no stint, no sample.
        Assert.Null(report.Stages[0].Cumulative);
        Assert.Null(report.Stages[1].Latest);
        Assert.Equal((TimeUnit.CalendarDays, true, 4, 0), (report.Unit, report.IncludesOpenStints, report.Deals, report.NotYetCreated));
    }

    [Fact]
    public void Of_OpenStintsExcluded_OnlyFinishedStintsCount()
    {
        var report = TimeInStage.Of(Proposals(), Pipeline, AsOf, new TimeInStageOptions { IncludeOpenStints = false });

        var proposal = report.Stages[2].Cumulative!;
        // 1, 2, 4 days: mean 7 / 3, median 2.
        Assert.Equal((3, 0), (proposal.Count, proposal.OpenCount));
        Assert.Equal(7.0 / 3, proposal.MeanDays, 12);
        Assert.Equal(2.0, proposal.MedianDays, 12);
        Assert.Null(report.Stages[3].Cumulative);
        Assert.False(report.IncludesOpenStints);
    }

    [Fact]
    public void Of_Regression_LatestIsTheLastStint_CumulativeAddsThemUp()
    {
        Deal deal = History.Open("D5").Move("qualified", 24).Move("proposal", 48).Move("qualified", 96);

        var qualified = TimeInStage.Of([deal], Pipeline, AsOf).Stages[1];

        // Qualified: 24 h, then 96 h to 240 h = 144 h (6 days, open); cumulative 168 h = 7 days.
        Assert.Equal(6.0, qualified.Latest!.MeanDays, 12);
        Assert.Equal(7.0, qualified.Cumulative!.MeanDays, 12);
        Assert.Equal(1, qualified.Latest.OpenCount);
    }

    [Fact]
    public void Of_Reopened_StintsAddUp_TimeClosedDoesNotCount()
    {
        Deal deal = History.Open("D6").Lose(24).Reopen("prospecting", 72).Move("qualified", 120);

        var prospecting = TimeInStage.Of([deal], Pipeline, AsOf).Stages[0];

        // 24 h, then 48 h after the reopening: 72 h = 3 days; the 48 h lost in between do not count.
        Assert.Equal(3.0, prospecting.Cumulative!.MeanDays, 12);
        Assert.Equal(2.0, prospecting.Latest!.MeanDays, 12);
    }

    [Fact]
    public void Of_AsOf_ReadsTheHistoryUpToIt_AndCountsLaterDealsAsNotYetCreated()
    {
        Deal[] deals = [History.Open("D1", 0).Move("qualified", 48), History.Open("D2", 300)];

        var report = TimeInStage.Of(deals, Pipeline, History.H(24));

        // At hour 24 D1 is still in Prospecting (open, 1 day); D2 does not exist yet.
        Assert.Equal(1.0, report.Stages[0].Cumulative!.MeanDays, 12);
        Assert.Equal(1, report.Stages[0].Cumulative!.OpenCount);
        Assert.Null(report.Stages[1].Cumulative);
        Assert.Equal((2, 1), (report.Deals, report.NotYetCreated));
    }

    [Fact]
    public void Of_BusinessDays_ExcludesTheWeekend()
    {
        // T0 is Monday 2026-03-02 09:00 UTC. Friday 12:00 (hour 99) to Monday 12:00 (hour 171) = 0.5 + 0.5 business days.
        Deal deal = History.Open("D1", 99).Move("qualified", 171);

        var report = TimeInStage.Of([deal], Pipeline, AsOf, new TimeInStageOptions { BusinessDays = BusinessCalendar.WeekdaysUtc });

        Assert.Equal(TimeUnit.BusinessDays, report.Unit);
        Assert.Equal(1.0, report.Stages[0].Cumulative!.MeanDays, 12);
        Assert.Equal(3.0, TimeInStage.Of([deal], Pipeline, AsOf).Stages[0].Cumulative!.MeanDays, 12);
    }

    [Fact]
    public void Of_OneDeal_MatchesABruteForceReplayOfTheStates_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                History.RandomDeal.ToArbitrary(),
                Gen.Choose(0, 400).ToArbitrary(),
                (deal, asOfHour) =>
                {
                    var asOf = History.H(asOfHour);
                    var report = TimeInStage.Of([deal], Pipeline, asOf);
                    for (var s = 0; s < 4; s++)
                    {
                        var (visited, latest, cumulative) = BruteForce(deal, Pipeline.OpenStages[s].Id, asOf);
                        var line = report.Stages[s];
                        if (!visited ? line.Cumulative is not null : line.Cumulative is null)
                        {
                            return false;
                        }
                        if (
                            visited
                            && (
                                line.Cumulative!.MeanDays != (double)cumulative.BclCompatibleTicks / NodaConstants.TicksPerDay
                                || line.Latest!.MeanDays != (double)latest.BclCompatibleTicks / NodaConstants.TicksPerDay
                            )
                        )
                        {
                            return false;
                        }
                    }
                    return true;
                }
            )
        );

    // The deal's state after each event (by its own fold); a stay in the stage runs from the event that put it there to
    // the first later event that put it elsewhere or stopped it (paused time is no time in a stage), or to asOf.
    private static (bool Visited, Duration Latest, Duration Cumulative) BruteForce(Deal deal, string stageId, Instant asOf)
    {
        var events = deal.Events.Where(e => e.At <= asOf).ToList();
        bool visited = false,
            inStage = false;
        Instant start = default;
        Duration latest = Duration.Zero,
            cumulative = Duration.Zero;
        for (var i = 0; i < events.Count; i++)
        {
            var state = Deal.FromEvents(events.Take(i + 1));
            var now = state.StageId == stageId && state.Status != DealStatus.Stopped;
            if (now && !inStage)
            {
                start = events[i].At;
                visited = true;
            }
            if (!now && inStage)
            {
                latest = events[i].At - start;
                cumulative += latest;
            }
            inStage = now;
        }
        if (inStage)
        {
            latest = asOf - start;
            cumulative += latest;
        }
        return (visited, latest, cumulative);
    }

    [Fact]
    public void Accumulators_MergeOfAnySplit_EqualsTheWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                History.RandomDeals.ToArbitrary(),
                Gen.Choose(0, 1000).ToArbitrary(),
                Gen.Elements(true, false).ToArbitrary(),
                (deals, cut, business) =>
                {
                    var options = new TimeInStageOptions
                    {
                        BusinessDays = business ? BusinessCalendar.WeekdaysUtc : null,
                        Percentiles = [0.1, 0.5, 0.9, 1.0],
                    };
                    var split = cut % (deals.Length + 1);
                    var left = new TimeInStageAccumulator(Pipeline, AsOf, options);
                    var right = new TimeInStageAccumulator(Pipeline, AsOf, options);
                    left.AddRange(deals.Take(split));
                    right.AddRange(deals.Skip(split));
                    left.Merge(right);
                    var whole = new TimeInStageAccumulator(Pipeline, AsOf, options);
                    whole.AddRange(Enumerable.Reverse(deals));
                    return left.Result() == whole.Result();
                }
            )
        );

    [Fact]
    public void Percentiles_MatchSortingAndInterpolating_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.ListOf(Gen.Choose(0, 50)).Where(l => l.Count > 0).ToArbitrary(),
                Gen.Choose(0, 100).ToArbitrary(),
                (hours, percent) =>
                {
                    var p = percent / 100.0;
                    Deal[] deals = hours.Select((h, i) => (Deal)History.Open($"D{i}").Move("qualified", h)).ToArray();
                    var summary = TimeInStage.Of(deals, Pipeline, AsOf, new TimeInStageOptions { Percentiles = [p] }).Stages[0].Cumulative!;
                    // Definition 7 on the sorted days, computed the textbook way.
                    var sorted = hours.Select(h => h / 24.0).Order().ToArray();
                    var h7 = (sorted.Length - 1) * p;
                    var lo = (int)Math.Floor(h7);
                    var expected = lo + 1 < sorted.Length ? sorted[lo] + (h7 - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
                    return Math.Abs(summary.Percentile(p)!.Value - expected) < 1e-9 && Math.Abs(summary.MedianDays - Median(sorted)) < 1e-9;
                }
            )
        );

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

    [Fact]
    public void Of_LargeInput_SplitAcrossCores_EqualsOneAccumulator()
    {
        var deals = Enumerable
            .Range(0, 110_000)
            .Select(i => (Deal)History.Open($"D{i}", i % 50).Move("qualified", 60 + i % 97).Move("proposal", 200 + i % 13))
            .ToArray();

        var parallel = TimeInStage.Of(deals, Pipeline, AsOf);

        var single = new TimeInStageAccumulator(Pipeline, AsOf);
        single.AddRange(deals);
        Assert.Equal(single.Result(), parallel);
    }

    [Fact]
    public void Of_BadInput_Throws()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => TimeInStage.Of(null!, Pipeline, AsOf)).ParamName);
        Assert.Equal("pipeline", Assert.Throws<ArgumentNullException>(() => TimeInStage.Of([], null!, AsOf)).ParamName);
        var p = Assert.Throws<ArgumentOutOfRangeException>(() =>
            TimeInStage.Of([], Pipeline, AsOf, new TimeInStageOptions { Percentiles = [0.5, 1.5] })
        );
        Assert.Equal("options", p.ParamName);
        Assert.Contains("1.5", p.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => TimeInStage.Of([], Pipeline, AsOf, new TimeInStageOptions { Percentiles = null! }));
        var other = new TimeInStageAccumulator(Pipeline, AsOf.PlusTicks(1));
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => new TimeInStageAccumulator(Pipeline, AsOf).Merge(other)).ParamName);
    }

    [Fact]
    public void Of_NoDeals_EveryStageEmpty()
    {
        var report = TimeInStage.Of([], Pipeline, AsOf);

        Assert.All(report.Stages, s => Assert.Null(s.Cumulative));
        Assert.Contains("open stints included", report.ToString(), StringComparison.Ordinal);
    }
}
