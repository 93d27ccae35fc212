using System;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace SalesPipeline.Parquet.Writing;

// One column of a table being written: it takes each row's value into a buffer for the current row group, then writes
// the group's values. A value the column cannot hold exactly is refused (ValueRefusedException), never rounded.
internal abstract class Column<TRow>
{
    protected Column(DataField field) => Field = field;

    internal DataField Field { get; }

    internal string Name => Field.Name;

    // Takes the row's value as the index-th of the current group (index grows by one from 0 within a group).
    internal abstract void Add(TRow row, int index);

    // Writes the first `count` values taken since the last group.
    internal abstract Task WriteAsync(ParquetRowGroupWriter group, int count, CancellationToken cancellationToken);

    // A buffer that grows to the rows of one group, so that a small table does not allocate a full group per column.
    protected static void Ensure<T>(ref T[] buffer, int index)
    {
        if (index >= buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(16, buffer.Length * 2));
        }
    }
}

// A column of text (Parquet BYTE_ARRAY with the STRING logical type, UTF-8).
internal sealed class TextColumn<TRow>(string name, bool nullable, Func<TRow, string?> get)
    : Column<TRow>(new DataField<string>(name, nullable))
{
    private string?[] values = [];

    internal override void Add(TRow row, int index)
    {
        var value = get(row);
        if (value is null && !Field.IsNullable)
        {
            throw new ValueRefusedException(Name, null, "The column is required: every row has a value.");
        }
        Ensure(ref values, index);
        values[index] = value;
    }

    internal override Task WriteAsync(ParquetRowGroupWriter group, int count, CancellationToken cancellationToken) =>
        group.WriteAsync(Field, new ArraySegment<string?>(values, 0, count));
}

// A column of a value type Parquet.Net writes directly: long, double, bool, DateOnly (DATE), DateTime (TIMESTAMP) and
// BigDecimal (DECIMAL); `get` converts the row's value, or refuses it.
internal sealed class ValueColumn<TRow, T>(DataField field, Func<TRow, T?> get) : Column<TRow>(field)
    where T : struct
{
    private T?[] optional = [];
    private T[] required = [];

    internal override void Add(TRow row, int index)
    {
        var value = get(row);
        if (Field.IsNullable)
        {
            Ensure(ref optional, index);
            optional[index] = value;
        }
        else
        {
            Ensure(ref required, index);
            required[index] = value ?? throw new ValueRefusedException(Name, null, "The column is required: every row has a value.");
        }
    }

    internal override Task WriteAsync(ParquetRowGroupWriter group, int count, CancellationToken cancellationToken) =>
        Field.IsNullable
            ? group.WriteAsync(Field, new ReadOnlyMemory<T?>(optional, 0, count), cancellationToken: cancellationToken)
            : group.WriteAsync(Field, new ReadOnlyMemory<T>(required, 0, count), cancellationToken: cancellationToken);
}

// A value that its column cannot hold exactly: the writer reports it with the row it is in.
internal sealed class ValueRefusedException(string column, object? value, string rule) : Exception(rule)
{
    internal string Column { get; } = column;

    internal object? Value { get; } = value;
}
