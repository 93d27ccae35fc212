using System.Collections.Generic;
using SalesPipeline.Leads;

namespace SalesPipeline.Csv.Reading;

// leads.csv (docs/csv.md): one row per lead as it stands, made into a Lead with the history its columns imply.
internal sealed class LeadRows
{
    internal const string File = "leads";

    internal const int Id = 0,
        Name = 1,
        Source = 2,
        Owner = 3,
        CreatedAt = 4,
        Product = 5,
        Status = 6,
        FirstTouchAt = 7,
        LastTouchAt = 8,
        ClosedAt = 9,
        DealId = 10,
        Reason = 11;

    internal static readonly Schema Schema = new(
        File,
        [
            "lead_id",
            "name",
            "source",
            "owner",
            "created_at",
            "product",
            "status",
            "first_touch_at",
            "last_touch_at",
            "closed_at",
            "deal_id",
            "disqualification_reason",
        ],
        ["lead_id", "name", "source", "owner", "created_at"]
    );

    private static readonly string[] StatusCodes = ["new", "working", "converted", "disqualified"];
    private static readonly LeadStatus[] Statuses = [LeadStatus.New, LeadStatus.Working, LeadStatus.Converted, LeadStatus.Disqualified];

    private readonly Dictionary<string, long> seen = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, LeadSource> sources = new(System.StringComparer.Ordinal);

    internal Lead? Parse(RowReader r)
    {
        var id = r.Required(Id, "Every lead has an id.");
        if (id is not null)
        {
            r.Unique(seen, id, Id, "Lead ids are unique", "id");
        }
        var name = r.Required(Name, "Every lead has a name.");
        var source = r.Required(Source, "Every lead has a source: the channel it came from, such as web or referral.");
        var owner = r.Owner(Owner, "Every lead has an owner.");
        var createdAt = r.Instant(CreatedAt, "Every lead has its creation instant.");
        var product = r.Text(Product);
        var status = r.Choice(Status, StatusCodes, Statuses, "The status is new, working, converted or disqualified.");
        var first = r.Instant(FirstTouchAt);
        var last = r.Instant(LastTouchAt);
        var closedAt = r.Instant(ClosedAt);
        var dealId = r.Text(DealId);
        var reason = r.Text(Reason);
        if (r.HasErrors)
        {
            return null;
        }
        status ??=
            dealId is not null ? LeadStatus.Converted
            : reason is not null ? LeadStatus.Disqualified
            : first is not null || last is not null ? LeadStatus.Working
            : LeadStatus.New;
        CheckStatus(r, status.Value, dealId, reason, first, last, closedAt);
        CheckOrder(r, createdAt!.Value, first, last, closedAt);
        if (r.HasErrors)
        {
            return null;
        }
        if (!sources.TryGetValue(source!, out var leadSource))
        {
            sources.Add(source!, leadSource = new LeadSource(source!));
        }
        var lead = Lead.Create(new LeadId(id!), name!, leadSource, owner!, createdAt.Value, product);
        if (first is { } f)
        {
            lead = lead.Touch(f);
        }
        if (last is { } l && l != first)
        {
            lead = lead.Touch(l);
        }
        return status switch
        {
            LeadStatus.Converted => Lead.FromEvents([
                .. lead.History,
                new LeadConverted(lead.Id, closedAt!.Value, owner!, new DealId(dealId!)),
            ]),
            LeadStatus.Disqualified => lead.Disqualify(reason!, closedAt!.Value),
            _ => lead,
        };
    }

    // The status, given or implied, and the columns that go with it.
    private static void CheckStatus(
        RowReader r,
        LeadStatus status,
        string? dealId,
        string? reason,
        NodaTime.Instant? first,
        NodaTime.Instant? last,
        NodaTime.Instant? closedAt
    )
    {
        if (status == LeadStatus.Converted && dealId is null)
        {
            r.Bad(DealId, "A converted lead names the deal it became.");
        }
        if (status != LeadStatus.Converted && dealId is not null)
        {
            r.Bad(DealId, "Only a converted lead names a deal.");
        }
        if (status == LeadStatus.Disqualified && reason is null)
        {
            r.Bad(Reason, "A disqualified lead has the reason it was disqualified.");
        }
        if (status != LeadStatus.Disqualified && reason is not null)
        {
            r.Bad(Reason, "Only a disqualified lead has a disqualification reason.");
        }
        if (status == LeadStatus.Working && first is null && last is null)
        {
            r.Bad(FirstTouchAt, "A working lead has been touched: it has the instant of its first touch.");
        }
        if (status == LeadStatus.New && first is not null)
        {
            r.Bad(FirstTouchAt, "A new lead has not been touched yet.");
        }
        if (last is not null && first is null && status != LeadStatus.New)
        {
            r.Bad(LastTouchAt, "A last touch needs the first touch (first_touch_at) too.");
        }
        if (status == LeadStatus.New && last is not null)
        {
            r.Bad(LastTouchAt, "A new lead has not been touched yet.");
        }
        var closed = status is LeadStatus.Converted or LeadStatus.Disqualified;
        if (closed && closedAt is null)
        {
            r.Bad(ClosedAt, "A converted or disqualified lead has the instant it was closed.");
        }
        if (!closed && closedAt is not null)
        {
            r.Bad(ClosedAt, "Only a converted or disqualified lead has a closing instant.");
        }
    }

    // Creation, touches and closing in time order (equal instants allowed).
    private static void CheckOrder(
        RowReader r,
        NodaTime.Instant createdAt,
        NodaTime.Instant? first,
        NodaTime.Instant? last,
        NodaTime.Instant? closedAt
    )
    {
        if (first < createdAt)
        {
            r.Bad(FirstTouchAt, "The first touch is not before the lead was created.");
        }
        else if (last < first)
        {
            r.Bad(LastTouchAt, "The last touch is not before the first touch.");
        }
        if (closedAt < createdAt)
        {
            r.Bad(ClosedAt, "A lead is closed at or after its creation.");
        }
        else if (closedAt < (last ?? first))
        {
            r.Bad(ClosedAt, "A lead is closed at or after its last touch: a converted or disqualified lead is not touched again.");
        }
    }
}
