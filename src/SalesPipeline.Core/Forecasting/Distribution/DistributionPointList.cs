using System;
using System.Collections;
using System.Collections.Generic;

namespace SalesPipeline.Forecasting;

// A read-only view of a distribution's points that makes each DistributionPoint when read.
internal sealed class DistributionPointList(decimal[] values, double[] probabilities, double[] cumulative, Currency currency)
    : IReadOnlyList<DistributionPoint>
{
    public int Count => values.Length;

    public DistributionPoint this[int index] =>
        unchecked((uint)index) < (uint)values.Length
            ? new DistributionPoint(Money.Of(values[index], currency), probabilities[index], cumulative[index])
            : throw new ArgumentOutOfRangeException(
                nameof(index),
                index,
                $"The index must be between 0 and {values.Length - 1}; it was {index}."
            );

    public IEnumerator<DistributionPoint> GetEnumerator()
    {
        for (var i = 0; i < values.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
