using System;
using NodaTime;

namespace SalesPipeline.Json.Values;

// The forms of dates and instants nearly every record carries, read straight from their UTF-8 bytes: a plain loop over
// the digits instead of NodaTime's general pattern parser, which allocates its parse state for every value. Each
// accepts a strict subset of what the NodaTime pattern accepts, with the same result (a property test compares them);
// anything else, including every error, goes to the pattern, which also words the error.
internal static class IsoText
{
    public delegate bool Parser<T>(ReadOnlySpan<byte> text, out T value);

    // "yyyy-MM-dd", year 1 to 9999, a day the month has: what LocalDatePattern.Iso reads as that date.
    public static bool TryDate(ReadOnlySpan<byte> text, out LocalDate date)
    {
        date = default;
        if (
            text.Length != 10
            || text[4] != '-'
            || text[7] != '-'
            || !TryDigits(text[..4], out var year)
            || !TryDigits(text.Slice(5, 2), out var month)
            || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1
            || month is < 1 or > 12
            || day < 1
            || day > CalendarSystem.Iso.GetDaysInMonth(year, month)
        )
        {
            return false;
        }
        date = new LocalDate(year, month, day);
        return true;
    }

    // "yyyy-MM-ddTHH:mm:ssZ", optionally with "." and 1 to 9 digits of the second before the "Z": what
    // InstantPattern.ExtendedIso reads as that instant.
    public static bool TryInstant(ReadOnlySpan<byte> text, out Instant instant)
    {
        instant = default;
        if (
            text.Length < 20
            || text[10] != 'T'
            || text[13] != ':'
            || text[16] != ':'
            || text[^1] != 'Z'
            || !TryDate(text[..10], out var date)
            || !TryDigits(text.Slice(11, 2), out var hour)
            || !TryDigits(text.Slice(14, 2), out var minute)
            || !TryDigits(text.Slice(17, 2), out var second)
            || hour > 23
            || minute > 59
            || second > 59
        )
        {
            return false;
        }
        var fraction = text[19..^1];
        long nanoseconds = 0;
        if (fraction.Length > 0)
        {
            if (fraction.Length is < 2 or > 10 || fraction[0] != '.' || !TryDigits(fraction[1..], out var digits))
            {
                return false;
            }
            nanoseconds = digits;
            for (var i = fraction.Length - 1; i < 9; i++)
            {
                nanoseconds *= 10;
            }
        }
        instant = Instant.FromUtc(date.Year, date.Month, date.Day, hour, minute, second).PlusNanoseconds(nanoseconds);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
            value = (value * 10) + (b - '0');
        }
        return true;
    }
}
