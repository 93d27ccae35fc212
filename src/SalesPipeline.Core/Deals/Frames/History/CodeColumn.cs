using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

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
    internal static CodeColumn Of(List<int> codes) => Of([codes]);

    // The codes of consecutive parts of the rows, one after the other (a joined history's), narrowed as one column.
    internal static CodeColumn Of(IReadOnlyList<List<int>> parts)
    {
        var max = 0;
        var n = 0;
        foreach (var part in parts)
        {
            foreach (var code in CollectionsMarshal.AsSpan(part))
            {
                max = Math.Max(max, code);
            }
            n += part.Count;
        }
        if (max == 0)
        {
            return new CodeColumn(n, null, null, null);
        }
        var b = max <= byte.MaxValue ? new byte[n] : null;
        var s = b is null && max <= ushort.MaxValue ? new ushort[n] : null;
        var i = b is null && s is null ? new int[n] : null;
        var row = 0;
        foreach (var part in parts)
        {
            foreach (var code in CollectionsMarshal.AsSpan(part))
            {
                if (b is not null)
                {
                    b[row++] = (byte)code;
                }
                else if (s is not null)
                {
                    s[row++] = (ushort)code;
                }
                else
                {
                    i![row++] = code;
                }
            }
        }
        return new CodeColumn(n, b, s, i);
    }
}
