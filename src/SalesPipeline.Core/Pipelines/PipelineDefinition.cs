using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Utility;

namespace SalesPipeline.Pipelines;

/// <summary>
/// An immutable, validated sales pipeline: ordered open stages, a Won and a Lost stage, and the policies that govern
/// moves between them. It is the state machine's definition; deals are plain data moved through it by
/// <see cref="SalesPipeline.Deals.PipelineTransitions.Apply"/> and its throwing shortcuts.
/// </summary>
/// <remarks>
/// Build one with <see cref="CreateBuilder"/> (or use <see cref="Default"/>) once, and share it: a definition is
/// immutable and thread-safe, so one instance serves any number of deals on any number of threads.
/// </remarks>
public sealed partial class PipelineDefinition
{
    private readonly FrozenDictionary<string, Stage> stagesById;

    internal FrozenDictionary<string, Stage> StagesById => stagesById;
    private readonly FrozenDictionary<string, (ExitCriterion Criterion, Stage Stage)> criteriaById;

    internal FrozenDictionary<string, (ExitCriterion Criterion, Stage Stage)> CriteriaById => criteriaById;

    internal PipelineDefinition(string name, IReadOnlyList<Stage> stages, PipelinePolicies policies, QuoteStageMoves? quoteStages = null)
    {
        Name = name;
        QuoteStages = quoteStages ?? QuoteStageMoves.None;
        Stages = stages.ToArray().AsReadOnly();
        Policies = policies;
        OpenStages = stages.Where(s => s.IsOpen).ToArray().AsReadOnly();
        WonStage = stages.Single(s => s.Kind == StageKind.Won);
        LostStage = stages.Single(s => s.Kind == StageKind.Lost);
        stagesById = stages.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        criteriaById = OpenStages
            .SelectMany(s => s.ExitCriteria.Select(c => (Criterion: c, Stage: s)))
            .ToFrozenDictionary(x => x.Criterion.Id, StringComparer.Ordinal);
    }

    /// <summary>Starts a builder for a pipeline with the given name.</summary>
    /// <param name="name">The pipeline's name, for example "Enterprise".</param>
    /// <returns>A new, empty builder.</returns>
    public static PipelineBuilder CreateBuilder(string name) => new(name);

    /// <summary>
    /// The common default pipeline: Prospecting (10%, Pipeline), Qualified (20%, Pipeline; exit criteria
    /// <c>use-case</c>, <c>technical-fit</c>, <c>budget</c>), Proposal (50%, Best case), Negotiation (80%, Commit), Won,
    /// Lost, with the default policies (<see cref="PipelinePolicies.Default"/>).
    /// </summary>
    /// <remarks>Stage ids are "prospecting", "qualified", "proposal", "negotiation", "won" and "lost".</remarks>
    public static PipelineDefinition Default { get; } =
        CreateBuilder("Default")
            .Stage("Prospecting", 0.10m, ForecastCategory.Pipeline)
            .Stage(
                "Qualified",
                0.20m,
                ForecastCategory.Pipeline,
                exitCriteria:
                [
                    new ExitCriterion("use-case", "Is there a clear use case?"),
                    new ExitCriterion("technical-fit", "Does the solution meet the technical requirements?"),
                    new ExitCriterion("budget", "Is the deal within the customer's budget?"),
                ]
            )
            .Stage("Proposal", 0.50m, ForecastCategory.BestCase)
            .Stage("Negotiation", 0.80m, ForecastCategory.Commit)
            .Won("Won")
            .Lost("Lost")
            .Build();

    /// <summary>The pipeline's name.</summary>
    public string Name { get; }

    /// <summary>Every stage in order: the open stages, then Won, then Lost.</summary>
    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>The open stages in order.</summary>
    public IReadOnlyList<Stage> OpenStages { get; }

    /// <summary>The first open stage, where new deals start.</summary>
    public Stage FirstOpenStage => OpenStages[0];

    /// <summary>The Won stage.</summary>
    public Stage WonStage { get; }

    /// <summary>The Lost stage.</summary>
    public Stage LostStage { get; }

    /// <summary>The move policies.</summary>
    public PipelinePolicies Policies { get; }

    /// <summary>The stage moves quotes drive (<see cref="PipelineBuilder.QuoteStages"/>); <see cref="QuoteStageMoves.None"/> by default.</summary>
    public QuoteStageMoves QuoteStages { get; }

    /// <summary>Every exit criterion of every stage, in stage order.</summary>
    public IEnumerable<ExitCriterion> ExitCriteria => OpenStages.SelectMany(s => s.ExitCriteria);

    /// <summary>Returns the stage with the given id.</summary>
    /// <param name="stageId">A stage id of this pipeline, for example "proposal".</param>
    /// <returns>The stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    /// <exception cref="ArgumentException">This pipeline has no stage with that id.</exception>
    public Stage GetStage(string stageId)
    {
        Preconditions.CheckNotNull(stageId);
        return stagesById.TryGetValue(stageId, out var stage)
            ? stage
            : throw new ArgumentException(
                $"Pipeline \"{Name}\" has no stage with id \"{stageId}\"; its stages are {string.Join(", ", Stages.Select(s => s.Id))}.",
                nameof(stageId)
            );
    }

    /// <summary>Looks up a stage by id without throwing.</summary>
    /// <param name="stageId">The id.</param>
    /// <param name="stage">The stage, or null.</param>
    /// <returns>Whether the pipeline has the stage.</returns>
    public bool TryGetStage(string? stageId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Stage? stage)
    {
        stage = null;
        return stageId is not null && stagesById.TryGetValue(stageId, out stage);
    }

    /// <summary>Whether the pipeline has an exit criterion with this id, and which stage it belongs to.</summary>
    /// <param name="criterionId">The criterion id.</param>
    /// <param name="stage">The stage the criterion belongs to, or null.</param>
    /// <returns>Whether the criterion exists.</returns>
    public bool TryGetExitCriterion(string? criterionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Stage? stage)
    {
        stage = null;
        if (criterionId is not null && criteriaById.TryGetValue(criterionId, out var entry))
        {
            stage = entry.Stage;
            return true;
        }
        return false;
    }

    /// <summary>"Name: stage, stage, ...".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        $"{Name}: {string.Join(" > ", OpenStages.Select(s => s.Name))} > {WonStage.Name} | {LostStage.Name}";
}
