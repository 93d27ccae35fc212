using System.Collections.Generic;

namespace SalesPipeline.Collections;

/// <summary>One line of an <see cref="AgingReport"/>: the outstanding amounts of a customer, rep, team or the company, per bucket.</summary>
/// <param name="Key">The customer, rep id, team id, "total", or <see cref="Receivables.Unassigned"/>.</param>
/// <param name="Buckets">The outstanding amount in each bucket, in the order of <see cref="AgingBuckets.Labels"/>.</param>
/// <param name="Total">The sum of <paramref name="Buckets"/>: the line's outstanding amount.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record AgingLine(string Key, IReadOnlyList<Money> Buckets, Money Total);
