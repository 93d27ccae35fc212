using System.Collections.Generic;
using NodaTime;

namespace SalesPipeline.Quotes;

/// <summary>One version of a quote: its lines, quote discount and validity as they last stood in that version.</summary>
/// <remarks>
/// A new version starts when an approved, sent, declined or expired quote is revised; changes to a draft or pending
/// quote stay in its version (the history keeps every change either way). Immutable; thread-safe.
/// </remarks>
public sealed class QuoteVersion
{
    internal QuoteVersion(
        int number,
        IReadOnlyList<QuoteLine> lines,
        Discount? quoteDiscount,
        LocalDate validUntil,
        Instant createdAt,
        string createdBy
    )
    {
        Number = number;
        Lines = lines;
        QuoteDiscount = quoteDiscount;
        ValidUntil = validUntil;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
        Totals = QuoteTotals.Of(lines, quoteDiscount);
    }

    /// <summary>The version number, from 1.</summary>
    public int Number { get; }

    /// <summary>The lines.</summary>
    public IReadOnlyList<QuoteLine> Lines { get; }

    /// <summary>The quote-level discount, or null.</summary>
    public Discount? QuoteDiscount { get; }

    /// <summary>The last day the customer may accept it.</summary>
    public LocalDate ValidUntil { get; }

    /// <summary>When the version was started.</summary>
    public Instant CreatedAt { get; }

    /// <summary>Who started it.</summary>
    public string CreatedBy { get; }

    /// <summary>The priced lines and totals.</summary>
    public QuoteTotals Totals { get; }

    /// <summary>"v2: 3 lines, total USD 51,832.00".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"v{Number}: {Lines.Count} lines, total {Totals.Total}";
}
