using System.Collections.Generic;
using System.Text;

namespace SalesPipeline.Metrics;

/// <summary>
/// Loss-and-stop analysis: every lost deal in the window by loss reason and by the stage it was lost from, and beside
/// them every stopped deal stopped in the window by stop reason and by the stage it stopped in.
/// </summary>
/// <remarks>
/// <para>Reasons and stages are listed most deals first, then larger value, then ordinal code or id. The loss reasons'
/// counts add up to <see cref="Lost"/>, and so do the stages'; the stop reasons' and stop stages' add up to
/// <see cref="Stopped"/>. Shares are of the part's own total: a loss share of all lost deals, a stop share of all
/// stopped deals.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record LossReport
{
    internal LossReport(
        LossFigures lost,
        IReadOnlyList<LossReasonLine> reasons,
        IReadOnlyList<LossStageLine> stages,
        LossFigures stopped,
        IReadOnlyList<StopReasonLine> stopReasons,
        IReadOnlyList<LossStageLine> stopStages
    )
    {
        Lost = lost;
        Reasons = reasons;
        Stages = stages;
        Stopped = stopped;
        StopReasons = stopReasons;
        StopStages = stopStages;
    }

    /// <summary>All lost deals counted: count and value (shares 1, or null when there are none).</summary>
    public LossFigures Lost { get; }

    /// <summary>By loss reason, each with its stages.</summary>
    public IReadOnlyList<LossReasonLine> Reasons { get; }

    /// <summary>By the open stage the deals were lost from, all reasons together.</summary>
    public IReadOnlyList<LossStageLine> Stages { get; }

    /// <summary>All stopped deals counted: count and value (shares 1, or null when there are none).</summary>
    public LossFigures Stopped { get; }

    /// <summary>By stop reason, each with the stages the deals stopped in.</summary>
    public IReadOnlyList<StopReasonLine> StopReasons { get; }

    /// <summary>By the open stage the deals stopped in, all stop reasons together.</summary>
    public IReadOnlyList<LossStageLine> StopStages { get; }

    /// <summary>
    /// The losses (one line per reason with its stages indented, then the stage totals), then the stops the same way
    /// (left out when nothing was stopped).
    /// </summary>
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
        if (Stopped.Count > 0)
        {
            text.Append("stopped: ").Append(Stopped).Append('\n');
        }
        foreach (var reason in StopReasons)
        {
            text.Append(reason).Append('\n');
            foreach (var stage in reason.Stages)
            {
                text.Append("  in ").Append(stage).Append('\n');
            }
        }
        foreach (var stage in StopStages)
        {
            text.Append("stopped in ").Append(stage).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }
}
