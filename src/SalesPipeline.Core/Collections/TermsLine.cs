using System;
using System.Globalization;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// One line of <see cref="PaymentTerms"/>: an amount (a percentage of the total, a fixed amount, or the balance) and when
/// it falls due, optionally spread over several equal monthly instalments.
/// </summary>
/// <remarks>
/// <para>A line with <see cref="Instalments"/> n &gt; 1 splits its amount into n equal parts with
/// <see cref="Money.Allocate(int)"/> (largest remainder, leftover minor units to the first parts: 100.00 in three is
/// 33.34, 33.33, 33.33) and dates the k-th part by its monthly due rule k months later. Only the two monthly due rules
/// (<see cref="DueRuleKind.MonthsAfterStart"/>, <see cref="DueRuleKind.DayOfMonth"/>) can repeat.</para>
/// <para>Immutable; thread-safe.</para>
/// <example><code>
/// TermsLine.Percentage(30m, DueRule.DaysAfterStart(0));                 // 30% on signing
/// TermsLine.Fixed(Money.Of(5_000m, Currency.USD), DueRule.DaysAfterStart(30));
/// TermsLine.Balance(DueRule.DayOfMonth(15, 1), instalments: 12);        // the rest in 12 monthly parts
/// </code></example>
/// </remarks>
public sealed record TermsLine
{
    private TermsLine(TermsLineKind kind, decimal percent, Money? amount, DueRule due, int instalments)
    {
        Kind = kind;
        Percent = percent;
        Amount = amount;
        Due = due;
        Instalments = instalments;
    }

    /// <summary>Percentage, fixed amount or balance.</summary>
    public TermsLineKind Kind { get; }

    /// <summary>The percentage of the contract total (30 means 30%); 0 unless <see cref="Kind"/> is Percentage.</summary>
    public decimal Percent { get; }

    /// <summary>The fixed amount; null unless <see cref="Kind"/> is Fixed.</summary>
    public Money? Amount { get; }

    /// <summary>When the line (its first instalment) falls due.</summary>
    public DueRule Due { get; }

    /// <summary>How many equal monthly instalments the line is paid in; 1 for a single payment.</summary>
    public int Instalments { get; }

    /// <summary>A percentage of the contract total.</summary>
    /// <param name="percent">The percentage, above 0 and at most 100 (30 means 30%); any number of decimals.</param>
    /// <param name="due">When it falls due.</param>
    /// <param name="instalments">The number of equal monthly instalments, 1 to 1,200 (above 1 needs a monthly due rule).</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="due"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not above 0 and at most 100, or <paramref name="instalments"/> is below 1 or above 1,200.</exception>
    /// <exception cref="ArgumentException"><paramref name="instalments"/> is above 1 and the due rule is not monthly.</exception>
    public static TermsLine Percentage(decimal percent, DueRule due, int instalments = 1)
    {
        if (percent <= 0m || percent > 100m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(percent),
                percent,
                $"A percentage line must be above 0% and at most 100%; it was {percent.ToString(CultureInfo.InvariantCulture)}%."
            );
        }
        return new(TermsLineKind.Percentage, percent, null, Preconditions.CheckNotNull(due), CheckInstalments(instalments, due));
    }

    /// <summary>A fixed amount.</summary>
    /// <param name="amount">The amount: above zero, a whole number of minor units of a currency that has one.</param>
    /// <param name="due">When it falls due.</param>
    /// <param name="instalments">The number of equal monthly instalments, 1 to 1,200 (above 1 needs a monthly due rule).</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="amount"/> or <paramref name="due"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is zero or negative, or <paramref name="instalments"/> is below 1 or above 1,200.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="amount"/> is not a whole number of minor units (or its currency has none), or
    /// <paramref name="instalments"/> is above 1 and the due rule is not monthly.
    /// </exception>
    public static TermsLine Fixed(Money amount, DueRule due, int instalments = 1)
    {
        EntryChecks.PositiveWholeAmount(amount, "A fixed line");
        return new(TermsLineKind.Fixed, 0m, amount, Preconditions.CheckNotNull(due), CheckInstalments(instalments, due));
    }

    /// <summary>The balance: the contract total less every other line. At most one per terms.</summary>
    /// <param name="due">When it falls due.</param>
    /// <param name="instalments">The number of equal monthly instalments, 1 to 1,200 (above 1 needs a monthly due rule).</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="due"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instalments"/> is below 1 or above 1,200.</exception>
    /// <exception cref="ArgumentException"><paramref name="instalments"/> is above 1 and the due rule is not monthly.</exception>
    public static TermsLine Balance(DueRule due, int instalments = 1) =>
        new(TermsLineKind.Balance, 0m, null, Preconditions.CheckNotNull(due), CheckInstalments(instalments, due));

    // 100 years of monthly parts: the schedule's arrays stay small, and with DueRule's 1,200-month limit the last part
    // is due at most 200 years after signing.
    internal const int MaxInstalments = 1_200;

    private static int CheckInstalments(int instalments, DueRule due)
    {
        Preconditions.CheckNotNull(due);
        if (instalments is < 1 or > MaxInstalments)
        {
            throw new ArgumentOutOfRangeException(
                nameof(instalments),
                instalments,
                $"A terms line is paid in 1 to {MaxInstalments} instalments; {instalments} were asked for."
            );
        }
        if (instalments > 1 && !due.IsMonthly)
        {
            throw new ArgumentException(
                $"Only a monthly due rule (MonthsAfterStart, DayOfMonth) can repeat; {instalments} instalments were asked for with \"{due}\".",
                nameof(instalments)
            );
        }
        return instalments;
    }

    /// <summary>"30% 0 days after start", "USD 5,000.00 30 days after start", "balance in 12 x day 15, 1 months after start month".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var what = Kind switch
        {
            TermsLineKind.Percentage => Percent.ToString(CultureInfo.InvariantCulture) + "%",
            TermsLineKind.Fixed => Amount!.ToString(),
            _ => "balance",
        };
        return Instalments == 1 ? $"{what} {Due}" : string.Create(CultureInfo.InvariantCulture, $"{what} in {Instalments} x {Due}");
    }
}
