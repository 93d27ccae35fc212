using System.Numerics;
using System.Runtime.InteropServices;
using NodaTime;
using ParquetSharp;

namespace SalesPipeline.Parquet.Tests.Support;

// A written file read back by ParquetSharp, a wrapper of Apache Arrow's C++ Parquet library (the reader behind pyarrow,
// and so pandas), not Parquet.Net which writes the files. The values are decoded here from their physical form as the
// Parquet format specification (LogicalTypes.md) defines them: DATE an INT32 of days since 1970-01-01, TIMESTAMP(MICROS)
// an INT64 of microseconds since 1970-01-01T00:00:00Z, DECIMAL(p, s) a big-endian two's complement unscaled integer.
internal sealed record ReadColumn(string Name, string Type, bool Optional, object?[] Values);

internal sealed record ReadFile(IReadOnlyList<ReadColumn> Columns, int RowGroups, IReadOnlyDictionary<string, string> Metadata)
{
    public ReadColumn this[string name] => Columns.Single(c => c.Name == name);

    public long Rows => Columns.Count == 0 ? 0 : Columns[0].Values.Length;

    public object? Cell(string column, int row) => this[column].Values[row];
}

internal static class IndependentReader
{
    public static ReadFile Read(byte[] file)
    {
        using var stream = new MemoryStream(file, writable: false);
        using var reader = new ParquetFileReader(stream, leaveOpen: true);
        var meta = reader.FileMetaData;
        var columns = new List<(string Name, string Type, bool Optional, List<object?> Values)>();
        for (var c = 0; c < meta.NumColumns; c++)
        {
            var d = meta.Schema.Column(c);
            columns.Add((d.Name, Describe(d), d.MaxDefinitionLevel > 0, []));
        }
        for (var g = 0; g < meta.NumRowGroups; g++)
        {
            using var group = reader.RowGroup(g);
            var rows = checked((int)group.MetaData.NumRows);
            for (var c = 0; c < meta.NumColumns; c++)
            {
                using var column = group.Column(c);
                columns[c].Values.AddRange(ReadValues(column, meta.Schema.Column(c), rows));
            }
        }
        return new ReadFile(
            [.. columns.Select(c => new ReadColumn(c.Name, c.Type, c.Optional, [.. c.Values]))],
            meta.NumRowGroups,
            meta.KeyValueMetadata
        );
    }

    private static string Describe(ColumnDescriptor d) =>
        d.LogicalType switch
        {
            StringLogicalType => $"STRING/{d.PhysicalType}",
            DateLogicalType => $"DATE/{d.PhysicalType}",
            TimestampLogicalType t => $"TIMESTAMP({t.TimeUnit},{(t.IsAdjustedToUtc ? "UTC" : "local")})/{d.PhysicalType}",
            DecimalLogicalType x => $"DECIMAL({x.Precision},{x.Scale})/{d.PhysicalType}",
            IntLogicalType i => $"INT({i.BitWidth},{(i.IsSigned ? "signed" : "unsigned")})/{d.PhysicalType}",
            NoneLogicalType => d.PhysicalType.ToString(),
            var other => $"{other.Type}/{d.PhysicalType}",
        };

    private static IEnumerable<object?> ReadValues(ColumnReader column, ColumnDescriptor d, int rows)
    {
        if (d.LogicalType is StringLogicalType)
        {
            using var strings = column.LogicalReader<string?>();
            return strings.ReadAll(rows);
        }
        return d.PhysicalType switch
        {
            PhysicalType.Int32 when d.LogicalType is DateLogicalType => Physical<int>(
                column,
                rows,
                days => new LocalDate(1970, 1, 1).PlusDays(days)
            ),
            PhysicalType.Int64 when d.LogicalType is TimestampLogicalType { TimeUnit: TimeUnit.Micros } => Physical<long>(
                column,
                rows,
                micros => Instant.FromUnixTimeTicks(checked(micros * 10))
            ),
            PhysicalType.Int64 when d.LogicalType is NoneLogicalType or IntLogicalType { BitWidth: 64, IsSigned: true } => Physical<long>(
                column,
                rows,
                v => v
            ),
            PhysicalType.Double => Physical<double>(column, rows, v => v),
            PhysicalType.Boolean => Physical<bool>(column, rows, v => v),
            PhysicalType.FixedLenByteArray when d.LogicalType is DecimalLogicalType x => Physical<FixedLenByteArray>(
                column,
                rows,
                v => Decimal(v, d.TypeLength, x.Scale)
            ),
            PhysicalType.Int32 when d.LogicalType is DecimalLogicalType x => Physical<int>(column, rows, v => Decimal(v, x.Scale)),
            PhysicalType.Int64 when d.LogicalType is DecimalLogicalType x => Physical<long>(column, rows, v => Decimal(v, x.Scale)),
            _ => throw new NotSupportedException($"The test reader does not decode {Describe(d)} ({d.Name})."),
        };
    }

    // The column's values with nulls where the definition level says so; converted while each batch's memory is valid.
    private static List<object?> Physical<T>(ColumnReader column, int rows, Func<T, object> convert)
        where T : unmanaged
    {
        var reader = (ColumnReader<T>)column;
        var result = new List<object?>(rows);
        var defs = new short[rows];
        var values = new T[rows];
        var optional = column.ColumnDescriptor.MaxDefinitionLevel > 0;
        while (result.Count < rows)
        {
            var levels = reader.ReadBatch(rows - result.Count, defs, default, values, out var read);
            if (levels == 0)
            {
                throw new InvalidDataException($"Column {column.ColumnDescriptor.Name} ends after {result.Count} of {rows} rows.");
            }
            var v = 0;
            for (var i = 0; i < levels; i++)
            {
                result.Add(!optional || defs[i] == 1 ? convert(values[v++]) : null);
            }
            if (v != read)
            {
                throw new InvalidDataException("The definition levels and the values read disagree.");
            }
        }
        return result;
    }

    private static decimal Decimal(FixedLenByteArray value, int length, int scale)
    {
        var bytes = new byte[length];
        Marshal.Copy(value.Pointer, bytes, 0, length);
        return Decimal(new BigInteger(bytes, isUnsigned: false, isBigEndian: true), scale);
    }

    // unscaled / 10^scale, exactly: a decimal holds it when the value has at most 28 decimals after trailing zeros go.
    private static decimal Decimal(BigInteger unscaled, int scale)
    {
        while (scale > 28 || (scale > 0 && unscaled % 10 == 0 && BigInteger.Abs(unscaled) > new BigInteger(decimal.MaxValue)))
        {
            if (unscaled % 10 != 0)
            {
                throw new InvalidDataException($"{unscaled}e-{scale} does not fit a decimal.");
            }
            unscaled /= 10;
            scale--;
        }
        var negative = unscaled.Sign < 0;
        var magnitude = BigInteger.Abs(unscaled);
        var bytes = magnitude.ToByteArray(isUnsigned: true, isBigEndian: false);
        Array.Resize(ref bytes, 12);
        return new decimal(
            BitConverter.ToInt32(bytes, 0),
            BitConverter.ToInt32(bytes, 4),
            BitConverter.ToInt32(bytes, 8),
            negative,
            (byte)scale
        );
    }
}
