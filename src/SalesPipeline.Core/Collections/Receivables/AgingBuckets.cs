using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// The buckets of an <see cref="Aging"/> report, by days overdue: "current" (0 days: due on the report date), then one
/// bucket per upper bound, then "over" the last bound.
/// </summary>
/// <remarks>
/// <para>Made from ascending upper bounds, so the buckets have no gaps and no overlaps: bounds 30, 60, 90 (the
/// <see cref="Default"/>) give current, 1-30, 31-60, 61-90 and over 90 days. A day count d &gt; 0 falls in the first
/// bucket whose upper bound is at least d.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
/// <example><code>AgingBuckets.Create(15, 45); // current, 1-15, 16-45, over 45</code></example>
public sealed class AgingBuckets
{
    private readonly int[] bounds;

    private AgingBuckets(int[] bounds)
    {
        this.bounds = bounds;
        var labels = new List<string> { "current" };
        // A long: the bucket after a bound of int.MaxValue days starts one day beyond int.
        var lower = 1L;
        foreach (var bound in bounds)
        {
            labels.Add(string.Create(CultureInfo.InvariantCulture, $"{lower}-{bound}"));
            lower = bound + 1L;
        }
        labels.Add(string.Create(CultureInfo.InvariantCulture, $"over {bounds[^1]}"));
        Labels = labels.AsReadOnly();
        UpperBounds = Array.AsReadOnly(bounds);
    }

    /// <summary>Current, 1-30, 31-60, 61-90, over 90 days.</summary>
    public static AgingBuckets Default { get; } = new([30, 60, 90]);

    /// <summary>The upper bounds (in days overdue) of the buckets between "current" and "over".</summary>
    public IReadOnlyList<int> UpperBounds { get; }

    /// <summary>The buckets' labels, in order: "current", "1-30", ..., "over 90".</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The number of buckets: the bounds plus two (current and over).</summary>
    public int Count => bounds.Length + 2;

    /// <summary>Creates buckets from their upper bounds in days overdue.</summary>
    /// <param name="upperBounds">At least one bound; each positive and above the one before.</param>
    /// <returns>The buckets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="upperBounds"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="upperBounds"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is zero or negative, or not above the one before it.</exception>
    public static AgingBuckets Create(params int[] upperBounds)
    {
        Preconditions.CheckNotNull(upperBounds);
        Preconditions.CheckArgument(
            upperBounds.Length > 0,
            nameof(upperBounds),
            "At least one upper bound is needed (for example 30, 60, 90)."
        );
        var copy = upperBounds.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] <= 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(upperBounds),
                    copy[i],
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Bucket bound {i} is {copy[i]} days; bounds must be positive (day 0 is the \"current\" bucket)."
                    )
                );
            }
            if (i > 0 && copy[i] <= copy[i - 1])
            {
                throw new ArgumentOutOfRangeException(
                    nameof(upperBounds),
                    copy[i],
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Bucket bound {i} is {copy[i]} days, not above bound {i - 1} ({copy[i - 1]} days); bounds must be strictly ascending."
                    )
                );
            }
        }
        return new AgingBuckets(copy);
    }

    /// <summary>The index of the bucket a number of days overdue falls in: 0 for current.</summary>
    /// <param name="daysOverdue">Days overdue; zero or more.</param>
    /// <returns>The bucket's index, from 0 to <see cref="Count"/> - 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysOverdue"/> is negative.</exception>
    public int IndexOf(int daysOverdue)
    {
        Preconditions.CheckRange(daysOverdue >= 0, nameof(daysOverdue), daysOverdue, "Days overdue cannot be negative.");
        if (daysOverdue == 0)
        {
            return 0;
        }
        var i = 0;
        while (i < bounds.Length && daysOverdue > bounds[i])
        {
            i++;
        }
        return i + 1;
    }

    /// <summary>The labels separated by ", ".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Join(", ", Labels);
}
