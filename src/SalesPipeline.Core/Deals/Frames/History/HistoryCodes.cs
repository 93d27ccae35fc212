using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SalesPipeline.Deals;

// Dictionary encoding of one repeating value (an actor, a stage, a lead source, a customer): while a history is built
// each distinct value gets a provisional code in order of first appearance; Seal puts the values in their order (for
// strings ordinal, as DealFrame numbers them, so "order by key" is "order by code") and gives the renumbering.
internal sealed class HistoryCodes<T>(IEqualityComparer<T> equality, Comparison<T>? order)
    where T : notnull
{
    private readonly Dictionary<T, int> codes = new(equality);
    private readonly Comparison<T>? sortOrder = order;
    private readonly List<T> values = [];

    // Recent values by identity: a history's values are mostly the same few objects (a pipeline's stage ids, an
    // import's actor), which then need no hashing of their text.
    private const int Recent = 32;
    private readonly object?[] recent = new object?[Recent];
    private readonly int[] recentCodes = new int[Recent];

    // CodeOf's memory: the dictionary copied from last, and its codes' codes here plus one (0: not met yet).
    private T[]? copiedFrom;
    private int[] copied = [];

    internal int Code(T value)
    {
        if (typeof(T).IsValueType)
        {
            return Lookup(value);
        }
        var slot = RuntimeHelpers.GetHashCode(value) & (Recent - 1);
        if (!ReferenceEquals(recent[slot], value))
        {
            recentCodes[slot] = Lookup(value);
            recent[slot] = value;
        }
        return recentCodes[slot];
    }

    private int Lookup(T value)
    {
        if (!codes.TryGetValue(value, out var code))
        {
            code = values.Count;
            codes.Add(value, code);
            values.Add(value);
        }
        return code;
    }

    // The value's code, given one already or while there are fewer than `limit` codes.
    internal bool TryCode(T value, int limit, out int code)
    {
        if (codes.TryGetValue(value, out code))
        {
            return true;
        }
        if (values.Count >= limit)
        {
            return false;
        }
        code = Lookup(value);
        return true;
    }

    // The code plus one, 0 for null: the form of an optional value's column.
    internal int OptionalCode(T? value) => value is null ? 0 : Code(value) + 1;

    // The code of values[code], a value of a built dictionary whose rows are being copied (a part to join, a row a frame
    // as of an instant keeps): Code(values[code]), remembered per source code while the rows come from that dictionary,
    // so a copied row costs no hashing.
    internal int CodeOf(T[] values, int code)
    {
        if (!ReferenceEquals(values, copiedFrom))
        {
            copiedFrom = values;
            copied = new int[values.Length];
        }
        ref var known = ref copied[code];
        if (known == 0)
        {
            known = Code(values[code]) + 1;
        }
        return known - 1;
    }

    // The values in their final order, and for each provisional code its final one.
    internal (T[] Values, int[] Remap) Seal()
    {
        var (values, remaps) = Seal([this]);
        return (values, remaps[0]);
    }

    // The values of builders that coded consecutive parts of the rows, in the order one builder of all the rows would
    // give them (in order of first appearance over the parts in turn, then sorted when the values have an order), and
    // for each part, for each of its provisional codes, the final one.
    internal static (T[] Values, int[][] Remaps) Seal(IReadOnlyList<HistoryCodes<T>> parts)
    {
        var final = new Dictionary<T, int>(parts[0].codes.Comparer);
        var appearance = new List<T>();
        foreach (var part in parts)
        {
            foreach (var value in part.values)
            {
                if (final.TryAdd(value, appearance.Count))
                {
                    appearance.Add(value);
                }
            }
        }
        var values = appearance.ToArray();
        if (parts[0].sortOrder is { } order)
        {
            // The same values in the same order as one builder's list: the same sort gives the same order.
            Array.Sort(values, order);
            for (var i = 0; i < values.Length; i++)
            {
                final[values[i]] = i;
            }
        }
        var remaps = new int[parts.Count][];
        for (var p = 0; p < parts.Count; p++)
        {
            var local = parts[p].values;
            remaps[p] = new int[local.Count];
            for (var i = 0; i < local.Count; i++)
            {
                remaps[p][i] = final[local[i]];
            }
        }
        return (values, remaps);
    }

    // The values in order of their provisional codes.
    internal IReadOnlyList<T> Provisional => values;

    // Renumbers a column of codes (negative: none).
    internal static void Apply(List<int> column, int[] remap)
    {
        foreach (ref var code in CollectionsMarshal.AsSpan(column))
        {
            if (code >= 0)
            {
                code = remap[code];
            }
        }
    }

    // Renumbers a column of codes plus one (0: none).
    internal static void ApplyOptional(List<int> column, int[] remap)
    {
        foreach (ref var code in CollectionsMarshal.AsSpan(column))
        {
            if (code > 0)
            {
                code = remap[code - 1] + 1;
            }
        }
    }
}

internal static class HistoryCodes
{
    internal static HistoryCodes<string> Strings() => new(StringComparer.Ordinal, StringComparer.Ordinal.Compare);

    // Customers ordered by account id, then name, ordinally.
    internal static HistoryCodes<Customer> Customers() => new(EqualityComparer<Customer>.Default, CompareCustomers);

    private static int CompareCustomers(Customer a, Customer b) =>
        string.CompareOrdinal(a.AccountId, b.AccountId) is var byId and not 0 ? byId : string.CompareOrdinal(a.Name, b.Name);
}
