using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Collections;

namespace SalesPipeline.Tests.Collections;

// Generators for the collection properties. Money is whole minor units; percentages are whole basis points (33.33%).
internal static class CollectionGen
{
    public sealed record TermsCase(Currency Currency, long TotalUnits, LocalDate SignedOn, IReadOnlyList<TermsLine> Lines)
    {
        public Money Total => Money.FromMinorUnits(TotalUnits, Currency);

        public PaymentTerms Terms => PaymentTerms.Create(Lines);

        public CollectionSchedule Schedule() => CollectionSchedule.Create(Total, SignedOn, Terms);

        public override string ToString() => $"{Total} signed {SignedOn} terms [{string.Join("; ", Lines)}]";
    }

    public static readonly Gen<Currency> Currencies = Gen.Elements(Currency.USD, Currency.JPY, Currency.KWD, Currency.FromCode("CLF"));

    public static readonly Gen<LocalDate> Dates = Gen.Choose(0, 1_500).Select(d => new LocalDate(2024, 1, 1).PlusDays(d));

    // From 1 minor unit to about 10^12, small totals (where rounding bites) as often as large ones.
    public static readonly Gen<long> TotalUnits = Gen.Frequency(
        (1, Gen.Choose(1, 100).Select(i => (long)i)),
        (1, Gen.Choose(101, 10_000_000).Select(i => (long)i)),
        (1, from high in Gen.Choose(0, 1_000_000) from low in Gen.Choose(1, 1_000_000) select (high * 1_000_000L) + low)
    );

    // Due rules for a contract signed on signedOn. A due date before the signing is refused (issue 15), so the fixed
    // dates and the days of the start month are drawn on or after it: the signing day itself as often as any other.
    public static Gen<DueRule> SingleRules(LocalDate signedOn) =>
        Gen.OneOf(
            Gen.Choose(0, 90).Select(DueRule.DaysAfterStart),
            Gen.Choose(0, 60).Select(DueRule.DaysAfterEndOfStartMonth),
            Gen.Choose(0, 24).Select(DueRule.MonthsAfterStart),
            DayOfMonthRules(signedOn, 24),
            Gen.Choose(0, 400).Select(d => DueRule.On(signedOn.PlusDays(d))),
            from days in Gen.Choose(0, 90)
            from day in Gen.Choose(1, 31)
            select DueRule.DaysThenDayOfFollowingMonth(days, day),
            Gen.Choose(0, 90).Select(DueRule.DaysThenEndOfMonth),
            from name in Gen.Elements("go-live", "delivery")
            from days in Gen.Choose(0, 60)
            select DueRule.OnMilestone(name, days)
        );

    public static Gen<DueRule> MonthlyRules(LocalDate signedOn) =>
        Gen.OneOf(Gen.Choose(0, 3).Select(DueRule.MonthsAfterStart), DayOfMonthRules(signedOn, 3));

    // In the start month (months = 0) only the days from the signing day on.
    private static Gen<DueRule> DayOfMonthRules(LocalDate signedOn, int maxMonths) =>
        from months in Gen.Choose(0, maxMonths)
        from day in Gen.Choose(months == 0 ? signedOn.Day : 1, 31)
        select DueRule.DayOfMonth(day, months);

    // A due rule and a number of instalments that fit together (several only with a monthly rule).
    public static Gen<(DueRule Rule, int Count)> Timing(LocalDate signedOn) =>
        Gen.Frequency(
            (2, SingleRules(signedOn).Select(r => (r, 1))),
            (1, from r in MonthlyRules(signedOn) from n in Gen.Choose(2, 12) select (r, n))
        );

    // Valid by construction: percentages in basis points adding to 100% (no balance) or below it (with a balance and
    // optionally fixed lines that fit in what the percentages leave: floor(total x rest%)).
    public static readonly Gen<TermsCase> ValidTerms =
        from currency in Currencies
        from units in TotalUnits
        from signedOn in Dates
        from withBalance in Gen.Elements(true, false)
        from percentCount in withBalance ? Gen.Choose(0, 4) : Gen.Choose(1, 4)
        from basisPoints in Gen.ArrayOf(Gen.Choose(1, 9_999 / Math.Max(1, percentCount)), percentCount)
        from fixedCount in withBalance ? Gen.Choose(0, 3) : Gen.Constant(0)
        from fixedPermille in Gen.ArrayOf(Gen.Choose(0, 1_000), fixedCount)
        from timings in Gen.ArrayOf(Timing(signedOn), percentCount + fixedCount + 1)
        from order in Gen.Shuffle(Enumerable.Range(0, percentCount + fixedCount + (withBalance ? 1 : 0)).ToArray())
        select BuildValid(currency, units, signedOn, withBalance, basisPoints, fixedPermille, timings, order);

    private static TermsCase BuildValid(
        Currency currency,
        long units,
        LocalDate signedOn,
        bool withBalance,
        int[] basisPoints,
        int[] fixedPermille,
        (DueRule Rule, int Count)[] timings,
        int[] order
    )
    {
        if (!withBalance)
        {
            basisPoints[^1] = 10_000 - basisPoints[..^1].Sum();
        }
        var lines = new List<TermsLine>();
        var t = 0;
        foreach (var bp in basisPoints)
        {
            lines.Add(TermsLine.Percentage(bp / 100m, timings[t].Rule, timings[t++].Count));
        }
        var restFloor = (long)((Int128)units * (10_000 - basisPoints.Sum()) / 10_000);
        var share = fixedPermille.Length == 0 ? 0 : restFloor / fixedPermille.Length;
        foreach (var permille in fixedPermille)
        {
            var amount = Math.Max(1, share * permille / 1_000);
            if (share >= 1)
            {
                lines.Add(TermsLine.Fixed(Money.FromMinorUnits(amount, currency), timings[t].Rule, timings[t++].Count));
            }
        }
        if (withBalance)
        {
            lines.Add(TermsLine.Balance(timings[t].Rule, timings[t].Count));
        }
        var shuffled = order.Where(i => i < lines.Count).Select(i => lines[i]).ToArray();
        return new TermsCase(currency, units, signedOn, shuffled);
    }

    // Anything: percentages up to 100% each, fixed amounts up to twice the total, any number of balance lines, due dates
    // before the signing. Many are invalid; the property is that Create either rejects them or splits exactly.
    public static readonly Gen<TermsCase> AnyTerms =
        from currency in Currencies
        from units in TotalUnits
        from signedOn in Dates
        from count in Gen.Choose(1, 6)
        from lines in Gen.ArrayOf(AnyLine(currency, units), count)
        select new TermsCase(currency, units, signedOn, lines);

    private static Gen<TermsLine> AnyLine(Currency currency, long units) =>
        from kind in Gen.Choose(0, 2)
        from bp in Gen.Choose(1, 10_000)
        from permille in Gen.Choose(1, 2_000)
        from ruleDate in Dates // unrelated to the signing date, so some lines fall due before it
        from timing in Timing(ruleDate)
        select kind switch
        {
            0 => TermsLine.Percentage(bp / 100m, timing.Rule, timing.Count),
            1 => TermsLine.Fixed(
                Money.FromMinorUnits(Math.Max(1, (long)((Int128)units * permille / 1_000)), currency),
                timing.Rule,
                timing.Count
            ),
            _ => TermsLine.Balance(timing.Rule, timing.Count),
        };

    // One step of a random script, resolved against the schedule as it stands (indexes are taken modulo what exists).
    public sealed record Op(int Kind, int A, int B, int Day)
    {
        public override string ToString() => $"{Kind}:{A}/{B}@{Day}";
    }

    public static readonly Gen<Op> Ops =
        from kind in Gen.Frequency(
            (8, Gen.Constant(0)), // payment
            (3, Gen.Constant(1)), // refund
            (1, Gen.Constant(2)), // reversal
            (1, Gen.Constant(3)), // cost
            (1, Gen.Constant(4)), // reschedule
            (1, Gen.Constant(5)), // milestone
            (2, Gen.Constant(6)) // replay an entry already recorded
        )
        from a in Gen.Choose(0, 1_000_000)
        from b in Gen.Choose(0, 1_000)
        from day in Gen.Choose(-30, 500)
        select new Op(kind, a, b, day);

    public sealed record Script(TermsCase Case, IReadOnlyList<Op> Steps)
    {
        public override string ToString() => $"{Case} ops [{string.Join(", ", Steps)}]";
    }

    public static readonly Gen<Script> Scripts =
        from c in ValidTerms.Where(c => c.TotalUnits >= 10 && c.TotalUnits <= 100_000_000)
        from steps in Gen.Choose(1, 25).SelectMany(n => Gen.ArrayOf(Ops, n))
        select new Script(c, steps);

    // Turns a step into an entry for `schedule`, or null when the step does not apply (nothing to refund yet).
    public static CollectionEntry? EntryFor(Op op, CollectionSchedule schedule, int step)
    {
        var currency = schedule.Currency;
        var total = schedule.Total.ToMinorUnits();
        var on = schedule.SignedOn.PlusDays(op.Day);
        var payments = schedule.History.OfType<Payment>().ToArray();
        switch (op.Kind)
        {
            case 0:
                var units = 1 + (long)((Int128)op.A * (total * 3 / 4) / 1_000_000);
                int? target = op.B % 4 == 0 ? 1 + (op.B % schedule.InstalmentCount) : null;
                return new Payment($"P{step}", on, Money.FromMinorUnits(units, currency), target);
            case 1 or 2 when payments.Length > 0:
                var paid = payments[op.A % payments.Length];
                var refundOn = paid.On.PlusDays(Math.Abs(op.Day) % 60);
                return op.Kind == 1
                    ? new Refund(
                        $"R{step}",
                        refundOn,
                        paid.Reference,
                        Money.FromMinorUnits(1 + (paid.Amount.ToMinorUnits() * op.B / 1_000), currency)
                    )
                    : new Reversal($"V{step}", refundOn, paid.Reference);
            case 3:
                return new ContractCost($"C{step}", on, Money.FromMinorUnits(1 + (op.A % 10_000), currency), "cost");
            case 4:
                return new Reschedule(1 + (op.A % schedule.InstalmentCount), on.PlusDays(op.B % 90), on);
            case 5:
                var milestones = schedule.Instalments.Select(i => i.Milestone).OfType<string>().Distinct().ToArray();
                return milestones.Length == 0 ? null : new MilestoneReached(milestones[op.A % milestones.Length], on);
            case 6 when schedule.History.Count > 0:
                return schedule.History[op.A % schedule.History.Count];
            default:
                return null;
        }
    }
}
