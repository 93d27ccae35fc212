using System;
using System.Collections.Generic;
using SalesPipeline.Utility;

namespace SalesPipeline.Pipelines;

/// <summary>
/// Thrown by <see cref="PipelineBuilder.Build"/> when the definition is invalid; <see cref="Problems"/> lists every problem found.
/// </summary>
/// <remarks>Instances are immutable after construction.</remarks>
public sealed class PipelineDefinitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="pipelineName">The name of the pipeline being built.</param>
    /// <param name="problems">Every problem, one plain sentence each.</param>
    /// <exception cref="ArgumentNullException">A problem is null (the message gives its position).</exception>
    public PipelineDefinitionException(string pipelineName, IEnumerable<string> problems)
        : this(pipelineName, problems is null ? [] : Preconditions.CheckNoNullElement(problems, "Problem")) { }

    private PipelineDefinitionException(string pipelineName, string[] problems)
        : base(
            $"Pipeline \"{pipelineName}\" is invalid ({problems.Length} problem{(problems.Length == 1 ? "" : "s")}):{"\n"}- "
                + string.Join("\n" + "- ", problems)
        )
    {
        PipelineName = pipelineName;
        Problems = Array.AsReadOnly(problems);
    }

    /// <summary>The name of the pipeline being built.</summary>
    public string PipelineName { get; }

    /// <summary>Every problem found, one plain sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
