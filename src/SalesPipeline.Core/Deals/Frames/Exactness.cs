using System;

namespace SalesPipeline.Deals;

// What a frame's integer kernels may assume, found while building it. A kernel that needs a property the frame does
// not have runs the deal-based code instead, so results never depend on which path ran.
//
// AmountBound: the sum of every |amount| in the frame written at MaxAmountScale, as an integer mantissa (saturated).
// A sum of any subset of the amounts is then exact in decimal (no rounding past 28 digits) when AmountBound < 2^96,
// and equals the integer sum rebuilt at the largest scale of its terms, which is the scale decimal addition gives.
internal readonly record struct Exactness(
    bool WholeTicks, // every instant is a whole number of 100 ns ticks, so tick comparisons equal instant ones
    bool IsoDates, // every expected close date is in the ISO calendar
    bool NarrowAmounts, // every amount's mantissa fits in a long
    byte MaxAmountScale,
    UInt128 AmountBound
)
{
    internal static readonly UInt128 DecimalLimit = (UInt128)1 << 96;

    internal bool AmountsSum => NarrowAmounts && AmountBound < DecimalLimit;

    // 10^0 .. 10^28 as 128-bit integers.
    internal static readonly UInt128[] Pow10 = Powers();

    // The same powers signed, for the kernels' products of signed mantissas.
    internal static readonly Int128[] SignedPow10 = Array.ConvertAll(Pow10, p => (Int128)p);

    // 10^0 .. 10^18, the powers a long holds: for kernels whose bound proves every term and sum fits in 64 bits, where
    // a checked 64-bit multiplication costs a fraction of a 128-bit one.
    internal static readonly long[] LongPow10 = Array.ConvertAll(Pow10[..19], p => (long)p);

    private static UInt128[] Powers()
    {
        var p = new UInt128[29];
        p[0] = 1;
        for (var i = 1; i < p.Length; i++)
        {
            p[i] = p[i - 1] * 10;
        }
        return p;
    }

    // a * b, or UInt128.MaxValue when it would overflow.
    internal static UInt128 SaturatingMultiply(UInt128 a, UInt128 b) => a == 0 || b <= UInt128.MaxValue / a ? a * b : UInt128.MaxValue;

    internal static UInt128 SaturatingAdd(UInt128 a, UInt128 b) => a <= UInt128.MaxValue - b ? a + b : UInt128.MaxValue;

    // The mantissa and scale of a decimal, when the mantissa fits in a long.
    internal static bool TrySplit(decimal value, out long mantissa, out byte scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        scale = (byte)((bits[3] >> 16) & 0xFF);
        var magnitude = unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        // A negative zero is left to the decimal code too: its sign can show in a sum, and a mantissa has none.
        if (bits[2] != 0 || magnitude > long.MaxValue || (bits[3] < 0 && magnitude == 0))
        {
            mantissa = 0;
            return false;
        }
        mantissa = bits[3] < 0 ? -(long)magnitude : (long)magnitude;
        return true;
    }

    // The scale of the decimal product of (a, aScale) and (b, bScale), which must fit (checked by the caller): the sum
    // of the scales, except that .NET gives a zero product of an operand of more than 32 bits scale 0
    // (31399.070000m * 0m is 0, while 1.0m * 0.0m is 0.00).
    internal static byte ProductScale(long a, byte aScale, long b, byte bScale) =>
        (a == 0 || b == 0) && (Math.Abs(a) > uint.MaxValue || Math.Abs(b) > uint.MaxValue) ? (byte)0 : (byte)(aScale + bScale);

    // The decimal mantissa / 10^(from - to) at scale `to`; the caller knows the division is exact and the result
    // fits in 96 bits.
    internal static decimal ToDecimal(Int128 mantissa, int from, int to)
    {
        var negative = mantissa < 0;
        var magnitude = (UInt128)(negative ? -mantissa : mantissa) / Pow10[from - to];
        return unchecked(new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)to));
    }
}
