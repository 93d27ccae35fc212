#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// Every code block of docs/collections.md, in order; CI runs this file and a test checks the blocks still match it.
// Expect(...) stops the script with a non-zero exit code if a documented figure ever changes.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Collections;
using SalesPipeline.Deals;

static void Expect(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("docs/collections.md is out of date: " + what);
    }
}

static bool RefusedBeforeSigning(Action action)
{
    try
    {
        action();
        return false;
    }
    catch (ArgumentException e)
    {
        return e.ParamName == "newDueOn" && e.Message.Contains("before the contract was signed on 2026-01-31", StringComparison.Ordinal);
    }
}

// Payment terms and a schedule
var terms = PaymentTerms.Create(
    TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
    TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 2)
);
var contract = new ContractInfo("C-2026-017", "Globex", "alice", new DealId("D-1001"));
var schedule = CollectionSchedule.Create(Money.Of(10_000m, Currency.USD), new LocalDate(2026, 1, 31), terms, contract);
Console.WriteLine(schedule);

// #1 USD 3,000.00 2026-01-31 | #2 USD 3,500.00 2026-02-28 | #3 USD 3,500.00 2026-03-31
Expect(schedule.Instalments[1].DueOn == new LocalDate(2026, 2, 28), "Jan 31 + 1 month");

// Rounding: three equal parts, 5.47, yen, dinar
PaymentTerms ThreeMonthly() => PaymentTerms.Create(TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 3));
var signed = new LocalDate(2026, 1, 31);
var usd100 = CollectionSchedule.Create(Money.Of(100m, Currency.USD), signed, ThreeMonthly()); // 33.34, 33.33, 33.33
var usd547 = CollectionSchedule.Create(Money.Of(5.47m, Currency.USD), signed, ThreeMonthly()); // 1.83, 1.82, 1.82
var jpy = CollectionSchedule.Create(Money.Of(100_000m, Currency.JPY), signed, ThreeMonthly()); // 33,334, 33,333, 33,333
var kwd = CollectionSchedule.Create(Money.Of(10m, Currency.KWD), signed, ThreeMonthly()); // 3.334, 3.333, 3.333
var byPercent = CollectionSchedule.Create(
    Money.Of(5.47m, Currency.USD),
    signed,
    PaymentTerms.Create(
        TermsLine.Percentage(33.33m, DueRule.DaysAfterStart(0)),
        TermsLine.Percentage(33.33m, DueRule.DaysAfterStart(30)),
        TermsLine.Percentage(33.34m, DueRule.DaysAfterStart(60))
    )
); // 1.82, 1.82, 1.83
foreach (var s in new[] { usd100, usd547, jpy, kwd, byPercent })
{
    Console.WriteLine(string.Join(", ", s.Instalments.Select(i => i.Amount)));
}
Expect(string.Join(",", usd100.Instalments.Select(i => i.Amount.Amount)) == "33.34,33.33,33.33", "100 in three");
Expect(string.Join(",", usd547.Instalments.Select(i => i.Amount.Amount)) == "1.83,1.82,1.82", "5.47 in three");
Expect(string.Join(",", jpy.Instalments.Select(i => i.Amount.Amount)) == "33334,33333,33333", "yen");
Expect(string.Join(",", kwd.Instalments.Select(i => i.Amount.Amount)) == "3.334,3.333,3.333", "dinar");
Expect(string.Join(",", byPercent.Instalments.Select(i => i.Amount.Amount)) == "1.82,1.82,1.83", "5.47 by percentages");

// Due dates across month ends and leap years
var leap = new LocalDate(2028, 1, 31);
Console.WriteLine(DueDates(leap, DueRule.MonthsAfterStart(1))); // 2028-02-29, 2028-03-31, 2028-04-30
Console.WriteLine(DueDates(new LocalDate(2026, 1, 15), DueRule.DayOfMonth(31, 1))); // 2026-02-28, 2026-03-31, 2026-04-30
Console.WriteLine(DueDates(new LocalDate(2026, 1, 15), DueRule.DaysAfterEndOfStartMonth(30))); // 2026-03-02
Console.WriteLine(DueDates(new LocalDate(2023, 12, 12), DueRule.DaysThenDayOfFollowingMonth(30, 31))); // 2024-02-29
Console.WriteLine(DueDates(new LocalDate(2026, 1, 1), DueRule.DaysThenDayOfFollowingMonth(0, 10))); // 2026-02-10
Console.WriteLine(DueDates(new LocalDate(2024, 4, 22), DueRule.DaysThenEndOfMonth(30))); // 2024-05-31

string DueDates(LocalDate start, DueRule rule) =>
    string.Join(
        ", ",
        CollectionSchedule
            .Create(Money.Of(300m, Currency.USD), start, PaymentTerms.Create(TermsLine.Balance(rule, rule.IsMonthly ? 3 : 1)))
            .Instalments.Select(i => i.DueOn!.Value.ToString("uuuu-MM-dd", null))
    );
Expect(DueDates(leap, DueRule.MonthsAfterStart(1)) == "2028-02-29, 2028-03-31, 2028-04-30", "leap year");
Expect(DueDates(new LocalDate(2023, 12, 12), DueRule.DaysThenDayOfFollowingMonth(30, 31)) == "2024-02-29", "day 31, clamped");
Expect(DueDates(new LocalDate(2026, 1, 1), DueRule.DaysThenDayOfFollowingMonth(0, 10)) == "2026-02-10", "always the next month");
Expect(DueDates(new LocalDate(2024, 4, 22), DueRule.DaysThenEndOfMonth(30)) == "2024-05-31", "then end of month");

// Payments and status as of a date
var paid = schedule.Record(new Payment("WIRE-1", new LocalDate(2026, 2, 2), Money.Of(4_000m, Currency.USD)));
var status = paid.StatusAsOf(new LocalDate(2026, 3, 5));
Console.WriteLine(status);

// #1 Paid; #2 Overdue 5 days, USD 1,000.00 paid; #3 Scheduled
// billed USD 6,500.00 | collected USD 4,000.00 | outstanding USD 2,500.00 | overdue USD 2,500.00
Expect(status.Instalments[1].DaysOverdue == 5 && status.Outstanding == Money.Of(2_500m, Currency.USD), "status worked example");

// Replays, conflicts, overpayment and refunds
var again = paid.Record(new Payment("WIRE-1", new LocalDate(2026, 2, 2), Money.Of(4_000m, Currency.USD)));
Console.WriteLine(ReferenceEquals(again, paid)); // True: the same payment twice counts once
try
{
    paid.Record(new Payment("WIRE-1", new LocalDate(2026, 2, 2), Money.Of(400m, Currency.USD)));
}
catch (ReferenceConflictException e)
{
    Console.WriteLine(e.Message); // Reference "WIRE-1" is already recorded as "payment WIRE-1 2026-02-02 USD 4,000.00"; ...
}
var settled = paid.Record(new Payment("WIRE-2", new LocalDate(2026, 3, 30), Money.Of(6_500m, Currency.USD)));
Console.WriteLine(settled.StatusAsOf(new LocalDate(2026, 4, 1)).Credit); // USD 500.00
var refunded = settled.Record(new Refund("RF-1", new LocalDate(2026, 4, 2), "WIRE-2", Money.Of(500m, Currency.USD), "overpaid"));
Console.WriteLine(refunded.StatusAsOf(new LocalDate(2026, 4, 2)).Credit); // USD 0.00
Expect(ReferenceEquals(again, paid), "idempotent");
Expect(refunded.StatusAsOf(new LocalDate(2026, 4, 2)).Collected == Money.Of(10_000m, Currency.USD), "refund");

// Reversals, reschedules, milestones and costs
var bounced = paid.Record(new Reversal("RV-1", new LocalDate(2026, 2, 9), "WIRE-1", "cheque bounced"));
Console.WriteLine(bounced.StatusAsOf(new LocalDate(2026, 2, 9)).Collected); // USD 0.00
var moved = paid.Reschedule(2, new LocalDate(2026, 4, 15), on: new LocalDate(2026, 3, 2), reason: "customer asked");
Console.WriteLine(moved.Instalments[1]); // #2 USD 3,500.00 due 2026-04-15 (PreviousDueDates: 2026-02-28)
Console.WriteLine(moved.StatusAsOf(new LocalDate(2026, 3, 1)).Instalments[1].State); // Overdue (agreed on 2026-03-02)
var goLive = CollectionSchedule.Create(
    Money.Of(1_000m, Currency.USD),
    new LocalDate(2026, 3, 1),
    PaymentTerms.Create(TermsLine.Percentage(50m, DueRule.DaysAfterStart(0)), TermsLine.Balance(DueRule.OnMilestone("go-live", 30)))
);
Console.WriteLine(goLive.StatusAsOf(new LocalDate(2027, 1, 1)).Instalments[1].State); // AwaitingMilestone
var live = goLive.SetMilestone("go-live", new LocalDate(2026, 4, 20)); // #2 due 2026-05-20
var withCost = paid.Record(new ContractCost("CO-1", new LocalDate(2026, 2, 3), Money.Of(400m, Currency.USD), "reseller commission"));
Console.WriteLine(withCost.StatusAsOf(new LocalDate(2026, 3, 5)).CollectedLessCosts); // USD 3,600.00
try
{
    paid.Reschedule(2, new LocalDate(2020, 1, 15), on: new LocalDate(2026, 2, 20));
}
catch (ArgumentException e)
{
    // reschedule #2 to 2020-01-15 on 2026-02-20 moves the instalment to 2020-01-15, before the contract was signed on
    // 2026-01-31; an instalment must fall due on or after the signing date. (Parameter 'newDueOn')
    Console.WriteLine(e.Message);
}
Expect(RefusedBeforeSigning(() => paid.Reschedule(2, new LocalDate(2020, 1, 15), on: new LocalDate(2026, 2, 20))), "before signing");
Expect(moved.Instalments[1].PreviousDueDates.Single() == new LocalDate(2026, 2, 28), "previous due date");
Expect(live.Instalments[1].DueOn == new LocalDate(2026, 5, 20), "milestone");

// Bad input
try
{
    CollectionSchedule.Create(
        Money.Of(1_000m, Currency.USD),
        signed,
        PaymentTerms.Create(
            TermsLine.Fixed(Money.Of(1_500m, Currency.USD), DueRule.DaysAfterStart(0)),
            TermsLine.Balance(DueRule.DaysAfterStart(30))
        )
    );
}
catch (ArgumentException e)
{
    Console.WriteLine(e.Message); // The fixed lines add up to USD 1,500.00, more than the contract total USD 1,000.00. (Parameter 'contractTotal')
}
try
{
    PaymentTerms.Create(TermsLine.Percentage(40m, DueRule.DaysAfterStart(0)), TermsLine.Percentage(50m, DueRule.DaysAfterStart(30)));
}
catch (ArgumentException e)
{
    Console.WriteLine(e.Message); // The payment terms are invalid: (1) The percentages add up to 90%, not 100%; ...
}

// Many payments at once
var batch = schedule.RecordAll([
    new Payment("P-1", new LocalDate(2026, 1, 31), Money.Of(3_000m, Currency.USD)),
    new Payment("P-2", new LocalDate(2026, 2, 27), Money.Of(3_500m, Currency.USD)),
]);
Console.WriteLine(batch.StatusAsOf(new LocalDate(2026, 3, 1)).Overdue); // USD 0.00
