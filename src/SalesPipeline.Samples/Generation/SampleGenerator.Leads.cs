using System.Globalization;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Leads;

namespace SalesPipeline.Samples.Generation;

internal sealed partial class SampleGenerator
{
    private static readonly string[] DisqualifyReasons = ["no budget", "not a fit", "no response", "duplicate", "student or job seeker"];

    private static readonly ActivityKind[] Kinds = [ActivityKind.Call, ActivityKind.Email, ActivityKind.Meeting, ActivityKind.Demo];

    // Activity kinds by open stage (call, email, meeting, demo).
    private static readonly int[][] KindWeights =
    [
        [5, 4, 0, 0],
        [4, 3, 3, 0],
        [2, 2, 3, 4],
        [3, 4, 3, 0],
        [4, 3, 3, 0],
    ];

    private LeadId NewLeadId() => new(string.Create(CultureInfo.InvariantCulture, $"L-{nextLead++}"));

    /// <summary>Minutes from a lead's arrival to its first touch: mostly within hours, a tenth after two days or more.</summary>
    private int ResponseMinutes() =>
        random.Weighted([70, 20, 10]) switch
        {
            0 => random.Between(5, 240),
            1 => random.Between(240, 2_880),
            _ => random.Between(2_880, 8_640),
        };

    // An inbound deal came from a lead that arrived hours to days before, was touched, and was converted into the deal.
    private void PlanLead(DealPlan plan)
    {
        var arrived = plan.CreatedAt.Minus(Duration.FromMinutes(random.Between(120, 14_400)));
        if (arrived < start)
        {
            arrived = start; // nothing of the sample is older than its two years
        }
        var id = NewLeadId();
        var lead = Lead.Create(id, plan.Customer, plan.Source.Source, plan.Rep.Id, arrived, productInterest: plan.Product.Name);
        var touched = arrived.Plus(Duration.FromMinutes(ResponseMinutes()));
        if (touched >= plan.CreatedAt)
        {
            touched = plan.CreatedAt.Minus(Duration.FromMinutes(random.Between(1, 60)));
        }
        if (touched > arrived)
        {
            lead = lead.Touch(touched);
            activities.Add(Activity.ForLead(ActivityKind.Call, touched, plan.Rep.Id, id, ActivityOutcome.Connected));
        }
        var (converted, _) = lead.Convert(pipeline, plan.Id, plan.Amount, plan.ExpectedClose, plan.CreatedAt);
        plan.Lead = id;
        leads.Add(converted);
    }

    // Inbound leads that never become deals: touched (or not yet), then disqualified days later unless still being worked.
    private void OpenLostLeadsOf(RepSpec rep, LocalDate day)
    {
        var (rate, _, _) = Profile(SampleCatalog.TeamOf(rep).Segment);
        if (!random.Chance(rate * rep.Rate * 1.1))
        {
            return;
        }
        var arrived = clock.OfficeHours(day);
        if (arrived >= asOf)
        {
            return;
        }
        var id = NewLeadId();
        var source = SampleCatalog.Sources[random.Weighted([45, 20, 35, 0, 0])].Source;
        var lead = Lead.Create(
            id,
            random.Pick(customers),
            source,
            rep.Id,
            arrived,
            productInterest: random.Pick(SampleCatalog.Products).Name
        );
        var touched = arrived.Plus(Duration.FromMinutes(ResponseMinutes()));
        if (touched < asOf)
        {
            lead = lead.Touch(touched);
            activities.Add(Activity.ForLead(random.Chance(0.6) ? ActivityKind.Call : ActivityKind.Email, touched, rep.Id, id));
            var dropped = clock.After(touched, random.Between(1, 14));
            if (dropped < asOf)
            {
                lead = lead.Disqualify(random.Pick(DisqualifyReasons), dropped);
            }
        }
        leads.Add(lead);
    }

    // Touches while the rep works the deal: one every one to seven days, of a kind that fits the stage.
    private void PlanActivities(DealPlan plan)
    {
        var t = plan.CreatedAt.Plus(Duration.FromMinutes(random.Between(30, 1_440)));
        while (t < plan.ActiveUntil)
        {
            var stage = System.Array.IndexOf(openStageIds, plan.StageAt(t));
            var kind = Kinds[random.Weighted(KindWeights[stage])];
            activities.Add(Activity.ForDeal(kind, t, plan.OwnerAt(t), plan.Id, Outcome(kind)));
            t = clock.After(t, random.Between(1, 7));
        }
    }

    private ActivityOutcome? Outcome(ActivityKind kind) =>
        kind switch
        {
            ActivityKind.Call => random.Weighted([50, 30, 20]) switch
            {
                0 => ActivityOutcome.Connected,
                1 => ActivityOutcome.NoAnswer,
                _ => ActivityOutcome.LeftMessage,
            },
            ActivityKind.Meeting => random.Chance(0.9) ? ActivityOutcome.Completed : ActivityOutcome.NoShow,
            ActivityKind.Demo => random.Chance(0.95) ? ActivityOutcome.Completed : ActivityOutcome.Cancelled,
            _ => null,
        };
}
