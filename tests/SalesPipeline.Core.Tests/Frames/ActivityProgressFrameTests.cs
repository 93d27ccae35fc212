using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Frames;

// The activity-to-progress ratio from the frame against the deal-by-deal code (the same call through a lazy sequence,
// which gets no frame): every ratio, by rep and by kind, the unmatched count, or the same exception. Activities fall
// before, between and after the deals' moves and wins; some are about deals not given, some about leads, some have an
// excluded outcome; options vary the window, the history's end (AsOf), the kinds and the zone.
public class ActivityProgressFrameTests
{
    private static readonly string[] Reps = ["alice", "bob", "carol"];

    private static Gen<Activity[]> ActivitiesGen(int deals) =>
        Gen.ListOf(
                from kind in Gen.Elements(ActivityKind.Call, ActivityKind.Meeting, ActivityKind.Demo)
                from hours in Gen.Choose(-20, 24 * 60)
                from nanos in Gen.Frequency((9, Gen.Constant(0)), (1, Gen.Choose(1, 99)))
                from rep in Gen.Elements(Reps)
                from about in Gen.Choose(-2, deals + 2)
                from noShow in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
                select Make(kind, FrameDeals.T0 + Duration.FromHours(hours) + Duration.FromNanoseconds(nanos), rep, about, noShow)
            )
            .Select(a => a.ToArray());

    private static readonly Gen<ActivityProgressOptions> OptionsGen =
        from days in Gen.Choose(1, 30)
        from asOf in Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(0, 24 * 60)))
        from calls in Gen.Elements(false, true)
        from window in Gen.Choose(0, 3)
        from berlin in Gen.Elements(false, true)
        select new ActivityProgressOptions
        {
            Within = Duration.FromDays(days),
            AsOf = asOf < 0 ? null : FrameDeals.T0 + Duration.FromHours(asOf),
            Kinds = calls ? [ActivityKind.Call, ActivityKind.Meeting, ActivityKind.Demo] : [ActivityKind.Meeting, ActivityKind.Demo],
            Start = window is 1 or 3 ? new LocalDate(2026, 1, 20) : null,
            End = window is 2 or 3 ? new LocalDate(2026, 2, 20) : null,
            Zone = berlin ? WinRateFrameDeals.Berlin : DateTimeZone.Utc,
        };

    private static readonly Gen<(Deal[] Deals, Activity[] Activities, ActivityProgressOptions Options)> CasesGen =
        from deals in Gen.OneOf(FrameDeals.Deals, FrameDeals.PlainDeals)
        from activities in ActivitiesGen(deals.Length)
        from options in OptionsGen
        select (deals, activities, options);

    [Fact]
    public void Of_GivesTheDealByDealReport_AndTheKernelRunsForMostReports()
    {
        var (reports, taken) = (0, 0);
        PropertyAssert.Holds(
            Prop.ForAll(
                CasesGen.ToArbitrary(),
                c =>
                {
                    var expected = Outcome(() => Render(ActivityProgress.Of(c.Deals.Select(d => d), c.Activities, c.Options)));
                    Assert.Equal(expected, Outcome(() => Render(ActivityProgress.Of(c.Deals, c.Activities, c.Options))));
                    if (c.Deals.Length == 0 || expected.Contains("Exception: ", StringComparison.Ordinal))
                    {
                        return;
                    }
                    reports++;
                    var accumulator = new ActivityProgressAccumulator(c.Options);
                    if (accumulator.TryAdd(DealFrame.Of(c.Deals), c.Activities, out var unmatched))
                    {
                        taken++;
                        Assert.Equal(expected, Render(accumulator.Result(unmatched)));
                    }
                    else
                    {
                        Assert.Equal(Render(new ActivityProgressAccumulator(c.Options).Result()), Render(accumulator.Result()));
                    }
                }
            )
        );
        Assert.True(taken * 3 > reports * 2, $"the kernel gave {taken} of {reports} reports");
    }

    [Fact]
    public void TryAdd_JudgesByForwardMovesAndWinsWithinTheWindow()
    {
        // D1 moves forward 2 days after T0 and is won 20 days after. A meeting at T0 progressed (move within 14 days);
        // a demo at T0 + 10 days progressed (win within 14 days); a meeting at T0 + 30 days did not. A demo about D9
        // (not given) is unmatched; a call is not judged. Meetings: 1 of 2; demos: 1 of 1; unmatched 1.
        var id = new DealId("D1");
        var t0 = FrameDeals.T0;
        var stages = FrameDeals.Pipeline.OpenStages;
        var deal = Deal.FromEvents([
            new DealCreated(
                id,
                t0,
                "alice",
                FrameDeals.Pipeline.Name,
                "D1",
                "alice",
                Money.Of(1m, Currency.USD),
                FrameDeals.FirstClose,
                stages[0].Id
            ),
            new StageMoved(id, t0 + Duration.FromDays(2), "alice", stages[0].Id, stages[1].Id, MoveDirection.Forward, 0),
            new DealWon(id, t0 + Duration.FromDays(20), "alice", "won"),
        ]);
        Activity[] activities =
        [
            Activity.ForDeal(ActivityKind.Meeting, t0, "alice", id),
            Activity.ForDeal(ActivityKind.Demo, t0 + Duration.FromDays(10), "alice", id),
            Activity.ForDeal(ActivityKind.Meeting, t0 + Duration.FromDays(30), "bob", id),
            Activity.ForDeal(ActivityKind.Demo, t0, "bob", new DealId("D9")),
            Activity.ForDeal(ActivityKind.Call, t0, "bob", id),
        ];
        var accumulator = new ActivityProgressAccumulator();

        Assert.True(accumulator.TryAdd(DealFrame.Of([deal]), activities, out var unmatched));

        var report = accumulator.Result(unmatched);
        Assert.Equal(1, unmatched);
        Assert.Equal(
            "Meeting 2 1 0; Demo 1 1 0",
            string.Join("; ", report.ByKind.Select(k => $"{k.Key} {k.Value.Activities} {k.Value.Progressed} {k.Value.Pending}"))
        );
    }

    [Fact]
    public void Of_KeepsItsArgumentErrorsAndTheirOrder()
    {
        var deal = FrameDeals.Deals.Sample(1, new Rnd(3UL), 5).First(d => d.Length > 0)[0];

        // Activities (the index) before the deals' ids given twice, as before.
        Assert.Equal("activities", Assert.Throws<ArgumentNullException>(() => ActivityProgress.Of([deal, deal], null!)).ParamName);
        Assert.Contains(
            "given twice",
            Assert.Throws<ArgumentException>(() => ActivityProgress.Of([deal, deal], [])).Message,
            StringComparison.Ordinal
        );
    }

    private static Activity Make(ActivityKind kind, Instant at, string rep, int about, bool noShow)
    {
        var outcome = noShow ? ActivityOutcome.NoShow : null;
        return about < 0
            ? Activity.ForLead(kind, at, rep, new LeadId("L" + (-about).ToString(CultureInfo.InvariantCulture)), outcome)
            : Activity.ForDeal(kind, at, rep, new DealId("D" + about.ToString(CultureInfo.InvariantCulture)), outcome);
    }

    private static string Render(ActivityProgressReport report) =>
        string.Join(
            "\n",
            new[] { "total " + Render(report.Total), "unmatched " + report.UnmatchedActivities }
                .Concat(report.ByRep.Select(r => r.Key + " " + Render(r.Value)))
                .Concat(report.ByKind.Select(k => k.Key + " " + Render(k.Value)))
                .Append(report.ToString())
        );

    private static string Render(ProgressRatio r) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{r.Activities} {r.Progressed} {r.Pending} {r.Rate} {r.Interval?.Lower:R} {r.Interval?.Upper:R} {r}"
        );

    private static string Outcome(Func<string> run) => CustomerFrameDeals.Outcome(run);
}
