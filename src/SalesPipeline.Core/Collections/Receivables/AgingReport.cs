using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;

namespace SalesPipeline.Collections;

/// <summary>The result of <see cref="Aging.Of"/>: outstanding receivables by bucket of days overdue.</summary>
/// <remarks>
/// <para>Every set of lines (<see cref="ByCustomer"/>, <see cref="ByRep"/>, <see cref="ByTeam"/> when an organization was
/// given) adds up to <see cref="Total"/> exactly, bucket by bucket.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class AgingReport
{
    internal AgingReport(
        LocalDate asOf,
        Currency currency,
        AgingBuckets buckets,
        AgingLine total,
        IReadOnlyList<AgingLine> byCustomer,
        IReadOnlyList<AgingLine> byRep,
        IReadOnlyList<AgingLine> byTeam
    )
    {
        AsOf = asOf;
        Currency = currency;
        Buckets = buckets;
        Total = total;
        ByCustomer = byCustomer;
        ByRep = byRep;
        ByTeam = byTeam;
    }

    /// <summary>The report date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>The buckets.</summary>
    public AgingBuckets Buckets { get; }

    /// <summary>The company line (key "total").</summary>
    public AgingLine Total { get; }

    /// <summary>One line per customer, in ordinal order.</summary>
    public IReadOnlyList<AgingLine> ByCustomer { get; }

    /// <summary>One line per rep (contract owner), in ordinal order.</summary>
    public IReadOnlyList<AgingLine> ByRep { get; }

    /// <summary>One line per team, in ordinal order; empty when no organization was given.</summary>
    public IReadOnlyList<AgingLine> ByTeam { get; }

    /// <summary>A table: the rep lines, then the team lines, then the total.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Aging as of {AsOf:uuuu-MM-dd} ({Currency.Code})\n");
        sb.Append(CultureInfo.InvariantCulture, $"{"", -16}");
        foreach (var label in Buckets.Labels)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {label, 14}");
        }
        sb.Append(CultureInfo.InvariantCulture, $" {"total", 14}\n");
        foreach (var line in ByRep)
        {
            Append(sb, "rep " + line.Key, line);
        }
        foreach (var line in ByTeam)
        {
            Append(sb, "team " + line.Key, line);
        }
        Append(sb, "total", Total);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string name, AgingLine line)
    {
        sb.Append(CultureInfo.InvariantCulture, $"{name, -16}");
        foreach (var amount in line.Buckets)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {amount.Amount, 14:N2}");
        }
        sb.Append(CultureInfo.InvariantCulture, $" {line.Total.Amount, 14:N2}\n");
    }
}
