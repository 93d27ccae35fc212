using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;
using SalesPipeline.Json.Values;
using SalesPipeline.Tests;

namespace SalesPipeline.Json.Tests.Properties;

// The fast readers of dates and instants accept only what NodaTime's patterns accept, with the same value: for text
// near the ISO forms (valid ones, and ones with a digit, separator or length changed), whatever IsoText reads, the
// pattern reads equally; and every valid instant and date, formatted by the pattern, is read by IsoText.
public class IsoTextTests
{
    private static readonly char[] Noise = ['0', '9', '-', ':', 'T', 'Z', '.', ',', ' ', 'x', '+'];

    // A formatted instant (whole seconds or with a fraction), then possibly one character replaced, inserted or removed.
    private static Gen<string> NearInstants =>
        from seconds in Gen.Choose(-2_000_000_000, 2_000_000_000)
        from nanos in Gen.Elements(0, 1, 500_000_000, 123_456_789, 120_000_000)
        from edit in Gen.Choose(0, 3)
        from position in Gen.Choose(0, 40)
        from noise in Gen.Elements(Noise)
        select Edit(
            InstantPattern.ExtendedIso.Format(Instant.FromUnixTimeSeconds(seconds).PlusNanoseconds(nanos) + Duration.FromDays(15_000)),
            edit,
            position,
            noise
        );

    private static Gen<string> NearDates =>
        from days in Gen.Choose(-800_000, 2_900_000)
        from edit in Gen.Choose(0, 3)
        from position in Gen.Choose(0, 12)
        from noise in Gen.Elements(Noise)
        select Edit(LocalDatePattern.Iso.Format(new LocalDate(1, 1, 1).PlusDays(days)), edit, position, noise);

    private static string Edit(string text, int edit, int position, char noise)
    {
        var p = Math.Min(position, text.Length - 1);
        return edit switch
        {
            1 => text[..p] + noise + text[(p + 1)..],
            2 => text[..p] + noise + text[p..],
            3 => text.Remove(p, 1),
            _ => text,
        };
    }

    [Fact]
    public void Instants_read_fast_only_as_the_pattern_reads_them_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                NearInstants.ToArbitrary(),
                text =>
                {
                    var pattern = InstantPattern.ExtendedIso.Parse(text);
                    return !IsoText.TryInstant(Encoding.UTF8.GetBytes(text), out var fast) || (pattern.Success && pattern.Value == fast);
                }
            )
        );

    [Fact]
    public void Dates_read_fast_only_as_the_pattern_reads_them_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                NearDates.ToArbitrary(),
                text =>
                {
                    var pattern = LocalDatePattern.Iso.Parse(text);
                    return !IsoText.TryDate(Encoding.UTF8.GetBytes(text), out var fast) || (pattern.Success && pattern.Value == fast);
                }
            )
        );

    [Fact]
    public void Every_instant_and_date_NodaTime_writes_in_years_1_to_9999_is_read_fast_to_its_value_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.Choose(0, 3_652_058).ToArbitrary(), // days from 0001-01-01 to 9999-12-31
                Gen.Choose(0, 86_399).ToArbitrary(),
                Gen.Choose(0, 999_999_999).ToArbitrary(),
                (day, second, nanos) =>
                {
                    // Fractions of every length (NodaTime drops trailing zeros when it writes them).
                    var fraction = nanos - (nanos % (int)Math.Pow(10, day % 10));
                    var instant = Instant
                        .FromUtc(1, 1, 1, 0, 0)
                        .Plus(Duration.FromDays(day) + Duration.FromSeconds(second))
                        .PlusNanoseconds(fraction);
                    var date = instant.InUtc().Date;
                    return IsoText.TryInstant(Encoding.UTF8.GetBytes(InstantPattern.ExtendedIso.Format(instant)), out var i)
                        && i == instant
                        && IsoText.TryDate(Encoding.UTF8.GetBytes(LocalDatePattern.Iso.Format(date)), out var d)
                        && d == date;
                }
            )
        );

    [Theory]
    [InlineData("2026-03-01T09:30:00Z", 2026, 3, 1, 9, 30, 0, 0L)]
    [InlineData("2026-03-01T09:30:00.5Z", 2026, 3, 1, 9, 30, 0, 500_000_000L)]
    [InlineData("2024-02-29T23:59:59.123456789Z", 2024, 2, 29, 23, 59, 59, 123_456_789L)]
    [InlineData("0001-01-01T00:00:00Z", 1, 1, 1, 0, 0, 0, 0L)]
    public void The_usual_instants_are_read_fast_to_their_value(string text, int y, int mo, int d, int h, int mi, int s, long ns)
    {
        Assert.True(IsoText.TryInstant(Encoding.UTF8.GetBytes(text), out var fast));
        Assert.Equal(Instant.FromUtc(y, mo, d, h, mi, s).PlusNanoseconds(ns), fast);
    }

    [Theory]
    [InlineData("2026-02-29T09:30:00Z")] // no 29 February in 2026: the pattern words the error
    [InlineData("2026-03-01T24:00:00Z")]
    [InlineData("2026-03-01T09:30:00.Z")]
    [InlineData("2026-03-01T09:30:00,5Z")] // a comma: the pattern decides
    [InlineData("2026-03-01T09:30:00.1234567890Z")]
    [InlineData("2026-03-01 09:30:00Z")]
    [InlineData("-0001-03-01T09:30:00Z")]
    public void Other_text_is_left_to_the_pattern(string text) => Assert.False(IsoText.TryInstant(Encoding.UTF8.GetBytes(text), out _));
}
