using NodaTime;
using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

// Splits worked out by hand in whole minor units; the rule is largest remainder, ties to the earlier part.
public partial class CollectionScheduleTests
{
    private static readonly DueRule Now = DueRule.DaysAfterStart(0);

    [Fact]
    public void Create_ThirtyPercentThenTwoMonthly_SplitsAndDatesFromTheAnchor()
    {
        var schedule = TenThousand();

        Assert.Equal([3_000m, 3_500m, 3_500m], Amounts(schedule));
        Assert.Equal(new LocalDate?[] { D("2026-01-31"), D("2026-02-28"), D("2026-03-31") }, DueDates(schedule));
        Assert.Equal([1, 2, 3], schedule.Instalments.Select(i => i.Number));
        Assert.Empty(schedule.History);
    }

    // 10000 cents / 3 = 3333.33: floors 3333 x 3 = 9999, the cent left goes to the first part.
    [Fact]
    public void Create_HundredInThreeEqualParts_Gives3334_3333_3333()
    {
        var schedule = CollectionSchedule.Create(
            Usd(100m),
            D("2026-01-31"),
            PaymentTerms.Create(TermsLine.Balance(DueRule.MonthsAfterStart(1), 3))
        );

        Assert.Equal([33.34m, 33.33m, 33.33m], Amounts(schedule));
        Assert.Equal(new LocalDate?[] { D("2026-02-28"), D("2026-03-31"), D("2026-04-30") }, DueDates(schedule));
    }

    // 547 cents / 3 = 182.33: floors 546, one cent left to the first part.
    [Fact]
    public void Create_547InThreeEqualParts_Gives183_182_182() =>
        Assert.Equal(
            [1.83m, 1.82m, 1.82m],
            Amounts(
                CollectionSchedule.Create(Usd(5.47m), D("2026-01-15"), PaymentTerms.Create(TermsLine.Balance(DueRule.DayOfMonth(31, 1), 3)))
            )
        );

    // 547 x 33.33% = 182.3151, 547 x 33.33% = 182.3151, 547 x 33.34% = 182.3698 cents: floors 546, the cent left goes to
    // the largest dropped fraction (.3698, the third line).
    [Fact]
    public void Create_547ByPercentages3333_3333_3334_GivesTheCentToTheLargestFraction() =>
        Assert.Equal(
            [1.82m, 1.82m, 1.83m],
            Amounts(
                CollectionSchedule.Create(
                    Usd(5.47m),
                    D("2026-01-15"),
                    PaymentTerms.Create(
                        TermsLine.Percentage(33.33m, Now),
                        TermsLine.Percentage(33.33m, Now),
                        TermsLine.Percentage(33.34m, Now)
                    )
                )
            )
        );

    // 547 x 30% = 164.1 cents (floor 164), the rest (70%) 382.9 (floor 382); the cent left goes to .9: 1.64, 3.83.
    [Fact]
    public void Create_547ThirtyPercentAndBalance_RestTakesTheLeftoverCent() =>
        Assert.Equal(
            [1.64m, 3.83m],
            Amounts(
                CollectionSchedule.Create(
                    Usd(5.47m),
                    D("2026-01-15"),
                    PaymentTerms.Create(TermsLine.Percentage(30m, Now), TermsLine.Balance(Now))
                )
            )
        );

    // JPY has no decimals: 30% of 1,000,000 = 300,000; the balance 700,000 / 3 = 233,333.33: 233,334, 233,333, 233,333.
    [Fact]
    public void Create_Jpy_SplitsInWholeYen()
    {
        var schedule = CollectionSchedule.Create(Money.Of(1_000_000m, Currency.JPY), D("2026-01-31"), ThirtyThenThreeMonthly());

        Assert.Equal([300_000m, 233_334m, 233_333m, 233_333m], Amounts(schedule));
        Assert.All(schedule.Instalments, i => Assert.Same(Currency.JPY, i.Amount.Currency));
    }

    // KWD has 3 decimals: 30% of 10.000 = 3.000; the balance 7000 fils / 3 = 2333.33: 2.334, 2.333, 2.333.
    [Fact]
    public void Create_Kwd_SplitsInFils() =>
        Assert.Equal(
            [3.000m, 2.334m, 2.333m, 2.333m],
            Amounts(CollectionSchedule.Create(Money.Of(10.000m, Currency.KWD), D("2026-01-31"), ThirtyThenThreeMonthly()))
        );

    // KWD 0.010 in three: 10 fils / 3 = 3.33: 4, 3, 3 fils.
    [Fact]
    public void Create_TenFilsInThree_Gives4_3_3() =>
        Assert.Equal(
            [0.004m, 0.003m, 0.003m],
            Amounts(
                CollectionSchedule.Create(
                    Money.Of(0.010m, Currency.KWD),
                    D("2026-01-31"),
                    PaymentTerms.Create(TermsLine.Balance(DueRule.MonthsAfterStart(1), 3))
                )
            )
        );

    // Two cents in 12: the first two parts get a cent, the other ten get zero (never negative).
    [Fact]
    public void Create_TwoCentsInTwelve_GivesZeroParts() =>
        Assert.Equal(
            [0.01m, 0.01m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m],
            Amounts(
                CollectionSchedule.Create(
                    Usd(0.02m),
                    D("2026-01-31"),
                    PaymentTerms.Create(TermsLine.Balance(DueRule.MonthsAfterStart(1), 12))
                )
            )
        );

    // Fixed 1,500.00 set-up, 20% of 10,000.00 = 2,000.00, balance 10,000 - 2,000 - 1,500 = 6,500.00.
    [Fact]
    public void Create_FixedPercentageAndBalance_BalanceTakesWhatIsLeft() =>
        Assert.Equal(
            [1_500m, 2_000m, 6_500m],
            Amounts(
                CollectionSchedule.Create(
                    Usd(10_000m),
                    D("2026-03-01"),
                    PaymentTerms.Create(
                        TermsLine.Fixed(Usd(1_500m), Now),
                        TermsLine.Percentage(20m, DueRule.DaysAfterStart(30)),
                        TermsLine.Balance(DueRule.OnMilestone("go-live"))
                    )
                )
            )
        );

    // Fixed lines that fill exactly what the percentages leave need no balance line: 50% of 1,000 = 500 + 200 + 300.
    [Fact]
    public void Create_FixedLinesFillingTheRestExactly_IsValid() =>
        Assert.Equal(
            [500m, 200m, 300m],
            Amounts(
                CollectionSchedule.Create(
                    Usd(1_000m),
                    D("2026-03-01"),
                    PaymentTerms.Create(TermsLine.Percentage(50m, Now), TermsLine.Fixed(Usd(200m), Now), TermsLine.Fixed(Usd(300m), Now))
                )
            )
        );

    [Fact]
    public void Create_TwelveMonthlyFromJan31_FollowsTheMonthEnds() =>
        Assert.Equal(
            new LocalDate?[]
            {
                D("2026-02-28"),
                D("2026-03-31"),
                D("2026-04-30"),
                D("2026-05-31"),
                D("2026-06-30"),
                D("2026-07-31"),
                D("2026-08-31"),
                D("2026-09-30"),
                D("2026-10-31"),
                D("2026-11-30"),
                D("2026-12-31"),
                D("2027-01-31"),
            },
            DueDates(
                CollectionSchedule.Create(
                    Usd(1_200m),
                    D("2026-01-31"),
                    PaymentTerms.Create(TermsLine.Balance(DueRule.MonthsAfterStart(1), 12))
                )
            )
        );

    // Signed on Feb 29 of a leap year, yearly: Feb 28 in common years, Feb 29 again in 2032.
    [Fact]
    public void Create_YearlyFromFeb29_ClampsInCommonYears()
    {
        var yearly = PaymentTerms.Create(
            TermsLine.Percentage(25m, DueRule.MonthsAfterStart(0)),
            TermsLine.Percentage(25m, DueRule.MonthsAfterStart(12)),
            TermsLine.Percentage(25m, DueRule.MonthsAfterStart(24)),
            TermsLine.Percentage(25m, DueRule.MonthsAfterStart(48))
        );

        Assert.Equal(
            new LocalDate?[] { D("2028-02-29"), D("2029-02-28"), D("2030-02-28"), D("2032-02-29") },
            DueDates(CollectionSchedule.Create(Usd(4_000m), D("2028-02-29"), yearly))
        );
    }

    [Fact]
    public void Create_MilestoneInstalment_HasNoDueDateYet()
    {
        var schedule = CollectionSchedule.Create(Usd(1_000m), D("2026-03-01"), MilestoneTerms());

        Assert.Null(schedule.Instalments[1].DueOn);
        Assert.Null(schedule.Instalments[1].PlannedDueOn);
        Assert.Equal("go-live", schedule.Instalments[1].Milestone);
    }

    [Fact]
    public void Create_KeepsTheContractIdentity()
    {
        var contract = new ContractInfo("C-17", "Globex", "alice", new SalesPipeline.DealId("D-1001"));

        var schedule = CollectionSchedule.Create(Usd(1_000m), D("2026-03-01"), MilestoneTerms(), contract);

        Assert.Same(contract, schedule.Contract);
        Assert.Equal(contract, schedule.StatusAsOf(D("2026-03-01")).Contract);
    }

    [Fact]
    public void Create_FixedAboveTheTotal_Throws()
    {
        var terms = PaymentTerms.Create(TermsLine.Fixed(Usd(1_500m), Now), TermsLine.Balance(Now));

        var e = Assert.Throws<ArgumentException>(() => CollectionSchedule.Create(Usd(1_000m), D("2026-03-01"), terms));

        Assert.Equal("contractTotal", e.ParamName);
        Assert.Contains("USD 1,500.00, more than the contract total USD 1,000.00", e.Message, StringComparison.Ordinal);
    }

    // 60% of 1,000 leaves 400; a fixed 500 would make the balance -100.
    [Fact]
    public void Create_FixedAboveWhatThePercentagesLeave_Throws()
    {
        var terms = PaymentTerms.Create(TermsLine.Percentage(60m, Now), TermsLine.Fixed(Usd(500m), Now), TermsLine.Balance(Now));

        var e = Assert.Throws<ArgumentException>(() => CollectionSchedule.Create(Usd(1_000m), D("2026-03-01"), terms));

        Assert.Equal("contractTotal", e.ParamName);
        Assert.Contains("USD 500.00, more than the USD 400.00 the percentages leave", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FixedLinesNotFillingTheTotalWithoutBalance_Throws()
    {
        var terms = PaymentTerms.Create(TermsLine.Fixed(Usd(200m), Now), TermsLine.Fixed(Usd(300m), Now));

        var e = Assert.Throws<ArgumentException>(() => CollectionSchedule.Create(Usd(1_000m), D("2026-03-01"), terms));

        Assert.Equal("contractTotal", e.ParamName);
        Assert.Contains("add up to USD 500.00, not the contract total USD 1,000.00", e.Message, StringComparison.Ordinal);
        Assert.Contains("remaining USD 500.00", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FixedInAnotherCurrency_Throws()
    {
        var terms = PaymentTerms.Create(TermsLine.Fixed(Money.Of(100m, Currency.EUR), Now), TermsLine.Balance(Now));

        var e = Assert.Throws<ArgumentException>(() => CollectionSchedule.Create(Usd(1_000m), D("2026-03-01"), terms));

        Assert.Equal("terms", e.ParamName);
        Assert.Contains("EUR", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    public void Create_TotalNotAboveZero_Throws(string total)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            CollectionSchedule.Create(
                Usd(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)),
                D("2026-03-01"),
                ThirtyThenTwoMonthly()
            )
        );

        Assert.Equal("contractTotal", e.ParamName);
    }

    [Fact]
    public void Create_TotalWithAFractionOfACent_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => CollectionSchedule.Create(Usd(100.005m), D("2026-03-01"), ThirtyThenTwoMonthly()));

        Assert.Equal("contractTotal", e.ParamName);
        Assert.Contains("USD 100.005", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NullTerms_Throws() =>
        Assert.Equal(
            "terms",
            Assert.Throws<ArgumentNullException>(() => CollectionSchedule.Create(Usd(1m), D("2026-03-01"), null!)).ParamName
        );

    // Percentages with many decimals (beyond a long at their common scale) go through Money.Allocate on decimals:
    // 1/3 of 100.00 written to 20 decimals still splits 33.34 / 33.33 / 33.33.
    [Fact]
    public void Create_PercentagesWithManyDecimals_StillAddUpExactly()
    {
        var third = 33.33333333333333333333m;
        var terms = PaymentTerms.Create(TermsLine.Percentage(third, Now), TermsLine.Percentage(third, Now), TermsLine.Balance(Now));

        var amounts = Amounts(CollectionSchedule.Create(Usd(100m), D("2026-03-01"), terms));

        Assert.Equal(100m, amounts.Sum());
        Assert.Equal([33.33m, 33.33m, 33.34m], amounts);
    }

    private static PaymentTerms ThirtyThenThreeMonthly() =>
        PaymentTerms.Create(TermsLine.Percentage(30m, Now), TermsLine.Balance(DueRule.MonthsAfterStart(1), 3));

    private static PaymentTerms MilestoneTerms() =>
        PaymentTerms.Create(TermsLine.Percentage(50m, Now), TermsLine.Balance(DueRule.OnMilestone("go-live", 30)));

    [Fact]
    public void Create_ZeroTotal_IsRefusedSayingItMustBeAboveZero()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            CollectionSchedule.Create(Usd(0m), D("2026-03-01"), ThirtyThenTwoMonthly())
        );

        Assert.Equal("contractTotal", e.ParamName);
        Assert.StartsWith(
            "A contract total must be above zero; it was USD 0.00. (Parameter 'contractTotal')",
            e.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Create_NullTotal_IsRefused() =>
        Assert.Equal(
            "contractTotal",
            Assert.Throws<ArgumentNullException>(() => CollectionSchedule.Create(null!, D("2026-03-01"), ThirtyThenTwoMonthly())).ParamName
        );

    // Year 0 exists in NodaTime's ISO calendar but not in the supported range (0001-01-01 to 9999-12-31).
    [Fact]
    public void Create_UnsupportedSigningDate_IsRefused() =>
        Assert.Equal(
            "signedOn",
            Assert
                .Throws<ArgumentOutOfRangeException>(() =>
                    CollectionSchedule.Create(Usd(100m), new LocalDate(0, 6, 1), ThirtyThenTwoMonthly())
                )
                .ParamName
        );

    // 10% of 1,000.00 is 100.00 and leaves 900.00. Fixed lines of exactly the total (1,000.00) are within the total but
    // above what the percentages leave; one cent more (1,000.01) is above the total itself.
    [Fact]
    public void Create_FixedEqualToTheTotalBesidePercentages_IsMoreThanThePercentagesLeave()
    {
        PaymentTerms Terms(decimal fixedAmount) =>
            PaymentTerms.Create(TermsLine.Percentage(10m, Now), TermsLine.Fixed(Usd(fixedAmount), Now), TermsLine.Balance(Now));

        var equal = Assert.Throws<ArgumentException>(() => CollectionSchedule.Create(Usd(1_000m), D("2026-03-01"), Terms(1_000m)));
        var centMore = Assert.Throws<ArgumentException>(() => CollectionSchedule.Create(Usd(1_000m), D("2026-03-01"), Terms(1_000.01m)));

        Assert.Equal(
            "The fixed lines add up to USD 1,000.00, more than the USD 900.00 the percentages leave of the contract total USD 1,000.00. (Parameter 'contractTotal')",
            equal.Message
        );
        Assert.Equal(
            "The fixed lines add up to USD 1,000.01, more than the contract total USD 1,000.00. (Parameter 'contractTotal')",
            centMore.Message
        );
    }
}
