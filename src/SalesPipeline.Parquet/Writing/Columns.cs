using System;
using NodaTime;
using Parquet.Data;
using Parquet.Schema;

namespace SalesPipeline.Parquet.Writing;

// The column kinds of every table written, each typed as docs/parquet.md says.
internal static class Columns
{
    internal static Column<TRow> Text<TRow>(string name, bool nullable, Func<TRow, string?> get) =>
        new TextColumn<TRow>(name, nullable, get);

    internal static Column<TRow> Long<TRow>(string name, bool nullable, Func<TRow, long?> get) =>
        new ValueColumn<TRow, long>(new DataField<long>(name, nullable), get);

    internal static Column<TRow> Double<TRow>(string name, bool nullable, Func<TRow, double?> get) =>
        new ValueColumn<TRow, double>(new DataField<double>(name, nullable), get);

    internal static Column<TRow> Boolean<TRow>(string name, bool nullable, Func<TRow, bool?> get) =>
        new ValueColumn<TRow, bool>(new DataField<bool>(name, nullable), get);

    // DATE: days since 1970-01-01.
    internal static Column<TRow> Date<TRow>(string name, bool nullable, Func<TRow, LocalDate?> get) =>
        new ValueColumn<TRow, DateOnly>(
            new DataField<DateOnly>(name, nullable),
            row => get(row) is { } date ? ParquetValues.Date(date) : null
        );

    // TIMESTAMP(isAdjustedToUTC = true, MICROS): microseconds since 1970-01-01T00:00:00Z, which spans 0001-9999.
    internal static Column<TRow> Instant<TRow>(string name, bool nullable, Func<TRow, Instant?> get) =>
        new ValueColumn<TRow, DateTime>(
            new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, DateTimeTimeUnit.Micros, nullable),
            row =>
                get(row) is { } instant
                    ? ParquetValues.Timestamp(instant) ?? throw new ValueRefusedException(name, instant, ParquetValues.TimestampRule)
                    : null
        );

    // DECIMAL(precision, scale), stored as a 16-byte (or shorter) big-endian two's complement integer.
    internal static Column<TRow> Decimal<TRow>(string name, bool nullable, int precision, int scale, Func<TRow, decimal?> get) =>
        new ValueColumn<TRow, BigDecimal>(
            new BigDecimalDataField(name, precision, scale, nullable),
            row =>
                get(row) is { } value
                    ? ParquetValues.Decimal(value, precision, scale)
                        ?? throw new ValueRefusedException(name, value, ParquetValues.DecimalRule(precision, scale))
                    : null
        );
}
