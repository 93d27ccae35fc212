using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Csv.Tests.Support;

namespace SalesPipeline.Csv.Tests.Kinds;

public class PaymentCsvTests
{
    private const string Header = "contract_id,reference,kind,on,amount,currency,instalment,payment_reference,reason";
    private const string Good = "C-1,WIRE-1,payment,2026-02-02,4000.00,USD,,,";

    // USD 10,000.00 signed 2026-01-31: 30% at signing, the balance in two monthly instalments (the example of
    // CollectionSchedule): #1 USD 3,000.00 due 2026-01-31, #2 USD 3,500.00 due 2026-02-28, #3 USD 3,500.00 due 2026-03-31.
    private static readonly CollectionSchedule C1 = CollectionSchedule.Create(
        Money.Of(10_000m, Currency.USD),
        new LocalDate(2026, 1, 31),
        PaymentTerms.Create(
            TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
            TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 2)
        ),
        new ContractInfo("C-1", "Globex", "alice")
    );

    // EUR 1,200.00 signed 2026-02-01, all due 30 days later.
    private static readonly CollectionSchedule C2 = CollectionSchedule.Create(
        Money.Of(1_200m, Currency.EUR),
        new LocalDate(2026, 2, 1),
        PaymentTerms.Create(TermsLine.Balance(DueRule.DaysAfterStart(30))),
        new ContractInfo("C-2", "Initech", "bob")
    );

    // A contract no row names.
    private static readonly CollectionSchedule C3 = CollectionSchedule.Create(
        Money.Of(50m, Currency.USD),
        new LocalDate(2026, 1, 1),
        PaymentTerms.Create(TermsLine.Balance(DueRule.DaysAfterStart(0))),
        new ContractInfo("C-3", "Hooli", "carol")
    );

    private static CsvReadResult<CollectionSchedule> Read(
        string text,
        IEnumerable<CollectionSchedule>? schedules = null,
        CsvReadOptions? options = null
    ) => PaymentCsv.Read(CanonicalWriter.Utf8(text), schedules ?? [C1, C2], options);

    // A good payment (line 2), the bad row (line 3), another good payment (line 4).
    private static CsvRowError OnlyError(string bad, CsvReadOptions? options = null)
    {
        var result = Read($"{Header}\n{Good}\n{bad}\nC-2,SEPA-1,payment,2026-02-03,100,EUR,,,\n", options: options);
        Assert.Equal(new CsvRowCounts(3, 2, 1), result.Rows);
        return Assert.Single(result.Errors);
    }

    // A cell of white space other than spaces and tabs (a no-break space, as spreadsheets write) is blank like any other:
    // the kind is then a payment's, whose missing amount is reported (it escaped as ArgumentNullException, found by the
    // fuzz property).
    [Theory]
    [InlineData("\u00a0")]
    [InlineData("\u2007")]
    [InlineData("\u000b")]
    public void A_kind_of_unicode_white_space_is_blank_and_the_payment_needs_its_amount(string space)
    {
        var error = OnlyError($"C-1,WIRE-2,{space},2026-02-03,,,,,");

        Assert.Equal((3L, "amount"), (error.Line, error.Column));
        Assert.Equal("A payment or refund has an amount.", error.Reason);
    }

    [Fact]
    public void A_kind_of_unicode_spaces_only_is_a_payment_whose_missing_amount_is_reported()
    {
        // Found by the fuzz test (seed 154929470): a no-break space passed the byte check for a blank kind but not the text
        // one, so neither the kind nor the missing amount was reported and Payment's constructor threw.
        var error = OnlyError("C-1,X-1,\u00A0,2026-02-03,,USD,,,");

        Assert.Equal(new CsvRowError("payments", 3, "amount", "", "A payment or refund has an amount."), error);
    }

    [Fact]
    public void The_sample_is_recorded_in_date_order_as_worked_out_by_hand()
    {
        var result = PaymentCsv.ReadFile(SampleFiles.PathOf("Canonical/payments.csv"), [C1, C2, C3]);

        Assert.Equal("payments: read 6, accepted 6, rejected 0", result.ToString());
        Assert.Same(C3, result.Items[2]);
        // C-1 in date order: WIRE-1 4,000 pays #1 3,000 and #2 1,000; R-1 refunds 500 of it, taken back from #2 (the
        // instalment it reached last): #2 500; WIRE-2 3,500 pays #3 as directed; CHQ-3 2,500 pays #2 (oldest due): 3,000;
        // V-1 reverses CHQ-3: #2 back to 500. Received 4,000 + 3,500 + 2,500 = 10,000; refunded 500 + 2,500 = 3,000.
        var c1 = result.Items[0].StatusAsOf(new LocalDate(2026, 3, 31));
        Assert.Equal([3_000m, 500m, 3_500m], c1.Instalments.Select(i => i.Paid.Amount));
        Assert.Equal((10_000m, 3_000m, 2_500m), (c1.Received.Amount, c1.Refunded.Amount, c1.Reversed.Amount));
        Assert.Equal(["WIRE-1", "R-1", "WIRE-2", "CHQ-3", "V-1"], result.Items[0].History.Select(Reference));
        Assert.Equal(
            new Refund("R-1", new LocalDate(2026, 2, 10), "WIRE-1", Money.Of(500m, Currency.USD), "overpaid"),
            result.Items[0].History[1]
        );
        // C-2: the row without a kind is a payment; it pays the one instalment in full.
        var c2 = result.Items[1].StatusAsOf(new LocalDate(2026, 3, 31));
        Assert.Equal(InstalmentState.Paid, Assert.Single(c2.Instalments).State);
        // The schedules given are unchanged.
        Assert.Empty(C1.History);
    }

    private static string Reference(CollectionEntry entry) =>
        entry switch
        {
            Payment p => p.Reference,
            Refund r => r.Reference,
            Reversal v => v.Reference,
            _ => throw new InvalidOperationException(entry.ToString()),
        };

    [Theory]
    [InlineData("C-9,X-1,payment,2026-02-03,10,USD,,,", "contract_id", "C-9", "No schedule given is for this contract.")]
    [InlineData(
        "C-1,WIRE-1,payment,2026-02-03,10,USD,,,",
        "reference",
        "WIRE-1",
        "References are unique within a contract; payments line 2 has the same contract and reference."
    )]
    [InlineData("C-1,X-1,credit,2026-02-03,10,USD,,,", "kind", "credit", "The kind is payment, refund or reversal.")]
    [InlineData("C-1,X-1,payment,03.02.2026,10,USD,,,", "on", "03.02.2026", "A date is ISO yyyy-MM-dd, such as 2025-03-13.")]
    [InlineData("C-1,X-1,payment,2026-02-03,10,EUR,,,", "currency", "EUR", "The schedule of contract C-1 is in USD.")]
    [InlineData("C-1,X-1,payment,2026-02-03,0,USD,,,", "amount", "0", "A payment's or refund's amount is above zero.")]
    [InlineData(
        "C-1,X-1,payment,2026-02-03,10.125,USD,,,",
        "amount",
        "10.125",
        "An amount received or paid back is a whole number of minor units: 2 decimals at most in USD."
    )]
    [InlineData("C-1,X-1,payment,2026-02-03,,USD,,,", "amount", "", "A payment or refund has an amount.")]
    [InlineData(
        "C-1,X-1,reversal,2026-02-03,10,USD,,WIRE-1,",
        "amount",
        "10",
        "A reversal takes back the whole payment: it has no amount."
    )]
    [InlineData("C-1,X-1,payment,2026-02-03,10,USD,4,,", "instalment", "4", "The schedule of contract C-1 has instalments 1 to 3.")]
    [InlineData(
        "C-1,X-1,payment,2026-02-03,10,USD,0,,",
        "instalment",
        "0",
        "A number here is a whole number from 1 to 999999999, digits only."
    )]
    [InlineData("C-1,X-1,refund,2026-02-03,10,USD,1,WIRE-1,", "instalment", "1", "Only a payment names the instalment it pays.")]
    [InlineData(
        "C-1,X-1,payment,2026-02-03,10,USD,,WIRE-1,",
        "payment_reference",
        "WIRE-1",
        "Only a refund or a reversal names the payment it takes back."
    )]
    [InlineData("C-1,X-1,payment,2026-02-03,10,USD,,,why", "reason", "why", "Only a refund or a reversal has a reason.")]
    [InlineData("C-1,X-1,refund,2026-02-03,10,USD,,,", "payment_reference", "", "A refund or a reversal names the payment it takes back.")]
    public void Each_rule_of_a_row_is_reported_on_its_cell(string bad, string column, string value, string reason)
    {
        Assert.Equal(new CsvRowError("payments", 3, column, value, reason), OnlyError(bad));
    }

    [Fact]
    public void The_schedules_own_rules_reject_a_row_on_its_line()
    {
        // WIRE-1 (line 2) holds USD 4,000.00; the refund on line 3 asks for 5,000.00.
        var error = OnlyError("C-1,R-1,refund,2026-02-10,5000,USD,,WIRE-1,");

        Assert.Equal(
            new CsvRowError(
                "payments",
                3,
                null,
                null,
                "The schedule of contract C-1 rejects it: Refund R-1 of USD 5,000.00 exceeds what payment WIRE-1 still holds on 2026-02-10: USD 4,000.00."
            ),
            error
        );
    }

    [Fact]
    public void Payments_beyond_what_a_schedule_can_total_are_rejected_with_the_schedules_reason_alone()
    {
        // USD 9,000,000,000,000,000.00 twice: 1.8 x 10^18 cents, beyond the 10^18 minor units a total holds.
        var result = Read(
            $"{Header}\nC-1,P-1,payment,2026-02-02,9000000000000000,USD,,,\nC-1,P-2,payment,2026-02-03,9000000000000000,USD,,,\n"
        );

        var error = Assert.Single(result.Errors);
        Assert.Equal((3L, null, null), (error.Line, error.Column, error.Value));
        Assert.StartsWith(
            "The schedule of contract C-1 rejects it: With payment P-2 2026-02-03 USD 9,000,000,000,000,000.00 the schedule's payments would add up to USD 18,000,000,000,000,000.00",
            error.Reason,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("Parameter", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refund_listed_before_its_payment_is_recorded_after_it_by_date()
    {
        var result = Read($"{Header}\nC-1,R-1,refund,2026-02-10,500,USD,,WIRE-1,\n{Good}\n");

        Assert.True(result.IsComplete);
        Assert.Equal(3_500m, result.Items[0].StatusAsOf(new LocalDate(2026, 2, 10)).Collected.Amount);
    }

    [Fact]
    public void A_row_already_recorded_changes_nothing_and_a_different_one_under_its_reference_is_rejected()
    {
        var recorded = C1.Record(new Payment("WIRE-1", new LocalDate(2026, 2, 2), Money.Of(4_000m, Currency.USD)));

        var again = Read($"{Header}\n{Good}\n", [recorded, C2]);
        Assert.Equal(new CsvRowCounts(1, 1, 0), again.Rows);
        Assert.Same(recorded, again.Items[0]);

        var conflict = Read($"{Header}\nC-1,WIRE-1,payment,2026-02-02,4100.00,USD,,,\n", [recorded, C2]);
        Assert.Equal(new CsvRowCounts(1, 0, 1), conflict.Rows);
        var error = Assert.Single(conflict.Errors);
        Assert.Equal(("reference", "WIRE-1"), (error.Column, error.Value));
        Assert.StartsWith(
            "The schedule of contract C-1 rejects it: Reference \"WIRE-1\" is already recorded as",
            error.Reason,
            StringComparison.Ordinal
        );
        Assert.Same(recorded, conflict.Items[0]);
    }

    [Fact]
    public void A_row_without_currency_takes_the_default_currency_else_the_schedules()
    {
        Assert.True(Read($"{Header}\nC-1,X-1,payment,2026-02-03,10,,,,\n").IsComplete);
        Assert.Equal(
            new CsvRowError("payments", 3, "currency", "", "The schedule of contract C-1 is in USD."),
            OnlyError("C-1,X-1,payment,2026-02-03,10,,,,", new CsvReadOptions { DefaultCurrency = Currency.EUR })
        );
    }

    [Fact]
    public void A_reversal_needs_no_currency_even_for_an_unknown_contract()
    {
        var result = Read($"{Header}\n{Good}\nC-1,V-1,reversal,2026-02-05,,,,WIRE-1,\nC-9,V-2,reversal,2026-02-05,,,,WIRE-1,\n");

        Assert.Equal(new CsvRowCounts(3, 2, 1), result.Rows);
        Assert.Equal(("contract_id", 4L), (Assert.Single(result.Errors).Column, result.Errors[0].Line));
        Assert.Equal(0m, result.Items[0].StatusAsOf(new LocalDate(2026, 2, 5)).Collected.Amount);
    }

    [Fact]
    public void Stop_at_first_error_also_stops_at_the_schedules_first_rejection()
    {
        var e = Assert.Throws<CsvImportException>(() =>
            Read(
                $"{Header}\n{Good}\nC-1,R-1,refund,2026-02-10,5000,USD,,WIRE-1,\n",
                options: new CsvReadOptions { StopAtFirstError = true }
            )
        );

        Assert.Equal(3L, Assert.Single(e.Errors).Line);
    }

    [Fact]
    public void Bad_schedules_are_refused_naming_the_parameter()
    {
        var noContract = CollectionSchedule.Create(
            Money.Of(1m, Currency.USD),
            new LocalDate(2026, 1, 1),
            PaymentTerms.Create(TermsLine.Balance(DueRule.DaysAfterStart(0)))
        );

        Assert.Equal(
            "schedules",
            Assert.Throws<ArgumentNullException>(() => PaymentCsv.Read(CanonicalWriter.Utf8(Header), null!)).ParamName
        );
        Assert.Equal(
            "schedules",
            Assert.Throws<ArgumentNullException>(() => PaymentCsv.Read(CanonicalWriter.Utf8(Header), [C1, null!])).ParamName
        );
        Assert.StartsWith(
            "Schedule 0 has no ContractInfo",
            Assert.Throws<ArgumentException>(() => PaymentCsv.Read(CanonicalWriter.Utf8(Header), [noContract])).Message,
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "Schedule 1 is for contract \"C-1\", as is an earlier one",
            Assert.Throws<ArgumentException>(() => PaymentCsv.Read(CanonicalWriter.Utf8(Header), [C1, C1])).Message,
            StringComparison.Ordinal
        );
        Assert.Equal("payments", Assert.Throws<ArgumentNullException>(() => PaymentCsv.Read(null!, [C1])).ParamName);
    }
}
