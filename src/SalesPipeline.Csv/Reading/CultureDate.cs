using System;
using NodaTime;

namespace SalesPipeline.Csv.Reading;

// A culture's numeric short date and time, read from the bytes: day, month and year in the order of the culture's short
// date pattern ("M/d/yyyy" in en-US, "dd.MM.yyyy" in de-DE), the day and month with one or two digits whatever the
// pattern pads to (Salesforce writes 6/30/2026 or 06/30/2026 depending on the org), the year with four (also when the
// pattern has yy: a two-digit year's century would be a guess); then, for a
// date-time, a space and H:mm or h:mm with the culture's AM/PM designator (seconds optional; a plain, no-break or
// narrow no-break space before the designator, which CLDR 42 and later write).
internal sealed class CultureDate
{
    private readonly char[] order;
    private readonly byte separator;
    private readonly byte[] am;
    private readonly byte[] pm;

    private CultureDate(char[] order, byte separator, byte[] am, byte[] pm) =>
        (this.order, this.separator, this.am, this.pm) = (order, separator, am, pm);

    // Null when the pattern is not three numeric fields (d, M, y) with one ASCII separator, such as "d MMM yyyy".
    internal static CultureDate? Of(string pattern, string amDesignator, string pmDesignator)
    {
        var order = new char[3];
        var (n, separator) = (0, '\0');
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c is 'd' or 'M' or 'y')
            {
                var start = i;
                while (i + 1 < pattern.Length && pattern[i + 1] == c)
                {
                    i++;
                }
                var width = i - start + 1;
                if (n == 3 || Array.IndexOf(order, c, 0, n) >= 0 || (c == 'y' ? width is not (1 or 2 or 4) : width > 2))
                {
                    return null;
                }
                order[n++] = c;
            }
            else if (c < 128 && c != '\'' && (separator == '\0' || separator == c))
            {
                separator = c;
            }
            else
            {
                return null;
            }
        }
        return n == 3 && separator != '\0'
            ? new CultureDate(
                order,
                (byte)separator,
                System.Text.Encoding.UTF8.GetBytes(amDesignator),
                System.Text.Encoding.UTF8.GetBytes(pmDesignator)
            )
            : null;
    }

    internal enum Outcome : byte
    {
        // The text is not in this form.
        Other,

        // The text is in this form, but names a day or time that does not exist (month 13, 10:75 PM).
        NoSuchValue,
        Date,
        DateTime,
    }

    // Reads a date, or a date and a time when the text goes on.
    internal Outcome Read(ReadOnlySpan<byte> s, out LocalDateTime value)
    {
        value = default;
        var (i, year, month, day) = (0, 0, 0, 0);
        for (var f = 0; f < 3; f++)
        {
            if (f > 0 && (i >= s.Length || s[i++] != separator))
            {
                return Outcome.Other;
            }
            var start = i;
            var number = 0;
            while (i < s.Length && IsDigit(s[i]) && i - start < 4)
            {
                number = number * 10 + (s[i++] - '0');
            }
            var digits = i - start;
            if (order[f] == 'y' ? digits != 4 : digits is < 1 or > 2)
            {
                return Outcome.Other;
            }
            _ = order[f] switch
            {
                'y' => year = number,
                'M' => month = number,
                _ => day = number,
            };
        }
        if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month) || year < 1)
        {
            return Outcome.NoSuchValue;
        }
        var date = new LocalDate(year, month, day);
        if (i == s.Length)
        {
            value = date.AtMidnight();
            return Outcome.Date;
        }
        if (s[i] != ' ')
        {
            return Outcome.Other;
        }
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }
        var outcome = Time(s[i..], out var time);
        if (outcome == Outcome.DateTime)
        {
            value = date + time;
        }
        return outcome;
    }

    private Outcome Time(ReadOnlySpan<byte> s, out LocalTime value)
    {
        value = default;
        var i = 0;
        var hour = 0;
        while (i < s.Length && IsDigit(s[i]) && i < 2)
        {
            hour = hour * 10 + (s[i++] - '0');
        }
        if (i == 0 || !Two(s, i, ':', out var minute))
        {
            return Outcome.Other;
        }
        i += 3;
        var second = 0;
        if (Two(s, i, ':', out var sec))
        {
            (second, i) = (sec, i + 3);
        }
        var rest = s[i..];
        var spaced = false;
        while (true)
        {
            if (rest.StartsWith(" "u8))
            {
                rest = rest[1..];
            }
            else if (rest.StartsWith("\u00a0"u8))
            {
                rest = rest[2..];
            }
            else if (rest.StartsWith("\u202f"u8))
            {
                rest = rest[3..];
            }
            else
            {
                break;
            }
            spaced = true;
        }
        var twelveHour = rest.Length > 0;
        if (twelveHour)
        {
            var isAm = am.Length > 0 && System.Text.Ascii.EqualsIgnoreCase(rest, am);
            var isPm = !isAm && pm.Length > 0 && System.Text.Ascii.EqualsIgnoreCase(rest, pm);
            if (!isAm && !isPm)
            {
                return Outcome.Other;
            }
            if (hour is < 1 or > 12 || minute > 59 || second > 59)
            {
                return Outcome.NoSuchValue;
            }
            hour = hour % 12 + (isPm ? 12 : 0);
        }
        else if (spaced)
        {
            return Outcome.Other;
        }
        if (hour > 23 || minute > 59 || second > 59)
        {
            return Outcome.NoSuchValue;
        }
        value = new LocalTime(hour, minute, second);
        return Outcome.DateTime;
    }

    // ':' and two digits at i.
    private static bool Two(ReadOnlySpan<byte> s, int i, char colon, out int value)
    {
        value = 0;
        if (i + 3 > s.Length || s[i] != colon || !IsDigit(s[i + 1]) || !IsDigit(s[i + 2]))
        {
            return false;
        }
        value = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
        return true;
    }

    private static bool IsDigit(byte b) => unchecked((uint)(b - '0')) <= 9;
}
