using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Metrics;

public class LeadResponseTimeTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 4, 1, 8, 0);
    private static readonly Instant AsOf = T0 + Duration.FromHours(100);

    private static Instant H(double hours) => T0 + Duration.FromMinutes((long)(hours * 60));

    private static Lead LeadAt(string id, double createdHours, string owner = "alice", LeadSource? source = null) =>
        Lead.Create(new LeadId(id), "Lead " + id, source ?? LeadSource.Web, owner, H(createdHours));

    // Responses of 1, 2, 4, 10 and 30 hours (L-3 by an activity 4 h in, before its own touch at 6 h); L-6 untouched
    // for 30 h at AsOf (overdue); L-7 untouched for 2 h (waiting); L-8 touched only after AsOf (overdue, 50 h);
    // L-9 created after AsOf.
    private static (Lead[] Leads, ActivityIndex Activities) Sample()
    {
        Lead[] leads =
        [
            LeadAt("L-1", 0).Touch(H(1)),
            LeadAt("L-2", 10, "bob", LeadSource.Phone).Touch(H(12)),
            LeadAt("L-3", 20).Touch(H(26)),
            LeadAt("L-4", 30, "bob").Touch(H(40)),
            LeadAt("L-5", 40).Touch(H(70)),
            LeadAt("L-6", 70),
            LeadAt("L-7", 98, "bob"),
            LeadAt("L-8", 50, "bob").Touch(H(120)),
            LeadAt("L-9", 101),
        ];
        var activities = ActivityIndex.Create([Activity.ForLead(ActivityKind.Call, H(24), "alice", new LeadId("L-3"))]);
        return (leads, activities);
    }

    [Fact]
    public void Of_WorkedExample_GivesMedianMeanPercentilesAndFlags()
    {
        var (leads, activities) = Sample();

        var r = LeadResponseTime.Of(leads, activities, AsOf);

        // Sorted 1, 2, 4, 10, 30: median x[2] = 4; mean 47 / 5 = 9.4; P(0.9): h = 4 x 0.9 = 3.6 -> 10 + 0.6 x 20 = 22;
        // P(0.25): h = 1 -> 2. Late: 30 > 24. Overdue: L-8 waited 50 h, L-6 30 h (longest first).
        Assert.Equal(5, r.Touched);
        Assert.Equal(4, r.MedianHours);
        Assert.Equal(9.4, r.MeanHours!.Value, 12);
        Assert.Equal(22, r.Percentile(0.9)!.Value, 12);
        Assert.Equal(2, r.Percentile(0.25));
        Assert.Equal(1, r.Percentile(0));
        Assert.Equal(30, r.Percentile(1));
        Assert.Equal(1, r.AnsweredLate);
        Assert.Equal(["L-8", "L-6"], r.Overdue.Select(u => u.Lead.Value));
        Assert.Equal([50d, 30d], r.Overdue.Select(u => u.WaitingHours));
        Assert.Equal(1, r.Waiting);
        Assert.Equal(8, r.Leads);
        Assert.Equal(1, r.NotYetCreated);
        Assert.Contains("overdue: L-8 bob waiting 50 h", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void By_OwnerAndSource_GroupsWithBreakdownKeys()
    {
        var (leads, activities) = Sample();

        var owners = LeadResponseTime.By(leads, activities, AsOf, Breakdown.Owner);
        var sources = LeadResponseTime.By(leads, activities, AsOf, Breakdown.Source);

        // alice: 1, 4, 30 -> median 4; bob: 2, 10 -> median 6.
        Assert.Equal(["alice", "bob"], owners.Select(g => g.Group));
        Assert.Equal(4, owners[0].MedianHours);
        Assert.Equal(6, owners[1].MedianHours);
        Assert.Equal(["L-6"], owners[0].Overdue.Select(u => u.Lead.Value));
        Assert.Equal(["phone", "web"], sources.Select(g => g.Group));
        Assert.Equal(2, sources[0].MedianHours);
    }

    [Fact]
    public void Of_UntouchedAfterOption_ChangesTheFlags()
    {
        var (leads, activities) = Sample();

        var r = LeadResponseTime.Of(leads, activities, AsOf, new LeadResponseOptions { UntouchedAfter = Duration.FromHours(1) });

        // Late: 2, 4, 10, 30 (1 h is not longer than 1 h); L-7 has waited 2 h > 1 h, so it is overdue too.
        Assert.Equal(4, r.AnsweredLate);
        Assert.Equal(3, r.Overdue.Count);
        Assert.Equal(0, r.Waiting);
    }

    [Fact]
    public void Of_NoTouchedLeads_StatisticsAreNull()
    {
        var r = LeadResponseTime.Of([LeadAt("L-1", 99)], ActivityIndex.Empty, AsOf);

        Assert.Null(r.MedianHours);
        Assert.Null(r.MeanHours);
        Assert.Null(r.Percentile(0.9));
        Assert.Equal(1, r.Waiting);
    }

    [Fact]
    public void Of_ActivityBeforeCreation_Throws()
    {
        var activities = ActivityIndex.Create([Activity.ForLead(ActivityKind.Email, H(-2), "alice", new LeadId("L-1"))]);

        var e = Assert.Throws<ArgumentException>(() => LeadResponseTime.Of([LeadAt("L-1", 0)], activities, AsOf));

        Assert.Equal("lead", e.ParamName);
        Assert.Contains("L-1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Rejections_SayTheRuleAndTheOption()
    {
        var limit = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new LeadResponseAccumulator(ActivityIndex.Empty, AsOf, new LeadResponseOptions { UntouchedAfter = Duration.FromHours(-2) })
        );
        var team = Assert.Throws<ArgumentException>(() =>
            new LeadResponseAccumulator(ActivityIndex.Empty, AsOf, breakdown: Breakdown.Team)
        );
        // The smallest positive limit is accepted.
        var tick = new LeadResponseAccumulator(ActivityIndex.Empty, AsOf, new LeadResponseOptions { UntouchedAfter = Duration.Epsilon });

        Assert.Equal(Duration.FromHours(-2), limit.ActualValue);
        Assert.StartsWith(
            $"LeadResponseOptions.UntouchedAfter must be positive; it was {Duration.FromHours(-2)}.",
            limit.Message,
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "A breakdown by team needs the sales organisation; set LeadResponseOptions.Organization.",
            team.Message,
            StringComparison.Ordinal
        );
        Assert.Equal(Duration.Epsilon, tick.Options.UntouchedAfter);
    }

    [Fact]
    public void Of_BadInput_Throws()
    {
        Assert.Equal("leads", Assert.Throws<ArgumentNullException>(() => LeadResponseTime.Of(null!, ActivityIndex.Empty, AsOf)).ParamName);
        Assert.Equal("activities", Assert.Throws<ArgumentNullException>(() => LeadResponseTime.Of([], null!, AsOf)).ParamName);
        var nullLead = Assert.Throws<ArgumentNullException>(() =>
            LeadResponseTime.Of([LeadAt("L-1", 0), null!], ActivityIndex.Empty, AsOf)
        );
        Assert.Contains("Lead 1", nullLead.Message, StringComparison.Ordinal);
        var limit = Assert.Throws<ArgumentOutOfRangeException>(() =>
            LeadResponseTime.Of([], ActivityIndex.Empty, AsOf, new LeadResponseOptions { UntouchedAfter = Duration.Zero })
        );
        Assert.Equal("options", limit.ParamName);
        Assert.Contains("0:00:00:00", limit.Message, StringComparison.Ordinal);
        Assert.Equal(
            "options",
            Assert.Throws<ArgumentException>(() => LeadResponseTime.By([], ActivityIndex.Empty, AsOf, Breakdown.Team)).ParamName
        );
        var undefined = Assert.Throws<ArgumentOutOfRangeException>(() => LeadResponseTime.By([], ActivityIndex.Empty, AsOf, (Breakdown)9));
        Assert.Equal("breakdown", undefined.ParamName);
        Assert.Contains("it was 9", undefined.Message, StringComparison.Ordinal);
        var p = Assert.Throws<ArgumentOutOfRangeException>(() => LeadResponseTime.Of([], ActivityIndex.Empty, AsOf).Percentile(1.5));
        Assert.Equal("p", p.ParamName);
        Assert.Contains("1.5", p.Message, StringComparison.Ordinal);
    }

    private static readonly Arbitrary<(int Created, int Touch, int Owner)[]> Specs = Gen.ListOf(
            from created in Gen.Choose(0, 120)
            from touch in Gen.Choose(-1, 60)
            from owner in Gen.Choose(0, 2)
            select (created, touch, owner)
        )
        .Select(list => list.ToArray())
        .ToArbitrary();

    private static Lead[] Build((int Created, int Touch, int Owner)[] specs) =>
        specs
            .Select(
                (s, i) =>
                {
                    var lead = LeadAt($"L-{i}", s.Created, $"rep-{s.Owner}");
                    return s.Touch < 0 ? lead : lead.Touch(H(s.Created + s.Touch));
                }
            )
            .ToArray();

    [Fact]
    public void Merge_OfSplit_EqualsWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Specs,
                Arb.From(Gen.Choose(0, 100)),
                (specs, cut) =>
                {
                    var leads = Build(specs);
                    var at = leads.Length * cut / 100;
                    var left = new LeadResponseAccumulator(ActivityIndex.Empty, AsOf, breakdown: Breakdown.Owner);
                    var right = new LeadResponseAccumulator(ActivityIndex.Empty, AsOf, breakdown: Breakdown.Owner);
                    left.AddRange(leads.Skip(at));
                    right.AddRange(leads.Take(at));
                    left.Merge(right);
                    var whole = new LeadResponseAccumulator(ActivityIndex.Empty, AsOf, breakdown: Breakdown.Owner);
                    whole.AddRange(leads);
                    var result = whole.Result();
                    return left.Result() == result
                        && left.ResultByGroup().SequenceEqual(whole.ResultByGroup())
                        && result.Leads + result.NotYetCreated == leads.Length;
                }
            )
        );

    [Fact]
    public void Percentile_MatchesSortedOrderStatistics_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Specs,
                specs =>
                {
                    // Second method: the touched leads' whole-hour responses, sorted; at p = k / (n - 1) type 7 is x[k].
                    var hours = specs
                        .Where(s => s.Touch >= 0 && s.Created <= 100 && s.Created + s.Touch <= 100)
                        .Select(s => (double)s.Touch)
                        .Order()
                        .ToArray();
                    var r = LeadResponseTime.Of(Build(specs), ActivityIndex.Empty, AsOf);
                    return r.Touched == hours.Length
                        && Enumerable
                            .Range(0, hours.Length)
                            .All(k =>
                                Math.Abs(r.Percentile(hours.Length == 1 ? 0 : (double)k / (hours.Length - 1))!.Value - hours[k]) < 1e-9
                            );
                }
            )
        );
}
