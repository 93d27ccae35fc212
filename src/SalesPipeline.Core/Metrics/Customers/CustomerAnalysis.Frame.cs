using System;
using System.Collections.Generic;
using SalesPipeline.Collections;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public static partial class CustomerAnalysis
{
    // The deals' part of the report on the frame: per customer its name and the won, open and stopped counts and sums,
    // exactly as the deal loop leaves them, and true; or false, with nothing built, when the integer sums cannot be
    // proven to be the decimal ones or the deal code could refuse a currency: with rates, a deal they cannot convert
    // (the deal code converts every deal, lost ones too, and throws); without, deals in more than one currency or a
    // schedule in another one; sums that could round. With rates the amounts are the frame's converted column. The
    // caller has made the checks (ids, schedules, date); the schedules are then added by the deal code's own loop.
    internal static bool TryAddDeals(
        DealFrame frame,
        CollectionSchedule[] schedules,
        ExchangeRates? rates,
        out Dictionary<string, Cell> cells,
        out Currency currency
    )
    {
        cells = null!;
        currency = null!;
        if (rates is null && frame.Currencies is not [_])
        {
            return false;
        }
        var one = rates?.ReportingCurrency ?? frame.Currencies[0];
        foreach (var schedule in schedules)
        {
            if (rates is null && schedule.Currency != one)
            {
                return false;
            }
        }
        var amounts = frame.AmountsIn(rates);
        if (!amounts.Exactness.AmountsSum)
        {
            return false;
        }
        var customers = frame.Customers;
        var none = customers.Accounts.Length; // the cell of the deals without a customer
        var won = new FrameSum[none + 1];
        var open = new FrameSum[none + 1];
        var stopped = new FrameSum[none + 1];
        var seen = new bool[none + 1];
        var scale = amounts.Exactness.MaxAmountScale;
        var account = customers.Account;
        for (var r = 0; r < frame.Count; r++)
        {
            if (amounts.Scale[r] == ReportingAmounts.Unusable)
            {
                return false; // the rates cannot convert it: the deal code throws
            }
            var a = account[r] < 0 ? none : account[r];
            seen[a] = true;
            var status = (DealStatus)frame.Status[r];
            if (status is DealStatus.Won or DealStatus.Open or DealStatus.Stopped)
            {
                var amount = FrameAmounts.AtScale(amounts.Mantissa[r], amounts.Scale[r], scale);
                var into = status switch
                {
                    DealStatus.Won => won,
                    DealStatus.Open => open,
                    _ => stopped,
                };
                into[a].Add(amount, amounts.Scale[r]);
            }
        }
        cells = new Dictionary<string, Cell>(StringComparer.Ordinal);
        for (var a = 0; a <= none; a++)
        {
            if (!seen[a])
            {
                continue;
            }
            var cell = CellOf(cells, a == none ? BreakdownKeys.None : customers.Accounts[a]);
            if (a < none && (cell.Name is null || string.CompareOrdinal(customers.Names[a], cell.Name) < 0))
            {
                cell.Name = customers.Names[a];
            }
            (cell.WonDeals, cell.Won) = (cell.WonDeals + won[a].Count, cell.Won + won[a].Value.ToDecimal(scale));
            (cell.OpenDeals, cell.Open) = (cell.OpenDeals + open[a].Count, cell.Open + open[a].Value.ToDecimal(scale));
            (cell.StoppedDeals, cell.Stopped) = (cell.StoppedDeals + stopped[a].Count, cell.Stopped + stopped[a].Value.ToDecimal(scale));
        }
        currency = one;
        return true;
    }
}
