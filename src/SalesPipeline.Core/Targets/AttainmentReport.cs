using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Utility;

namespace SalesPipeline.Targets;

/// <summary>
/// The "sales plan completion" report: one <see cref="AttainmentLine"/> per quota (person, team or company, per
/// period): target, won, completion rate, gap, open and weighted pipeline, coverage and required coverage.
/// </summary>
/// <remarks>Two reports are equal when their currency, as-of date, win rate and lines are. Immutable; thread-safe.</remarks>
public sealed record AttainmentReport
{
    internal AttainmentReport(Currency currency, LocalDate asOf, decimal? winRate, IReadOnlyList<AttainmentLine> lines)
    {
        Currency = currency;
        AsOf = asOf;
        WinRate = winRate;
        Lines = lines;
    }

    /// <summary>The currency of every figure (the quotas' currency).</summary>
    public Currency Currency { get; }

    /// <summary>The date the report was made on: open deals expected to close before it count in no period's pipeline.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The historical win rate required coverage comes from, or null.</summary>
    public decimal? WinRate { get; }

    /// <summary>One line per quota, in the order the quotas were given.</summary>
    public IReadOnlyList<AttainmentLine> Lines { get; }

    /// <summary>The line of one subject (a person, a team or the company) in one period.</summary>
    /// <param name="period">The quota's period.</param>
    /// <param name="subjectId">The person's or team's id, or the company's name.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The report has no quota for that subject and period; the message lists the subjects the period has.</exception>
    /// <example><code>report[calendar.Quarter(2026, 1), "alice"].CompletionRate</code></example>
    public AttainmentLine this[FiscalPeriod period, string subjectId]
    {
        get
        {
            Preconditions.CheckNotNull(period);
            Preconditions.CheckNotNull(subjectId);
            return TryGet(period, subjectId, out var line)
                ? line
                : throw Lookup.NotFound(
                    $"attainment report for {period.Label}",
                    subjectId,
                    Lines.Where(l => l.Quota.Period.Equals(period)).Select(l => l.Quota.SubjectId)
                );
        }
    }

    /// <summary>Finds the line of one subject in one period, without throwing.</summary>
    /// <param name="period">The quota's period.</param>
    /// <param name="subjectId">The person's or team's id, or the company's name.</param>
    /// <param name="line">The line, or null.</param>
    /// <returns>True when the report has that line.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public bool TryGet(FiscalPeriod period, string subjectId, [NotNullWhen(true)] out AttainmentLine? line)
    {
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(subjectId);
        return Lookup.TryFind(Lines, l => l.Quota.SubjectId == subjectId && l.Quota.Period.Equals(period), out line);
    }

    /// <summary>Whether the currency, as-of date, win rate and every line are equal.</summary>
    /// <param name="other">The other report.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(AttainmentReport? other) =>
        other is not null
        && Currency == other.Currency
        && AsOf == other.AsOf
        && WinRate == other.WinRate
        && Lines.SequenceEqual(other.Lines);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Currency, AsOf, WinRate, Lines.Count);

    /// <summary>A table: one row per line.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(
            CultureInfo.InvariantCulture,
            $"{"Subject", -12} {"Period", -22} {"Target", 18} {"Won", 18} {"Done", 7} {"Gap", 18} {"Open", 18} {"Weighted", 18} {"Cover", 7} {"Need", 7}\n"
        );
        foreach (var l in Lines)
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"{l.Quota.SubjectId, -12} {l.Quota.Period.Label, -22} {Amount(l.Target), 18} {Amount(l.Won), 18} {AttainmentLine.Percent(l.CompletionRate), 7} {Amount(l.Gap), 18} {Amount(l.OpenPipeline), 18} {Amount(l.WeightedPipeline), 18} {AttainmentLine.Times(l.Coverage), 7} {AttainmentLine.Times(l.RequiredCoverage), 7}\n"
            );
        }
        return sb.ToString();
    }

    // The currency is the report's, so the rows show bare amounts: "1,200,000.00".
    private static string Amount(Money m) => m.ToString()[(m.Currency.Code.Length + 1)..];
}
