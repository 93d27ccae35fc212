using System;
using System.Threading;

namespace SalesPipeline.Deals;

// A frame's amounts as the kernels read them: the frame's own columns when no rates are given, or every row's amount
// converted into the rates' reporting currency, built once by the very arithmetic of ExchangeRates.Convert (the decimal
// product amount x rate, rounding and scale included), so a kernel that sums these mantissas gives the decimal the
// deal code gives. A row whose conversion throws in the deal code (no rate for its currency, a product that
// overflows or leaves the reporting currency's range) or whose product has no long mantissa gets the scale Unusable:
// a kernel that would convert it falls back to the deal code, which then throws (or sums) exactly as before.
// Exactness holds the frame's own flags with the amount bound and largest scale of the usable converted rows.
// Immutable once built, so it is safe to share between threads.
internal sealed class ReportingAmounts
{
    internal const byte Unusable = byte.MaxValue;

    private ReportingAmounts(ExchangeRates? rates, decimal?[] rateOf, long[] mantissa, byte[] scale, Exactness exactness)
    {
        Rates = rates;
        RateOf = rateOf;
        Mantissa = mantissa;
        Scale = scale;
        Exactness = exactness;
    }

    // The rates the amounts were converted by (null: the frame's own amounts), and the rate each frame currency had
    // in them (null: none), which decide the column alone.
    internal ExchangeRates? Rates { get; }

    private decimal?[] RateOf { get; }

    internal long[] Mantissa { get; }

    // A row's scale, or Unusable.
    internal byte[] Scale { get; }

    internal Exactness Exactness { get; }

    // The amount of a usable row as the decimal it was taken from (the same bits, so the same Money and text).
    internal decimal ValueOf(int row) => Rebuild(Mantissa[row], Scale[row]);

    internal static ReportingAmounts Own(DealFrame frame) => new(null, [], frame.AmountMantissa, frame.AmountScale, frame.Exactness);

    // The same column as Convert(frame, rates) would build: the same reporting currency and, for every currency of
    // the frame, the same rate to the bit (1.08 and 1.080 give products of different scales) or none in both.
    internal bool Matches(DealFrame frame, ExchangeRates rates)
    {
        if (ReferenceEquals(rates, Rates))
        {
            return true;
        }
        if (Rates is null || rates.ReportingCurrency != Rates.ReportingCurrency)
        {
            return false;
        }
        for (var c = 0; c < frame.Currencies.Length; c++)
        {
            var theirs = rates.TryGetRate(frame.Currencies[c], out var rate) ? rate : (decimal?)null;
            if (!SameBits(theirs, RateOf[c]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool SameBits(decimal? a, decimal? b) =>
        a is { } x ? b is { } y && decimal.GetBits(x).AsSpan().SequenceEqual(decimal.GetBits(y)) : b is null;

    internal static ReportingAmounts Convert(DealFrame frame, ExchangeRates rates)
    {
        var rateOf = new decimal?[frame.Currencies.Length];
        for (var c = 0; c < rateOf.Length; c++)
        {
            rateOf[c] = rates.TryGetRate(frame.Currencies[c], out var rate) ? rate : null;
        }
        var n = frame.Count;
        var mantissa = new long[n];
        var scale = new byte[n];
        var limit = rates.ReportingCurrency.MaxAmount;
        var parts = FramePartitions.Parts(n);
        var maxScales = FramePartitions.Run(n, parts, (_, from, to) => ConvertRows(frame, rateOf, limit, from, to, mantissa, scale));
        byte maxScale = 0;
        foreach (var s in maxScales)
        {
            maxScale = Math.Max(maxScale, s);
        }
        var bounds = FramePartitions.Run(n, parts, (_, from, to) => Bound(mantissa, scale, maxScale, from, to));
        UInt128 bound = 0;
        foreach (var b in bounds)
        {
            bound = Exactness.SaturatingAdd(bound, b);
        }
        var exactness = frame.Exactness with { NarrowAmounts = true, MaxAmountScale = maxScale, AmountBound = bound };
        return new ReportingAmounts(rates, rateOf, mantissa, scale, exactness);
    }

    // Converts rows from .. to - 1 as ExchangeRates.Convert does and returns the largest scale of the usable ones.
    private static byte ConvertRows(DealFrame frame, decimal?[] rateOf, decimal limit, int from, int to, long[] mantissa, byte[] scale)
    {
        byte maxScale = 0;
        for (var r = from; r < to; r++)
        {
            if (rateOf[frame.AmountCurrency[r]] is not { } rate)
            {
                scale[r] = Unusable;
                continue;
            }
            var amount = frame.AmountAt(r);
            if (!TryConvert(amount, rate, limit, out mantissa[r], out scale[r]))
            {
                scale[r] = Unusable;
                continue;
            }
            maxScale = Math.Max(maxScale, scale[r]);
        }
        return maxScale;
    }

    // One amount converted as ExchangeRates.Convert converts it (for a kernel that reads a deal's past amount): false
    // where Convert throws, or when the product has no long mantissa.
    internal static bool TryConvert(Money amount, ExchangeRates rates, out long mantissa, out byte scale)
    {
        if (rates.TryGetRate(amount.Currency, out var rate))
        {
            return TryConvert(amount.Amount, rate, rates.ReportingCurrency.MaxAmount, out mantissa, out scale);
        }
        (mantissa, scale) = (0, 0);
        return false;
    }

    private static bool TryConvert(decimal amount, decimal rate, decimal limit, out long mantissa, out byte scale)
    {
        (mantissa, scale) = (0, 0);
        decimal product;
        try
        {
            product = amount * rate;
        }
        catch (OverflowException)
        {
            return false;
        }
        return Math.Abs(product) <= limit && Exactness.TrySplit(product, out mantissa, out scale);
    }

    // The decimal TrySplit took apart (it refuses a negative zero, so sign, magnitude and scale give the same bits).
    internal static decimal Rebuild(long mantissa, byte scale)
    {
        var magnitude = (ulong)Math.Abs(mantissa);
        return unchecked(new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, mantissa < 0, scale));
    }

    private static UInt128 Bound(long[] mantissa, byte[] scale, byte maxScale, int from, int to)
    {
        UInt128 bound = 0;
        for (var r = from; r < to; r++)
        {
            if (scale[r] != Unusable)
            {
                var magnitude = (UInt128)(ulong)Math.Abs(mantissa[r]);
                bound = Exactness.SaturatingAdd(bound, Exactness.SaturatingMultiply(magnitude, Exactness.Pow10[maxScale - scale[r]]));
            }
        }
        return bound;
    }
}

internal sealed partial class DealFrame
{
    private static readonly object OwnAmountsKey = new();
    private static readonly object ConvertedKey = new();

    // The amounts in the reporting currency the kernels sum: the frame's own columns without rates, else the column
    // converted by these rates. Only the last rates' column is kept per frame (a caller alternating between two
    // tables converts again each time), so memory stays at one long and one byte per row.
    internal ReportingAmounts AmountsIn(ExchangeRates? rates)
    {
        if (rates is null)
        {
            return Derived(OwnAmountsKey, ReportingAmounts.Own);
        }
        var slot = Derived(ConvertedKey, static _ => new ConvertedSlot());
        if (Volatile.Read(ref slot.Last) is { } last && last.Matches(this, rates))
        {
            return last;
        }
        var made = ReportingAmounts.Convert(this, rates);
        Volatile.Write(ref slot.Last, made);
        return made;
    }

    private sealed class ConvertedSlot
    {
        internal ReportingAmounts? Last;
    }
}
