using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SalesPipeline.Metrics;

/// <summary>Competitor analysis: one line per competitor, most deals first (then most lost to them, then ordinal name).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record CompetitorReport
{
    internal CompetitorReport(IReadOnlyList<CompetitorLine> lines, WinRateResult withoutCompetitor, WinRateResult total)
    {
        Lines = lines;
        WithoutCompetitor = withoutCompetitor;
        Total = total;
    }

    /// <summary>The competitors.</summary>
    public IReadOnlyList<CompetitorLine> Lines { get; }

    /// <summary>The win rate of the counted deals that named no competitor: the baseline to compare against.</summary>
    public WinRateResult WithoutCompetitor { get; }

    /// <summary>The win rate of every counted deal, each once.</summary>
    public WinRateResult Total { get; }

    /// <summary>The line of a competitor, or null.</summary>
    /// <param name="competitor">The name (ordinal).</param>
    /// <returns>The line, or null when no counted deal faced it.</returns>
    public CompetitorLine? this[string competitor] => Lines.FirstOrDefault(l => l.Competitor == competitor);

    /// <summary>One line per competitor, then the baseline and the total.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var line in Lines)
        {
            text.Append(line).Append('\n');
        }
        return text.Append("no competitor: ").Append(WithoutCompetitor).Append('\n').Append("total: ").Append(Total).ToString();
    }
}
