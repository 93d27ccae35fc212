using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SalesPipeline.Metrics;

/// <summary>The conflicting deals (<see cref="DealConflicts.Find"/>), by account id then product.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DealConflictReport
{
    internal DealConflictReport(IReadOnlyList<DealConflict> conflicts) => Conflicts = conflicts;

    /// <summary>The conflicts; empty when every customer's open deals have one owner (per product).</summary>
    public IReadOnlyList<DealConflict> Conflicts { get; }

    /// <summary>A compact table: one block per conflict, then a row per deal with its owner, product, stage and amount.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Conflicts.Count} conflict{(Conflicts.Count == 1 ? "" : "s")}\n");
        foreach (var conflict in Conflicts)
        {
            text.Append(conflict).Append('\n');
            foreach (var d in conflict.Deals)
            {
                text.Append(
                    CultureInfo.InvariantCulture,
                    $"  {d.Deal.Value, -12} {d.Owner, -12} {d.Product ?? "-", -12} {d.StageId, -14} {d.Amount}\n"
                );
            }
        }
        return text.ToString().TrimEnd('\n');
    }
}
