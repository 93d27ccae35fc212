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

    private static readonly Comparer<DealHealth> ReviewOrder = Comparer<DealHealth>.Create(DealHealth.CompareForReview);

    // One pass that keeps the best `size` candidates, so a shortlist of a million at-risk deals costs no sort.
    internal static ReviewShortlist Select(IEnumerable<DealHealth> atRisk, int size, string? owner, Currency? currency)
    {
        // Sized by the candidates, not by `size` alone: asking for int.MaxValue deals (all of them) must not allocate that.
        var best = new List<DealHealth>(atRisk.TryGetNonEnumeratedCount(out var candidates) ? Math.Min(size, candidates) + 1 : 0);
        var count = 0;
        var total = 0m;
        foreach (var deal in atRisk)
        {
            if (owner is not null && !string.Equals(deal.Owner, owner, StringComparison.Ordinal))
            {
                continue;
            }
            count++;
            total += deal.WeightedExact;
            if (best.Count == size && DealHealth.CompareForReview(deal, best[^1]) >= 0)
            {
                continue;
            }
            best.Insert(InsertionPoint(best, deal), deal);
            if (best.Count > size)
            {
                best.RemoveAt(size);
            }
        }
        return new ReviewShortlist(
            owner,
            size,
            best.ToArray().AsReadOnly(),
            count,
            currency is null ? null : Money.Of(total, currency).Round()
        );
    }

    // After every candidate that ranks equal (only the same deal id ranks equal, which a report never holds twice), so
    // that ties keep their input order: the shortlist is then the first `size` of a stable sort, whatever the size.
    private static int InsertionPoint(List<DealHealth> best, DealHealth deal)
    {
        var at = best.BinarySearch(deal, ReviewOrder);
        if (at < 0)
        {
            return ~at;
        }
        while (at < best.Count && DealHealth.CompareForReview(best[at], deal) == 0)
        {
            at++;
        }
        return at;
    }
}
