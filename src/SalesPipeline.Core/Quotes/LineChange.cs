using System.Collections.Generic;
using System.Globalization;

namespace SalesPipeline.Quotes;

/// <summary>One line that differs between two versions of a quote, matched by product.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Before">The line in the earlier version, priced; null when added.</param>
/// <param name="After">The line in the later version, priced; null when removed.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record LineChange(string ProductId, LineChangeKind Kind, PricedLine? Before, PricedLine? After)
{
    /// <summary>The later net less the earlier one (a removed line counts as zero after, an added one as zero before).</summary>
    public Money NetChange => (After?.Net ?? Before!.Net.Multiply(0m)) - (Before?.Net ?? After!.Net.Multiply(0m));

    /// <summary>
    /// What differs, one phrase each, for example "quantity 100 -> 120", "discount 12% -> 15%", "net USD 42,240.00 ->
    /// USD 48,960.00"; for an added or removed line, the line itself.
    /// </summary>
    public IReadOnlyList<string> Differences
    {
        get
        {
            if (Before is null || After is null)
            {
                var line = (After ?? Before)!;
                return [$"{(Kind == LineChangeKind.Added ? "added" : "removed")} {line.Line}, net {line.Net}"];
            }
            var list = new List<string>();
            var (b, a) = (Before.Line, After.Line);
            Add(list, "quantity", b.Quantity, a.Quantity, q => q.ToString(CultureInfo.InvariantCulture));
            Add(list, "unit price", b.UnitPrice, a.UnitPrice, p => p.ToString());
            Add(list, "list price", b.ListPrice, a.ListPrice, p => p.ToString());
            Add(list, "floor price", b.FloorPrice, a.FloorPrice, p => p?.ToString() ?? "none");
            Add(list, "discount", b.Discount, a.Discount, d => d?.ToString() ?? "none");
            Add(list, "quote discount share", Before.QuoteDiscountShare, After.QuoteDiscountShare, p => p.ToString());
            Add(list, "net", Before.Net, After.Net, p => p.ToString());
            return list;
        }
    }

    /// <summary>"product changed: difference; difference".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{ProductId} {Kind.ToString().ToLowerInvariant()}: {string.Join("; ", Differences)}";

    private static void Add<T>(List<string> list, string what, T before, T after, System.Func<T, string> text)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            list.Add($"{what} {text(before)} -> {text(after)}");
        }
    }
}
