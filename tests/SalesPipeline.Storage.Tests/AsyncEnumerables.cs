namespace SalesPipeline.Storage.Tests;

// net8.0 has no System.Linq.AsyncEnumerable; one helper for both targets.
internal static class AsyncEnumerables
{
    public static async Task<List<T>> CollectAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }
        return list;
    }
}
