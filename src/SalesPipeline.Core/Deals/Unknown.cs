namespace SalesPipeline.Deals;

/// <summary>
/// The values an imported deal carries where the other system's export has none: an unknown actor, deal name or stage,
/// written as <c>"(unknown)"</c> so reports show them as such. The unknown loss reason is
/// <see cref="LossReason.Unknown"/>. Nothing is invented in their place (no "Other" loss reason, no made-up actor).
/// </summary>
/// <remarks>
/// Parentheses keep them apart from real ids and names, which rarely start with one; a report that groups by owner, loss
/// reason or stage shows an "(unknown)" (or "unknown") line for them. Constants; thread-safe.
/// </remarks>
public static class Unknown
{
    /// <summary>The actor of an event whose author the export does not name: <c>"(unknown)"</c>.</summary>
    public const string Actor = "(unknown)";

    /// <summary>The name of a deal the export gives no name: <c>"(unknown)"</c>.</summary>
    public const string Name = "(unknown)";

    /// <summary>
    /// The last open stage of a deal imported as won or lost without its stage history (<see cref="Deal.LastOpenStageId"/>):
    /// <c>"(unknown)"</c>. Loss analysis by stage shows these deals on an "(unknown)" line.
    /// </summary>
    public const string Stage = "(unknown)";
}
