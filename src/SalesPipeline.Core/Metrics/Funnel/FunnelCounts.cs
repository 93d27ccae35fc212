using System;

namespace SalesPipeline.Metrics;

// Per open stage, the deal count and the amount of each category, in exact integer and decimal sums (merging adds them,
// so any split of the deals gives the same totals). Slot 0 of each stage is Reached; slots 1..6 follow FunnelCategory;
// slot 7 counts the deals that reached both this stage and the next, the numerator of the conversion. A deal opened here
// that reached the next stage always reached this one, but an imported deal first observed in the next stage did not.
internal sealed class FunnelCounts
{
    internal const int Width = 8;
    internal const int ReachedNext = 7;

    internal FunnelCounts(int stages)
    {
        Counts = new int[stages * Width];
        Amounts = new decimal[stages * Width];
    }

    internal int[] Counts { get; }

    internal decimal[] Amounts { get; }

    // Every deal added, including an imported one observed in no open stage (imported as won or lost): with imported
    // deals the first stage's Reached is no longer the number of deals.
    internal int Deals { get; private set; }

    // The amount of every deal added (the denominator of the reached-value shares), for the same reason.
    internal decimal TotalAmount { get; private set; }

    // The largest scale of the amounts summed. Decimal addition lowers the scale only to round, and a rounded sum stays
    // below the scale from then on (a larger sum fits no better), so a TotalAmount at this scale never rounded; nor did
    // any of Amounts, each a sum of some of the same non-negative amounts, no larger and at no larger scale.
    private byte termScale;

    // Whether every sum here is the exact sum of its amounts (see termScale): what a merge of this into another
    // accumulator needs for FrameAddRange.SumsExactly to hold.
    internal bool NeverRounded => TotalAmount.Scale == termScale;

    // categories[s] is the deal's FunnelCategory for stage s, or 0 when it did not reach it.
    internal void Add(ReadOnlySpan<byte> categories, decimal amount)
    {
        Deals++;
        TotalAmount += amount;
        termScale = Math.Max(termScale, amount.Scale);
        for (var s = 0; s < categories.Length; s++)
        {
            if (categories[s] != 0)
            {
                var k = s * Width;
                Counts[k]++;
                Counts[k + categories[s]]++;
                Amounts[k] += amount;
                Amounts[k + categories[s]] += amount;
                if (s + 1 < categories.Length && categories[s + 1] != 0)
                {
                    Counts[k + ReachedNext]++;
                    Amounts[k + ReachedNext] += amount;
                }
            }
        }
    }

    // Adds group `group` of a frame kernel's cells, whose amounts are exact integers at `scale` (each rebuilt with the
    // scale decimal addition would give it).
    internal void Add(FunnelAccumulator.FrameCells cells, int group, int scale)
    {
        Deals += cells.Deals[group];
        TotalAmount += cells.Totals[group].ToDecimal(scale);
        termScale = Math.Max(termScale, TotalAmount.Scale); // the kernel's sums are exact
        var offset = group * cells.Width;
        for (var k = 0; k < Counts.Length; k++)
        {
            Counts[k] += cells.Counts[offset + k];
            Amounts[k] += cells.Amounts[offset + k].ToDecimal(scale);
        }
    }

    internal void Merge(FunnelCounts other)
    {
        Deals += other.Deals;
        TotalAmount += other.TotalAmount;
        termScale = Math.Max(termScale, other.termScale);
        for (var k = 0; k < Counts.Length; k++)
        {
            Counts[k] += other.Counts[k];
            Amounts[k] += other.Amounts[k];
        }
    }

    internal int Count(int stage, int slot) => Counts[stage * Width + slot];

    internal decimal Amount(int stage, int slot) => Amounts[stage * Width + slot];
}
