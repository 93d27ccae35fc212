using System;
using System.Collections.Generic;
using SalesPipeline.Activities;

namespace SalesPipeline.Csv.Reading;

// activities.csv (docs/csv.md): one row per activity about one deal or one lead.
internal sealed class ActivityRows
{
    internal const string File = "activities";

    internal const int Id = 0,
        Kind = 1,
        At = 2,
        Owner = 3,
        DealId = 4,
        LeadId = 5,
        Outcome = 6;

    internal static readonly Schema Schema = new(
        File,
        ["activity_id", "kind", "at", "owner", "deal_id", "lead_id", "outcome"],
        ["kind", "at", "owner"]
    );

    private static readonly string[] KindCodes = ["call", "email", "meeting", "demo", "other"];
    private static readonly ActivityKind[] Kinds =
    [
        ActivityKind.Call,
        ActivityKind.Email,
        ActivityKind.Meeting,
        ActivityKind.Demo,
        ActivityKind.Other,
    ];

    private readonly Dictionary<string, long> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityOutcome> outcomes = new(StringComparer.Ordinal);

    internal Activity? Parse(RowReader r)
    {
        if (r.Text(Id) is { } id)
        {
            r.Unique(seen, id, Id, "Activity ids are unique", "id");
        }
        var kind = r.Choice(Kind, KindCodes, Kinds, "The kind is call, email, meeting, demo or other.", "Every activity has a kind.");
        var at = r.Instant(At, "Every activity has the instant it happened.");
        var owner = r.Owner(Owner, "Every activity has an owner: the rep who did it.");
        var deal = r.Text(DealId);
        var lead = r.Text(LeadId);
        if (deal is null && lead is null)
        {
            r.Bad(DealId, "An activity is about a deal (deal_id) or a lead (lead_id); this row names neither.");
        }
        else if (deal is not null && lead is not null)
        {
            r.Bad(LeadId, "An activity is about one deal or one lead, not both.");
        }
        if (r.HasErrors)
        {
            return null;
        }
        ActivityOutcome? outcome = null;
        if (r.Text(Outcome) is { } code && !outcomes.TryGetValue(code, out outcome))
        {
            outcomes.Add(code, outcome = new ActivityOutcome(code));
        }
        return deal is not null
            ? Activity.ForDeal(kind!.Value, at!.Value, owner!, new DealId(deal), outcome)
            : Activity.ForLead(kind!.Value, at!.Value, owner!, new LeadId(lead!), outcome);
    }
}
