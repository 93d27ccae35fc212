using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>Two versions of a quote compared line by line (lines are matched by product).</summary>
/// <remarks>
/// Lines are listed in the later version's order, then the removed ones in the earlier version's order; lines that
/// are the same in both versions, net included, are left out. Immutable; thread-safe.
/// </remarks>
public sealed class QuoteComparison
{
    private QuoteComparison(QuoteVersion from, QuoteVersion to, LineChange[] changes)
    {
        From = from;
        To = to;
        Changes = changes.AsReadOnly();
    }

    /// <summary>The earlier version.</summary>
    public QuoteVersion From { get; }

    /// <summary>The later version.</summary>
    public QuoteVersion To { get; }

    /// <summary>The lines that differ.</summary>
    public IReadOnlyList<LineChange> Changes { get; }

    /// <summary>The later total less the earlier one.</summary>
    public Money TotalChange => To.Totals.Total - From.Totals.Total;

    /// <summary>Compares two versions of one quote.</summary>
    /// <param name="from">The earlier version.</param>
    /// <param name="to">The later version.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CurrencyMismatchException">The versions are in different currencies (they are not of one quote).</exception>
    public static QuoteComparison Between(QuoteVersion from, QuoteVersion to)
    {
        Preconditions.CheckNotNull(from);
        Preconditions.CheckNotNull(to);
        if (!ReferenceEquals(from.Totals.Currency, to.Totals.Currency))
        {
            throw new CurrencyMismatchException(from.Totals.Currency, to.Totals.Currency, "compare quote versions with");
        }
        var before = from.Totals.Lines.ToDictionary(l => l.Line.ProductId, StringComparer.Ordinal);
        var after = to.Totals.Lines.ToDictionary(l => l.Line.ProductId, StringComparer.Ordinal);
        var changes = new List<LineChange>();
        foreach (var line in to.Totals.Lines)
        {
            if (!before.TryGetValue(line.Line.ProductId, out var old))
            {
                changes.Add(new LineChange(line.Line.ProductId, LineChangeKind.Added, null, line));
            }
            else if (old.Line != line.Line || old.Net != line.Net)
            {
                changes.Add(new LineChange(line.Line.ProductId, LineChangeKind.Changed, old, line));
            }
        }
        changes.AddRange(
            from.Totals.Lines.Where(l => !after.ContainsKey(l.Line.ProductId))
                .Select(l => new LineChange(l.Line.ProductId, LineChangeKind.Removed, l, null))
        );
        return new QuoteComparison(from, to, [.. changes]);
    }

    /// <summary>"v1 -> v2: total USD a -> USD b", then one line per change.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder($"v{From.Number} -> v{To.Number}: total {From.Totals.Total} -> {To.Totals.Total}");
        foreach (var change in Changes)
        {
            text.Append('\n').Append(change);
        }
        return text.ToString();
    }
}
