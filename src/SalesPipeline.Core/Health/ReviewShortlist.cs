using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SalesPipeline.Health;

/// <summary>
/// The top problem deals for a pipeline review: among the open deals with at least one finding (of one owner, or of
/// the whole pipeline), the <see cref="Size"/> with the largest weighted amount at risk, each with its findings in
/// plain words.
/// </summary>
/// <remarks>
/// <para>Ranking: weighted amount at risk (amount x effective win probability, exact, in the report's currency),
/// largest first; ties go to the deal with more findings, then to the ordinally smaller deal id. So the shortlist
/// does not depend on the order the deals were given in.</para>
/// <para>Two shortlists are equal when their owner, size, counts and deals (in order) are equal. Immutable; thread-safe.</para>
/// </remarks>
public sealed record ReviewShortlist
{
    internal ReviewShortlist(string? owner, int size, IReadOnlyList<DealHealth> deals, int atRiskDeals, Money? weightedAtRisk)
    {
        Owner = owner;
        Size = size;
        Deals = deals;
        AtRiskDeals = atRiskDeals;
        WeightedAtRisk = weightedAtRisk;
    }

    /// <summary>The owner whose deals were considered, or null for the whole pipeline.</summary>
    public string? Owner { get; }

    /// <summary>How many deals were asked for.</summary>
    public int Size { get; }

    /// <summary>The deals, best-ranked first: at most <see cref="Size"/>, fewer when fewer deals are at risk.</summary>
    public IReadOnlyList<DealHealth> Deals { get; }

    /// <summary>How many deals in scope had at least one finding.</summary>
    public int AtRiskDeals { get; }

    /// <summary>The weighted amount at risk of all <see cref="AtRiskDeals"/>, rounded once to the minor unit; null when the report has no currency (no open deals).</summary>
    public Money? WeightedAtRisk { get; }

    /// <summary>Whether both shortlists hold the same deals in the same order, for the same scope.</summary>
    /// <param name="other">The other shortlist.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(ReviewShortlist? other) =>
        other is not null
        && Owner == other.Owner
        && Size == other.Size
        && AtRiskDeals == other.AtRiskDeals
        && WeightedAtRisk == other.WeightedAtRisk
        && Deals.SequenceEqual(other.Deals);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Owner, Size, AtRiskDeals, Deals.Count);

    /// <summary>A numbered list: rank, deal, weighted amount, then one reason per line.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(
            CultureInfo.InvariantCulture,
            $"Review shortlist ({Owner ?? "whole pipeline"}): top {Deals.Count} of {AtRiskDeals} deals at risk"
        );
        text.Append(WeightedAtRisk is { } total ? $", weighted {total}\n" : "\n");
        for (var i = 0; i < Deals.Count; i++)
        {
            var deal = Deals[i];
            text.Append(
                CultureInfo.InvariantCulture,
                $"{i + 1}. {deal.Deal} {deal.Name} | {deal.Owner} | {deal.StageId} | {deal.Amount} x {HealthText.Percent(deal.Probability)} = {deal.WeightedAmount}\n"
            );
            foreach (var reason in deal.Reasons)
            {
                text.Append("   - ").Append(reason).Append('\n');
            }
        }
        return text.ToString();
    }

    // One pass that keeps the best `size` candidates, so a shortlist of a million at-risk deals costs no sort and builds
    // only the deals it lists. The candidates are in id order with unique ids, so ranking ties on weight and findings
    // by index is ranking them by id.
    internal static ReviewShortlist Select(AtRiskDeals atRisk, int size, string? owner, Currency? currency)
    {
        // Sized by the candidates, not by `size` alone: asking for int.MaxValue deals (all of them) must not allocate that.
        var best = new List<int>(Math.Min(size, atRisk.Count) + 1);
        var count = 0;
        var total = 0m;
        for (var i = 0; i < atRisk.Count; i++)
        {
            if (owner is not null && !string.Equals(atRisk.Owner(i), owner, StringComparison.Ordinal))
            {
                continue;
            }
            count++;
            total += atRisk.Weighted(i);
            if (best.Count == size && RanksBefore(atRisk, best[^1], i))
            {
                continue;
            }
            best.Insert(InsertionPoint(atRisk, best, i), i);
            if (best.Count > size)
            {
                best.RemoveAt(size);
            }
        }
        return new ReviewShortlist(
            owner,
            size,
            best.ConvertAll(i => atRisk[i]).ToArray().AsReadOnly(),
            count,
            currency is null ? null : Money.Of(total, currency).Round()
        );
    }

    // Higher weighted amount first, then more findings, then the lower index.
    private static bool RanksBefore(AtRiskDeals atRisk, int a, int b)
    {
        var byAmount = atRisk.Weighted(a).CompareTo(atRisk.Weighted(b));
        if (byAmount != 0)
        {
            return byAmount > 0;
        }
        var byFindings = atRisk.FindingsOf(a).CompareTo(atRisk.FindingsOf(b));
        return byFindings != 0 ? byFindings > 0 : a < b;
    }

    // The first place whose candidate ranks after the new one (the list is ranked and holds no equal candidates).
    private static int InsertionPoint(AtRiskDeals atRisk, List<int> best, int candidate)
    {
        int low = 0,
            high = best.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (RanksBefore(atRisk, best[mid], candidate))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }
}
