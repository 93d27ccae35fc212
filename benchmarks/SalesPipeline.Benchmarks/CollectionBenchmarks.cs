using System;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Collections;

namespace SalesPipeline.Benchmarks;

// Goals (design.md): 1,000,000 contracts x 12 instalments scheduled <= 1 s; 1,000,000 payments allocated <= 0.5 s.
// Schedules: 1,000,000 contracts of USD 1,000.00 to 1,000,000.00 (random cents), signed on random days of 2026, each
// "balance in 12 monthly instalments from one month after signing". Payments: 100,000 of those contracts receive 10
// payments each, in date order, of random amounts around a twelfth of the total (so some instalments are paid in part,
// some payments span two instalments, and some contracts end with credit).
[MemoryDiagnoser]
[MedianColumn]
public class CollectionBenchmarks
{
    private const int Contracts = 1_000_000;
    private const int PayingContracts = 100_000;
    private const int PaymentsEach = 10;

    private static readonly PaymentTerms Monthly = PaymentTerms.Create(TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 12));

    private Money[] totals = [];
    private LocalDate[] signedOn = [];
    private CollectionSchedule[] fresh = [];
    private Payment[][] payments = [];
    private CollectionSchedule[] paid = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        totals = new Money[Contracts];
        signedOn = new LocalDate[Contracts];
        for (var i = 0; i < Contracts; i++)
        {
            totals[i] = Money.FromMinorUnits(random.NextInt64(100_000, 100_000_000), Currency.USD);
            signedOn[i] = new LocalDate(2026, 1, 1).PlusDays(random.Next(0, 365));
        }
        fresh = new CollectionSchedule[PayingContracts];
        payments = new Payment[PayingContracts][];
        for (var i = 0; i < PayingContracts; i++)
        {
            fresh[i] = CollectionSchedule.Create(totals[i], signedOn[i], Monthly);
            var twelfth = totals[i].ToMinorUnits() / 12;
            payments[i] = new Payment[PaymentsEach];
            for (var k = 0; k < PaymentsEach; k++)
            {
                var amount = Math.Max(1, twelfth * random.Next(80, 160) / 100);
                payments[i][k] = new Payment($"P{i}-{k}", signedOn[i].PlusDays(30 * (k + 1)), Money.FromMinorUnits(amount, Currency.USD));
            }
        }
        paid = new CollectionSchedule[PayingContracts];
        for (var i = 0; i < PayingContracts; i++)
        {
            paid[i] = fresh[i].RecordAll(payments[i]);
        }
    }

    // 1,000,000 x Create, 12 instalments each.
    [Benchmark]
    public long CreateMillionSchedules()
    {
        long count = 0;
        for (var i = 0; i < Contracts; i++)
        {
            count += CollectionSchedule.Create(totals[i], signedOn[i], Monthly).InstalmentCount;
        }
        return count;
    }

    // 1,000,000 payments through the immutable Record: a new schedule per payment.
    [Benchmark]
    public int RecordMillionPayments()
    {
        var entries = 0;
        for (var i = 0; i < PayingContracts; i++)
        {
            var schedule = fresh[i];
            foreach (var payment in payments[i])
            {
                schedule = schedule.Record(payment);
            }
            entries += schedule.History.Count;
        }
        return entries;
    }

    // The same 1,000,000 payments through the batch path: one new schedule per contract.
    [Benchmark]
    public int RecordAllMillionPayments()
    {
        var entries = 0;
        for (var i = 0; i < PayingContracts; i++)
        {
            entries += fresh[i].RecordAll(payments[i]).History.Count;
        }
        return entries;
    }

    // 100,000 statuses after the last payment (the cached state).
    [Benchmark]
    public decimal StatusOfPaidContracts()
    {
        var overdue = 0m;
        var asOf = new LocalDate(2027, 6, 30);
        for (var i = 0; i < PayingContracts; i++)
        {
            overdue += paid[i].StatusAsOf(asOf).Overdue.Amount;
        }
        return overdue;
    }

    // 100,000 statuses as of a date inside the payment history (a replay of the entries up to it).
    [Benchmark]
    public decimal StatusOfPaidContractsInThePast()
    {
        var overdue = 0m;
        for (var i = 0; i < PayingContracts; i++)
        {
            overdue += paid[i].StatusAsOf(signedOn[i].PlusDays(160)).Overdue.Amount;
        }
        return overdue;
    }
}
