using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Deals;

namespace SalesPipeline.Samples.Generation;

internal sealed partial class SampleGenerator
{
    private const string GoLive = "go-live";

    // Prompt, late, partial, stopped.
    private static readonly int[] PayerWeights = [70, 18, 8, 4];

    /// <summary>How a customer pays: on time, late, in parts, or not at all lately.</summary>
    private enum Payer
    {
        Prompt,
        Late,
        Partial,
        Stopped,
    }

    /// <summary>One contract per won deal, signed the day it was won, for the won amount, with its payments so far.</summary>
    private ReadOnlyCollection<CollectionSchedule> Contracts(IReadOnlyList<Deal> deals, Dictionary<DealId, DealPlan> byId)
    {
        var payers = new Dictionary<string, Payer>(System.StringComparer.Ordinal);
        var contracts = new List<CollectionSchedule>();
        var asOfDate = SampleCatalog.AsOf;
        foreach (var deal in deals)
        {
            if (deal.Status != DealStatus.Won || deal.ClosedAt is not { } closedAt)
            {
                continue;
            }
            var plan = byId[deal.Id];
            if (!payers.TryGetValue(plan.Customer, out var payer))
            {
                payer = (Payer)random.Weighted(PayerWeights);
                payers.Add(plan.Customer, payer);
            }
            var signed = clock.DateOf(closedAt);
            var info = new ContractInfo(
                string.Create(CultureInfo.InvariantCulture, $"C-{deal.Id.Value[2..]}"),
                plan.Customer,
                deal.Owner!,
                deal.Id
            );
            var schedule = CollectionSchedule.Create(deal.Amount, signed, TermsFor(plan, deal.Amount), info);
            if (plan.Product.Name == "Implementation Services")
            {
                var live = signed.PlusDays(random.Between(30, 90));
                if (live < asOfDate)
                {
                    schedule = schedule.SetMilestone(GoLive, live);
                }
            }
            var entries = new List<CollectionEntry>();
            var paid = 0;
            foreach (var instalment in schedule.Instalments)
            {
                if (instalment.DueOn is not { } due)
                {
                    continue;
                }
                foreach (var (on, amount) in PaymentsFor(payer, instalment.Amount, due, signed))
                {
                    if (on < asOfDate)
                    {
                        paid++;
                        entries.Add(
                            new Payment(
                                string.Create(CultureInfo.InvariantCulture, $"{info.ContractId}-P{paid}"),
                                on,
                                amount,
                                instalment.Number
                            )
                        );
                    }
                }
            }
            // In date order; a stable sort, so that payments of one day keep their order on every runtime.
            contracts.Add(schedule.RecordAll(entries.OrderBy(e => e.On)));
        }
        return contracts.AsReadOnly();
    }

    // Terms by size and product: small deals net 30; services half at signing and half 30 days after go-live; mid-size
    // deals half net 30 and the balance at 90 days; large deals a quarter net 30 and the rest in three monthly parts from
    // the third month on.
    private static PaymentTerms TermsFor(DealPlan plan, Money amount)
    {
        if (plan.Product.Name == "Implementation Services")
        {
            return PaymentTerms.Create(
                TermsLine.Percentage(50m, DueRule.DaysAfterStart(0)),
                TermsLine.Balance(DueRule.OnMilestone(GoLive, 30))
            );
        }
        if (amount.Amount < 20_000m)
        {
            return PaymentTerms.Create(TermsLine.Percentage(100m, DueRule.DaysAfterStart(30)));
        }
        if (amount.Amount < 100_000m)
        {
            return PaymentTerms.Create(
                TermsLine.Percentage(50m, DueRule.DaysAfterStart(30)),
                TermsLine.Balance(DueRule.DaysAfterStart(90))
            );
        }
        return PaymentTerms.Create(
            TermsLine.Percentage(25m, DueRule.DaysAfterStart(30)),
            TermsLine.Balance(DueRule.MonthsAfterStart(3), instalments: 3)
        );
    }

    private IEnumerable<(LocalDate On, Money Amount)> PaymentsFor(Payer payer, Money amount, LocalDate due, LocalDate signed)
    {
        LocalDate NotBeforeSigning(LocalDate d) => d < signed ? signed : d;
        switch (payer)
        {
            case Payer.Prompt:
                yield return (NotBeforeSigning(due.PlusDays(random.Between(-5, 3))), amount);
                break;
            case Payer.Late:
                yield return (NotBeforeSigning(due.PlusDays(random.Between(8, 70))), amount);
                break;
            case Payer.Partial:
                var half = Money.Of(System.Math.Floor(amount.Amount * 50m) / 100m, Currency.USD);
                yield return (NotBeforeSigning(due.PlusDays(random.Between(0, 10))), half);
                yield return (NotBeforeSigning(due.PlusDays(random.Between(30, 120))), amount - half);
                break;
            default:
                // Paid late until early 2026, then nothing more.
                if (due < new LocalDate(2026, 1, 1))
                {
                    yield return (NotBeforeSigning(due.PlusDays(random.Between(20, 60))), amount);
                }
                break;
        }
    }
}
