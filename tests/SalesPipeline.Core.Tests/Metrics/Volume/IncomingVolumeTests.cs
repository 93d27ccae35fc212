using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Metrics;

public class IncomingVolumeTests
{
    private static readonly FiscalPeriod[] Q1 = FiscalCalendar.Calendar.Months(2026).Take(3).ToArray();

    private static Lead NewLead(string id, LeadSource source, Instant at, string? product = null) =>
        Lead.Create(new LeadId(id), id, source, "alice", at, product);

    private static Deal NewDeal(string id, string? source, Instant at) =>
        History.Open(id, (at - History.T0).TotalHours, source: source is null ? null : new LeadSource(source));

    [Fact]
    public void Of_CountsPerPeriodAndSource_OutsideLineKeepsTheRest()
    {
        Lead[] leads =
        [
            NewLead("L1", LeadSource.Web, Instant.FromUtc(2026, 1, 5, 9, 0)),
            NewLead("L2", LeadSource.Web, Instant.FromUtc(2026, 1, 20, 9, 0)),
            NewLead("L3", LeadSource.Referral, Instant.FromUtc(2026, 2, 3, 9, 0)),
            NewLead("L4", LeadSource.Web, Instant.FromUtc(2026, 4, 1, 9, 0)), // April: outside Q1
        ];
        Deal[] deals = [NewDeal("D1", "web", Instant.FromUtc(2026, 1, 25, 9, 0)), NewDeal("D2", null, Instant.FromUtc(2026, 3, 2, 9, 0))];

        var report = IncomingVolume.Of(leads, deals, Q1);

        Assert.Equal([(2, 1), (1, 0), (0, 1)], report.Periods.Select(p => (p.NewLeads, p.NewDeals)));
        Assert.Equal((3, 2), (report.Total.NewLeads, report.Total.NewDeals));
        Assert.Equal((1, 0), (report.OutsidePeriods.NewLeads, report.OutsidePeriods.NewDeals));
        Assert.Equal(
            [(Q1[0], "web", 2, 1), (Q1[1], "referral", 1, 0), (Q1[2], BreakdownKeys.None, 0, 1)],
            report.ByKey.Select(l => (l.Period!, l.Key!, l.NewLeads, l.NewDeals))
        );
    }

    [Fact]
    public void Of_Zone_DecidesTheDate()
    {
        // 2026-01-31 23:30 UTC is 1 February 08:30 in Tokyo.
        Lead[] leads = [NewLead("L1", LeadSource.Web, Instant.FromUtc(2026, 1, 31, 23, 30))];

        var utc = IncomingVolume.Of(leads, [], Q1);
        var tokyo = IncomingVolume.Of(leads, [], Q1, new IncomingVolumeOptions { Zone = DateTimeZoneProviders.Tzdb["Asia/Tokyo"] });

        Assert.Equal(1, utc.Periods[0].NewLeads);
        Assert.Equal(1, tokyo.Periods[1].NewLeads);
    }

    [Fact]
    public void Of_ByProduct_UsesTheLeadsProductOfInterest()
    {
        Lead[] leads = [NewLead("L1", LeadSource.Web, Instant.FromUtc(2026, 1, 5, 9, 0), "crm")];

        var report = IncomingVolume.Of(leads, [], Q1, new IncomingVolumeOptions { Breakdown = Breakdown.Product });

        Assert.Equal("crm", report.ByKey.Single().Key);
    }

    [Fact]
    public void Accumulators_MergeOfAnySplit_EqualsTheWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.ListOf(from day in Gen.Choose(-10, 100) from web in Gen.Elements(true, false) select (day, web)).ToArbitrary(),
                Gen.Choose(0, 1000).ToArbitrary(),
                (specs, cut) =>
                {
                    var leads = specs
                        .Select(
                            (s, i) =>
                                NewLead(
                                    $"L{i}",
                                    s.web ? LeadSource.Web : LeadSource.Phone,
                                    Instant.FromUtc(2026, 1, 1, 12, 0).Plus(Duration.FromDays(s.day))
                                )
                        )
                        .ToArray();
                    var split = cut % (leads.Length + 1);
                    var left = new IncomingVolumeAccumulator(Q1);
                    var right = new IncomingVolumeAccumulator(Q1);
                    left.AddRange(leads.Take(split));
                    right.AddRange(leads.Skip(split));
                    left.Merge(right);
                    var whole = IncomingVolume.Of(leads, [], Q1);
                    // Every lead counts once: in a period or outside.
                    return left.Result() == whole && whole.Total.NewLeads + whole.OutsidePeriods.NewLeads == leads.Length;
                }
            )
        );

    [Fact]
    public void Of_BadInput_Throws()
    {
        Assert.Equal("leads", Assert.Throws<ArgumentNullException>(() => IncomingVolume.Of(null!, [], Q1)).ParamName);
        var nullDeal = Assert.Throws<ArgumentNullException>(() => IncomingVolume.Of([], [null!], Q1));
        Assert.Equal("deals", nullDeal.ParamName);
        Assert.Equal("periods", Assert.Throws<ArgumentException>(() => IncomingVolume.Of([], [], [])).ParamName);
        var team = Assert.Throws<ArgumentException>(() =>
            IncomingVolume.Of([], [], Q1, new IncomingVolumeOptions { Breakdown = Breakdown.Team })
        );
        Assert.Equal("options", team.ParamName);
        Assert.Throws<ArgumentNullException>(() => IncomingVolume.Of([], [], Q1, new IncomingVolumeOptions { Zone = null! }));
    }

    [Fact]
    public void Of_UndefinedBreakdown_OrTeamWithoutOrganization_NamesTheRule()
    {
        var undefined = Assert.Throws<ArgumentOutOfRangeException>(() =>
            IncomingVolume.Of([], [], Q1, new IncomingVolumeOptions { Breakdown = (Breakdown)9 })
        );
        Assert.Equal("options", undefined.ParamName);
        Assert.Contains("it was 9", undefined.Message, StringComparison.Ordinal);
        var team = Assert.Throws<ArgumentException>(() =>
            IncomingVolume.Of([], [], Q1, new IncomingVolumeOptions { Breakdown = Breakdown.Team })
        );
        Assert.Contains("IncomingVolumeOptions.Organization", team.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Equality_EveryLineCounts()
    {
        var none = IncomingVolume.Of([], [], Q1);
        IncomingVolumeReport[] others =
        [
            IncomingVolume.Of([], [], Q1, new IncomingVolumeOptions { Breakdown = Breakdown.Product }), // only the breakdown
            IncomingVolume.Of([NewLead("L1", LeadSource.Web, Instant.FromUtc(2026, 4, 1, 9, 0))], [], Q1), // one lead outside Q1
            IncomingVolume.Of([NewLead("L1", LeadSource.Web, Instant.FromUtc(2026, 1, 5, 9, 0))], [], Q1), // one in January
            IncomingVolume.Of([NewLead("L1", LeadSource.Web, Instant.FromUtc(2026, 2, 5, 9, 0))], [], Q1), // one in February
        ];

        Assert.Equal(none, IncomingVolume.Of([], [], Q1));
        Assert.Equal(none.GetHashCode(), IncomingVolume.Of([], [], Q1).GetHashCode());
        Assert.False(none.Equals(null));
        Assert.All(others, r => Assert.NotEqual(none, r));
        // Same total (one lead), other month.
        Assert.NotEqual(others[2], others[3]);
    }
}
