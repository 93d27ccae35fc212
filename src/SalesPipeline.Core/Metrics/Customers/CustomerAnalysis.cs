using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// The customer report: per customer, the won amount, the open pipeline, the stopped deals, and what its collection
/// schedules have collected and still owe.
/// </summary>
/// <remarks>
/// <para>Deals count under their customer's account id (<see cref="Customer.AccountId"/>), or under
/// <see cref="BreakdownKeys.None"/> when they name none. A collection schedule counts under the customer of the deal its
/// contract names (<see cref="ContractInfo.Deal"/>) when that deal is among <c>deals</c> and has a customer; otherwise
/// under <see cref="ContractInfo.Customer"/> as given (a name or id from the contract, not necessarily an account id);
/// a schedule without contract details under <see cref="BreakdownKeys.None"/>.</para>
/// <para>Deals are taken as they stand (won and lost deals whatever their close date); collections as of
/// <c>asOf</c> (<see cref="CollectionSchedule.StatusAsOf"/>). Stateless; thread-safe.</para>
/// </remarks>
public static partial class CustomerAnalysis
{
    /// <summary>The customer report of the deals and collection schedules.</summary>
    /// <param name="deals">The deals.</param>
    /// <param name="schedules">The collection schedules; none for a report of the deals only.</param>
    /// <param name="asOf">The date the collections are read on.</param>
    /// <param name="rates">Exchange rates into the reporting currency; without them every amount must be in one currency.</param>
    /// <returns>The report, one line per customer in ordinal order of the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, <paramref name="schedules"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">A deal id is given twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    /// <exception cref="MissingExchangeRateException">Amounts are in more than one currency and no rate converts one of them.</exception>
    /// <example><code>
    /// var report = CustomerAnalysis.Of(deals, schedules, new LocalDate(2026, 6, 30));
    /// Console.WriteLine(report); // one row per customer: won, open, stopped, collected, outstanding
    /// </code></example>
    public static CustomerReport Of(
        IEnumerable<Deal> deals,
        IEnumerable<CollectionSchedule> schedules,
        LocalDate asOf,
        ExchangeRates? rates = null
    )
    {
        // The frame route makes the deal code's checks in the deal code's order: deals (no frame for a null list or
        // element; the deal code reports them), schedules, ids given twice (the deal code names the id), the date.
        if (DealFrames.For(deals) is not { } frame || !frame.HasDistinctIds)
        {
            return OfDealByDeal(deals, schedules, asOf, rates);
        }
        var scheduleArray = Preconditions.CheckNoNullElement(schedules, "Schedule", nameof(schedules));
        Preconditions.CheckDate(asOf);
        if (!TryAddDeals(frame, scheduleArray, rates, out var cells, out var currency))
        {
            return OfDealByDeal(frame.DealList, scheduleArray, asOf, rates);
        }
        AddSchedules(
            cells,
            scheduleArray,
            asOf,
            rates,
            currency,
            // The account from the customer column: no deal is made for a schedule's contract.
            id =>
                frame.RowOfId.TryGetValue(id, out var row) && frame.Fields.AccountAt(row) is var account and >= 0
                    ? frame.Fields.Accounts[account]
                    : null
        );
        return Report(cells, asOf, currency);
    }

    // The deal-based code: what Of ran before the frame, and still runs for what the frame does not take.
    private static CustomerReport OfDealByDeal(
        IEnumerable<Deal> deals,
        IEnumerable<CollectionSchedule> schedules,
        LocalDate asOf,
        ExchangeRates? rates
    )
    {
        var dealList = Preconditions.CheckNoNullElement(deals, "Deal", nameof(deals));
        var scheduleList = Preconditions.CheckNoNullElement(schedules, "Schedule", nameof(schedules));
        Preconditions.CheckUniqueIds(dealList, d => d.Id, "Deal", nameof(deals));
        Preconditions.CheckDate(asOf);
        var currency = ReportingCurrencyRule.Choose(
            rates,
            dealList.Select(d => d.Amount.Currency).Concat(scheduleList.Select(s => s.Currency))
        );
        var byId = new Dictionary<DealId, Deal>(dealList.Length);
        var cells = new Dictionary<string, Cell>(StringComparer.Ordinal);
        foreach (var deal in dealList)
        {
            byId.Add(deal.Id, deal);
            var cell = CellOf(cells, deal.Customer?.AccountId ?? BreakdownKeys.None);
            if (deal.Customer is { } customer && (cell.Name is null || string.CompareOrdinal(customer.Name, cell.Name) < 0))
            {
                cell.Name = customer.Name;
            }
            var amount = ExchangeRates.ToReporting(rates, deal.Amount, currency!).Amount;
            switch (deal.Status)
            {
                case DealStatus.Won:
                    (cell.WonDeals, cell.Won) = (cell.WonDeals + 1, cell.Won + amount);
                    break;
                case DealStatus.Open:
                    (cell.OpenDeals, cell.Open) = (cell.OpenDeals + 1, cell.Open + amount);
                    break;
                case DealStatus.Stopped:
                    (cell.StoppedDeals, cell.Stopped) = (cell.StoppedDeals + 1, cell.Stopped + amount);
                    break;
            }
        }
        AddSchedules(cells, scheduleList, asOf, rates, currency, id => byId.GetValueOrDefault(id)?.Customer?.AccountId);
        return Report(cells, asOf, currency);
    }

    private static void AddSchedules(
        Dictionary<string, Cell> cells,
        CollectionSchedule[] schedules,
        LocalDate asOf,
        ExchangeRates? rates,
        Currency? currency,
        Func<DealId, string?> accountOf
    )
    {
        foreach (var schedule in schedules)
        {
            var status = schedule.StatusAsOf(asOf);
            var cell = CellOf(cells, KeyOf(schedule.Contract, accountOf));
            cell.Schedules++;
            cell.Collected += ExchangeRates.ToReporting(rates, status.Collected, currency!).Amount;
            cell.Outstanding += ExchangeRates.ToReporting(rates, status.Outstanding, currency!).Amount;
        }
    }

    private static CustomerReport Report(Dictionary<string, Cell> cells, LocalDate asOf, Currency? currency)
    {
        var lines = cells.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value.Line(kv.Key, currency!)).ToArray();
        return new CustomerReport(asOf, currency, lines);
    }

    // The join rule of the remarks: the account of the contract's deal's customer (null for no such deal, or a deal
    // without a customer), else the contract's own customer text, else none.
    private static string KeyOf(ContractInfo? contract, Func<DealId, string?> accountOf) =>
        contract is null ? BreakdownKeys.None
        : contract.Deal is { } id && accountOf(id) is { } account ? account
        : contract.Customer;

    private static Cell CellOf(Dictionary<string, Cell> cells, string key)
    {
        if (!cells.TryGetValue(key, out var cell))
        {
            cells[key] = cell = new Cell();
        }
        return cell;
    }

    internal sealed class Cell
    {
        public string? Name;
        public int WonDeals,
            OpenDeals,
            StoppedDeals,
            Schedules;
        public decimal Won,
            Open,
            Stopped,
            Collected,
            Outstanding;

        public CustomerLine Line(string key, Currency currency) =>
            new(
                key,
                Name,
                WonDeals,
                Money.Of(Won, currency),
                OpenDeals,
                Money.Of(Open, currency),
                StoppedDeals,
                Money.Of(Stopped, currency),
                Schedules,
                Money.Of(Collected, currency),
                Money.Of(Outstanding, currency)
            );
    }
}
