using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

/// <summary>
/// Thrown when import records are rejected and the caller asked for the deals or an exception: by
/// <see cref="PipelineTransitions.Import(SalesPipeline.Pipelines.PipelineDefinition, DealImport, NodaTime.Instant)"/> and
/// <see cref="ImportResult.GetDealsOrThrow"/>. <see cref="Errors"/> lists every reason, each naming the record, the
/// field, the value and the rule.
/// </summary>
/// <remarks>Instances are immutable after construction.</remarks>
public sealed class DealImportException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">Every reason; at least one.</param>
    /// <param name="paramName">The parameter that held the records.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> or one of them is null (the message gives its position).</exception>
    public DealImportException(IEnumerable<ImportError> errors, string? paramName)
        : this(Preconditions.CheckNoNullElement(errors, "Error"), paramName) { }

    private DealImportException(ImportError[] errors, string? paramName)
        : base(
            $"{errors.Select(e => e.Index).Distinct().Count()} import record(s) rejected: "
                + string.Join(" | ", errors.Select(e => e.ToString())),
            paramName
        ) => Errors = errors;

    /// <summary>Every reason, by record index.</summary>
    public IReadOnlyList<ImportError> Errors { get; }
}
