using System;
using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace SalesPipeline.Csv.Reading;

// Typed values from the UTF-8 bytes of a cell, without strings or exceptions on the way: ISO instants and dates and plain
// decimals by hand, a culture's own formats only when the culture is not the invariant one. Each parser returns null
// when the value is read, else the rule it breaks.
internal sealed class Values
{
    internal const string InstantRule =
        "An instant is ISO 8601, such as 2025-03-13T13:36:13Z, 2025-03-13T14:36:13+01:00 or 2025-03-13 13:36 (in CsvReadOptions.Zone when it has no offset).";

    private static readonly long[] Scale = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    private readonly DateTimeZone zone;
    private readonly LocalDatePattern? shortDate;
    private readonly byte decimalSeparator;
    private readonly byte groupSeparator;
    private readonly NumberFormatInfo? nonAscii;
    private readonly string decimalRule;
    private readonly string dateRule;
    private readonly string instantRule;

    // The culture's numeric short date and time, read by hand; null for the invariant culture, or a culture whose short
    // date is not numeric (NodaTime's pattern reads its dates then, and its date-times are not read).
    private readonly CultureDate? cultureDate;

    // Whether a date stands for an instant (the start of its day in the zone) and a date-time for a date (its local date):
    // the exports of other CRMs write some instants as dates (Salesforce's Close Date) and some dates as date-times
    // (HubSpot's Close Date).
    private readonly bool lenient;

    internal Values(CultureInfo culture, DateTimeZone zone, bool lenient = false)
    {
        this.zone = zone;
        this.lenient = lenient;
        var invariant = ReferenceEquals(culture, CultureInfo.InvariantCulture);
        var nf = culture.NumberFormat;
        (decimalSeparator, groupSeparator) = (
            invariant ? ((byte)'.', (byte)0) : (Ascii(nf.NumberDecimalSeparator), Ascii(nf.NumberGroupSeparator))
        );
        if (!invariant && (decimalSeparator == 0 || (groupSeparator == 0 && nf.NumberGroupSeparator.Length > 0) || nf.NegativeSign != "-"))
        {
            nonAscii = nf;
            (decimalSeparator, groupSeparator) = ((byte)'.', (byte)',');
        }
        decimalRule = invariant
            ? "A number is written like 1234.56 or -0.5 (a point before the decimals, no thousands separators)."
            : $"A number is written in the culture \"{culture.Name}\": like 1{nf.NumberGroupSeparator}234{nf.NumberDecimalSeparator}56, thousands separated in groups of three or not at all.";
        if (!invariant)
        {
            cultureDate = CultureDate.Of(
                culture.DateTimeFormat.ShortDatePattern,
                culture.DateTimeFormat.AMDesignator,
                culture.DateTimeFormat.PMDesignator
            );
            try
            {
                shortDate = LocalDatePattern.Create(culture.DateTimeFormat.ShortDatePattern, culture);
            }
            catch (InvalidPatternException)
            {
                // A culture whose short date pattern NodaTime cannot express: its files use ISO dates only.
                shortDate = null;
            }
        }
        // A pattern with a two-digit year (M/d/yy) is still read with four digits (CultureDate): the rule says so.
        var shortDateRule =
            culture.DateTimeFormat.ShortDatePattern
            + (culture.DateTimeFormat.ShortDatePattern.Contains("yyyy", StringComparison.Ordinal) ? "" : " with a four-digit year");
        dateRule =
            (
                shortDate is null && cultureDate is null
                    ? "A date is ISO yyyy-MM-dd, such as 2025-03-13"
                    : $"A date is ISO yyyy-MM-dd, such as 2025-03-13, or the culture's short date {shortDateRule}"
            ) + (lenient ? " (a time after it is left out)." : ".");
        instantRule =
            cultureDate is null && !lenient
                ? InstantRule
                : InstantRule[..^1]
                    + (
                        cultureDate is null
                            ? ""
                            : $", or the culture's short date {shortDateRule} and a time H:mm or h:mm AM/PM (seconds optional)"
                    )
                    + (lenient ? "; a date alone is the start of its day in CsvReadOptions.Zone." : ".");
    }

    private const string NoSuchDate = "The date does not exist: months 1-12 and the month's days.";

    private const string NoSuchInstant =
        "The date or time does not exist: months 1-12, the month's days, hours 0-23 (1-12 with AM/PM), minutes and seconds 0-59.";

    private static byte Ascii(string separator) => separator.Length == 1 && separator[0] < 128 ? (byte)separator[0] : (byte)0;

    internal static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        var (start, end) = (0, s.Length);
        while (start < end && s[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }
        while (end > start && s[end - 1] is (byte)' ' or (byte)'\t')
        {
            end--;
        }
        return s[start..end];
    }

    // Whether a cell is missing: empty or only white space, any Unicode white space (a no-break space too), as CsvFile.Text
    // has it. Spaces and tabs are trimmed from the bytes; other white space is rare and decoded.
    internal static bool IsBlank(ReadOnlySpan<byte> cell)
    {
        var s = Trim(cell);
        return s.IsEmpty || ((s[0] >= 0x80 || s[0] < 0x20) && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(s)));
    }

    // ISO first, from the bytes; then, for a culture other than the invariant one, its short date with its short or long
    // time (en-US: 7/1/2026 9:00 AM), in the zone.
    internal string? Instant(ReadOnlySpan<byte> text, out Instant value)
    {
        var problem = IsoInstant(text, out value);
        return ReferenceEquals(problem, InstantRule) && (cultureDate is not null || lenient)
            ? OtherInstant(Trim(text), out value)
            : problem;
    }

    // The culture's date-time, or (lenient) a date alone at the start of its day in the zone.
    private string? OtherInstant(ReadOnlySpan<byte> s, out Instant value)
    {
        value = default;
        var local = default(LocalDateTime);
        var outcome = cultureDate?.Read(s, out local) ?? CultureDate.Outcome.Other;
        if (outcome == CultureDate.Outcome.Other && lenient && s.Length == 10 && IsoDate(s, out var year, out var month, out var day))
        {
            if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return NoSuchDate;
            }
            (outcome, local) = (CultureDate.Outcome.Date, new LocalDate(year, month, day).AtMidnight());
        }
        switch (outcome)
        {
            case CultureDate.Outcome.NoSuchValue:
                return NoSuchInstant;
            case CultureDate.Outcome.Date when lenient:
                value = zone.AtStartOfDay(local.Date).ToInstant();
                return null;
            case CultureDate.Outcome.DateTime when local.Date == LastDay:
                try
                {
                    return ToInstant(local, null, out value);
                }
                catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
                {
                    return LastInstant;
                }
            case CultureDate.Outcome.DateTime:
                return ToInstant(local, null, out value);
            default:
                return instantRule;
        }
    }

    private static readonly LocalDate LastDay = new(9999, 12, 31);

    private const string LastInstant = "The instant is after 9999-12-31T23:59:59.999999999Z, the last supported instant.";

    private string? IsoInstant(ReadOnlySpan<byte> text, out Instant value)
    {
        value = default;
        var s = Trim(text);
        if (
            s.Length < 16
            || !IsoDate(s, out var year, out var month, out var day)
            || s[10] is not ((byte)'T' or (byte)'t' or (byte)' ')
            || !Two(s, 11, out var hour)
            || s[13] != ':'
            || !Two(s, 14, out var minute)
        )
        {
            return InstantRule;
        }
        var (i, second, nanos) = (16, 0, 0L);
        if (i < s.Length && s[i] == ':')
        {
            if (!Two(s, i + 1, out second))
            {
                return InstantRule;
            }
            i += 3;
            if (i < s.Length && s[i] is (byte)'.' or (byte)',')
            {
                var start = ++i;
                while (i < s.Length && IsDigit(s[i]) && i - start < 9)
                {
                    nanos = nanos * 10 + (s[i++] - '0');
                }
                if (i == start || (i < s.Length && IsDigit(s[i])))
                {
                    return i == start ? InstantRule : "An instant has at most 9 decimals of a second (nanoseconds).";
                }
                nanos *= Scale[9 - (i - start)];
            }
        }
        Offset? offset = null;
        if (i < s.Length)
        {
            if (s[i] is (byte)'Z' or (byte)'z' && i + 1 == s.Length)
            {
                offset = Offset.Zero;
            }
            else if (s[i] is (byte)'+' or (byte)'-' && Two(s, i + 1, out var oh))
            {
                var sign = s[i] == '-' ? -1 : 1;
                var om = 0;
                var rest = s[(i + 3)..];
                var ok =
                    rest.Length == 0
                    || (rest.Length == 2 && Two(rest, 0, out om))
                    || (rest.Length == 3 && rest[0] == ':' && Two(rest, 1, out om));
                if (!ok)
                {
                    return InstantRule;
                }
                if (oh > 18 || om > 59 || (oh == 18 && om > 0))
                {
                    return "An offset is at most 18 hours either way, with minutes 0-59.";
                }
                offset = Offset.FromSeconds(sign * (oh * 3600 + om * 60));
            }
            else
            {
                return InstantRule;
            }
        }
        if (
            month is < 1 or > 12
            || day < 1
            || day > CalendarSystem.Iso.GetDaysInMonth(year, month)
            || hour > 23
            || minute > 59
            || second > 59
        )
        {
            return "The date or time does not exist: months 1-12, the month's days, hours 0-23, minutes and seconds 0-59.";
        }
        var local = new LocalDateTime(year, month, day, hour, minute, second).PlusNanoseconds(nanos);
        if (year == 9999 && month == 12 && day == 31)
        {
            // Only the last day can leave NodaTime's range once an offset is applied; the rare case may use an exception.
            try
            {
                return ToInstant(local, offset, out value);
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
            {
                return LastInstant;
            }
        }
        return ToInstant(local, offset, out value);
    }

    private string? ToInstant(LocalDateTime local, Offset? offset, out Instant value)
    {
        if (offset is { } o)
        {
            value = local.WithOffset(o).ToInstant();
            return null;
        }
        if (ReferenceEquals(zone, DateTimeZone.Utc))
        {
            value = local.InUtc().ToInstant();
            return null;
        }
        var mapping = zone.MapLocal(local);
        value = mapping.Count == 1 ? mapping.Single().ToInstant() : default;
        return mapping.Count switch
        {
            1 => null,
            0 => $"This local time does not exist in {zone.Id}: the clocks skip it (a daylight-saving change). Write it with an offset.",
            _ => $"This local time happens twice in {zone.Id} (a daylight-saving change). Write it with an offset.",
        };
    }

    internal string? Date(ReadOnlySpan<byte> text, out LocalDate value)
    {
        value = default;
        var s = Trim(text);
        if (s.Length == 10 && IsoDate(s, out var year, out var month, out var day))
        {
            if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return NoSuchDate;
            }
            value = new LocalDate(year, month, day);
            return null;
        }
        if (cultureDate is not null)
        {
            switch (cultureDate.Read(s, out var local))
            {
                case CultureDate.Outcome.NoSuchValue:
                    return NoSuchDate;
                case CultureDate.Outcome.Date:
                case CultureDate.Outcome.DateTime when lenient:
                    value = local.Date;
                    return null;
                case CultureDate.Outcome.DateTime:
                    return dateRule;
            }
        }
        if (lenient && s.Length > 10 && IsoDate(s, out _, out _, out _) && IsoInstant(s, out _) is var problem)
        {
            // An ISO date-time (HubSpot's Close Date, 2026-03-14 15:30): its local date, as the export shows it.
            return problem is null ? Date(s[..10], out value)
                : ReferenceEquals(problem, InstantRule) ? dateRule
                : problem;
        }
        if (shortDate is not null && cultureDate is null)
        {
            var parsed = shortDate.Parse(Encoding.UTF8.GetString(s));
            if (parsed.Success)
            {
                value = parsed.Value;
                return null;
            }
        }
        return dateRule;
    }

    internal string? Decimal(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0m;
        var s = Trim(text);
        if (nonAscii is not null)
        {
            // Separators or signs outside ASCII: rewrite the text with the ASCII ones first (rare: few cultures need it).
            Span<byte> ascii = stackalloc byte[64];
            var n = Normalize(s, ascii);
            return n < 0 ? decimalRule : Checked(ascii[..n], out value);
        }
        return Checked(s, out value);
    }

    private string? Checked(ReadOnlySpan<byte> s, out decimal value) =>
        Plain(s, out value) ? null
        : Digits(s) > 28 ? "A number has at most 28 significant digits (a decimal would round it)."
        : decimalRule;

    // sign? digits (groups)? (separator digits)?, into a decimal built from its 96-bit integer and scale: exact.
    private bool Plain(ReadOnlySpan<byte> s, out decimal value)
    {
        value = 0m;
        var i = 0;
        var negative = false;
        if (i < s.Length && s[i] is (byte)'-' or (byte)'+')
        {
            negative = s[i++] == '-';
        }
        UInt128 mantissa = 0;
        var (digits, significant, fraction, group, grouped) = (0, 0, -1, 0, false);
        for (; i < s.Length; i++)
        {
            var b = s[i];
            if (IsDigit(b))
            {
                digits++;
                group++;
                if (fraction >= 0)
                {
                    fraction++;
                }
                if (significant > 0 || b != '0')
                {
                    if (++significant > 28)
                    {
                        return false;
                    }
                }
                mantissa = mantissa * 10 + (uint)(b - '0');
            }
            else if (b == groupSeparator && groupSeparator != 0 && fraction < 0 && digits > 0 && (grouped ? group == 3 : group <= 3))
            {
                (group, grouped) = (0, true);
            }
            else if (b == decimalSeparator && fraction < 0)
            {
                if (grouped && group != 3)
                {
                    return false;
                }
                fraction = 0;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0 || fraction > 28 || (grouped && fraction < 0 && group != 3))
        {
            return false;
        }
        value = unchecked(
            new decimal(
                (int)(uint)mantissa,
                (int)(uint)(mantissa >> 32),
                (int)(uint)(mantissa >> 64),
                negative,
                (byte)Math.Max(fraction, 0)
            )
        );
        return true;
    }

    private int Normalize(ReadOnlySpan<byte> s, Span<byte> ascii)
    {
        var nf = nonAscii!;
        Span<char> chars = stackalloc char[64];
        if (s.Length > 64)
        {
            return -1;
        }
        var text = chars[..Encoding.UTF8.GetChars(s, chars)];
        var n = 0;
        while (text.Length > 0)
        {
            if (n == ascii.Length)
            {
                return -1;
            }
            if (nf.NumberDecimalSeparator.Length > 0 && text.StartsWith(nf.NumberDecimalSeparator, StringComparison.Ordinal))
            {
                ascii[n++] = (byte)'.';
                text = text[nf.NumberDecimalSeparator.Length..];
            }
            else if (nf.NumberGroupSeparator.Length > 0 && text.StartsWith(nf.NumberGroupSeparator, StringComparison.Ordinal))
            {
                ascii[n++] = (byte)',';
                text = text[nf.NumberGroupSeparator.Length..];
            }
            else if (nf.NegativeSign.Length > 0 && text.StartsWith(nf.NegativeSign, StringComparison.Ordinal))
            {
                ascii[n++] = (byte)'-';
                text = text[nf.NegativeSign.Length..];
            }
            else if (text[0] is >= '0' and <= '9' or '-' or '+')
            {
                ascii[n++] = (byte)text[0];
                text = text[1..];
            }
            else
            {
                return -1;
            }
        }
        return n;
    }

    private static int Digits(ReadOnlySpan<byte> s)
    {
        var (count, leading) = (0, true);
        foreach (var b in s)
        {
            if (IsDigit(b) && !(leading && b == '0'))
            {
                (count, leading) = (count + 1, false);
            }
        }
        return count;
    }

    private static bool IsoDate(ReadOnlySpan<byte> s, out int year, out int month, out int day)
    {
        (year, month, day) = (0, 0, 0);
        if (
            s.Length < 10
            || s[4] != '-'
            || s[7] != '-'
            || !Two(s, 0, out var century)
            || !Two(s, 2, out var y)
            || !Two(s, 5, out month)
            || !Two(s, 8, out day)
        )
        {
            return false;
        }
        year = century * 100 + y;
        return true;
    }

    private static bool Two(ReadOnlySpan<byte> s, int at, out int value)
    {
        value = 0;
        if (at + 1 >= s.Length || !IsDigit(s[at]) || !IsDigit(s[at + 1]))
        {
            return false;
        }
        value = (s[at] - '0') * 10 + (s[at + 1] - '0');
        return true;
    }

    private static bool IsDigit(byte b) => unchecked((uint)(b - '0')) <= 9;
}
