using System.Collections.Generic;
using System.Linq;

namespace SalesPipeline.Deals;

/// <summary>
/// What <see cref="PipelineTransitions.Apply"/> returns: either the command was accepted and
/// <see cref="Deal"/> is the new deal (with <see cref="Event"/> appended), or it was rejected, <see cref="Deal"/> is the
/// unchanged original, and <see cref="Rejections"/> lists every reason.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class TransitionResult
{
    private static readonly IReadOnlyList<Rejection> None = [];

    private TransitionResult(Deal deal, DealEvent? @event, IReadOnlyList<Rejection> rejections)
    {
        Deal = deal;
        Event = @event;
        Rejections = rejections;
    }

    internal static TransitionResult Accepted(Deal deal, DealEvent @event) => new(deal, @event, None);

    internal static TransitionResult Rejected(Deal original, IReadOnlyList<Rejection> rejections) => new(original, null, rejections);

    /// <summary>Whether the command was accepted.</summary>
    public bool IsAccepted => Rejections.Count == 0;

    /// <summary>The new deal when accepted; the unchanged original when rejected.</summary>
    public Deal Deal { get; }

    /// <summary>The event the command added, or null when rejected.</summary>
    public DealEvent? Event { get; }

    /// <summary>Every reason the command was rejected; empty when accepted.</summary>
    public IReadOnlyList<Rejection> Rejections { get; }

    /// <summary>Returns the new deal, or throws when the command was rejected.</summary>
    /// <returns>The new deal.</returns>
    /// <exception cref="InvalidTransitionException">The command was rejected; the exception carries the same reasons.</exception>
    public Deal GetDealOrThrow() => IsAccepted ? Deal : throw new InvalidTransitionException(Deal.Id, Rejections);

    /// <summary>"accepted: ..." or "rejected: reason; reason".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        IsAccepted ? $"accepted: {Event?.GetType().Name} -> {Deal}" : "rejected: " + string.Join(" ", Rejections.Select(r => r.Message));
}
