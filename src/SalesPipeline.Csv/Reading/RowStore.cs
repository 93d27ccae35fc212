using System;
using System.Collections.Generic;

namespace SalesPipeline.Csv.Reading;

// The raw bytes of the rows kept for later, so that an error found after reading (by the import, or in a deal's history)
// can still quote the cell's text as the file wrote it. One large chunk per megabyte, not an array per row.
internal sealed class RowStore
{
    private const int ChunkSize = 1 << 20;
    private readonly List<byte[]> chunks = [];
    private readonly List<(int Chunk, int Start, int Length)> rows = [];
    private int used = ChunkSize;

    // The bytes of every row added.
    internal long Bytes { get; private set; }

    internal void EnsureCapacity(int rowCount) => rows.EnsureCapacity(rowCount);

    internal int Add(ReadOnlySpan<byte> row)
    {
        if (row.Length > ChunkSize - used)
        {
            chunks.Add(new byte[Math.Max(ChunkSize, row.Length)]);
            used = 0;
        }
        row.CopyTo(chunks[^1].AsSpan(used));
        rows.Add((chunks.Count - 1, used, row.Length));
        used += row.Length;
        Bytes += row.Length;
        return rows.Count - 1;
    }

    internal ReadOnlySpan<byte> this[int handle]
    {
        get
        {
            var (chunk, start, length) = rows[handle];
            return chunks[chunk].AsSpan(start, length);
        }
    }
}
