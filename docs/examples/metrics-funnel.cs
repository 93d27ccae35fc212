#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// The walkthrough of the funnel, lead conversion, incoming volume and time-in-stage sections of docs/metrics.md: the
// six-deal funnel, four leads, and four stays in Proposal, with every number of the page checked.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

// The default stages without exit criteria, and skipping allowed, so the example can move deals freely.
var pipeline = PipelineDefinition
    .CreateBuilder("Sales")
    .Stage("Prospecting", 0.10m)
    .Stage("Qualified", 0.20m)
    .Stage("Proposal", 0.50m)
    .Stage("Negotiation", 0.80m)
    .Won("Won")
    .Lost("Lost")
    .AllowSkipping()
    .Build();
var t0 = Instant.FromUtc(2026, 1, 5, 9, 0);
var close = new LocalDate(2026, 6, 30);

void Check(bool ok, string what)
{
    if (!ok)
    {
        throw new InvalidOperationException("The documentation's number is wrong: " + what);
    }
}

Deal Open(string id, string owner, decimal amount) =>
    Deal.Open(pipeline, new DealId(id), id, owner, Money.Of(amount, Currency.USD), close, t0);

// Moves a deal along a path, one hour per step: stage ids, "won", "lost", or "reopen:<stage>".
Deal Path(Deal deal, params string[] steps)
{
    var at = t0;
    foreach (var step in steps)
    {
        at = at.Plus(Duration.FromHours(1));
        deal = step switch
        {
            "won" => pipeline.Win(deal, at, deal.Owner!),
            "lost" => pipeline.Lose(deal, LossReason.Price, at, deal.Owner!),
            _ when step.StartsWith("reopen:", StringComparison.Ordinal) => pipeline.Reopen(deal, at, deal.Owner!, step[7..]),
            _ => pipeline.Move(deal, step, at, deal.Owner!),
        };
    }
    return deal;
}

// Four leads: L1 becomes D1, L2 becomes D5, L3 is being worked, L4 is disqualified.
var l1 = Lead.Create(new LeadId("L1"), "One", LeadSource.Web, "alice", t0.Minus(Duration.FromDays(3)), "crm");
var l2 = Lead.Create(new LeadId("L2"), "Two", LeadSource.Web, "bob", t0.Minus(Duration.FromDays(2)));
var l3 = Lead.Create(new LeadId("L3"), "Three", LeadSource.Referral, "alice", t0.Minus(Duration.FromDays(2)), "crm").Touch(t0);
var l4 = Lead.Create(new LeadId("L4"), "Four", LeadSource.Web, "bob", t0.Minus(Duration.FromDays(1))).Disqualify("no budget", t0);
(l1, var fromL1) = l1.Convert(pipeline, new DealId("D1"), Money.Of(100m, Currency.USD), close, t0, dealName: "D1");
(l2, var fromL2) = l2.Convert(pipeline, new DealId("D5"), Money.Of(500m, Currency.USD), close, t0, dealName: "D5");
Lead[] leads = [l1, l2, l3, l4];

Deal[] deals =
[
    Path(fromL1, "qualified", "proposal", "negotiation", "won"),
    Path(Open("D2", "alice", 200m), "qualified", "lost"),
    Path(Open("D3", "alice", 300m), "proposal"),
    Path(Open("D4", "bob", 400m), "qualified", "proposal", "qualified"),
    Path(fromL2, "lost"),
    Path(Open("D6", "bob", 600m), "qualified", "proposal", "lost", "reopen:negotiation"),
];

var report = Funnel.Of(deals, leads, pipeline, new FunnelOptions { Breakdowns = [Breakdown.Owner] });
Console.WriteLine(report);
Console.WriteLine($"Bottleneck: {report.Bottleneck?.Stage.Name}");
foreach (var rep in report.By(Breakdown.Owner))
{
    Console.WriteLine($"{rep.Key}: bottleneck {rep.Bottleneck?.Stage.Name}");
}

var rows = report.Stages.Select(s => (s.Reached, s.MovedOn, s.MovedBack, s.Lost, s.Won, s.StillIn)).ToArray();
Check(rows[0] == (6, 5, 0, 1, 0, 0), "Prospecting row");
Check(rows[1] == (5, 3, 0, 1, 0, 1), "Qualified row");
Check(rows[2] == (4, 2, 1, 0, 0, 1), "Proposal row");
Check(rows[3] == (2, 0, 0, 0, 1, 1), "Negotiation row");
Check(report.Bottleneck?.Stage.Id == "qualified", "bottleneck");
Check(report.Stages[1].ReachedAmount == Money.Of(1_600m, Currency.USD), "Qualified reached amount");
Check(Math.Round(report.Stages[1].ReachedValueShare!.Value, 3) == 0.762, "Qualified value share");
Check(Math.Round(report.Stages[2].OpenValueShare!.Value, 3) == 0.231, "Proposal open value share");
Check(report.By(Breakdown.Owner).Select(g => g.Bottleneck?.Stage.Id).SequenceEqual(["qualified", "prospecting"]), "rep bottlenecks");

foreach (var line in report.LeadGroups)
{
    Console.WriteLine(line);
}

var web = report.LeadGroups.Single(l => l.Key == "web");
Check((web.Leads, web.Converted, web.Qualified) == (3, 2, 1), "web leads");
Check(Math.Round(web.ToDeal!.Lower, 3) == 0.208 && Math.Round(web.ToDeal.Upper, 3) == 0.939, "web lead -> deal interval");
Check(Math.Round(web.ToQualified!.Lower, 3) == 0.061 && Math.Round(web.ToQualified.Upper, 3) == 0.792, "web lead -> qualified interval");
Check((report.Leads.Leads, report.Leads.Converted, report.Leads.Qualified) == (4, 2, 1), "all leads");

// Incoming volume: the four leads arrived in January, and so did the six deals.
var volume = IncomingVolume.Of(leads, deals, FiscalCalendar.Calendar.Months(2026).Take(3));
Console.WriteLine(volume);
Check((volume.Periods[0].NewLeads, volume.Periods[0].NewDeals) == (4, 6), "January volume");
var late = Lead.Create(new LeadId("L5"), "Five", LeadSource.Web, "alice", Instant.FromUtc(2026, 1, 31, 23, 30));
var tokyo = IncomingVolume.Of(
    [late],
    [],
    FiscalCalendar.Calendar.Months(2026).Take(3),
    new IncomingVolumeOptions { Zone = DateTimeZoneProviders.Tzdb["Asia/Tokyo"] }
);
Check(tokyo.Periods[1].NewLeads == 1, "the late lead falls in February in Tokyo");

// Time in stage: four deals enter Proposal on Monday 2 February 09:00 and stay 1, 2 and 4 days; the fourth is still
// there at asOf, 10 days later.
var s0 = Instant.FromUtc(2026, 2, 2, 9, 0);
var asOf = s0.Plus(Duration.FromDays(10));
Deal Stay(string id, int? leaveAfterDays, bool lose = false)
{
    var deal = pipeline.Move(
        Deal.Open(pipeline, new DealId(id), id, "carol", Money.Of(1_000m, Currency.USD), close, s0),
        "proposal",
        s0,
        "carol"
    );
    if (leaveAfterDays is { } days)
    {
        var at = s0.Plus(Duration.FromDays(days));
        deal = lose ? pipeline.Lose(deal, LossReason.Timing, at, "carol") : pipeline.Move(deal, "negotiation", at, "carol");
    }
    return deal;
}
Deal[] stays = [Stay("D7", 1), Stay("D8", 2), Stay("D9", 4, lose: true), Stay("D10", null)];

var times = TimeInStage.Of(stays, pipeline, asOf);
var proposal = times["proposal"].Cumulative!; // KeyNotFoundException for a stage it lacks; or times.TryGet(id, out var line)
Console.WriteLine(times);
Console.WriteLine($"Proposal: mean {proposal.MeanDays:0.00}, median {proposal.MedianDays:0.00}, P90 {proposal.Percentile(0.9):0.00} days");
Check(proposal.MeanDays == 4.25 && proposal.MedianDays == 3.0, "mean and median");
Check(proposal.Percentile(0.25) == 1.75 && proposal.Percentile(0.75) == 5.5, "P25 and P75");
Check(Math.Abs(proposal.Percentile(0.9)!.Value - 8.2) < 1e-9, "P90");
var finished = TimeInStage.Of(stays, pipeline, asOf, new TimeInStageOptions { IncludeOpenStints = false }).Stages[2].Cumulative!;
Check(finished.MedianDays == 2.0 && Math.Abs(finished.MeanDays - 7.0 / 3) < 1e-12, "open stints excluded");

var calendar = BusinessCalendar.Create(DateTimeZone.Utc, [new LocalDate(2026, 12, 25)]);
var christmas = calendar.BusinessDaysBetween(Instant.FromUtc(2026, 12, 24, 12, 0), Instant.FromUtc(2026, 12, 28, 12, 0));
Console.WriteLine($"24 Dec noon to 28 Dec noon: {christmas} business day(s)");
var businessTimes = TimeInStage.Of(stays, pipeline, asOf, new TimeInStageOptions { BusinessDays = calendar });
Console.WriteLine(businessTimes.Stages[2].Cumulative);
Check(christmas == 1.0, "Christmas business days");
var business = businessTimes.Stages[2].Cumulative!;
Check(business.MeanDays == 3.75 && business.MedianDays == 3.0 && business.MaxDays == 8.0, "business days of the stays");
Console.WriteLine("All documented numbers check out.");
