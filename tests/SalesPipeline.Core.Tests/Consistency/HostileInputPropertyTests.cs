using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Organization;

namespace SalesPipeline.Tests.Consistency;

// Properties behind the reflection walks: the position a null is reported at is the position it was put at, for any
// length and position; a date is accepted exactly when it is an ISO date from year 1 to 9999, decided here from the
// date's own fields, not by the library's check.
public class HostileInputPropertyTests
{
    private static readonly Gen<(int Length, int NullAt)> NullPositions =
        from length in Gen.Choose(1, 40)
        from nullAt in Gen.Choose(0, length - 1)
        select (length, nullAt);

    [Fact]
    public void MoneySum_ReportsTheNullAtItsPosition_Property()
    {
        var usd = Money.Of(1m, Currency.USD);
        PropertyAssert.Holds(
            Prop.ForAll(
                NullPositions.ToArbitrary(),
                c =>
                {
                    var amounts = Enumerable.Range(0, c.Length).Select(i => i == c.NullAt ? null! : usd).ToList();
                    var e = Assert.Throws<ArgumentNullException>(() => Money.Sum(amounts, Currency.USD));
                    return e.ParamName == "amounts" && e.Message.StartsWith($"Amount {c.NullAt} is null.", StringComparison.Ordinal);
                }
            )
        );
    }

    [Fact]
    public void VisibleTo_YieldsTheDealsBeforeTheNull_ThenReportsItsPosition_Property()
    {
        var org = (SalesOrg)SampleArguments.Instance(typeof(SalesOrg));
        var deal = (Deal)SampleArguments.SampleOf(typeof(Deal))!;
        PropertyAssert.Holds(
            Prop.ForAll(
                NullPositions.ToArbitrary(),
                c =>
                {
                    var deals = Enumerable.Range(0, c.Length).Select(i => i == c.NullAt ? null! : deal);
                    var seen = 0;
                    var e = Assert.Throws<ArgumentNullException>(() =>
                    {
                        foreach (var _ in org.VisibleTo("alice", deals))
                        {
                            seen++;
                        }
                    });
                    // alice owns the sample deal, so every deal before the null is visible.
                    return seen == c.NullAt
                        && e.ParamName == "deals"
                        && e.Message.StartsWith($"Deal {c.NullAt} is null.", StringComparison.Ordinal);
                }
            )
        );
    }

    private static readonly CalendarSystem[] Calendars =
    [
        CalendarSystem.Iso,
        CalendarSystem.Gregorian,
        CalendarSystem.Julian,
        CalendarSystem.Coptic,
        CalendarSystem.IslamicBcl,
    ];

    [Fact]
    public void DueRuleOn_AcceptsExactlyIsoDatesFromYearOneTo9999_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (
                    from year in Gen.OneOf(Gen.Choose(-50, 50), Gen.Choose(1, 9999), Gen.Choose(9900, 9999))
                    from month in Gen.Choose(1, 12)
                    from day in Gen.Choose(1, 28)
                    from calendar in Gen.Elements(Calendars)
                    select (year, month, day, calendar)
                ).ToArbitrary(),
                c =>
                {
                    // Each calendar has its own year range (Coptic from year 1, IslamicBcl to 9666): skip dates it lacks.
                    if (c.year < c.calendar.MinYear || c.year > c.calendar.MaxYear)
                    {
                        return true.ToProperty();
                    }
                    var date = new LocalDate(c.year, c.month, c.day, c.calendar);
                    var supported = c.calendar == CalendarSystem.Iso && c.year >= 1;
                    try
                    {
                        var rule = DueRule.On(date);
                        return (supported && rule.Date == date).Label($"{date} ({date.Calendar.Id}) was accepted");
                    }
                    catch (ArgumentOutOfRangeException e)
                    {
                        return (!supported && e.ParamName == "date").Label($"{date} ({date.Calendar.Id}) threw {e.Message}");
                    }
                }
            )
        );
}
