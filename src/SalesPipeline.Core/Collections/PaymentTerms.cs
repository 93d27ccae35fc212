using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// How a contract is paid: <see cref="TermsLine"/>s that are a percentage of the total, a fixed amount, or the balance,
/// each with a <see cref="DueRule"/>. Validated once by <see cref="Create(TermsLine[])"/>; the same terms serve any
/// number of contracts (<see cref="CollectionSchedule.Create"/>).
/// </summary>
/// <remarks>
/// <para>The rules <see cref="Create(TermsLine[])"/> checks (every broken rule is listed in one exception):</para>
/// <list type="bullet">
/// <item>at least one line, and at most one balance line;</item>
/// <item>the percentages add up to at most 100%;</item>
/// <item>without a balance line and without fixed lines, the percentages add up to exactly 100%;</item>
/// <item>without a balance line but with fixed lines, the percentages stay below 100% (the fixed lines must fill the
/// rest exactly, which <see cref="CollectionSchedule.Create"/> checks against the total);</item>
/// <item>with a balance line, the percentages stay below 100% (else the balance would be zero or negative);</item>
/// <item>all fixed lines are in one currency.</item>
/// </list>
/// <para>Checks that need the contract total (fixed amounts larger than the total or than what the percentages leave,
/// the currency of the total) happen in <see cref="CollectionSchedule.Create"/>.</para>
/// <para>Immutable; thread-safe.</para>
/// <example><code>
/// var terms = PaymentTerms.Create(
///     TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
///     TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 7));
/// </code></example>
/// </remarks>
public sealed class PaymentTerms
{
    private PaymentTerms(IReadOnlyList<TermsLine> lines)
    {
        Lines = lines;
        PercentTotal = lines.Where(l => l.Kind == TermsLineKind.Percentage).Sum(l => l.Percent);
        HasBalance = lines.Any(l => l.Kind == TermsLineKind.Balance);
        FixedCurrency = lines.FirstOrDefault(l => l.Kind == TermsLineKind.Fixed)?.Amount!.Currency;
        InstalmentCount = lines.Sum(l => l.Instalments);
        InstalmentRules = new DueRule[InstalmentCount];
        var n = 0;
        foreach (var line in lines)
        {
            for (var k = 0; k < line.Instalments; k++)
            {
                InstalmentRules[n++] = line.Due;
            }
        }
        PercentLines = Enumerable.Range(0, lines.Count).Where(i => lines[i].Kind == TermsLineKind.Percentage).ToArray();
        PercentWeights = ScaledPercentWeights(lines, PercentLines, PercentTotal);
    }

    /// <summary>The lines, in the order given; instalments are numbered in this order.</summary>
    public IReadOnlyList<TermsLine> Lines { get; }

    /// <summary>The sum of the percentage lines (30 means 30%).</summary>
    public decimal PercentTotal { get; }

    /// <summary>Whether a balance line takes the rest.</summary>
    public bool HasBalance { get; }

    /// <summary>The number of instalments a schedule under these terms has (the sum of the lines' instalments).</summary>
    public int InstalmentCount { get; }

    internal Currency? FixedCurrency { get; }

    // The due rule of each instalment, shared (read-only) by every schedule under these terms.
    internal DueRule[] InstalmentRules { get; }

    internal int[] PercentLines { get; }

    // The percentages as integers at their common scale, then the rest (100% less their sum); null when they do not fit.
    internal long[]? PercentWeights { get; }

    /// <summary>Creates and validates payment terms.</summary>
    /// <param name="lines">The lines, in instalment order.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> or one of its lines is null.</exception>
    /// <exception cref="ArgumentException">The lines break a rule of the class remarks; the message lists every broken rule.</exception>
    /// <example><code>
    /// PaymentTerms.Create(TermsLine.Percentage(50m, DueRule.DaysAfterStart(0)), TermsLine.Percentage(50m, DueRule.OnMilestone("go-live", 30)));
    /// </code></example>
    public static PaymentTerms Create(params TermsLine[] lines) => Create((IEnumerable<TermsLine>)Preconditions.CheckNotNull(lines));

    /// <inheritdoc cref="Create(TermsLine[])"/>
    public static PaymentTerms Create(IEnumerable<TermsLine> lines)
    {
        var buffer = new List<TermsLine>();
        Preconditions.AddEach(lines, buffer.Add, "Payment terms: Line");
        var copy = buffer.ToArray();
        var problems = Problems(copy);
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "The payment terms are invalid: " + string.Join(" ", problems.Select((p, i) => $"({i + 1}) {p}")),
                nameof(lines)
            );
        }
        return new PaymentTerms(Array.AsReadOnly(copy));
    }

    private static List<string> Problems(TermsLine[] lines)
    {
        var problems = new List<string>();
        if (lines.Length == 0)
        {
            problems.Add("There are no lines; give at least one (for example TermsLine.Balance(DueRule.DaysAfterStart(30))).");
            return problems;
        }
        var percent = lines.Where(l => l.Kind == TermsLineKind.Percentage).Sum(l => l.Percent);
        var balances = lines.Count(l => l.Kind == TermsLineKind.Balance);
        var fixedLines = lines.Where(l => l.Kind == TermsLineKind.Fixed).ToArray();
        var p = percent.ToString(CultureInfo.InvariantCulture) + "%";
        if (balances > 1)
        {
            problems.Add($"There are {balances} balance lines; at most one line can take the balance.");
        }
        if (percent > 100m)
        {
            problems.Add($"The percentages add up to {p}, more than 100%.");
        }
        else if (balances == 0 && fixedLines.Length == 0 && percent != 100m)
        {
            problems.Add($"The percentages add up to {p}, not 100%; make them add up to 100% or add a balance line to take the rest.");
        }
        else if (balances == 0 && fixedLines.Length > 0 && percent == 100m)
        {
            problems.Add($"The percentages add up to 100%, so the fixed lines would exceed the contract total.");
        }
        else if (balances > 0 && percent == 100m)
        {
            problems.Add($"The percentages add up to 100%, so the balance line would be zero or negative.");
        }
        var currencies = fixedLines.Select(l => l.Amount!.Currency.Code).Distinct(StringComparer.Ordinal).ToArray();
        if (currencies.Length > 1)
        {
            problems.Add($"The fixed lines are in {string.Join(", ", currencies)}; they must all be in the contract's one currency.");
        }
        return problems;
    }

    private static long[]? ScaledPercentWeights(IReadOnlyList<TermsLine> lines, int[] percentLines, decimal percentTotal)
    {
        if (percentLines.Length == 0)
        {
            return null;
        }
        var scale = percentLines.Max(i => lines[i].Percent.Scale);
        if (scale > 15)
        {
            return null;
        }
        var factor = 1L;
        for (var i = 0; i < scale; i++)
        {
            factor *= 10;
        }
        var weights = new long[percentLines.Length + 1];
        for (var j = 0; j < percentLines.Length; j++)
        {
            weights[j] = decimal.ToInt64(lines[percentLines[j]].Percent * factor);
        }
        weights[^1] = decimal.ToInt64((100m - percentTotal) * factor);
        return weights;
    }

    /// <summary>The lines separated by "; ", for example "30% 0 days after start; balance in 7 x 1 months after start".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Join("; ", Lines);
}
