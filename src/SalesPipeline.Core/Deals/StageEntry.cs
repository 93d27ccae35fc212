using NodaTime;

namespace SalesPipeline.Deals;

/// <summary>
/// One known step of an imported deal's stage history: the deal entered <paramref name="StageId"/> at
/// <paramref name="EnteredAt"/>. Give the entries oldest first in <see cref="DealImport.History"/>; entering the Won or
/// Lost stage is winning or losing, and entering an open stage after that is reopening.
/// </summary>
/// <remarks>
/// Only the stage and the instant are taken from the caller: whether a move went forward or backward and how many stages
/// it skipped are derived from the pipeline's stage order. Immutable; thread-safe.
/// </remarks>
/// <param name="StageId">The stage entered: an open stage, or the Won or Lost stage of the pipeline.</param>
/// <param name="EnteredAt">When the deal entered it.</param>
/// <param name="By">Who moved it, if the export says; <see cref="Unknown.Actor"/> when null.</param>
public sealed record StageEntry(string StageId, Instant EnteredAt, string? By = null);
