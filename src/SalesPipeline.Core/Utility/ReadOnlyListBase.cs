using System;
using System.Collections;
using System.Collections.Generic;

namespace SalesPipeline.Utility;

// A read-only list whose items are made on demand: a subclass gives Count and the indexer. It is an IList<T> as well,
// as ReadOnlyCollection<T> is, so that LINQ's Count(), Last(), ElementAt() and the like read by index instead of
// enumerating (and so making) every item; the mutators throw NotSupportedException.
internal abstract class ReadOnlyListBase<T> : IList<T>, IReadOnlyList<T>
{
    public abstract int Count { get; }

    public abstract T this[int index] { get; }

    T IList<T>.this[int index]
    {
        get => this[index];
        set => throw ReadOnly();
    }

    public bool IsReadOnly => true;

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(T item)
    {
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < Count; i++)
        {
            if (comparer.Equals(this[i], item))
            {
                return i;
            }
        }
        return -1;
    }

    public bool Contains(T item) => IndexOf(item) >= 0;

    public void CopyTo(T[] array, int arrayIndex)
    {
        Preconditions.CheckNotNull(array);
        Preconditions.CheckRange(
            arrayIndex >= 0 && arrayIndex <= array.Length - Count,
            nameof(arrayIndex),
            arrayIndex,
            $"The {Count} items do not fit in an array of length {array.Length} from index {arrayIndex}."
        );
        for (var i = 0; i < Count; i++)
        {
            array[arrayIndex + i] = this[i];
        }
    }

    void ICollection<T>.Add(T item) => throw ReadOnly();

    void ICollection<T>.Clear() => throw ReadOnly();

    bool ICollection<T>.Remove(T item) => throw ReadOnly();

    void IList<T>.Insert(int index, T item) => throw ReadOnly();

    void IList<T>.RemoveAt(int index) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The list is read-only.");
}
