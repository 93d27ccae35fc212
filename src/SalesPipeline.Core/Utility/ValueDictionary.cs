using System;
using System.Collections;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace SalesPipeline.Utility;

// A frozen dictionary that equals another ValueDictionary with the same keys mapped to equal values (order does not
// matter), for the same reason as ValueList: options records compare their dictionary members by content.
internal sealed class ValueDictionary<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<ValueDictionary<TKey, TValue>>
    where TKey : notnull
{
    private readonly FrozenDictionary<TKey, TValue> items;

    internal ValueDictionary(FrozenDictionary<TKey, TValue> items) => this.items = items;

    public TValue this[TKey key] => items[key];

    public IEnumerable<TKey> Keys => items.Keys;

    public IEnumerable<TValue> Values => items.Values;

    public int Count => items.Count;

    public bool ContainsKey(TKey key) => items.ContainsKey(key);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => items.TryGetValue(key, out value);

    public bool Equals(ValueDictionary<TKey, TValue>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }
        foreach (var (key, value) in items)
        {
            if (!other.items.TryGetValue(key, out var theirs) || !EqualityComparer<TValue>.Default.Equals(value, theirs))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ValueDictionary<TKey, TValue>);

    // Order-independent: the sum of the pairs' hashes.
    public override int GetHashCode()
    {
        var sum = 0;
        foreach (var (key, value) in items)
        {
            sum = unchecked(sum + HashCode.Combine(key, value));
        }
        return HashCode.Combine(Count, sum);
    }

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<TKey, TValue>>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
