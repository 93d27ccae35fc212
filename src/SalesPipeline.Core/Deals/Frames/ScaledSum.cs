using System;

namespace SalesPipeline.Deals;

// A sum of decimals whose scales are not known in advance (amounts read from a deal's past state, say): one integer
// sum per scale, joined at the end at the largest scale present, which is the scale decimal addition gives. TryTotal
// fails when the joined sum could have rounded in decimal (its magnitude reaches 2^96), so the caller falls back.
// A mutable accumulator of one thread; parts are joined with Add.
internal sealed class ScaledSum
{
    private readonly Int128[] sums = new Int128[29];
    private readonly UInt128[] magnitudes = new UInt128[29];
    private int maxScale = -1;

    internal void Add(long mantissa, byte scale)
    {
        sums[scale] += mantissa;
        magnitudes[scale] += (ulong)Math.Abs(mantissa);
        maxScale = Math.Max(maxScale, scale);
    }

    internal void Add(ScaledSum other)
    {
        for (var s = 0; s <= other.maxScale; s++)
        {
            sums[s] += other.sums[s];
            magnitudes[s] += other.magnitudes[s];
        }
        maxScale = Math.Max(maxScale, other.maxScale);
    }

    // The sum as the decimal the sequential code gives (0 at scale 0 when nothing was added), or false when it
    // could have rounded.
    internal bool TryTotal(out decimal total)
    {
        total = 0m;
        if (maxScale < 0)
        {
            return true;
        }
        Int128 sum = 0;
        UInt128 bound = 0;
        for (var s = 0; s <= maxScale; s++)
        {
            bound = Exactness.SaturatingAdd(bound, Exactness.SaturatingMultiply(magnitudes[s], Exactness.Pow10[maxScale - s]));
            if (bound >= Exactness.DecimalLimit)
            {
                return false;
            }
            sum += sums[s] * (Int128)Exactness.Pow10[maxScale - s];
        }
        total = Exactness.ToDecimal(sum, maxScale, maxScale);
        return true;
    }
}
