using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

/// <summary>
/// Thrown by the throwing shortcuts (<see cref="PipelineTransitions.Move"/>, <c>Win</c>, <c>Lose</c>,
/// <c>Reopen</c>, ...) when the pipeline rejects the command; <see cref="Rejections"/> lists every reason, exactly as
/// <see cref="TransitionResult.Rejections"/> would.
/// </summary>
/// <remarks>Instances are immutable after construction.</remarks>
public sealed class InvalidTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="dealId">The deal whose command was rejected.</param>
    /// <param name="rejections">Every reason; null is taken as none, as exceptions are built on error paths.</param>
    /// <exception cref="ArgumentNullException">A rejection is null (the message gives its position).</exception>
    public InvalidTransitionException(DealId dealId, IEnumerable<Rejection> rejections)
        : this(dealId, rejections is null ? [] : Preconditions.CheckNoNullElement(rejections, "Rejection")) { }

    private InvalidTransitionException(DealId dealId, Rejection[] rejections)
        : base($"Deal {dealId}: the command was rejected: " + string.Join(" ", rejections.Select(r => r.Message)))
    {
        DealId = dealId;
        Rejections = rejections;
    }

    /// <summary>The deal whose command was rejected.</summary>
    public DealId DealId { get; }

    /// <summary>Every reason the command was rejected.</summary>
    public IReadOnlyList<Rejection> Rejections { get; }
}
