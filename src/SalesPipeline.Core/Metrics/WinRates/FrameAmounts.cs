using System;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

// A frame row's amount as an integer mantissa at the frame's largest amount scale, for ExactSum cells: exact while the
// frame's Exactness.AmountsSum holds, which every kernel checks first.
internal static class FrameAmounts
{
    internal static Int128 AtScale(long mantissa, byte scale, byte common) =>
        scale == common ? mantissa : mantissa * Exactness.SignedPow10[common - scale];
}
