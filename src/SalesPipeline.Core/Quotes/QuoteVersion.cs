using NodaTime;

namespace SalesPipeline.Quotes;

/// <summary>One version of a quote: its content (validity, lines, quote discount), who started it and its totals.</summary>
/// <remarks>
/// A version's content changes only while it is a draft that was never submitted; any revision after a submission
/// (pending approval, approved, rejected, sent, declined or expired) starts the next version, so every version's content
/// is the content its approvers and the customer saw (its approvals and rejections are the
/// <see cref="Quote.Approvals"/> with its number). Immutable; thread-safe.
/// </remarks>
public sealed class QuoteVersion
{
    internal QuoteVersion(int number, QuoteContent content, Instant createdAt, string createdBy)
    {
        Number = number;
        Content = content;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
        Totals = content.Totals();
    }

    /// <summary>The version number, from 1.</summary>
    public int Number { get; }

    /// <summary>The content: validity, lines and quote discount.</summary>
    public QuoteContent Content { get; }

    /// <summary>When the version was started.</summary>
    public Instant CreatedAt { get; }

    /// <summary>Who started it.</summary>
    public string CreatedBy { get; }

    /// <summary>The priced lines and totals.</summary>
    public QuoteTotals Totals { get; }

    /// <summary>"v2: 3 lines, total USD 51,832.00".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"v{Number}: {Content.Lines.Count} lines, total {Totals.Total}";
}
