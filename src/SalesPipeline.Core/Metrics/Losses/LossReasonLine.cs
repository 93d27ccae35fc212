using System.Collections.Generic;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

/// <summary>The deals lost for one reason: how many, how much, their shares of all losses, and the stages they were lost from.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record LossReasonLine
{
    internal LossReasonLine(LossReason reason, LossFigures figures, IReadOnlyList<LossStageLine> stages)
    {
        Reason = reason;
        Figures = figures;
        Stages = stages;
    }

    /// <summary>The loss reason.</summary>
    public LossReason Reason { get; }

    /// <summary>Count, value and shares of all losses.</summary>
    public LossFigures Figures { get; }

    /// <summary>By the open stage the deals were lost from (shares are of all losses), most losses first.</summary>
    public IReadOnlyList<LossStageLine> Stages { get; }

    /// <summary>"price: 3 (30.0%), USD 90,000.00 (45.0%)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{Reason}: {Figures}";
}

/// <summary>The deals lost from one open stage.</summary>
/// <param name="StageId">The open stage the deals were in when lost (<see cref="Deal.LastOpenStageId"/>).</param>
/// <param name="Figures">Count, value and shares of all losses.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record LossStageLine(string StageId, LossFigures Figures)
{
    /// <summary>"proposal: 2 (20.0%), USD 40,000.00 (20.0%)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{StageId}: {Figures}";
}
