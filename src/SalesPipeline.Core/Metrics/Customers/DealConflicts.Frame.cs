using System;
using System.Collections.Generic;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public static partial class DealConflicts
{
    // The conflicts of the frame's deals, as the deal-based code finds them, and true; or false when an id is given
    // twice (the deal code then refuses it, naming the id). The two passes run on codes (status, pooled owner, account
    // and owner key, all ordinal, so "same text" is "same code" and account order is code order); only the deals of
    // the customers with two or more owners are read as objects, by the same Resolve.
    internal static bool TryFind(DealFrame frame, out DealConflictReport report)
    {
        report = null!;
        if (!frame.HasDistinctIds)
        {
            return false;
        }
        var customers = frame.Customers;
        var account = customers.Account;
        var pooled = customers.Pooled;
        var status = frame.Status;
        var owner = frame.OwnerKey;
        var firstOwner = new int[customers.Accounts.Length];
        Array.Fill(firstOwner, DealFrame.NoCode);
        var mixed = new bool[firstOwner.Length];
        var anyMixed = false;
        for (var r = 0; r < frame.Count; r++)
        {
            var a = account[r];
            if (a < 0 || status[r] != (byte)DealStatus.Open || pooled[r])
            {
                continue;
            }
            // OwnerKey is the owner for every deal that is not pooled.
            if (firstOwner[a] == DealFrame.NoCode)
            {
                firstOwner[a] = owner[r];
            }
            else if (firstOwner[a] != owner[r] && !mixed[a])
            {
                (mixed[a], anyMixed) = (true, true);
            }
        }
        var conflicts = new List<DealConflict>();
        if (anyMixed)
        {
            var buckets = new List<Deal>?[mixed.Length];
            for (var r = 0; r < frame.Count; r++)
            {
                var a = account[r];
                if (a >= 0 && mixed[a] && status[r] == (byte)DealStatus.Open && !pooled[r])
                {
                    (buckets[a] ??= []).Add(frame.DealAt(r));
                }
            }
            for (var a = 0; a < buckets.Length; a++)
            {
                if (buckets[a] is { } bucket)
                {
                    Resolve(customers.Accounts[a], bucket, conflicts);
                }
            }
        }
        report = new DealConflictReport(conflicts.AsReadOnly());
        return true;
    }
}
