using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SalesPipeline.Metrics;

/// <summary>Win rates broken down into groups, with the rate over all counted deals.</summary>
/// <remarks>
/// <para>The groups may overlap (a deal counts for every team on its owner's path and every competitor it faced), so
/// the <see cref="Total"/> counts each deal once and is not the sum of the lines in those breakdowns. Lines are in
/// ordinal key order, except by period, where they follow the given periods.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record WinRateTable
{
    internal WinRateTable(WinRateResult total, IReadOnlyList<WinRateLine> lines)
    {
        Total = total;
        Lines = lines;
    }

    /// <summary>The rate over every counted deal, each once.</summary>
    public WinRateResult Total { get; }

    /// <summary>The groups.</summary>
    public IReadOnlyList<WinRateLine> Lines { get; }

    /// <summary>The rate of a group, or null when no deal counted under that key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The rate, or null.</returns>
    public WinRateResult? this[string key] => Lines.FirstOrDefault(l => l.Key == key)?.Rate;

    /// <summary>One line per group and one for the total.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var width = Lines.Select(l => l.Key.Length).Append(5).Max();
        var text = new StringBuilder();
        foreach (var line in Lines)
        {
            text.Append(line.Key.PadRight(width)).Append("  ").Append(line.Rate).Append('\n');
        }
        return text.Append("total".PadRight(width)).Append("  ").Append(Total).ToString();
    }
}
