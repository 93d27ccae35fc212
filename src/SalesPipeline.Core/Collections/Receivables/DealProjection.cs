using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

// How the cash forecast projects deals that have no schedule: a won deal as the schedule CollectionSchedule.Create
// would make of its amount, signed on the day it was won in the zone; an open deal as that of round(amount x p),
// signed on its expected close date; each instalment added to the row of its due date. Deal by deal here (with the
// checks that name a deal), on a frame's columns in DealProjection.Frame.cs; both split by CollectionSchedule's rule.
// One instance per forecast; not thread-safe (its buffers are reused from deal to deal).
internal sealed partial class DealProjection
{
    private readonly CashForecastOptions options;
    private readonly Currency currency;
    private readonly PaymentTerms terms;
    private readonly CashForecastRows placing;
    private readonly string paramName;
    private readonly long[] amounts;
    private readonly LocalDate?[] due;

    internal DealProjection(CashForecastOptions options, Currency currency, PaymentTerms terms, CashForecastRows placing, string paramName)
    {
        this.options = options;
        this.currency = currency;
        this.terms = terms;
        this.placing = placing;
        this.paramName = paramName;
        amounts = new long[terms.InstalmentCount];
        due = new LocalDate?[terms.InstalmentCount];
    }

    internal void Won(IReadOnlyList<Deal> deals, long[] column)
    {
        foreach (var deal in deals)
        {
            Check(deal);
            Preconditions.CheckArgument(
                deal.Status == DealStatus.Won && deal.ClosedAt is not null,
                paramName,
                $"Deal {deal.Id} is in WonDeals but is {deal.Status}, not won."
            );
            Place(deal.Amount, deal.ClosedAt!.Value.InZone(options.Zone).Date, column);
        }
    }

    internal void Open(IReadOnlyList<Deal> deals, long[] column)
    {
        foreach (var deal in deals)
        {
            Check(deal);
            Preconditions.CheckArgument(deal.IsOpen, paramName, $"Deal {deal.Id} is in OpenDeals but is {deal.Status}, not open.");
            var weighted = (deal.Amount * options.Pipeline!.WinProbabilityOf(deal).Value).Round();
            if (weighted.IsPositive)
            {
                Place(weighted, deal.ExpectedClose, column);
            }
        }
    }

    private void Check(Deal deal)
    {
        Preconditions.CheckArgument(
            deal.Amount.Currency == currency,
            paramName,
            $"Deal {deal.Id} is in {deal.Amount.Currency.Code}; the schedules are in {currency.Code}. Convert it first."
        );
    }

    private void Place(Money total, LocalDate signedOn, long[] column)
    {
        CollectionSchedule.Split(total, signedOn, terms, amounts, due);
        for (var n = 0; n < amounts.Length; n++)
        {
            var row = placing.RowOf(due[n]);
            column[row] = Receivables.Add(column[row], amounts[n], currency, paramName, "A row of the projected deals");
        }
    }
}
