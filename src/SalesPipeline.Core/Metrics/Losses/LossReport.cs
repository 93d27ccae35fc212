using System.Collections.Generic;
using System.Text;

namespace SalesPipeline.Metrics;

/// <summary>Loss-reason analysis: every lost deal in the window by reason, and by the stage it was lost from.</summary>
/// <remarks>
/// <para>Reasons and stages are listed most losses first, then larger lost value, then ordinal code or id. The
/// reasons' counts add up to <see cref="Lost"/>, and so do the stages'.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record LossReport
{
    internal LossReport(LossFigures lost, IReadOnlyList<LossReasonLine> reasons, IReadOnlyList<LossStageLine> stages)
    {
        Lost = lost;
        Reasons = reasons;
        Stages = stages;
    }

    /// <summary>All lost deals counted: count and value (shares 1, or null when there are none).</summary>
    public LossFigures Lost { get; }

    /// <summary>By loss reason, each with its stages.</summary>
    public IReadOnlyList<LossReasonLine> Reasons { get; }

    /// <summary>By the open stage the deals were lost from, all reasons together.</summary>
    public IReadOnlyList<LossStageLine> Stages { get; }

    /// <summary>One line per reason (stages indented), then the stage totals.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("lost: ").Append(Lost).Append('\n');
        foreach (var reason in Reasons)
        {
            text.Append(reason).Append('\n');
            foreach (var stage in reason.Stages)
            {
                text.Append("  from ").Append(stage).Append('\n');
            }
        }
        foreach (var stage in Stages)
        {
            text.Append("stage ").Append(stage).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }
}
