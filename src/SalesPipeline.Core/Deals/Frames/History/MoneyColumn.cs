using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace SalesPipeline.Deals;

// Amounts as DealFrame holds them: a long mantissa and the decimal's own scale (100m and 100.00m stay apart), and a
// currency code into the history's currencies. The rare amount whose mantissa does not fit a long (28 significant
// digits, a negative zero) is kept whole in a side table, marked by WideScale.
internal sealed class MoneyColumn
{
    internal const byte WideScale = byte.MaxValue;

    private MoneyColumn(long[] mantissa, byte[] scale, CodeColumn currency, SparseColumn<decimal> wide)
    {
        Mantissa = mantissa;
        Scale = scale;
        Currency = currency;
        Wide = wide;
    }

    internal long[] Mantissa { get; }

    // The decimal's scale, or WideScale for an amount kept in Wide.
    internal byte[] Scale { get; }

    internal CodeColumn Currency { get; }

    internal SparseColumn<decimal> Wide { get; }

    internal int Count => Mantissa.Length;

    internal long Bytes => 9L * Mantissa.Length + Currency.Bytes + Wide.Bytes(16);

    internal Money At(int row, Currency[] currencies) => Money.Of(Amount(row), currencies[Currency[row]]);

    internal decimal Amount(int row)
    {
        var scale = Scale[row];
        if (scale == WideScale)
        {
            Wide.TryGet(row, out var wide);
            return wide;
        }
        var m = Mantissa[row];
        var magnitude = m < 0 ? (ulong)-m : (ulong)m;
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, m < 0, scale);
    }

    internal sealed class Builder
    {
        private readonly List<long> mantissa = [];
        private readonly List<byte> scale = [];
        private readonly List<int> currency = [];
        private readonly SparseColumn<decimal>.Builder wide = new();

        internal int Count => mantissa.Count;

        internal int Add(decimal amount, int currencyCode)
        {
            var row = mantissa.Count;
            if (Exactness.TrySplit(amount, out var m, out var s))
            {
                mantissa.Add(m);
                scale.Add(s);
            }
            else
            {
                mantissa.Add(0);
                scale.Add(WideScale);
                wide.Add(row, amount);
            }
            currency.Add(currencyCode);
            return row;
        }

        // The columns of builders that filled consecutive parts of the rows, each part's currency codes renumbered by
        // its remap.
        internal static MoneyColumn Join(IReadOnlyList<Builder> parts, int[][] currencyRemaps)
        {
            var count = 0;
            foreach (var part in parts)
            {
                count += part.Count;
            }
            var mantissas = new long[count];
            var scales = new byte[count];
            var currencies = new List<int>(count);
            var bases = new int[parts.Count];
            for (var p = 0; p < parts.Count; p++)
            {
                var part = parts[p];
                bases[p] = currencies.Count;
                CollectionsMarshal.AsSpan(part.mantissa).CopyTo(mantissas.AsSpan(bases[p]));
                CollectionsMarshal.AsSpan(part.scale).CopyTo(scales.AsSpan(bases[p]));
                foreach (var code in part.currency)
                {
                    currencies.Add(currencyRemaps[p][code]);
                }
            }
            return new(
                mantissas,
                scales,
                CodeColumn.Of(currencies),
                SparseColumn<decimal>.Builder.Join([.. parts.Select(q => q.wide)], bases)
            );
        }
    }
}
