namespace SalesPipeline.Pipelines;

/// <summary>
/// The stage moves a pipeline makes when a quote for a deal is sent or accepted (set with
/// <see cref="PipelineBuilder.QuoteStages"/>): the deal moves forward to <see cref="OnSent"/> when a quote is sent and
/// the deal is before that stage, and to <see cref="OnAccepted"/> (or is won, when it is the Won stage) when a quote is
/// accepted. Null means no move.
/// </summary>
/// <param name="OnSent">The id of the open stage a deal enters when its quote is sent, or null.</param>
/// <param name="OnAccepted">The id of the open stage, or of the Won stage, a deal enters when its quote is accepted, or null.</param>
/// <remarks>Immutable and safe to share across threads.</remarks>
public sealed record QuoteStageMoves(string? OnSent, string? OnAccepted)
{
    /// <summary>No quote-driven moves (the default).</summary>
    public static QuoteStageMoves None { get; } = new(null, null);
}
