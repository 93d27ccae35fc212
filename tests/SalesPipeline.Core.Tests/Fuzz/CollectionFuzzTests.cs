using NodaTime;
using SalesPipeline.Collections;

namespace SalesPipeline.Tests.Fuzz;

// Payment terms and collection entries as another system or a careless caller would give them: odd percentages,
// amounts and counts, dates far from the contract, entries in any order, references reused. Building the terms and the
// schedule, recording the entries and asking for the status either works or is refused with the library's own
// documented exception; a schedule that is made always owes exactly its total.
public sealed class CollectionFuzzTests
{
    private static readonly Currency[] Currencies = [Currency.USD, Currency.USD, Currency.JPY, Currency.KWD, Currency.EUR];
    private static readonly decimal[] Amounts = [0m, 1m, 0.01m, 0.001m, -5m, 100m, 1_000.5m, 123_456.78m, 1e12m, 1e15m, 1e17m, 7.9e28m];
    private static readonly int[] Counts = [-1, 0, 1, 2, 3, 12, 60, 200];
    private static readonly int[] Days = [-1, 0, 1, 15, 30, 31, 45, 365, 36_525, 36_526, int.MinValue];

    private static LocalDate RandomDate(Random random) =>
        random.Next(20) == 0 ? new LocalDate(random.Next(1, 10_000), 12, 31) : new LocalDate(2026, 1, 1).PlusDays(random.Next(-400, 800));

    private static T Pick<T>(T[] items, Random random) => items[random.Next(items.Length)];

    private static DueRule RandomRule(Random random) =>
        random.Next(8) switch
        {
            0 => DueRule.DaysAfterStart(Pick(Days, random)),
            1 => DueRule.DaysAfterEndOfStartMonth(Pick(Days, random)),
            2 => DueRule.MonthsAfterStart(Pick(Counts, random)),
            3 => DueRule.DayOfMonth(random.Next(-1, 33), Pick(Counts, random)),
            4 => DueRule.DaysThenDayOfFollowingMonth(Pick(Days, random), random.Next(-1, 33)),
            5 => DueRule.DaysThenEndOfMonth(Pick(Days, random)),
            6 => DueRule.On(RandomDate(random)),
            _ => DueRule.OnMilestone(random.Next(5) == 0 ? " " : "go-live", Pick(Days, random)),
        };

    private static TermsLine RandomLine(Random random) =>
        random.Next(3) switch
        {
            0 => TermsLine.Percentage(
                Pick([-1m, 0m, 0.5m, 10m, 25m, 33.33m, 50m, 100m, 100.01m], random),
                RandomRule(random),
                Pick(Counts, random)
            ),
            1 => TermsLine.Fixed(Money.Of(Pick(Amounts, random), Pick(Currencies, random)), RandomRule(random), Pick(Counts, random)),
            _ => TermsLine.Balance(RandomRule(random), Pick(Counts, random)),
        };

    private static CollectionEntry RandomEntry(Random random)
    {
        var on = RandomDate(random);
        var reference = "R" + random.Next(4);
        return random.Next(6) switch
        {
            0 or 1 => new Payment(
                reference,
                on,
                Money.Of(Pick(Amounts, random), Pick(Currencies, random)),
                random.Next(3) == 0 ? random.Next(-1, 5) : null
            ),
            2 => new Refund(reference, on, "R" + random.Next(4), Money.Of(Pick(Amounts, random), Pick(Currencies, random))),
            3 => new Reversal(reference, on, "R" + random.Next(4)),
            4 => new Reschedule(random.Next(-1, 6), RandomDate(random), on),
            _ => new MilestoneReached(random.Next(4) == 0 ? "launch" : "go-live", on),
        };
    }

    [Fact]
    public void Odd_terms_and_entries_make_a_schedule_or_are_refused_with_a_documented_error()
    {
        var (cases, refused) = Fuzzer.Run(
            random => $"case {random.Next()}",
            (input, random) =>
            {
                var terms = PaymentTerms.Create(Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomLine(random)).ToArray());
                var total = Money.Of(Pick(Amounts, random), Pick(Currencies, random));
                var schedule = CollectionSchedule.Create(total, RandomDate(random), terms);
                Assert.Equal(total.Amount, schedule.Instalments.Sum(i => i.Amount.Amount));
                for (var k = random.Next(0, 6); k > 0; k--)
                {
                    try
                    {
                        schedule = schedule.Record(RandomEntry(random));
                    }
                    catch (Exception e) when (Fuzzer.ThrownByTheLibrary(e))
                    {
                        // A refused entry: the schedule is unchanged and the next entry is tried.
                    }
                }
                _ = schedule.StatusAsOf(RandomDate(random));
            },
            Fuzzer.ThrownByTheLibrary
        );
        Assert.InRange(refused, 1, cases - 1);
    }
}
