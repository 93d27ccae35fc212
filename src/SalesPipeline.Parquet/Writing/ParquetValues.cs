using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using NodaTime;
using NodaTime.Text;
using Parquet.Data;

namespace SalesPipeline.Parquet.Writing;

// The conversions of the library's values to Parquet's physical values: each either exact or refused, never rounded.
internal static class ParquetValues
{
    // Parquet's widest decimal that pandas (pyarrow's decimal128), polars and DuckDB all read.
    internal const int MaxPrecision = 38;

    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    // 10^0 to 10^38, computed once: every decimal cell needs one or two of them.
    private static readonly BigInteger[] PowersOfTen = [.. Enumerable.Range(0, MaxPrecision + 1).Select(n => BigInteger.Pow(10, n))];

    // The instant as a UTC DateTime that Parquet.Net writes as microseconds since the epoch; null when the instant has
    // digits finer than a microsecond, which a TIMESTAMP(MICROS) column cannot hold.
    internal static DateTime? Timestamp(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks(); // floor, so it reads back as the instant only if the instant is whole ticks
        if (ticks % 10 != 0 || Instant.FromUnixTimeTicks(ticks) != instant)
        {
            return null;
        }
        return new DateTime(UnixEpochTicks + ticks, DateTimeKind.Utc);
    }

    internal const string TimestampRule =
        "Instants are written as TIMESTAMP(MICROS) in UTC, so an instant with digits finer than a microsecond would lose them.";

    // A value as an error message shows it: every digit of an instant (Instant.ToString drops its fraction of a second).
    internal static string Describe(object? value) =>
        value switch
        {
            null => "null",
            Instant instant => InstantPattern.ExtendedIso.Format(instant),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

    internal static DateOnly Date(LocalDate date) => new(date.Year, date.Month, date.Day);

    // The decimal's digits as an unscaled integer at the given scale, exactly; null when that would drop a non-zero digit
    // or need more than `precision` digits.
    internal static BigDecimal? Decimal(decimal value, int precision, int scale)
    {
        var (mantissa, valueScale) = Digits(value);
        while (valueScale > scale && mantissa % 10 == 0)
        {
            mantissa /= 10;
            valueScale--;
        }
        if (valueScale > scale)
        {
            return null;
        }
        var unscaled = valueScale == scale ? mantissa : mantissa * PowersOfTen[scale - valueScale];
        if (unscaled >= PowersOfTen[precision])
        {
            return null;
        }
        return new BigDecimal(value < 0 ? -unscaled : unscaled, precision, scale);
    }

    internal static string DecimalRule(int precision, int scale) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"The column is DECIMAL({precision}, {scale}): at most {scale} decimals and {precision - scale} digits before the point, so this value would lose digits."
        );

    // The number of decimals the value is written with (1.50m: 2) and the number of digits before its point (0.5m: 0).
    internal static (int Scale, int IntegerDigits) Shape(decimal value)
    {
        var (mantissa, scale) = Digits(value);
        var digits = mantissa.IsZero ? 0 : mantissa.ToString(CultureInfo.InvariantCulture).Length;
        return (scale, Math.Max(0, digits - scale));
    }

    // The smallest scale that keeps every digit of the value (1.50m: 1).
    internal static int SignificantScale(decimal value)
    {
        var (mantissa, scale) = Digits(value);
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }
        return scale;
    }

    private static (BigInteger Mantissa, int Scale) Digits(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa =
            ((BigInteger)unchecked((uint)bits[2]) << 64) | ((BigInteger)unchecked((uint)bits[1]) << 32) | unchecked((uint)bits[0]);
        return (mantissa, (bits[3] >> 16) & 0xFF);
    }
}
