namespace SalesPipeline.Deals;

// Who a deal is for and who works it, as codes: Deal.Customer's account id and Deal.Product (codes in ordinal order of
// the text, NoCode for none), the ordinal-first customer name seen per account, and whether the deal waits in a pool
// (Deal.Owner null, which the OwnerKey column cannot tell from a rep named "(unassigned)"), and whether it ever could
// (created or imported without an owner, or assigned to a pool later: no other event takes an owner away).
internal sealed class FrameCustomers
{
    internal FrameCustomers(
        int[] account,
        string[] accounts,
        string[] names,
        int[] product,
        string[] products,
        bool[] pooled,
        bool[] mayWaitInPool
    )
    {
        Account = account;
        Accounts = accounts;
        Names = names;
        Product = product;
        Products = products;
        Pooled = pooled;
        MayWaitInPool = mayWaitInPool;
    }

    internal int[] Account { get; }

    internal string[] Accounts { get; }

    // Per account code: the ordinal-first Customer.Name among the rows with that account.
    internal string[] Names { get; }

    internal int[] Product { get; }

    internal string[] Products { get; }

    internal bool[] Pooled { get; }

    // False only for a deal that had an owner at every instant of its history.
    internal bool[] MayWaitInPool { get; }
}

internal sealed partial class DealFrame
{
    private static readonly object CustomersKey = new();

    // Computed once per frame, on first use, from the recorded fields and the event table.
    internal FrameCustomers Customers =>
        Derived(
            CustomersKey,
            static frame =>
            {
                var n = frame.Count;
                var fields = frame.Fields;
                var account = new int[n];
                var product = new int[n];
                var pooled = new bool[n];
                var mayWaitInPool = new bool[n];
                for (var r = 0; r < n; r++)
                {
                    pooled[r] = fields.IsPooled(r);
                    mayWaitInPool[r] = pooled[r] || fields.WasCreatedInPool(r) || frame.HasEvent(r, FrameEventKind.AssignedToPool);
                    product[r] = fields.Product.CodeAt(r);
                    account[r] = fields.AccountAt(r);
                }
                return new FrameCustomers(
                    account,
                    fields.Accounts,
                    fields.AccountNames,
                    product,
                    fields.Product.Values,
                    pooled,
                    mayWaitInPool
                );
            }
        );

    private bool HasEvent(int row, FrameEventKind kind)
    {
        for (var e = EventStart[row]; e < EventStart[row + 1]; e++)
        {
            if (EventKind[e] == kind)
            {
                return true;
            }
        }
        return false;
    }
}
