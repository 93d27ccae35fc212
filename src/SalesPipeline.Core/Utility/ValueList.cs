using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace SalesPipeline.Utility;

// A read-only copy of a list that equals another ValueList with the same elements in the same order. Options records
// keep their list members in one, so the records' synthesized equality (which compares members with
// EqualityComparer<IReadOnlyList<T>>.Default, i.e. the runtime type's Equals) compares the lists by content: two
// accumulators built with equal but separately constructed options can merge. The copy also stops a caller's later
// change to their own list from changing the options.
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] items;

    private ValueList(T[] items) => this.items = items;

    public int Count => items.Length;

    public T this[int index] => items[index];

    // Null stays null, so the consumer's own null check (with its message) still runs.
    public static ValueList<T>? Copy(IEnumerable<T>? value) =>
        value switch
        {
            null => null,
            ValueList<T> list => list,
            _ => new ValueList<T>(value.ToArray()),
        };

    public static ValueList<T> Of(T item) => new([item]);

    // A copy with one more element: O(n), for the short lists (a lead's history) that use it.
    public ValueList<T> Append(T item)
    {
        var next = new T[items.Length + 1];
        items.CopyTo(next, 0);
        next[^1] = item;
        return new ValueList<T>(next);
    }

    public bool Equals(ValueList<T>? other) => other is not null && items.AsSpan().SequenceEqual(other.items);

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    public override string ToString() => "[" + string.Join(", ", items) + "]";
}
