using System;

namespace SalesPipeline.Deals;

// A sum of decimals kept as an integer mantissa at a common scale (the caller's), plus the largest scale of the terms
// added: the scale decimal addition would give the same sum. Exact as long as the caller has checked its bound
// (Exactness), so sums of parts can be added in any order and still give the decimal the sequential code gives.
internal struct ExactSum
{
    internal Int128 Mantissa;
    internal byte Scale;

    internal void Add(Int128 mantissa, byte scale)
    {
        Mantissa += mantissa;
        if (scale > Scale)
        {
            Scale = scale;
        }
    }

    internal void Add(ExactSum other) => Add(other.Mantissa, other.Scale);

    internal readonly decimal ToDecimal(int commonScale) => Exactness.ToDecimal(Mantissa, commonScale, Scale);
}
