using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Targets;

namespace SalesPipeline.Samples.Tests;

public sealed class SampleShapeTests
{
    private static readonly SampleData Sample = TheSample.Value;

    private static readonly string[] Reps =
    [
        "alice",
        "ben",
        "chloe",
        "daniel",
        "elena",
        "farah",
        "george",
        "isabel",
        "jonas",
        "keiko",
        "liam",
        "maya",
        "nathan",
        "olivia",
        "pablo",
        "quinn",
        "rosa",
        "samuel",
        "tara",
        "victor",
    ];

    [Fact]
    public void It_is_seen_at_the_start_of_1_July_2026_in_New_York()
    {
        Assert.Equal(new LocalDate(2026, 7, 1), Sample.AsOf);
        Assert.Equal("America/New_York", Sample.Zone.Id);
        // New York keeps summer time (UTC-4) in July: midnight there is 04:00 UTC.
        Assert.Equal(Instant.FromUtc(2026, 7, 1, 4, 0), Sample.AsOfInstant);
        Assert.Equal(Currency.USD, Sample.Currency);
        Assert.Equal(Sample.Zone, Sample.HealthPolicy.Zone);
    }

    [Fact]
    public void Twenty_reps_carry_the_deals_in_four_teams_of_five_under_a_head_of_sales()
    {
        var org = Sample.Organization;
        var sales = org.ChildTeams(null).Single();
        Assert.Equal("grace", sales.LeadId);
        var teams = org.ChildTeams(sales.Id);
        Assert.Equal(4, teams.Count);
        foreach (var team in teams)
        {
            Assert.NotNull(team.LeadId);
            var members = org.MembersOf(team.Id).Select(p => p.Id).ToArray();
            // Five reps and the team lead.
            Assert.Equal(6, members.Length);
            Assert.Contains(team.LeadId, members);
        }
        Assert.Equal(Reps, Sample.Deals.Select(d => d.Owner).Distinct().Order(StringComparer.Ordinal));
        Assert.All(Reps, rep => Assert.Equal(2, org.PathOf(rep).Count));
    }

    [Fact]
    public void The_deals_span_the_two_years_before_the_as_of_date()
    {
        Assert.InRange(Sample.Deals.Count, 3_000, 5_000);
        var created = Sample.Deals.Select(d => d.CreatedAt.InZone(Sample.Zone).Date).ToArray();
        // 1 July 2024 was a Monday: the first business day of the two years has deals.
        Assert.Equal(new LocalDate(2024, 7, 1), created.Min());
        Assert.Equal(new LocalDate(2026, 6, 30), created.Max());
        Assert.All(Sample.Deals, d => Assert.True(d.LastEventAt < Sample.AsOfInstant, $"{d.Id} has an event at {d.LastEventAt}"));
        // Deals are listed in order of creation, and new deals come in every month.
        Assert.Equal(Sample.Deals.Select(d => d.CreatedAt), Sample.Deals.Select(d => d.CreatedAt).Order());
        Assert.Equal(24, created.Select(d => (d.Year, d.Month)).Distinct().Count());
    }

    [Fact]
    public void Every_open_stage_holds_open_deals_and_deals_were_won_and_lost()
    {
        foreach (var stage in Sample.Pipeline.OpenStages)
        {
            Assert.Contains(Sample.Deals, d => d.IsOpen && d.StageId == stage.Id);
        }
        Assert.Contains(Sample.Deals, d => d.Status == DealStatus.Won);
        Assert.Contains(Sample.Deals, d => d.Status == DealStatus.Lost);
        var lost = Sample.Deals.Where(d => d.Status == DealStatus.Lost).ToArray();
        Assert.True(lost.Select(d => d.LossReason!.Code).Distinct().Count() >= 6);
        Assert.Contains(lost, d => d.Competitor is not null);
        Assert.All(Sample.Deals.Where(d => d.Competitor is not null), d => Assert.Equal(DealStatus.Lost, d.Status));
    }

    [Fact]
    public void Deals_come_from_five_sources_and_four_products()
    {
        Assert.Equal(5, Sample.Deals.Select(d => d.Source!.Code).Distinct().Count());
        Assert.Equal(4, Sample.Deals.Select(d => d.Product!).Distinct().Count());
    }

    [Fact]
    public void Every_deal_has_its_full_history_and_is_rebuilt_by_it()
    {
        foreach (var deal in Sample.Deals)
        {
            Assert.Equal(deal, Deal.FromEvents(Sample.Pipeline, deal.Events));
            var first = Assert.IsType<DealImported>(deal.Events[0]);
            // Observed from its creation, in the first stage: no stage of its life is unobserved.
            Assert.Equal(deal.CreatedAt, deal.ObservedFrom);
            Assert.Equal(Sample.Pipeline.FirstOpenStage.Id, first.StageId);
        }
        // Histories go beyond the stage moves: amounts, close dates and owners change too.
        Assert.Contains(Sample.Deals, d => d.Events.OfType<AmountChanged>().Any());
        Assert.Contains(Sample.Deals, d => d.Events.OfType<ExpectedCloseChanged>().Count() >= 2);
        Assert.Contains(Sample.Deals, d => d.Events.OfType<OwnerReassigned>().Any());
        Assert.Contains(Sample.Deals, d => d.Events.OfType<StageMoved>().Any(m => m.Direction == MoveDirection.Backward));
    }

    [Fact]
    public void Inbound_deals_come_from_converted_leads_and_every_lead_is_rebuilt_by_its_history()
    {
        var deals = Sample.Deals.ToDictionary(d => d.Id);
        var converted = Sample.Leads.Where(l => l.Status == LeadStatus.Converted).ToArray();
        Assert.NotEmpty(converted);
        foreach (var lead in converted)
        {
            var deal = deals[lead.DealId!.Value];
            Assert.Equal(lead.Id, deal.LeadId);
            Assert.Equal(lead.Source, deal.Source);
            Assert.Equal(lead.ClosedAt, deal.CreatedAt);
        }
        Assert.Equal(converted.Length, Sample.Deals.Count(d => d.LeadId is not null));
        Assert.Contains(Sample.Leads, l => l.Status == LeadStatus.Disqualified);
        Assert.Contains(Sample.Leads, l => l.Status is LeadStatus.New or LeadStatus.Working);
        Assert.All(Sample.Leads, l => Assert.Equal(l, Lead.FromEvents(l.History)));
        Assert.All(Sample.Leads, l => Assert.True(l.History[^1].At < Sample.AsOfInstant));
    }

    [Fact]
    public void Activities_are_by_the_deal_owner_of_the_time_within_the_deal_life()
    {
        var deals = Sample.Deals.ToDictionary(d => d.Id);
        Assert.Equal(Sample.Activities.Select(a => a.At), Sample.Activities.Select(a => a.At).Order());
        foreach (var activity in Sample.Activities.Where(a => a.Deal is not null))
        {
            var deal = deals[activity.Deal!.Value];
            Assert.True(activity.At >= deal.CreatedAt && activity.At < Sample.AsOfInstant);
            Assert.True(deal.ClosedAt is null || activity.At <= deal.ClosedAt);
            Assert.Equal(deal.AsOf(activity.At).Owner, activity.Rep);
        }
        var kinds = Sample.Activities.Select(a => a.Kind).Distinct().ToArray();
        Assert.Contains(ActivityKind.Call, kinds);
        Assert.Contains(ActivityKind.Email, kinds);
        Assert.Contains(ActivityKind.Meeting, kinds);
        Assert.Contains(ActivityKind.Demo, kinds);
        Assert.Contains(Sample.Activities, a => a.Lead is not null);
    }

    [Fact]
    public void Its_lists_cannot_be_changed_through_a_cast()
    {
        // An array behind IReadOnlyList would accept this; the sample's lists are read-only views.
        Assert.Throws<NotSupportedException>(() => ((IList<Deal>)Sample.Deals)[0] = Sample.Deals[1]);
        Assert.Throws<NotSupportedException>(() => ((IList<Lead>)Sample.Leads)[0] = Sample.Leads[1]);
        Assert.Throws<NotSupportedException>(() => ((IList<Activity>)Sample.Activities)[0] = Sample.Activities[1]);
        Assert.Throws<NotSupportedException>(() => ((IList<Quota>)Sample.Quotas)[0] = Sample.Quotas[1]);
        Assert.Throws<NotSupportedException>(() => ((IList<Collections.CollectionSchedule>)Sample.Contracts)[0] = Sample.Contracts[1]);
    }

    [Fact]
    public void Quotas_are_quarterly_per_rep_and_teams_and_company_add_up()
    {
        var quarters = Sample.Quotas.Select(q => q.Period).Distinct().ToArray();
        // Q3 2024 to Q3 2026: nine quarters.
        Assert.Equal(9, quarters.Length);
        Assert.Equal(new LocalDate(2024, 7, 1), quarters.Min(q => q.Start));
        Assert.Equal(new LocalDate(2026, 9, 30), quarters.Max(q => q.End));
        foreach (var quarter in quarters)
        {
            var people = Sample.Quotas.Where(q => q.Period == quarter && q.Level == QuotaLevel.Person).ToArray();
            Assert.Equal(Reps, people.Select(q => q.SubjectId).Order(StringComparer.Ordinal));
            foreach (var team in Sample.Quotas.Where(q => q.Period == quarter && q.Level == QuotaLevel.Team))
            {
                var members = Sample.Organization.MembersOf(team.SubjectId).Select(p => p.Id).ToHashSet();
                Assert.True(QuotaAssignment.Of(team, people.Where(p => members.Contains(p.SubjectId))).AddsUp);
            }
            var company = Sample.Quotas.Single(q => q.Period == quarter && q.Level == QuotaLevel.Company);
            Assert.True(QuotaAssignment.Of(company, people).AddsUp);
        }
        // Every quota is measurable: Attainment accepts the whole list with the organization.
        var report = Attainment.Of(
            Sample.Deals,
            Sample.Pipeline,
            Sample.Quotas,
            new AttainmentOptions
            {
                ForecastOptions = new() { Organization = Sample.Organization, Zone = Sample.Zone },
            }
        );
        Assert.Equal(Sample.Quotas.Count, report.Lines.Count);
    }
}
