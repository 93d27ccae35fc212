using System.Collections.Generic;

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

    // Computed once per frame, on first use, from the deals (the frame's own columns do not hold customers).
    internal FrameCustomers Customers =>
        Derived(
            CustomersKey,
            static frame =>
            {
                var n = frame.Count;
                var account = new int[n];
                var product = new int[n];
                var pooled = new bool[n];
                var mayWaitInPool = new bool[n];
                var accounts = new FrameCodes();
                var products = new FrameCodes();
                var names = new List<string>();
                for (var r = 0; r < n; r++)
                {
                    var deal = frame.DealAt(r);
                    pooled[r] = deal.Owner is null;
                    mayWaitInPool[r] = pooled[r] || CreatedInPool(deal) || frame.HasEvent(r, FrameEventKind.AssignedToPool);
                    product[r] = deal.Product is { } p ? products.Code(p) : NoCode;
                    if (deal.Customer is not { } customer)
                    {
                        account[r] = NoCode;
                        continue;
                    }
                    var code = accounts.Code(customer.AccountId);
                    if (code == names.Count)
                    {
                        names.Add(customer.Name);
                    }
                    else if (string.CompareOrdinal(customer.Name, names[code]) < 0)
                    {
                        names[code] = customer.Name;
                    }
                    account[r] = code;
                }
                var (accountValues, accountRemap) = accounts.Seal();
                FrameCodes.Apply(account, accountRemap);
                var sortedNames = new string[names.Count];
                for (var c = 0; c < names.Count; c++)
                {
                    sortedNames[accountRemap[c]] = names[c];
                }
                var (productValues, productRemap) = products.Seal();
                FrameCodes.Apply(product, productRemap);
                return new FrameCustomers(account, accountValues, sortedNames, product, productValues, pooled, mayWaitInPool);
            }
        );

    private static bool CreatedInPool(Deal deal) =>
        deal.Events[0] switch
        {
            DealCreated c => c.Owner is null,
            DealImported i => i.Owner is null,
            _ => true,
        };

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
