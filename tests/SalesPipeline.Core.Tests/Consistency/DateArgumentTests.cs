using System.Reflection;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Consistency;

// Core supports ISO dates from 0001-01-01 to 9999-12-31 (docs/index.md, "Supported dates"). Every public entry point
// that takes a date refuses one in another calendar or before year 1 with an ArgumentOutOfRangeException that names
// the parameter, the value and the rule, instead of failing deep inside NodaTime ("values in different calendars")
// or the runtime (DateOnly has no year 0): found by reflection, so a new entry point is covered the day it is added.
public class DateArgumentTests
{
    // 2026-03-31 in the Julian calendar (2026-04-13 ISO): a real date, in the wrong calendar.
    private static readonly LocalDate Julian = new(2026, 3, 31, CalendarSystem.Julian);

    // A real ISO date, five years before year 1 (NodaTime's ISO calendar reaches back to -9998).
    private static readonly LocalDate YearMinusFive = new(-5, 6, 30);

    // Results the library builds (positional records that check none of their arguments), and deal events, which are
    // data checked as a history by Deal.FromEvents (HistoryDates_... below).
    private static readonly HashSet<string> DataRecords =
    [
        "Instalment",
        "InstalmentStatus",
        "BacktestRow",
        "DealCreated",
        "DealImported",
        "ExpectedCloseChanged",
        // Quote events are checked as a history (Quote.FromEvents).
        "QuoteCreated",
        "QuoteRevised",
        // Quote report results, built by QuoteReports from checked quotes.
        "QuoteStatusReport",
        "ApprovalRequest",
        // Import reports a bad date as an ImportError with the record's index (ImportTests).
        "DealImport",
    ];

    private static bool IsDate(Type type) =>
        type == typeof(LocalDate)
        || type == typeof(LocalDate?)
        || type == typeof(DateInterval)
        || SampleArguments.ElementTypeOf(type) == typeof(LocalDate);

    private static object Hostile(Type type, LocalDate bad) =>
        type == typeof(DateInterval) ? new DateInterval(bad, bad)
        : SampleArguments.ElementTypeOf(type) == typeof(LocalDate) ? new[] { SampleArguments.Date, bad }
        : bad;

    public static TheoryData<string> Cases() => new() { "julian", "year -5" };

    private static LocalDate Bad(string name) => name == "julian" ? Julian : YearMinusFive;

    private static string Rule(string name) =>
        name == "julian" ? "Dates must be in the ISO calendar" : "Dates must be between 0001-01-01 and 9999-12-31";

    private static string? Problem(Exception? thrown, string paramName, string rule) =>
        thrown is ArgumentOutOfRangeException e && e.ParamName == paramName && e.Message.Contains(rule, StringComparison.Ordinal)
            ? null
            : $"{thrown?.GetType().Name ?? "no exception"} {(thrown as ArgumentException)?.ParamName} {thrown?.Message}";

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryDateParameter_OutsideTheSupportedDates_Throws_NamingTheParameterAndTheRule(string which)
    {
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var member in SampleArguments.PublicMembers().Where(m => !DataRecords.Contains(m.DeclaringType!.Name)))
        {
            foreach (var parameter in member.GetParameters().Where(p => IsDate(p.ParameterType)))
            {
                var arguments = member.GetParameters().Select(SampleArguments.Fill).ToArray();
                arguments[parameter.Position] = Hostile(parameter.ParameterType, Bad(which));
                checkedCount++;
                if (Problem(SampleArguments.Call(member, arguments), parameter.Name!, Rule(which)) is { } problem)
                {
                    failures.Add($"{SampleArguments.Describe(member, parameter)}: {problem}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedCount > 35, $"only {checkedCount} date parameters were checked");
    }

    // The same for instants: every public parameter of type Instant or Instant? refuses year -5 naming itself, so an
    // activity, a lead or an as-of instant outside the supported range never reaches a zone conversion.
    [Fact]
    public void EveryInstantParameter_BeforeYearOne_Throws_NamingTheParameterAndTheRule()
    {
        var bad = Instant.FromUtc(-5, 6, 30, 0, 0);
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var member in SampleArguments.PublicMembers().Where(m => !IsInstantData(m.DeclaringType!)))
        {
            foreach (
                var parameter in member
                    .GetParameters()
                    .Where(p => p.ParameterType == typeof(Instant) || p.ParameterType == typeof(Instant?))
            )
            {
                var arguments = member.GetParameters().Select(SampleArguments.Fill).ToArray();
                arguments[parameter.Position] = bad;
                checkedCount++;
                if (
                    Problem(
                        SampleArguments.Call(member, arguments),
                        parameter.Name!,
                        "Instants must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z"
                    ) is
                    { } problem
                )
                {
                    failures.Add($"{SampleArguments.Describe(member, parameter)}: {problem}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedCount > 40, $"only {checkedCount} instant parameters were checked");
    }

    // Events are data checked as a history (Deal.FromEvents, Lead.FromEvents); results are built by the library; import
    // entries and changes are plain data whose instants the import checks and reports as ImportErrors.
    private static bool IsInstantData(Type type) =>
        typeof(DealEvent).IsAssignableFrom(type)
        || typeof(SalesPipeline.Leads.LeadEvent).IsAssignableFrom(type)
        || typeof(SalesPipeline.Quotes.QuoteEvent).IsAssignableFrom(type)
        || DataRecords.Contains(type.Name)
        || type.Name is "UntouchedLead" or "StageEntry" or "FieldChange`1" or "QuoteApproval";

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryInitDateProperty_OutsideTheSupportedDates_Throws_NamingThePropertyAndTheRule(string which)
    {
        var properties = typeof(Money)
            .Assembly.GetExportedTypes()
            .Where(t => !DataRecords.Contains(t.Name))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } && IsDate(p.PropertyType))
            .ToList();

        var failures = properties
            .Select(p =>
                Problem(SampleArguments.Call(p.SetMethod!, [Hostile(p.PropertyType, Bad(which))]), p.Name, Rule(which)) is { } problem
                    ? $"{p.DeclaringType!.Name}.{p.Name}: {problem}"
                    : null
            )
            .OfType<string>()
            .ToList();

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(properties.Count >= 5, $"only {properties.Count} date properties were checked");
    }

    // The init properties of options records (an as-of instant) refuse year -5 the same way.
    [Fact]
    public void EveryInitInstantProperty_BeforeYearOne_Throws_NamingThePropertyAndTheRule()
    {
        var properties = typeof(Money)
            .Assembly.GetExportedTypes()
            .Where(t => !IsInstantData(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } && (p.PropertyType == typeof(Instant) || p.PropertyType == typeof(Instant?)))
            .ToList();

        var failures = properties
            .Select(p =>
                Problem(
                    SampleArguments.Call(p.SetMethod!, [Instant.FromUtc(-5, 6, 30, 0, 0)]),
                    p.Name,
                    "Instants must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z"
                )
                    is { } problem
                    ? $"{p.DeclaringType!.Name}.{p.Name}: {problem}"
                    : null
            )
            .OfType<string>()
            .ToList();

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.NotEmpty(properties);
    }

    [Fact]
    public void SupportedDates_TheirEndsAreAccepted()
    {
        // The first and last supported days, through one entry point of each kind.
        var first = new LocalDate(1, 1, 1);
        var last = new LocalDate(9999, 12, 31);

        Assert.Equal(first, DueRule.On(first).Date);
        Assert.Equal(last, DueRule.On(last).Date);
        Assert.True(FiscalPeriod.Of(new DateInterval(first, last)).Contains(last));
    }

    [Fact]
    public void Win_InYearMinusFive_IsRefusedByTheCommand_NamingAtAndTheRange()
    {
        // Accepted before, then failed inside the runtime (DateOnly) as soon as a forecast placed the won deal in a period.
        var at = Instant.FromUtc(-5, 6, 30, 0, 0);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DealCommand.Win(at, "alice"));

        Assert.Equal("at", e.ParamName);
        Assert.Contains(
            "Instants must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z",
            e.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("-0005-06-30", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenDeal_CreatedInYearMinusFive_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Deal.Open(
                PipelineDefinition.Default,
                new DealId("D-1"),
                "Acme",
                "alice",
                Money.Of(1m, Currency.USD),
                SampleArguments.Date,
                Instant.FromUtc(-5, 1, 1, 0, 0)
            )
        );

        Assert.Equal("at", e.ParamName);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HistoryDates_OutsideTheSupportedDates_AreRefusedByFromEvents_WithTheEventIndex(string which)
    {
        var deal = (Deal)SampleArguments.SampleOf(typeof(Deal))!;
        var created = (DealCreated)deal.Events[0];
        var badClose = new ExpectedCloseChanged(deal.Id, SampleArguments.At, "alice", Bad(which));
        var badCreated = created with { ExpectedClose = Bad(which) };

        var later = Assert.Throws<ArgumentException>(() => Deal.FromEvents([created, badClose]));
        var first = Assert.Throws<ArgumentException>(() => Deal.FromEvents(PipelineDefinition.Default, [badCreated]));

        Assert.Equal("events", later.ParamName);
        Assert.Contains("Event 1", later.Message, StringComparison.Ordinal);
        Assert.Contains(Rule(which), later.Message, StringComparison.Ordinal);
        Assert.Equal("events", first.ParamName);
        Assert.Contains("Event 0", first.Message, StringComparison.Ordinal);
        Assert.Contains(Rule(which), first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryInstant_InYearMinusFive_IsRefusedByFromEvents()
    {
        var deal = (Deal)SampleArguments.SampleOf(typeof(Deal))!;
        var created = (DealCreated)deal.Events[0] with { At = Instant.FromUtc(-5, 1, 1, 0, 0) };

        var e = Assert.Throws<ArgumentException>(() => Deal.FromEvents([created]));

        Assert.Contains("Event 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("Instants must be between", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Import_RecordWithAnUnsupportedExpectedClose_IsReportedAsAnError_NotImported(string which)
    {
        var record = new DealImport
        {
            Id = new DealId("D-1"),
            Owner = "alice",
            Amount = Money.Of(1_000m, Currency.USD),
            StageId = PipelineDefinition.Default.FirstOpenStage.Id,
            ExpectedClose = Bad(which),
            CreatedAt = SampleArguments.At,
        };

        var result = PipelineDefinition.Default.Import([record], SampleArguments.At);

        var error = Assert.Single(result.Errors);
        Assert.Empty(result.Deals);
        Assert.Equal("ExpectedClose", error.Field);
        Assert.Contains(Rule(which), error.Rule, StringComparison.Ordinal);
    }
}
