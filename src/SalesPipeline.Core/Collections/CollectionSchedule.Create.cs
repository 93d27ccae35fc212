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
        var lineUnits = LineUnits(contractTotal, terms);
        var amounts = new long[terms.InstalmentCount];
        var due = new LocalDate?[terms.InstalmentCount];
        var n = 0;
        for (var i = 0; i < terms.Lines.Count; i++)
        {
            var line = terms.Lines[i];
            SplitEqually(lineUnits[i], amounts.AsSpan(n, line.Instalments));
            for (var k = 0; k < line.Instalments; k++, n++)
            {
                due[n] = line.Due.DueOn(signedOn, k, null);
                if (due[n] < signedOn)
                {
                    throw DueBeforeSigning(n, line.Due, due[n]!.Value, signedOn, nameof(terms));
                }
            }
        }
        return new CollectionSchedule(contract, contractTotal, signedOn, terms, amounts, due, terms.InstalmentRules, NoEntries, null, null);
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
    private static long[] LineUnits(Money contractTotal, PaymentTerms terms)
    {
        var units = contractTotal.ToMinorUnits();
        var lines = terms.Lines;
        var result = new long[lines.Count];
        var rest = units;
        if (terms.PercentLines.Length > 0)
        {
            var shares = terms.PercentWeights is { } weights ? Split(units, weights) : SplitByDecimals(contractTotal, terms);
            for (var j = 0; j < terms.PercentLines.Length; j++)
            {
                result[terms.PercentLines[j]] = shares[j];
            }
            rest = shares[^1];
        }
        long fixedUnits = 0;
        var balanceLine = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind == TermsLineKind.Fixed)
            {
                result[i] = lines[i].Amount!.ToMinorUnits();
                // Each line is at most 10^18 minor units, so two never overflow a long; a sum already beyond the total
                // stays beyond it, so it stops growing there and the error below reports "more than the contract total".
                fixedUnits = Math.Min(fixedUnits + result[i], units + 1);
            }
            else if (lines[i].Kind == TermsLineKind.Balance)
            {
                balanceLine = i;
            }
        }
        if (fixedUnits > rest)
        {
            var fixedMoney = Money.Text(FixedTotal(terms), contractTotal.Currency);
            throw new ArgumentException(
                fixedUnits > units
                    ? $"The fixed lines add up to {fixedMoney}, more than the contract total {contractTotal}."
                    : $"The fixed lines add up to {fixedMoney}, more than the {Money.FromMinorUnits(rest, contractTotal.Currency)} the percentages leave of the contract total {contractTotal}.",
                nameof(contractTotal)
            );
        }
        if (balanceLine >= 0)
        {
            result[balanceLine] = rest - fixedUnits;
        }
        else if (rest != fixedUnits)
        {
            throw new ArgumentException(
                $"The terms' lines add up to {Money.FromMinorUnits(units - rest + fixedUnits, contractTotal.Currency)}, not the contract total {contractTotal}; add a balance line to take the remaining {Money.FromMinorUnits(rest - fixedUnits, contractTotal.Currency)}.",
                nameof(contractTotal)
            );
        }
        return result;
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
    private static long[] SplitByDecimals(Money total, PaymentTerms terms)
    {
        var weights = terms.PercentLines.Select(i => terms.Lines[i].Percent).Append(100m - terms.PercentTotal).ToArray();
        return total.Allocate(weights).Select(m => m.ToMinorUnits()).ToArray();
    }
}
