using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;

namespace SalesPipeline.Metrics;

/// <summary>The unassigned-pool report (<see cref="PoolAnalysis.Of"/>): the company pool first, then each team's pool.</summary>
/// <remarks>Only pools with something waiting have a line. Immutable; thread-safe.</remarks>
public sealed record PoolReport
{
    /// <summary>The name the company pool has in reports: "(company)".</summary>
    public const string CompanyPool = "(company)";

    internal PoolReport(Instant asOf, Currency? currency, IReadOnlyList<PoolLine> pools)
    {
        AsOf = asOf;
        Currency = currency;
        Pools = pools;
    }

    /// <summary>The instant the waiting was measured at.</summary>
    public Instant AsOf { get; }

    /// <summary>The reporting currency of the deal values; null when no deal waits and no rates were given.</summary>
    public Currency? Currency { get; }

    /// <summary>One line per pool with something in it.</summary>
    public IReadOnlyList<PoolLine> Pools { get; }

    /// <summary>A compact table: one row per pool (deals, leads, value, oldest and median wait in days), its items indented.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Pools as of {AsOf}\n");
        text.Append(
            CultureInfo.InvariantCulture,
            $"{"Pool", -16} {"Deals", 6} {"Leads", 6} {"Value", 20} {"Oldest d", 9} {"Median d", 9}\n"
        );
        foreach (var pool in Pools)
        {
            text.Append(
                CultureInfo.InvariantCulture,
                $"{pool.Pool, -16} {pool.Deals, 6} {pool.Leads, 6} {pool.DealValue?.Amount.ToString("N2", CultureInfo.InvariantCulture) ?? "-", 20} {Days(pool.Oldest), 9} {Days(pool.MedianWait), 9}\n"
            );
            foreach (var item in pool.Items)
            {
                text.Append(
                    CultureInfo.InvariantCulture,
                    $"  {(item.Deal is { } deal ? "deal " + deal.Value : "lead " + item.Lead!.Value.Value), -20} {Days(item.Waiting), 9} d\n"
                );
            }
        }
        return text.ToString().TrimEnd('\n');
    }

    internal static string Days(Duration duration) => duration.TotalDays.ToString("0.0", CultureInfo.InvariantCulture);
}
