using System.Collections.Generic;

namespace SalesPipeline.Deals;

// One optional field of every deal (a team, a source code, a customer, a loss reason's code) as codes into its
// distinct values in their order (text: ordinal), plus one (0: none), as narrow as the number of values allows.
// Immutable once built; safe to read from any thread.
internal sealed class FieldColumn<T>
    where T : class
{
    private FieldColumn(CodeColumn codes, T[] values)
    {
        Codes = codes;
        Values = values;
    }

    // Codes plus one into Values (0: none).
    internal CodeColumn Codes { get; }

    internal T[] Values { get; }

    internal int Count => Codes.Count;

    // The value's code (its index in Values), or DealFrame.NoCode for none.
    internal int CodeAt(int row) => Codes[row] - 1;

    internal T? this[int row] => Codes[row] is var code and > 0 ? Values[code - 1] : null;

    internal long Bytes
    {
        get
        {
            var bytes = Codes.Bytes;
            foreach (var value in Values)
            {
                bytes += 8 + DealFields.TextBytes(value as string);
                bytes += value is Customer c ? 24 + DealFields.TextBytes(c.AccountId) + DealFields.TextBytes(c.Name) : 0;
            }
            return bytes;
        }
    }

    // Records the column a row at a time, in row order: from a value, or copied from a built column (a part to join, a
    // frame's row kept as of an instant). Not thread-safe; Build once.
    internal sealed class Builder(HistoryCodes<T> codes)
    {
        private readonly List<int> column = [];

        internal int Count => column.Count;

        // Adds the value and returns its provisional code plus one (0 for none).
        internal int Add(T? value)
        {
            var code = codes.OptionalCode(value);
            column.Add(code);
            return code;
        }

        // Adds row `row` of `source` and returns its provisional code plus one (0 for none).
        internal int Copy(FieldColumn<T> source, int row)
        {
            var code = source.Codes[row] is var c and > 0 ? codes.CodeOf(source.Values, c - 1) + 1 : 0;
            column.Add(code);
            return code;
        }

        // The column, and for each provisional code its final one.
        internal FieldColumn<T> Build()
        {
            var (values, remap) = codes.Seal();
            HistoryCodes<T>.ApplyOptional(column, remap);
            return new FieldColumn<T>(CodeColumn.Of(column), values);
        }
    }
}
