using System.Collections.Generic;
using NodaTime;

namespace SalesPipeline.Pipelines;

/// <summary>
/// One stage of a <see cref="PipelineDefinition"/>: an open stage with its win probability, default forecast
/// category, exit criteria and optional rotting threshold, or the Won or Lost stage.
/// </summary>
/// <remarks>
/// Stages are created only by <see cref="PipelineBuilder"/>; they are immutable and safe to share across threads.
/// The Won stage has probability 1 and category <see cref="ForecastCategory.Closed"/>; the Lost stage has probability 0
/// and category <see cref="ForecastCategory.Omitted"/>.
/// </remarks>
public sealed class Stage
{
    internal Stage(
        string id,
        string name,
        StageKind kind,
        int index,
        decimal probability,
        ForecastCategory category,
        IReadOnlyList<ExitCriterion> exitCriteria,
        Duration? rottingAfter
    )
    {
        Id = id;
        Name = name;
        Kind = kind;
        Index = index;
        Probability = probability;
        Category = category;
        ExitCriteria = exitCriteria;
        RottingAfter = rottingAfter;
    }

    /// <summary>The stable id deals refer to, for example "proposal".</summary>
    public string Id { get; }

    /// <summary>The display name, for example "Proposal".</summary>
    public string Name { get; }

    /// <summary>Open, Won or Lost.</summary>
    public StageKind Kind { get; }

    /// <summary>Whether this is an open stage.</summary>
    public bool IsOpen => Kind == StageKind.Open;

    /// <summary>Whether this is the Won or the Lost stage.</summary>
    public bool IsClosed => Kind != StageKind.Open;

    /// <summary>The position in the pipeline: 0 for the first open stage; the Won stage follows the last open stage, and Lost follows Won.</summary>
    public int Index { get; }

    /// <summary>The default win probability of deals in this stage, in [0, 1].</summary>
    public decimal Probability { get; }

    /// <summary>The default forecast category of deals in this stage.</summary>
    public ForecastCategory Category { get; }

    /// <summary>The questions that must all be answered "yes" before a deal leaves this stage forward (empty for Won and Lost).</summary>
    public IReadOnlyList<ExitCriterion> ExitCriteria { get; }

    /// <summary>How long a deal may stay in this stage before it counts as rotting; null when the stage sets no limit of its own (<c>PipelineHealth</c> then applies <c>HealthPolicy.DefaultRottingAfter</c>).</summary>
    public Duration? RottingAfter { get; }

    /// <summary>"Name (id)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{Name} ({Id})";
}
