using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Samples.Generation;
using SalesPipeline.Targets;

namespace SalesPipeline.Samples.Tests;

/// <summary>The warning signs built into the sample, each found by the library itself.</summary>
public sealed class SampleWarningSignTests
{
    private static readonly SampleData Sample = TheSample.Value;

    private static readonly HealthReport Report = PipelineHealth.Inspect(
        Sample.Deals,
        Sample.Pipeline,
        Sample.AsOfInstant,
        Sample.HealthPolicy,
        new HealthInputs { Activities = ActivityIndex.Create(Sample.Activities), Leads = Sample.Leads }
    );

    private static Deal Named(string name) => Sample.Deals.Single(d => d.Name == name);

    [Theory]
    [InlineData(FindingKind.Stale)]
    [InlineData(FindingKind.Rotting)]
    [InlineData(FindingKind.PastExpectedClose)]
    [InlineData(FindingKind.OlderThanTypicalCycle)]
    [InlineData(FindingKind.CloseDatePushed)]
    [InlineData(FindingKind.CrowdedStage)]
    [InlineData(FindingKind.UntouchedLead)]
    public void The_health_check_finds_each_kind_of_warning_sign(FindingKind kind) => Assert.NotEmpty(Report.FindingsOf(kind));

    [Fact]
    public void The_big_deal_gone_quiet_is_stale_and_rotting_in_Proposal()
    {
        var deal = Named(SampleGenerator.StaleDealName);
        var findings = Report.Findings.Where(f => f.Deal == deal.Id).ToDictionary(f => f.Kind);
        // Last touch: the meeting of 12 May 2026 at 15:00 New York time (19:00 UTC); as of 1 July 04:00 UTC that is
        // 31 days to 12 June 19:00, 19 days to 1 July 19:00, less 15 hours: 49 days 9 hours = 49.375 days.
        Assert.Equal(49.375m, findings[FindingKind.Stale].Measured);
        // In Proposal since 14 April 09:45 New York time (13:45 UTC): 30 + 31 days to 14 June 13:45, 17 days to
        // 1 July 13:45, less 9 h 45 min: 77 days 14 h 15 min = 77.59375 days.
        Assert.Equal(77.59375m, findings[FindingKind.Rotting].Measured);
        Assert.Equal("alice", findings[FindingKind.Stale].Owner);
    }

    [Fact]
    public void The_deal_pushed_four_times_is_flagged_but_not_stale()
    {
        var deal = Named(SampleGenerator.PushedDealName);
        var pushed = Report.Findings.Single(f => f.Deal == deal.Id && f.Kind == FindingKind.CloseDatePushed);
        // 31 Mar -> 30 Apr -> 29 May -> 30 Jun -> 31 Jul: four pushes, each to a later date.
        Assert.Equal(4m, pushed.Measured);
        Assert.Equal(1m, pushed.Threshold);
        Assert.DoesNotContain(Report.Findings, f => f.Deal == deal.Id && f.Kind == FindingKind.Stale);
    }

    [Fact]
    public void Qualified_is_the_crowded_stage_by_an_independent_count()
    {
        var open = Sample.Deals.Where(d => d.IsOpen).ToArray();
        var qualified = open.Count(d => d.StageId == "qualified");
        var crowded = Assert.Single(Report.FindingsOf(FindingKind.CrowdedStage));
        Assert.Equal("qualified", crowded.StageId);
        Assert.Equal((decimal)qualified / open.Length, crowded.Measured);
        Assert.True(crowded.Measured > 0.40m);
        // The security-review backlog from 16 March: the deals in Qualified entered it since then.
        var backlogFrom = SampleGenerator.ReviewBacklogFrom.AtStartOfDayInZone(Sample.Zone).ToInstant();
        var recent = open.Count(d => d.StageId == "qualified" && d.StageEnteredAt >= backlogFrom);
        Assert.True(recent > qualified * 0.9, $"{recent} of {qualified}");
        // Before the backlog no stage was crowded: the pipeline as it stood on 1 January 2026.
        var newYear = new LocalDate(2026, 1, 1).AtStartOfDayInZone(Sample.Zone).ToInstant();
        var before = PipelineHealth.Inspect(Sample.Deals.Where(d => d.CreatedAt < newYear), Sample.Pipeline, newYear, Sample.HealthPolicy);
        Assert.Empty(before.FindingsOf(FindingKind.CrowdedStage));
        Assert.True(before.OpenDeals >= Sample.HealthPolicy.MinOpenDealsForShares); // so the shares were judged
    }

    [Fact]
    public void The_backlog_cost_Q2_bookings()
    {
        var options = new AttainmentOptions
        {
            ForecastOptions = new()
            {
                AsOf = Sample.AsOf,
                Organization = Sample.Organization,
                Zone = Sample.Zone,
            },
        };
        var company = Sample.Quotas.Where(q => q.Level == QuotaLevel.Company).ToArray();
        var report = Attainment.Of(Sample.Deals, Sample.Pipeline, company, options);
        var q1 = report[Sample.Calendar.Quarter(2026, 1), company[0].SubjectId].CompletionRate!.Value;
        var q2 = report[Sample.Calendar.Quarter(2026, 2), company[0].SubjectId].CompletionRate!.Value;
        // docs/samples.md: 57% in Q2 against 97% in Q1.
        Assert.Equal(0.57m, Math.Round(q2, 2));
        Assert.Equal(0.97m, Math.Round(q1, 2));
    }

    [Fact]
    public void Nathan_has_the_lowest_coverage_for_Q3_far_below_what_his_quota_needs()
    {
        var q3 = Sample.Calendar.QuarterContaining(Sample.AsOf);
        var winRate = HistoricalWinRate();
        var report = Attainment.Of(
            Sample.Deals,
            Sample.Pipeline,
            Sample.Quotas.Where(q => q.Period == q3 && q.Level == QuotaLevel.Person),
            new AttainmentOptions
            {
                ForecastOptions = new()
                {
                    AsOf = Sample.AsOf,
                    Organization = Sample.Organization,
                    Zone = Sample.Zone,
                },
                WinRate = winRate,
            }
        );
        var nathan = report[q3, SampleGenerator.ThinPipelineRep];
        Assert.True(nathan.Coverage < nathan.RequiredCoverage);
        var others = report
            .Lines.Where(l => l.Quota.SubjectId != SampleGenerator.ThinPipelineRep)
            .Select(l => l.Coverage!.Value)
            .Order()
            .ToArray();
        Assert.True(nathan.Coverage < others[0], $"nathan {nathan.Coverage}, lowest of the others {others[0]}");
        Assert.True(
            nathan.Coverage < others[others.Length / 2] / 2,
            $"nathan {nathan.Coverage}, median of the others {others[others.Length / 2]}"
        );

        // The health check says the same of his own pipeline, and its number is the open amount counted here.
        var quota = Sample.Quotas.Single(q => q.Period == q3 && q.SubjectId == SampleGenerator.ThinPipelineRep);
        var hisDeals = Sample.Deals.Where(d => d.Owner == SampleGenerator.ThinPipelineRep).ToArray();
        var health = PipelineHealth.Inspect(
            hisDeals,
            Sample.Pipeline,
            Sample.AsOfInstant,
            Sample.HealthPolicy,
            new HealthInputs { Coverage = new CoverageGoal(q3, quota.Target, winRate) }
        );
        var low = Assert.Single(health.FindingsOf(FindingKind.LowCoverage));
        var openInQ3 = hisDeals
            .Where(d => d.IsOpen && q3.Contains(d.ExpectedClose) && d.ExpectedClose >= Sample.AsOf)
            .Sum(d => d.Amount.Amount);
        Assert.Equal(openInQ3 / quota.Target.Amount, low.Measured);
    }

    [Fact]
    public void The_company_as_a_whole_is_short_of_Q3_coverage()
    {
        var q3 = Sample.Calendar.QuarterContaining(Sample.AsOf);
        var target = Sample.Quotas.Single(q => q.Period == q3 && q.Level == QuotaLevel.Company).Target;
        var health = PipelineHealth.Inspect(
            Sample.Deals,
            Sample.Pipeline,
            Sample.AsOfInstant,
            Sample.HealthPolicy,
            new HealthInputs { Coverage = new CoverageGoal(q3, target, HistoricalWinRate()) }
        );
        Assert.Single(health.FindingsOf(FindingKind.LowCoverage));
    }

    [Fact]
    public void Receivables_are_overdue_in_every_aging_bucket()
    {
        var aging = Aging.Of(Sample.Contracts, Sample.AsOf, organization: Sample.Organization);
        Assert.Equal(["current", "1-30", "31-60", "61-90", "over 90"], aging.Buckets.Labels);
        for (var bucket = 1; bucket < aging.Buckets.Count; bucket++)
        {
            Assert.True(aging.Total.Buckets[bucket].IsPositive, $"bucket {aging.Buckets.Labels[bucket]} is empty");
        }
        // Counted independently: what the instalments due before 1 July still owe.
        var overdue = Sample.Contracts.Sum(c => c.StatusAsOf(Sample.AsOf).Overdue.Amount);
        Assert.Equal(overdue, aging.Total.Buckets.Skip(1).Sum(b => b.Amount));
    }

    /// <summary>Won deals over closed deals in the four quarters before the as-of date, rounded to hundredths.</summary>
    private static decimal HistoricalWinRate()
    {
        var from = Sample.AsOf.PlusYears(-1).AtStartOfDayInZone(Sample.Zone).ToInstant();
        var closed = Sample.Deals.Where(d => d.ClosedAt >= from).ToArray();
        var rate = Math.Round((decimal)closed.Count(d => d.Status == DealStatus.Won) / closed.Length, 2);
        Assert.InRange(rate, 0.15m, 0.35m);
        return rate;
    }
}
