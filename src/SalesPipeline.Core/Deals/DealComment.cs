using NodaTime;

namespace SalesPipeline.Deals;

/// <summary>
/// A comment on a deal, or on one of its activities (<see cref="ActivityId"/>), typically a manager's note in a
/// pipeline review. Comments are part of the deal's history (<see cref="CommentAdded"/>), so they are visible to exactly
/// those who may see the deal. Read them from <see cref="Deal.Comments"/>.
/// </summary>
/// <remarks>An immutable value. Thread-safe.</remarks>
public sealed record DealComment
{
    internal DealComment(Instant at, string by, string text, string? activityId)
    {
        At = at;
        By = by;
        Text = text;
        ActivityId = activityId;
    }

    /// <summary>When it was written.</summary>
    public Instant At { get; }

    /// <summary>Who wrote it.</summary>
    public string By { get; }

    /// <summary>The comment.</summary>
    public string Text { get; }

    /// <summary>The activity it is about, or null for the deal as a whole.</summary>
    public string? ActivityId { get; }
}
