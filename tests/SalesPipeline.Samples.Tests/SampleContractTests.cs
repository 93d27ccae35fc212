using SalesPipeline.Collections;
using SalesPipeline.Deals;

namespace SalesPipeline.Samples.Tests;

public sealed class SampleContractTests
{
    private static readonly SampleData Sample = TheSample.Value;

    [Fact]
    public void Each_won_deal_has_one_contract_for_its_won_amount_signed_the_day_it_was_won()
    {
        var won = Sample.Deals.Where(d => d.Status == DealStatus.Won).ToDictionary(d => d.Id);
        Assert.Equal(won.Count, Sample.Contracts.Count);
        foreach (var contract in Sample.Contracts)
        {
            var deal = won[contract.Contract!.Deal!.Value];
            Assert.Equal(deal.Amount, contract.Total);
            Assert.Equal(deal.ClosedAt!.Value.InZone(Sample.Zone).Date, contract.SignedOn);
            Assert.Equal(deal.Owner, contract.Contract.Owner);
            Assert.StartsWith(contract.Contract.Customer + " - ", deal.Name, StringComparison.Ordinal);
        }
        Assert.Equal(won.Count, Sample.Contracts.Select(c => c.Contract!.Deal).Distinct().Count());
    }

    [Fact]
    public void No_money_is_created_or_lost_the_instalments_add_up_to_the_contract_and_payments_never_exceed_it()
    {
        foreach (var contract in Sample.Contracts)
        {
            Assert.Equal(contract.Total, Money.Sum(contract.Instalments.Select(i => i.Amount), Sample.Currency));
            var status = contract.StatusAsOf(Sample.AsOf);
            Assert.Equal(status.Received, Money.Sum(contract.History.OfType<Payment>().Select(p => p.Amount), Sample.Currency));
            Assert.True(status.Credit.IsZero, $"{contract.Contract} was overpaid");
            Assert.Equal(status.Allocated, status.Collected);
        }
    }

    [Fact]
    public void Payments_are_dated_before_the_as_of_date_and_some_are_late_or_partial()
    {
        var payments = Sample.Contracts.SelectMany(c => c.History.OfType<Payment>()).ToArray();
        Assert.All(payments, p => Assert.True(p.On < Sample.AsOf));
        Assert.NotEmpty(payments);
        var statuses = Sample.Contracts.Select(c => c.StatusAsOf(Sample.AsOf)).ToArray();
        // Partly paid and overdue instalments, and contracts paid in full.
        Assert.Contains(statuses, s => s.Instalments.Any(i => i.State == InstalmentState.Overdue && i.Paid.IsPositive));
        Assert.Contains(statuses, s => s.Remaining.IsZero);
        // Services contracts wait on the customer's go-live for their second half.
        Assert.Contains(Sample.Contracts, c => c.Instalments.Any(i => i.Milestone == "go-live"));
        Assert.Contains(Sample.Contracts, c => c.History.OfType<MilestoneReached>().Any());
    }
}
