using System.Collections.Generic;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

/// <summary>
/// The deals stopped for one reason: how many, how much, their shares of all stopped deals, and the stages they
/// stopped in.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record StopReasonLine
{
    internal StopReasonLine(StopReason reason, LossFigures figures, IReadOnlyList<LossStageLine> stages)
    {
        Reason = reason;
        Figures = figures;
        Stages = stages;
    }

    /// <summary>The stop reason.</summary>
    public StopReason Reason { get; }

    /// <summary>Count, value and shares of all stopped deals.</summary>
    public LossFigures Figures { get; }

    /// <summary>By the open stage the deals stopped in (shares are of all stopped deals), most deals first.</summary>
    public IReadOnlyList<LossStageLine> Stages { get; }

    /// <summary>"budget-frozen: 2 (66.7%), USD 30,000.00 (75.0%)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{Reason}: {Figures}";
}
