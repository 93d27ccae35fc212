using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>
/// What one version of a quote offers: its validity, its lines and its quote-level discount. A quote's creation and
/// each revision record one (<see cref="QuoteCreated.Content"/>, <see cref="QuoteRevised.Content"/>), and each
/// <see cref="QuoteVersion"/> holds the content it was submitted, approved and sent with.
/// </summary>
/// <param name="ValidUntil">The last day the customer may accept it, in the quote's time zone (<see cref="Quote.Zone"/>).</param>
/// <param name="Lines">The lines, in order.</param>
/// <param name="QuoteDiscount">The quote-level discount, if any.</param>
/// <remarks>
/// <para>Only nulls and unsupported dates are refused here, so that a stored history can always be read back; whether
/// the lines can be priced (at least one, one currency, one per product, discounts within the amounts) and whether the
/// date is late enough are checked where content is used:
/// <see cref="Quote.Create"/>, <see cref="Quote.Revise"/>, <see cref="Quote.FromEvents"/> and
/// <see cref="QuoteTotals.Of"/>.</para>
/// <para>An immutable record with value equality (the lines compare by content, in order); safe to share across
/// threads.</para>
/// </remarks>
/// <exception cref="System.ArgumentNullException"><paramref name="Lines"/> or a line is null (the message gives its position).</exception>
/// <exception cref="System.ArgumentOutOfRangeException"><paramref name="ValidUntil"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
public sealed record QuoteContent(LocalDate ValidUntil, IReadOnlyList<QuoteLine> Lines, Discount? QuoteDiscount = null)
{
    /// <summary>The last day the customer may accept it, in the quote's time zone.</summary>
    public LocalDate ValidUntil
    {
        get => validUntil;
        init => validUntil = Preconditions.CheckDate(value, nameof(ValidUntil));
    }

    private readonly LocalDate validUntil = Preconditions.CheckDate(ValidUntil);

    /// <summary>The lines (compared by content).</summary>
    public IReadOnlyList<QuoteLine> Lines
    {
        get => lines;
        init => lines = Copy(value);
    }

    private readonly IReadOnlyList<QuoteLine> lines = Copy(Lines);

    // Priced by the one rounding rule; throws what QuoteTotals.Of throws.
    internal QuoteTotals Totals() => QuoteTotals.Of(lines, QuoteDiscount);

    private static ValueList<QuoteLine> Copy(IEnumerable<QuoteLine> value) =>
        ValueList<QuoteLine>.Copy(Preconditions.CheckNoNullElement(value, "Line", nameof(Lines)))!;
}
