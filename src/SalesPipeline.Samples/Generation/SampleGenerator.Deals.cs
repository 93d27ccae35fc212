using System;
using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Samples.Generation;

internal sealed partial class SampleGenerator
{
    // Stage by stage (Prospecting, Qualified, Demo, Proposal, Negotiation): median days in the stage for a mid-market deal,
    // and the chance of moving on (the last: of winning).
    private static readonly double[] DwellDays = [10, 16, 12, 18, 14];
    private static readonly double[] Advance = [0.66, 0.74, 0.78, 0.76, 0.80];

    // Loss reasons by the stage the deal was lost from, with weights.
    private static readonly LossReason[] Reasons =
    [
        LossReason.NoDecision,
        LossReason.Budget,
        LossReason.Timing,
        LossReason.ProductFit,
        LossReason.Competitor,
        LossReason.Price,
    ];
    private static readonly int[][] ReasonWeights =
    [
        [35, 25, 25, 15, 0, 0],
        [20, 25, 25, 20, 10, 0],
        [20, 15, 10, 30, 25, 0],
        [15, 0, 15, 0, 35, 35],
        [10, 0, 10, 0, 40, 40],
    ];

    private static readonly int[][] ProductWeights =
    [
        [2, 3, 4, 1],
        [4, 3, 1, 2],
        [6, 2, 0, 2],
    ];
    private static readonly int[][] SourceWeights =
    [
        [15, 20, 20, 15, 30],
        [30, 15, 15, 15, 25],
        [45, 15, 10, 10, 20],
    ];

    /// <summary>From this day on, deals wait for a security review in Qualified: the crowded stage of the sample.</summary>
    internal static readonly LocalDate ReviewBacklogFrom = new(2026, 3, 16);

    /// <summary>From this day on, Nathan opens a fifth of his usual deals: the low coverage of the sample.</summary>
    internal static readonly LocalDate ThinPipelineFrom = new(2026, 2, 1);

    internal const string ThinPipelineRep = "nathan";

    private const int Demo = 2;
    private const int Proposal = 3;
    private const int Negotiation = 4;

    private static (double Rate, double Dwell, decimal Amount) Profile(Segment segment) =>
        segment switch
        {
            Segment.Enterprise => (0.20, 1.8, 2.2m),
            Segment.MidMarket => (0.36, 1.0, 1.0m),
            _ => (0.55, 0.55, 0.45m),
        };

    /// <summary>Whether <paramref name="rep"/> opens a new deal on <paramref name="day"/>: at most one a day, more often as the company grows.</summary>
    private bool OpensDeal(RepSpec rep, LocalDate day)
    {
        var (rate, _, _) = Profile(SampleCatalog.TeamOf(rep).Segment);
        var elapsed = Period.Between(SampleCatalog.FirstDay, day, PeriodUnits.Days).Days / 730.0;
        var chance = rate * rep.Rate * (0.85 + 0.30 * elapsed);
        if (rep.Id == ThinPipelineRep && day >= ThinPipelineFrom)
        {
            chance *= 0.2;
        }
        return random.Chance(chance);
    }

    private void PlanDeal(RepSpec rep, TeamSpec team, Instant createdAt)
    {
        var (_, dwell, amountFactor) = Profile(team.Segment);
        var product = SampleCatalog.Products[random.Weighted(ProductWeights[(int)team.Segment])];
        var plan = new DealPlan
        {
            Id = NextDealId(),
            Customer = random.Pick(customers),
            Product = product,
            Source = SampleCatalog.Sources[random.Weighted(SourceWeights[(int)team.Segment])],
            Rep = rep,
            Team = team,
            CreatedAt = createdAt,
            Owner = rep.Id,
        };
        plan.Amount = Money.Of(RoundTo(product.TypicalAmount * amountFactor * (decimal)random.Skewed(), 100m), Currency.USD);
        var plannedDays = 0.8 * Sum(DwellDays) * dwell * random.Skewed();
        plan.ExpectedClose = SampleClock.EndOfMonth(clock.DateOf(createdAt).PlusDays((int)plannedDays));
        PlanReassignment(plan);
        Walk(plan, dwell);
        if (plan.OwnerChanges.Count > 0 && plan.OwnerChanges[0].At > plan.ActiveUntil)
        {
            // The deal closed (or went quiet, or the sample ends) before the planned change: it never happened.
            plan.OwnerChanges.Clear();
            plan.Owner = plan.Rep.Id;
        }
        PlanPushes(plan);
        if (plan.Source.FromLead)
        {
            PlanLead(plan);
        }
        PlanActivities(plan);
        plans.Add(plan);
    }

    // 3% of deals move to a teammate part way (territory changes, a rep out for a while), decided before the walk so that
    // every event after the change is by the new owner; the team lead makes the change.
    private void PlanReassignment(DealPlan plan)
    {
        if (!random.Chance(0.03))
        {
            return;
        }
        var teammates = Array.FindAll(SampleCatalog.Reps, r => r.Team == plan.Rep.Team && r.Id != plan.Rep.Id);
        var to = random.Pick(teammates);
        plan.Owner = to.Id;
        plan.OwnerChanges.Add(new(clock.After(plan.CreatedAt, random.Between(5, 60)), plan.Rep.Id, to.Id, plan.Team.Lead.Id));
    }

    private void Walk(DealPlan plan, double dwell)
    {
        var stage = 0;
        var t = plan.CreatedAt;
        plan.History.Add(new StageEntry(openStageIds[0], t, plan.OwnerAt(t)));
        // 6% of deals go quiet: the rep stops working them and nobody closes them until the quarter-end clean-up.
        Instant? quietFrom = random.Chance(0.06) ? clock.After(plan.CreatedAt, random.Between(3, 60)) : null;
        var enteredProposal = false;
        while (true)
        {
            var days = DwellDays[stage] * dwell * random.Skewed();
            if (stage == 1 && clock.DateOf(t) >= ReviewBacklogFrom)
            {
                days *= 2.2;
            }
            var next = clock.After(t, days);
            if (quietFrom is { } quiet && quiet < next && quiet < asOf)
            {
                plan.ActiveUntil = quiet;
                var cleanup = CleanupAfter(quiet);
                if (cleanup < asOf)
                {
                    Close(plan, stage, cleanup, DealStatus.Lost, LossReason.NoDecision, plan.Team.Lead.Id);
                    return;
                }
                break;
            }
            if (next >= asOf)
            {
                plan.ActiveUntil = asOf;
                break;
            }
            t = next;
            if (stage == Negotiation)
            {
                if (random.Chance(0.05))
                {
                    // Back to Proposal: the customer asked for a new proposal.
                    stage = Proposal;
                    plan.History.Add(new StageEntry(openStageIds[stage], t, plan.OwnerAt(t)));
                    continue;
                }
                var won = random.Chance(Advance[stage]);
                if (won && random.Chance(0.25))
                {
                    // A closing discount, saved with the win.
                    ChangeAmount(plan, t, plan.Amount.Amount * (decimal)(0.88 + 0.07 * random.NextDouble()));
                }
                Close(plan, stage, t, won ? DealStatus.Won : DealStatus.Lost, null, plan.OwnerAt(t));
                return;
            }
            if (!random.Chance(AdvanceChance(plan, stage)))
            {
                Close(plan, stage, t, DealStatus.Lost, null, plan.OwnerAt(t));
                return;
            }
            var to = stage + 1;
            if (to == Demo && plan.Product.Name == "Implementation Services")
            {
                to++; // services are scoped, not demonstrated
            }
            else if (to < Negotiation && random.Chance(0.03))
            {
                to++; // a customer who has seen enough
            }
            stage = to;
            plan.History.Add(new StageEntry(openStageIds[stage], t, plan.OwnerAt(t)));
            if (stage >= Proposal && !enteredProposal)
            {
                enteredProposal = true;
                if (random.Chance(0.45))
                {
                    // The proposal re-scopes the deal.
                    ChangeAmount(plan, t, plan.Amount.Amount * (decimal)(0.8 + 0.45 * random.NextDouble()));
                }
            }
        }
        plan.Status = DealStatus.Open;
        plan.StageId = openStageIds[stage];
    }

    private static double AdvanceChance(DealPlan plan, int stage)
    {
        var p = Advance[stage];
        if (stage == 0)
        {
            if (plan.Source.Source == LeadSource.Referral)
            {
                p += 0.12;
            }
            else if (plan.Source.Source == LeadSource.Partner)
            {
                p += 0.05;
            }
            else if (plan.Source.Source == LeadSource.Outbound)
            {
                p -= 0.10;
            }
        }
        return p;
    }

    private void Close(DealPlan plan, int stage, Instant at, DealStatus status, LossReason? reason, string by)
    {
        plan.Status = status;
        plan.ClosedAt = at;
        plan.ClosedBy = by;
        plan.StageId = status == DealStatus.Won ? pipeline.WonStage.Id : pipeline.LostStage.Id;
        if (plan.ActiveUntil == default || plan.ActiveUntil > at)
        {
            plan.ActiveUntil = at;
        }
        if (status == DealStatus.Lost)
        {
            plan.LossReason = reason ?? Reasons[random.Weighted(ReasonWeights[stage])];
            if (plan.LossReason == LossReason.Competitor || (plan.LossReason == LossReason.Price && random.Chance(0.3)))
            {
                plan.Competitor = random.Pick(SampleCatalog.Competitors);
            }
        }
    }

    private static void ChangeAmount(DealPlan plan, Instant at, decimal amount)
    {
        var after = Money.Of(RoundTo(amount, 100m), Currency.USD);
        if (after != plan.Amount && after.Amount > 0m)
        {
            plan.AmountChanges.Add(new(at, plan.Amount, after, plan.OwnerAt(at)));
            plan.Amount = after;
        }
    }

    // The close date is pushed a few days after it passes, to the end of a month three to seven weeks on, for as long as
    // the rep works the deal; a won deal's close date becomes the day it was won, as CRMs set it.
    private void PlanPushes(DealPlan plan)
    {
        var close = plan.ExpectedClose;
        while (true)
        {
            // Before a quarter closes, managers have the dates of deals that will slip updated; otherwise reps catch up a
            // few days after the date has passed.
            var lag = close.Month % 3 == 0 ? random.Between(-5, 3) : random.Between(1, 6);
            var at = clock.OfficeHours(close.PlusDays(lag));
            if (at <= plan.CreatedAt)
            {
                at = plan.CreatedAt.Plus(Duration.FromHours(1));
            }
            if (at >= plan.ActiveUntil)
            {
                break;
            }
            var pushed = SampleClock.EndOfMonth(clock.DateOf(at).PlusDays(random.Between(20, 50)));
            plan.ExpectedCloseChanges.Add(new(at, close, pushed, plan.OwnerAt(at)));
            close = pushed;
        }
        if (plan.Status == DealStatus.Won && plan.ClosedAt is { } closedAt && clock.DateOf(closedAt) != close)
        {
            plan.ExpectedCloseChanges.Add(new(closedAt, close, clock.DateOf(closedAt), plan.OwnerAt(closedAt)));
            close = clock.DateOf(closedAt);
        }
        plan.ExpectedClose = close;
    }

    /// <summary>The first Monday after the quarter that <paramref name="quiet"/> falls in, at 10:00: the clean-up of deals gone quiet.</summary>
    private Instant CleanupAfter(Instant quiet)
    {
        var quarter = SampleCatalog.Calendar.QuarterContaining(clock.DateOf(quiet));
        var day = quarter.End.PlusDays(1);
        while (day.DayOfWeek != IsoDayOfWeek.Monday)
        {
            day = day.PlusDays(1);
        }
        return day.At(new LocalTime(10, 0)).InZoneLeniently(clock.Zone).ToInstant();
    }

    private static decimal RoundTo(decimal value, decimal step) =>
        Math.Max(step, Math.Round(value / step, MidpointRounding.AwayFromZero) * step);

    private static double Sum(double[] values)
    {
        var total = 0.0;
        foreach (var v in values)
        {
            total += v;
        }
        return total;
    }
}
