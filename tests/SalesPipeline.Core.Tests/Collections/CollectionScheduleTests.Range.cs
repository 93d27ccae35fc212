using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

// Schedules at the edge of Money's range (10^18 minor units: USD 10,000,000,000,000,000.00; docs/collections.md).
public sealed class CollectionScheduleRangeTests
{
    private const decimal Limit = 10_000_000_000_000_000m;

    private static PaymentTerms AllOnSigning() => PaymentTerms.Create(TermsLine.Percentage(100m, DueRule.DaysAfterStart(0)));

    private static CollectionSchedule AtTheLimit() => CollectionSchedule.Create(Usd(Limit), D("2026-01-31"), AllOnSigning());

    [Fact]
    public void Create_AtTheLimit_SplitsExactly()
    {
        // 30% of 10^18 cents is 3 x 10^17 exactly; the balance is the other 7 x 10^17.
        var schedule = CollectionSchedule.Create(Usd(Limit), D("2026-01-31"), ThirtyThenTwoMonthly());

        Assert.Equal([3_000_000_000_000_000m, 3_500_000_000_000_000m, 3_500_000_000_000_000m], Amounts(schedule));
    }

    [Fact]
    public void Create_TotalWhoseMinorUnitsPassLong_IsRefusedNamingTheLimit()
    {
        // USD 10^17 is 10^19 cents, beyond long (it used to fail with a raw OverflowException inside Create).
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            CollectionSchedule.Create(Usd(100_000_000_000_000_000m), D("2026-01-31"), AllOnSigning())
        );
        Assert.Contains("USD 10,000,000,000,000,000.00", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FixedLinesAddingUpBeyondLong_SaysTheyExceedTheTotal()
    {
        // Ten fixed lines of USD 10^16 are 10^19 cents together, beyond long (a raw OverflowException before).
        var terms = PaymentTerms.Create(Enumerable.Range(0, 10).Select(i => TermsLine.Fixed(Usd(Limit), DueRule.DaysAfterStart(i))));

        var e = Assert.Throws<ArgumentException>(() => CollectionSchedule.Create(Usd(Limit), D("2026-01-31"), terms));

        Assert.Equal("contractTotal", e.ParamName);
        Assert.StartsWith(
            "The fixed lines add up to USD 100,000,000,000,000,000.00, more than the contract total USD 10,000,000,000,000,000.00.",
            e.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Record_PaymentsBeyondTheLimit_AreRefusedAndTheScheduleIsUnchanged()
    {
        // Paid in full, then as much again: the payments would add up to USD 2 x 10^16 (credit USD 10^16).
        var paid = AtTheLimit().Record(Pay("P-1", "2026-02-01", Limit));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => paid.Record(Pay("P-2", "2026-02-02", Limit)));

        Assert.Equal("entry", e.ParamName);
        Assert.Contains(
            "the schedule's payments would add up to USD 20,000,000,000,000,000.00, which is outside the range of Money in USD: at most USD 10,000,000,000,000,000.00",
            e.Message,
            StringComparison.Ordinal
        );
        Assert.Single(paid.History);
        Assert.Equal(Usd(Limit), paid.StatusAsOf(D("2026-03-01")).Received);
    }

    [Fact]
    public void RecordAll_PaymentsWhoseSumPassesLong_AreRefusedAndNothingIsRecorded()
    {
        // Ten payments of USD 10^16 are 10^19 cents, beyond long: a raw OverflowException in the batch before.
        var schedule = AtTheLimit();
        var payments = Enumerable.Range(1, 10).Select(i => Pay("P-" + i, "2026-02-01", Limit)).ToArray();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.RecordAll(payments));

        Assert.Equal("entries", e.ParamName);
        Assert.Contains("P-2", e.Message, StringComparison.Ordinal);
        Assert.Empty(schedule.History);
    }

    [Fact]
    public void Record_CostsBeyondTheLimit_AreRefused()
    {
        var costly = AtTheLimit().Record(new ContractCost("C-1", D("2026-02-01"), Usd(Limit), "implementation"));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            costly.Record(new ContractCost("C-2", D("2026-02-02"), Usd(0.01m), "travel"))
        );

        Assert.Contains("the schedule's costs would add up to USD 10,000,000,000,000,000.01", e.Message, StringComparison.Ordinal);
        Assert.Single(costly.History);
    }

    private const long MaxUnits = 1_000_000_000_000_000_000;

    // Contract totals from one cent to 10^18 cents, the edges as often as the middle.
    private static readonly Gen<long> TotalUnits = Gen.Frequency(
        (1, Gen.Elements(1L, MaxUnits, MaxUnits - 1)),
        (3, from high in Gen.Choose(0, 999_999_999) from low in Gen.Choose(1, 999_999_999) select (high * 1_000_000_000L) + low)
    );

    // Any total within the range splits into instalments that add up to it, and a payment of it settles the schedule;
    // one more cent of payments than 10^18 is refused and leaves the schedule as it was.
    [Fact]
    public void AnyTotalWithinTheRange_SplitsExactly_AndPaymentsStopAtTheLimit_Property()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                TotalUnits.ToArbitrary(),
                units =>
                {
                    var total = Money.FromMinorUnits(units, Currency.USD);
                    var schedule = CollectionSchedule.Create(total, D("2026-01-31"), ThirtyThenTwoMonthly());
                    var paid = schedule.Record(new Payment("P-1", D("2026-01-31"), total));
                    var status = paid.StatusAsOf(D("2026-12-31"));
                    var room = MaxUnits - units;
                    var filled =
                        room == 0 ? paid : paid.Record(new Payment("P-2", D("2026-02-01"), Money.FromMinorUnits(room, Currency.USD)));
                    Assert.Throws<ArgumentOutOfRangeException>(() => filled.Record(new Payment("P-3", D("2026-02-02"), Usd(0.01m))));
                    return Money.Sum(schedule.Instalments.Select(i => i.Amount), Currency.USD) == total
                        && status.Outstanding.IsZero
                        && status.Received == total
                        && filled.StatusAsOf(D("2026-12-31")).Received == Money.FromMinorUnits(MaxUnits, Currency.USD)
                        && filled.History.Count == (room == 0 ? 1 : 2);
                }
            )
        );
    }

    [Fact]
    public void Record_PaymentsUpToExactlyTheLimit_AreKeptAsCredit()
    {
        // USD 10^16 - 0.01 pays all but a cent; 0.02 more pays the cent and leaves 0.01 credit: 10^18 cents received.
        var schedule = AtTheLimit().Record(Pay("P-1", "2026-02-01", Limit - 0.01m)).Record(Pay("P-2", "2026-02-02", 0.01m));

        var status = schedule.StatusAsOf(D("2026-03-01"));
        Assert.Equal((Usd(Limit), Usd(0m)), (status.Received, status.Credit));
    }
}
