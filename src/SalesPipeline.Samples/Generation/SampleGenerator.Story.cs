using System.Globalization;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;

namespace SalesPipeline.Samples.Generation;

/// <summary>
/// Two deals written by hand, so that the warning signs have a name in the documentation: a large deal gone quiet in
/// Proposal, and a deal whose close date was pushed four times. Their customers are not in the generated pool, so
/// their names are unique in the sample.
/// </summary>
internal sealed partial class SampleGenerator
{
    internal const string StaleDealName = "Kestrel Freight - Enterprise Suite";
    internal const string PushedDealName = "Orchard Lane Foods - Analytics";

    private Instant Local(int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneLeniently(clock.Zone).ToInstant();

    /// <summary>The hand-written deal opened on <paramref name="day"/>, if any: when it is opened, and how to plan it.</summary>
    private (Instant At, System.Action Plan)? StoryDealOn(LocalDate day)
    {
        if (day == new LocalDate(2026, 2, 9))
        {
            return (StaleDealOpened, PlanStaleDeal);
        }
        if (day == new LocalDate(2026, 1, 12))
        {
            return (PushedDealOpened, PlanPushedDeal);
        }
        return null;
    }

    private Instant StaleDealOpened => Local(2026, 2, 9, 10, 15);

    private Instant PushedDealOpened => Local(2026, 1, 12, 9, 30);

    // Alice's USD 480,000 Enterprise Suite deal reached Proposal on 14 April; the last meeting was on 12 May, and nobody has
    // touched it since: on 1 July it is stale (50 days), rotting in Proposal (78 days) and one of the largest weighted risks.
    private void PlanStaleDeal()
    {
        var rep = System.Array.Find(SampleCatalog.Reps, r => r.Id == "alice")!;
        var plan = new DealPlan
        {
            Id = NextDealId(),
            Customer = "Kestrel Freight",
            Product = SampleCatalog.Products[2],
            Source = SampleCatalog.Sources[1],
            Rep = rep,
            Team = SampleCatalog.TeamOf(rep),
            CreatedAt = StaleDealOpened,
            Owner = rep.Id,
            Amount = Money.Of(480_000m, Currency.USD),
            ExpectedClose = new LocalDate(2026, 7, 31),
            Status = DealStatus.Open,
            StageId = "proposal",
            ActiveUntil = Local(2026, 5, 12, 15, 0),
        };
        plan.History.Add(new StageEntry("prospecting", plan.CreatedAt, rep.Id));
        plan.History.Add(new StageEntry("qualified", Local(2026, 2, 23, 11, 0), rep.Id));
        plan.History.Add(new StageEntry("demo", Local(2026, 3, 10, 14, 30), rep.Id));
        plan.History.Add(new StageEntry("proposal", Local(2026, 4, 14, 9, 45), rep.Id));
        plan.AmountChanges.Add(new(Local(2026, 4, 14, 9, 45), Money.Of(360_000m, Currency.USD), plan.Amount, rep.Id));
        FinishStoryDeal(plan);
        // The last touch: the meeting at which the customer's sponsor said the decision would wait.
        activities.Add(Activity.ForDeal(ActivityKind.Meeting, plan.ActiveUntil, rep.Id, plan.Id, ActivityOutcome.Completed));
    }

    // Farah's USD 86,000 Analytics deal has been in Negotiation since 6 April and is worked every week, but its close date
    // moved from 31 March to 30 April, 29 May, 30 June and 31 July: four pushes (the limit is one).
    private void PlanPushedDeal()
    {
        var rep = System.Array.Find(SampleCatalog.Reps, r => r.Id == "farah")!;
        var plan = new DealPlan
        {
            Id = NextDealId(),
            Customer = "Orchard Lane Foods",
            Product = SampleCatalog.Products[1],
            Source = SampleCatalog.Sources[0],
            Rep = rep,
            Team = SampleCatalog.TeamOf(rep),
            CreatedAt = PushedDealOpened,
            Owner = rep.Id,
            Amount = Money.Of(86_000m, Currency.USD),
            ExpectedClose = new LocalDate(2026, 7, 31),
            Status = DealStatus.Open,
            StageId = "negotiation",
            ActiveUntil = asOf,
        };
        plan.History.Add(new StageEntry("prospecting", plan.CreatedAt, rep.Id));
        plan.History.Add(new StageEntry("qualified", Local(2026, 1, 26, 13, 0), rep.Id));
        plan.History.Add(new StageEntry("demo", Local(2026, 2, 17, 10, 0), rep.Id));
        plan.History.Add(new StageEntry("proposal", Local(2026, 3, 9, 16, 0), rep.Id));
        plan.History.Add(new StageEntry("negotiation", Local(2026, 4, 6, 11, 30), rep.Id));
        LocalDate[] dates = [new(2026, 3, 31), new(2026, 4, 30), new(2026, 5, 29), new(2026, 6, 30), new(2026, 7, 31)];
        Instant[] moved = [Local(2026, 3, 27, 17, 0), Local(2026, 4, 28, 16, 30), Local(2026, 5, 27, 18, 0), Local(2026, 6, 26, 15, 0)];
        for (var i = 0; i < moved.Length; i++)
        {
            plan.ExpectedCloseChanges.Add(new(moved[i], dates[i], dates[i + 1], rep.Id));
        }
        FinishStoryDeal(plan);
    }

    private void FinishStoryDeal(DealPlan plan)
    {
        if (plan.Source.FromLead)
        {
            PlanLead(plan);
        }
        PlanActivities(plan);
        plans.Add(plan);
    }

    private DealId NextDealId() => new(string.Create(CultureInfo.InvariantCulture, $"D-{nextDeal++}"));
}
