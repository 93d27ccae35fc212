using System;
using System.Collections.Generic;

namespace SalesPipeline.Deals;

// A column of small non-negative codes stored as narrow as its largest code allows: nothing at all when every code is
// 0, else bytes, ushorts or ints. Most of a history's code columns (who acted, which pipeline, source, product) have a
// few dozen distinct values, so a byte per row holds them where an int would take four times the memory.
internal sealed class CodeColumn
{
    private readonly byte[]? bytes;
    private readonly ushort[]? shorts;
    private readonly int[]? ints;

    private CodeColumn(int count, byte[]? bytes, ushort[]? shorts, int[]? ints)
    {
        Count = count;
        this.bytes = bytes;
        this.shorts = shorts;
        this.ints = ints;
    }

    internal int Count { get; }

    internal int this[int row] =>
        bytes is not null ? bytes[row]
        : shorts is not null ? shorts[row]
        : ints is not null ? ints[row]
        : 0;

    internal long Bytes => (bytes?.LongLength ?? 0) + 2 * (shorts?.LongLength ?? 0) + 4 * (ints?.LongLength ?? 0);

    // The codes (each >= 0), narrowed to the width their maximum needs.
    internal static CodeColumn Of(List<int> codes)
    {
        var max = 0;
        foreach (var code in codes)
        {
            max = Math.Max(max, code);
        }
        var n = codes.Count;
        if (max == 0)
        {
            return new CodeColumn(n, null, null, null);
        }
        if (max <= byte.MaxValue)
        {
            var b = new byte[n];
            for (var i = 0; i < n; i++)
            {
                b[i] = (byte)codes[i];
            }
            return new CodeColumn(n, b, null, null);
        }
        if (max <= ushort.MaxValue)
        {
            var s = new ushort[n];
            for (var i = 0; i < n; i++)
            {
                s[i] = (ushort)codes[i];
            }
            return new CodeColumn(n, null, s, null);
        }
        return new CodeColumn(n, null, null, codes.ToArray());
    }
}
