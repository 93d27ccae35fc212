using System;
using System.Collections.Generic;

namespace SalesPipeline.Forecasting;

// The shape of GridConvolution's product tree, worked out from the deals' spans before any arithmetic: the groups of
// deals added one by one, then the pairwise products in the order a priority queue takes them (shortest first, ties by
// creation order), numbered after the groups. A product's length is the sum of its operands' lengths less one, so the
// lengths, and with them the whole tree, are known without computing a single probability.
// The products are sorted into waves: a wave holds the products whose operands were all made by earlier waves, so the
// products of one wave are independent of each other. Node numbers are renumbered so that each wave is a contiguous
// range; the last node is the root.
internal sealed class ProductPlan
{
    private ProductPlan(List<(int Start, int End, int Length)> groups, List<(int Left, int Right)> products, List<Wave> waves, long length)
    {
        Groups = groups;
        Products = products;
        Waves = waves;
        Length = length;
    }

    // Deals [Start, End) make a group of Length points.
    internal IReadOnlyList<(int Start, int End, int Length)> Groups { get; }

    // Product k (node Groups.Count + k) multiplies node Left by node Right, in that order (the order decides how the FFT
    // packs them, and so its last bits).
    internal IReadOnlyList<(int Left, int Right)> Products { get; }

    internal IReadOnlyList<Wave> Waves { get; }

    // The points of all groups together.
    internal long Length { get; }

    // Nodes [First, First + Count) with Length points in all.
    internal readonly record struct Wave(int First, int Count, long Length);

    internal static ProductPlan Of(IReadOnlyList<GridConvolution.GridDeal> deals)
    {
        var groups = new List<(int Start, int End, int Length)>();
        long total = 0;
        var start = 0;
        while (start < deals.Count)
        {
            var length = 1;
            var end = start;
            while (end < deals.Count && (length < GridConvolution.GroupLength || end == start))
            {
                length += deals[end].Span;
                end++;
            }
            groups.Add((start, end, length));
            total += length;
            start = end;
        }

        // The queue of GridConvolution before waves: node ids in creation order, as the sequential tree made them.
        var queue = new PriorityQueue<int, (int Length, int Order)>();
        var lengths = new List<int>();
        var depths = new List<int>();
        foreach (var g in groups)
        {
            queue.Enqueue(lengths.Count, (g.Length, lengths.Count));
            lengths.Add(g.Length);
            depths.Add(0);
        }
        var made = new List<(int Left, int Right)>();
        while (queue.Count > 1)
        {
            var a = queue.Dequeue();
            var b = queue.Dequeue();
            var id = lengths.Count;
            lengths.Add(lengths[a] + lengths[b] - 1);
            depths.Add(Math.Max(depths[a], depths[b]) + 1);
            made.Add((a, b));
            queue.Enqueue(id, (lengths[id], id));
        }

        // Renumber the products by (depth, creation order); groups keep their numbers. The root is the only product of
        // the greatest depth, so it stays last.
        var order = new int[made.Count];
        for (var k = 0; k < order.Length; k++)
        {
            order[k] = groups.Count + k;
        }
        Array.Sort(order, (x, y) => depths[x] != depths[y] ? depths[x].CompareTo(depths[y]) : x.CompareTo(y));
        var renumbered = new int[lengths.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            renumbered[g] = g;
        }
        for (var k = 0; k < order.Length; k++)
        {
            renumbered[order[k]] = groups.Count + k;
        }
        var products = new List<(int Left, int Right)>(made.Count);
        var waves = new List<Wave>();
        for (var k = 0; k < order.Length; k++)
        {
            var (left, right) = made[order[k] - groups.Count];
            products.Add((renumbered[left], renumbered[right]));
            var depth = depths[order[k]];
            if (waves.Count < depth)
            {
                waves.Add(new Wave(groups.Count + k, 0, 0));
            }
            var wave = waves[^1];
            waves[^1] = wave with { Count = wave.Count + 1, Length = wave.Length + lengths[order[k]] };
        }
        return new ProductPlan(groups, products, waves, total);
    }
}
