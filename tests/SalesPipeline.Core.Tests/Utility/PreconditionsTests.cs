using NodaTime;
using SalesPipeline.Health;
using SalesPipeline.Metrics;
using SalesPipeline.Utility;

namespace SalesPipeline.Tests.Utility;

// The shared argument checks: their boundaries and their exact messages, which every public member that uses them
// passes on to its caller.
public class PreconditionsTests
{
    private const string InstantRule = "Instants must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z; it was ";

    [Fact]
    public void InstantProblem_FirstAndLastSupportedInstant_IsNone()
    {
        // The two ends of the range are supported: 0001-01-01T00:00:00Z and Instant.MaxValue (9999-12-31T23:59:59.999999999Z).
        var first = Instant.FromUtc(1, 1, 1, 0, 0);

        Assert.Null(Preconditions.InstantProblem(first));
        Assert.Null(Preconditions.InstantProblem(Instant.MaxValue));
        Assert.Equal(first, Preconditions.CheckInstant(first));
        Assert.Equal(Instant.MaxValue, Preconditions.CheckInstant(Instant.MaxValue));
    }

    [Fact]
    public void InstantProblem_OneNanosecondBeforeTheFirst_IsRefused()
    {
        // 0000-12-31T23:59:59.999999999Z, shown by Instant's default pattern to the second.
        var before = Instant.FromUtc(1, 1, 1, 0, 0).PlusNanoseconds(-1);

        Assert.Equal(InstantRule + "0000-12-31T23:59:59Z.", Preconditions.InstantProblem(before));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Preconditions.CheckInstant(before, "asOf"));
        Assert.Equal("asOf", ex.ParamName);
        Assert.Equal(before, ex.ActualValue);
    }

    [Fact]
    public void InstantProblem_AfterTheLast_CannotBeMade()
    {
        // NodaTime refuses to make an instant after Instant.MaxValue (its AfterMaxValue sentinel is internal), so the upper
        // half of the check guards only against a future NodaTime; its boundary is the acceptance of MaxValue above.
        Assert.Throws<OverflowException>(() => Instant.MaxValue.PlusNanoseconds(1));
    }

    [Fact]
    public void DateProblem_JulianDate_NamesTheCalendar()
    {
        // CalendarSystem.Julian has the id "Julian"; the date is written with its own (Julian) fields.
        var date = new LocalDate(2024, 3, 1, CalendarSystem.Julian);

        Assert.Equal("Dates must be in the ISO calendar; 2024-03-01 is in the Julian calendar.", Preconditions.DateProblem(date));
    }

    [Fact]
    public void DateProblem_YearZero_IsRefused()
    {
        // ISO year 0 is 1 BC; "uuuu" writes the absolute year with four digits.
        var date = new LocalDate(0, 12, 31);

        Assert.Equal("Dates must be between 0001-01-01 and 9999-12-31; it was 0000-12-31.", Preconditions.DateProblem(date));
        Assert.Null(Preconditions.DateProblem(new LocalDate(1, 1, 1)));
        Assert.Null(Preconditions.DateProblem(new LocalDate(9999, 12, 31)));
    }

    [Fact]
    public void CheckDates_Null_NamesTheParameter()
    {
        DateInterval? period = null;

        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => Preconditions.CheckDates(period)).ParamName);
    }

    [Fact]
    public void CheckDates_StartInYearZero_NamesTheParameter()
    {
        // The interval ends in year 1 but starts on 0000-12-31, outside the supported dates.
        var period = new DateInterval(new LocalDate(0, 12, 31), new LocalDate(1, 1, 1));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Preconditions.CheckDates(period));

        Assert.Equal("period", ex.ParamName);
        Assert.Equal(new LocalDate(0, 12, 31), ex.ActualValue);
        Assert.StartsWith("Dates must be between 0001-01-01 and 9999-12-31; it was 0000-12-31.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckDates_SupportedInterval_IsReturned()
    {
        var period = new DateInterval(new LocalDate(1, 1, 1), new LocalDate(9999, 12, 31));

        Assert.Same(period, Preconditions.CheckDates(period));
    }

    [Fact]
    public void CheckNoNullElement_Null_NamesTheParameter()
    {
        // Not the "source" of LINQ's ToArray: the caller's own parameter.
        string[]? owners = null;

        Assert.Equal("owners", Assert.Throws<ArgumentNullException>(() => Preconditions.CheckNoNullElement(owners, "Owner")).ParamName);
    }

    [Fact]
    public void CheckNoNullElement_NullElement_NamesItsPosition()
    {
        string?[] owners = ["ana", null];

        var ex = Assert.Throws<ArgumentNullException>(() => Preconditions.CheckNoNullElement(owners, "Owner"));

        Assert.Equal("owners", ex.ParamName);
        Assert.Equal("Owner 1 is null. (Parameter 'owners')", ex.Message);
    }

    [Fact]
    public void AddEach_Null_NamesTheParameter()
    {
        string[]? deals = null;
        var added = new List<string>();

        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => Preconditions.AddEach(deals, added.Add, "Deal")).ParamName);
        Assert.Empty(added);
    }

    [Fact]
    public void CheckNotBlank_WhiteSpace_ShowsTheValue()
    {
        var name = "  ";

        var ex = Assert.Throws<ArgumentException>(() => Preconditions.CheckNotBlank(name));

        Assert.Equal("name", ex.ParamName);
        Assert.Equal("Value must not be empty or whitespace; it was \"  \". (Parameter 'name')", ex.Message);
    }

    [Fact]
    public void CheckSameSetup_TwoParts_NamesBothAndTheRule()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Preconditions.CheckSameSetup("other", ("options", false), ("rates", true), ("pipeline", false))
        );

        Assert.Equal(
            "Only accumulators set up alike can be merged; these two differ in options and pipeline. "
                + "Options compare by content; a pipeline definition by reference (build it once and share it). (Parameter 'other')",
            ex.Message
        );
    }

    [Fact]
    public void HealthPolicy_RottingLimitsOfAnotherCount_AreNotEqual()
    {
        // ValueDictionary compares by content: {a: 1 day} holds only keys of {a: 1 day, b: 2 days}, yet the two differ.
        var one = new HealthPolicy { RottingAfterByStage = new Dictionary<string, Duration> { ["a"] = Duration.FromDays(1) } };
        var two = new HealthPolicy
        {
            RottingAfterByStage = new Dictionary<string, Duration> { ["a"] = Duration.FromDays(1), ["b"] = Duration.FromDays(2) },
        };
        var same = new HealthPolicy { RottingAfterByStage = new Dictionary<string, Duration> { ["a"] = Duration.FromDays(1) } };

        Assert.NotEqual(one, two);
        Assert.NotEqual(two, one);
        Assert.Equal(one, same);
        Assert.False(one.RottingAfterByStage.Equals(null));
    }

    [Fact]
    public void FunnelOptions_ToString_ShowsTheLists()
    {
        // The record prints its members; ValueList writes its elements between brackets.
        var text = new FunnelOptions { Breakdowns = [Breakdown.Owner, Breakdown.Team] }.ToString();

        Assert.Contains("Breakdowns = [Owner, Team], LeadBreakdowns = [Source, Product]", text, StringComparison.Ordinal);
    }
}
