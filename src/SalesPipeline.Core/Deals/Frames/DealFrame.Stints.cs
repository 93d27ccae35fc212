namespace SalesPipeline.Deals;

internal sealed partial class DealFrame
{
    private static readonly object LeadsKey = new();

    // Deal.LeadId of each row (the funnel joins qualified deals to their leads), so a kernel need not visit the deal
    // objects, scattered in memory, for the few rows that have one. Computed once per frame, on first use.
    internal LeadId?[] Leads =>
        Derived(
            LeadsKey,
            static frame =>
            {
                var leads = new LeadId?[frame.Count];
                for (var r = 0; r < leads.Length; r++)
                {
                    leads[r] = frame.DealAt(r).LeadId;
                }
                return leads;
            }
        );
}
