using System.Collections;

namespace SalesPipeline.Interactive.Tests;

/// <summary>A list that counts the items read from it, by index or by enumeration: a frame-backed list of imported deals
/// decodes each deal it is asked for, so a formatter that shows twenty rows should read twenty.</summary>
internal sealed class CountingList<T>(IReadOnlyList<T> items) : IReadOnlyList<T>
{
    public int Reads { get; set; }

    public int Count => items.Count;

    public T this[int index]
    {
        get
        {
            Reads++;
            return items[index];
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var item in items)
        {
            Reads++;
            yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A sequence with no count (a lazy query), counting how often it is enumerated.</summary>
internal sealed class CountingSequence<T>(IReadOnlyList<T> items) : IEnumerable<T>
{
    public int Enumerations { get; set; }

    public IEnumerator<T> GetEnumerator()
    {
        Enumerations++;
        return items.GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
