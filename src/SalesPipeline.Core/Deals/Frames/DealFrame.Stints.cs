namespace SalesPipeline.Deals;

internal sealed partial class DealFrame
{
    private static readonly object LeadsKey = new();

    // Deal.LeadId of each row (the funnel joins qualified deals to their leads), so a kernel need not visit the deal
    // objects, scattered in memory, for the few rows that have one. Computed once per frame, on first use, from the
    // recorded lead ids.
    internal LeadId?[] Leads =>
        Derived(
            LeadsKey,
            static frame =>
            {
                var leads = new LeadId?[frame.Count];
                var fields = frame.Fields;
                for (var i = 0; i < fields.Lead.Count; i++)
                {
                    // default(LeadId) is the empty text, which no constructed id has.
                    leads[fields.Lead.RowAt(i)] = fields.LeadText[fields.Lead.Values[i]] is { Length: > 0 } id ? new LeadId(id) : default;
                }
                return leads;
            }
        );
}
