using System;
using System.Globalization;
using System.Linq;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

public sealed partial class CollectionSchedule
{
    /// <summary>
    /// Creates the schedule of a contract: one instalment per terms line (or per monthly part of a line), numbered in
    /// the order of the lines, adding up to <paramref name="contractTotal"/> exactly.
    /// </summary>
    /// <param name="contractTotal">The contract total: above zero, a whole number of minor units of a currency that has one.</param>
    /// <param name="signedOn">The start (signing) date the due rules count from.</param>
    /// <param name="terms">The payment terms.</param>
    /// <param name="contract">Who the contract belongs to, for receivables reports; optional.</param>
    /// <returns>The schedule, with an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contractTotal"/> or <paramref name="terms"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="contractTotal"/> is zero or negative; or <paramref name="signedOn"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31; or the <paramref name="terms"/> give an instalment a due date after 9999-12-31, the last supported date, counted from <paramref name="signedOn"/>.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="contractTotal"/> is not a whole number of minor units (or its currency has none); the fixed lines
    /// are in another currency; the fixed lines add up to more than the total, or more than the percentages leave of it;
    /// or, without a balance line, the lines do not add up to the total; or the <paramref name="terms"/> put a due date
    /// before <paramref name="signedOn"/> (a fixed date, or a day of the start month before the signing day).
    /// </exception>
    /// <remarks>
    /// <para>The rounding rule, in whole minor units: the percentage lines and "the rest" (100% less their sum) split the
    /// total by <see cref="Money.Allocate(System.Collections.Generic.IReadOnlyList{decimal})"/> (largest remainder,
    /// ties to the earlier line); fixed lines are exact; the balance is the rest less the fixed lines; a line with several
    /// instalments is split into equal parts by <see cref="Money.Allocate(int)"/> (leftover minor units to the
    /// first parts). So the instalments add up to the total exactly and none is negative.</para>
    /// <para>USD 100.00 under 30% / balance: 30.00 and 70.00. USD 5.47 under three lines of 33.33%, 33.33%, 33.34%: the
    /// exact parts are 182.3151, 182.3151 and 182.3698 cents, floored 182, 182, 182 (546); the one cent left goes to the
    /// largest dropped fraction, the third: 1.82, 1.82, 1.83.</para>
    /// </remarks>
    public static CollectionSchedule Create(Money contractTotal, LocalDate signedOn, PaymentTerms terms, ContractInfo? contract = null)
    {
        CheckArguments(contractTotal, signedOn, terms);
        var amounts = new long[terms.InstalmentCount];
        var due = new LocalDate?[terms.InstalmentCount];
        SplitChecked(contractTotal, signedOn, terms, amounts, due);
        return new CollectionSchedule(contract, contractTotal, signedOn, terms, amounts, due, terms.InstalmentRules, NoEntries, null, null);
    }

    // Create without the schedule: its checks and its instalments, minor units into amounts and due dates into due (each
    // of terms.InstalmentCount), throwing what Create throws. The cash forecast projects deals through this, so a
    // projected deal's instalments are those of the schedule Create would make, without making it.
    internal static void Split(Money contractTotal, LocalDate signedOn, PaymentTerms terms, Span<long> amounts, Span<LocalDate?> due)
    {
        CheckArguments(contractTotal, signedOn, terms);
        SplitChecked(contractTotal, signedOn, terms, amounts, due);
    }

    private static void CheckArguments(Money contractTotal, LocalDate signedOn, PaymentTerms terms)
    {
        EntryChecks.PositiveWholeAmount(contractTotal, "A contract total");
        Preconditions.CheckDate(signedOn);
        Preconditions.CheckNotNull(terms);
        if (terms.FixedCurrency is { } fixedCurrency && fixedCurrency != contractTotal.Currency)
        {
            throw new ArgumentException(
                $"The terms' fixed lines are in {fixedCurrency.Code} but the contract total {contractTotal} is in {contractTotal.Currency.Code}.",
                nameof(terms)
            );
        }
    }

    private static void SplitChecked(Money contractTotal, LocalDate signedOn, PaymentTerms terms, Span<long> amounts, Span<LocalDate?> due)
    {
        var units = contractTotal.ToMinorUnits();
        var problem = SplitUnits(
            units,
            contractTotal.Currency,
            terms,
            new long[terms.Lines.Count],
            amounts,
            out var rest,
            out var fixedUnits
        );
        if (problem != UnitsProblem.None)
        {
            throw UnitsException(problem, contractTotal, terms, units, rest, fixedUnits);
        }
        if (DueDates(signedOn, terms, due) is var n and >= 0)
        {
            throw DueBeforeSigning(n, terms.InstalmentRules[n], due[n]!.Value, signedOn, nameof(terms));
        }
    }

    // Why SplitUnits could not split a total (the terms' amounts do not fit it); None when it did.
    internal enum UnitsProblem
    {
        None,
        FixedBeyondTotal,
        FixedBeyondRest,
        LinesShort,
    }

    // The split rule, for a positive total of `units` minor units of `currency` under terms whose fixed lines (if any)
    // are in that currency: each line's units into lineUnits (one per line), then each line split equally into its
    // instalments' amounts (one per instalment, in the order of the lines). rest and fixedUnits are what the messages
    // of a problem quote. Throws nothing for a problem: Split reports it, the cash forecast's frame path declines.
    internal static UnitsProblem SplitUnits(
        long units,
        Currency currency,
        PaymentTerms terms,
        Span<long> lineUnits,
        Span<long> amounts,
        out long rest,
        out long fixedUnits
    )
    {
        var problem = LineUnits(units, currency, terms, lineUnits, out rest, out fixedUnits);
        if (problem != UnitsProblem.None)
        {
            return problem;
        }
        var n = 0;
        for (var i = 0; i < terms.Lines.Count; i++)
        {
            var count = terms.Lines[i].Instalments;
            SplitEqually(lineUnits[i], amounts.Slice(n, count));
            n += count;
        }
        return UnitsProblem.None;
    }

    // The instalments' due dates from signedOn into due (one per instalment); the index of the first that falls due
    // before signedOn, or -1. A due date after 9999-12-31 throws, as in Create (naming "terms").
    internal static int DueDates(LocalDate signedOn, PaymentTerms terms, Span<LocalDate?> due)
    {
        var rules = terms.InstalmentRules;
        var n = 0;
        foreach (var line in terms.Lines)
        {
            for (var k = 0; k < line.Instalments; k++, n++)
            {
                due[n] = rules[n].DueOn(signedOn, k, null);
                if (due[n] < signedOn)
                {
                    return n;
                }
            }
        }
        return -1;
    }

    // The same rule as a reschedule's: due dates exist only under the signed contract. Only a fixed date or a day of the
    // start month can fall before the signing; money received earlier is a prepayment, which needs no due date.
    private static ArgumentException DueBeforeSigning(int index, DueRule rule, LocalDate dueOn, LocalDate signedOn, string paramName) =>
        new(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Under the terms, instalment {index + 1} ({rule}) falls due on {dueOn:uuuu-MM-dd}, before the contract was signed on {signedOn:uuuu-MM-dd}; an instalment must fall due on or after the signing date."
            ),
            paramName
        );

    // Money.Allocate(n) in whole minor units: with equal weights every dropped fraction is the same, so largest remainder
    // (ties to the earlier part) gives the leftover units one each to the first parts. Written out because this runs a
    // million times in a schedule run and the general method builds a Money per part; a test checks it against
    // Money.Allocate.
    internal static void SplitEqually(long units, Span<long> parts)
    {
        var quotient = Math.DivRem(units, parts.Length, out var leftover);
        for (var k = 0; k < parts.Length; k++)
        {
            parts[k] = quotient + (k < leftover ? 1 : 0);
        }
    }

    // Each line's amount in minor units: percentages (with the rest) by largest remainder, fixed exactly, balance last.
    private static UnitsProblem LineUnits(
        long units,
        Currency currency,
        PaymentTerms terms,
        Span<long> result,
        out long rest,
        out long fixedUnits
    )
    {
        var lines = terms.Lines;
        rest = units;
        if (terms.PercentLines.Length > 0)
        {
            var shares = terms.PercentWeights is { } weights ? Split(units, weights) : SplitByDecimals(units, currency, terms);
            for (var j = 0; j < terms.PercentLines.Length; j++)
            {
                result[terms.PercentLines[j]] = shares[j];
            }
            rest = shares[^1];
        }
        fixedUnits = 0;
        var balanceLine = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind == TermsLineKind.Fixed)
            {
                result[i] = lines[i].Amount!.ToMinorUnits();
                // Each line is at most 10^18 minor units, so two never overflow a long; a sum already beyond the total
                // stays beyond it, so it stops growing there and the error reports "more than the contract total".
                fixedUnits = Math.Min(fixedUnits + result[i], units + 1);
            }
            else if (lines[i].Kind == TermsLineKind.Balance)
            {
                balanceLine = i;
            }
        }
        if (fixedUnits > rest)
        {
            return fixedUnits > units ? UnitsProblem.FixedBeyondTotal : UnitsProblem.FixedBeyondRest;
        }
        if (balanceLine >= 0)
        {
            result[balanceLine] = rest - fixedUnits;
        }
        else if (rest != fixedUnits)
        {
            return UnitsProblem.LinesShort;
        }
        return UnitsProblem.None;
    }

    private static ArgumentException UnitsException(
        UnitsProblem problem,
        Money contractTotal,
        PaymentTerms terms,
        long units,
        long rest,
        long fixedUnits
    )
    {
        var currency = contractTotal.Currency;
        var message = problem switch
        {
            UnitsProblem.FixedBeyondTotal =>
                $"The fixed lines add up to {Money.Text(FixedTotal(terms), currency)}, more than the contract total {contractTotal}.",
            UnitsProblem.FixedBeyondRest =>
                $"The fixed lines add up to {Money.Text(FixedTotal(terms), currency)}, more than the {Money.FromMinorUnits(rest, currency)} the percentages leave of the contract total {contractTotal}.",
            _ =>
                $"The terms' lines add up to {Money.FromMinorUnits(units - rest + fixedUnits, currency)}, not the contract total {contractTotal}; add a balance line to take the remaining {Money.FromMinorUnits(rest - fixedUnits, currency)}.",
        };
        return new ArgumentException(message, nameof(contractTotal));
    }

    // The fixed lines' exact total for an error message; in decimal, because it may be beyond what a Money holds.
    private static decimal FixedTotal(PaymentTerms terms)
    {
        var total = 0m;
        foreach (var line in terms.Lines)
        {
            total += line.Kind == TermsLineKind.Fixed ? line.Amount!.Amount : 0m;
        }
        return total;
    }

    // The largest-remainder split of Money.Allocate on whole minor units, without building Money objects.
    private static long[] Split(long units, long[] weights)
    {
        long sum = 0;
        foreach (var w in weights)
        {
            sum += w;
        }
        return units <= long.MaxValue / sum
            ? Money.LargestRemainder(units, weights)
            : Money.LargestRemainder(units, weights.Select(w => (Int128)w).ToArray());
    }

    // Percentages with more decimals than fit a long at their common scale: the public decimal allocation.
    private static long[] SplitByDecimals(long units, Currency currency, PaymentTerms terms)
    {
        var weights = terms.PercentLines.Select(i => terms.Lines[i].Percent).Append(100m - terms.PercentTotal).ToArray();
        return Money.FromMinorUnits(units, currency).Allocate(weights).Select(m => m.ToMinorUnits()).ToArray();
    }
}
