using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SalesPipeline.Targets;

/// <summary>
/// An annual quota broken into the quarters, months and weeks of a fiscal year by <see cref="Quota.Decompose"/>: the
/// months of each quarter add up to the quarter, and the quarters, the months and the weeks each add up to the year,
/// exactly.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class QuotaPlan
{
    internal QuotaPlan(Quota annual, IReadOnlyList<Quota> quarters, IReadOnlyList<Quota> months, IReadOnlyList<Quota> weeks)
    {
        Annual = annual;
        Quarters = quarters;
        Months = months;
        Weeks = weeks;
    }

    /// <summary>The annual quota that was broken down.</summary>
    public Quota Annual { get; }

    /// <summary>The four fiscal quarters, in order.</summary>
    public IReadOnlyList<Quota> Quarters { get; }

    /// <summary>The twelve fiscal months, in order.</summary>
    public IReadOnlyList<Quota> Months { get; }

    /// <summary>The weeks of the fiscal year, in order (the first and last may be shorter than seven days).</summary>
    public IReadOnlyList<Quota> Weeks { get; }

    /// <summary>The year, then the quarters, months and weeks: every quota of the plan, ready for <see cref="Attainment.Of(System.Collections.Generic.IEnumerable{Deals.Deal}, Pipelines.PipelineDefinition, System.Collections.Generic.IEnumerable{Quota}, AttainmentOptions?)"/>.</summary>
    /// <returns>The quotas.</returns>
    public IReadOnlyList<Quota> All() => [Annual, .. Quarters, .. Months, .. Weeks];

    /// <summary>A table of the year, its quarters and months (weeks are left out to keep it short).</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var quota in new[] { Annual }.Concat(Quarters).Concat(Months))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{quota.Period.Label, -24} {quota.Target, 24}\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"({Weeks.Count} weeks)\n");
        return sb.ToString();
    }
}
