using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Samples.Generation;
using SalesPipeline.Tests;

namespace SalesPipeline.Samples.Tests;

public sealed class SampleClockTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Fact]
    public void Office_hours_are_on_a_weekday_between_8_and_18_in_the_zone()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                ArbMap.Default.ArbFor<ulong>(),
                Gen.Choose(0, 3_000).ToArbitrary(),
                (seed, offset) =>
                {
                    var clock = new SampleClock(NewYork, new SampleRandom(seed));
                    // Any day from 2020 on, weekends and both DST changes included.
                    var day = new LocalDate(2020, 1, 1).PlusDays(offset);
                    var local = clock.OfficeHours(day).InZone(NewYork).LocalDateTime;
                    return local.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
                        && local.Date >= day
                        && local.Date <= day.PlusDays(2)
                        && local.TimeOfDay >= new LocalTime(8, 0)
                        && local.TimeOfDay <= new LocalTime(18, 0);
                }
            )
        );
    }

    [Fact]
    public void After_is_always_later_than_its_start()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                ArbMap.Default.ArbFor<ulong>(),
                Gen.Choose(0, 1_000_000).ToArbitrary(),
                Gen.Choose(0, 2_000).ToArbitrary(),
                (seed, minutes, tenthsOfDays) =>
                {
                    var clock = new SampleClock(NewYork, new SampleRandom(seed));
                    var from = Instant.FromUtc(2024, 7, 1, 4, 0).Plus(Duration.FromMinutes(minutes));
                    return clock.After(from, tenthsOfDays / 10.0) > from;
                }
            )
        );
    }
}
