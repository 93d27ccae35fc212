using System;
using System.Collections.Generic;

namespace SalesPipeline.Deals;

// Dictionary encoding of one string column: while building, each distinct value gets a provisional code in order of
// first appearance; Seal sorts the values ordinally and gives the remapping, so that in the frame "order by key,
// ordinal" (the order every report uses) is "order by code".
internal sealed class FrameCodes
{
    private readonly Dictionary<string, int> codes = new(StringComparer.Ordinal);
    private readonly List<string> values = [];

    internal int Count => values.Count;

    internal int Code(string value)
    {
        if (!codes.TryGetValue(value, out var code))
        {
            code = values.Count;
            codes.Add(value, code);
            values.Add(value);
        }
        return code;
    }

    // The values in ordinal order, and for each provisional code its final one.
    internal (string[] Values, int[] Remap) Seal()
    {
        var sorted = values.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        var remap = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            remap[codes[sorted[i]]] = i;
        }
        return (sorted, remap);
    }

    internal static void Apply(int[] column, int[] remap)
    {
        for (var i = 0; i < column.Length; i++)
        {
            if (column[i] >= 0)
            {
                column[i] = remap[column[i]];
            }
        }
    }
}
