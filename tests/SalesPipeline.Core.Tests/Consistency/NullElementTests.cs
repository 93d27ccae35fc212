using System.Reflection;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Consistency;

// Every public entry point of Core that takes a list of references refuses a null element with an
// ArgumentNullException that names the parameter and the element's position ("Deal 1 is null."), before it does
// anything else: found by reflection, so a new entry point is covered the day it is added.
public class NullElementTests
{
    // Results the library builds: positional records that carry what a computation found and check none of their
    // arguments; a caller never passes one into a computation.
    private static readonly HashSet<string> ResultRecords =
    [
        "AgingLine",
        "BacktestResult",
        "CategoryForecast",
        "CategoryLine",
        "ForecastComparison",
        "ActivityCountLine",
        "PermittedMove",
        "QuoteStatusReport",
        "QuoteDiscountReport",
        "ApprovalTurnaroundReport",
        "QuoteToWinReport",
    ];

    // The other members that may take a null element, each with the reason.
    private static readonly Dictionary<string, string> Skipped = new()
    {
        // A null record, or a null entry of a record's History or changes, is reported in the ImportResult with its index beside
        // every other bad record (the parameter is IEnumerable<DealImport?> on purpose): ImportTests covers both.
        ["PipelineTransitions.Import(records)"] = "reported as an ImportError, not thrown",
        ["DealImport.History"] = "reported as an ImportError, not thrown",
        ["DealImport.AmountChanges"] = "reported as an ImportError, not thrown",
        ["DealImport.ExpectedCloseChanges"] = "reported as an ImportError, not thrown",
        ["DealImport.OwnerChanges"] = "reported as an ImportError, not thrown",
        // Read once, lazily, when the forecast runs (the options may hold a query over a database): CashForecast.Of
        // names its options argument and the element (CashForecastOptions_NullDeal_... below).
        ["CashForecastOptions.WonDeals"] = "checked by CashForecast.Of",
        ["CashForecastOptions.OpenDeals"] = "checked by CashForecast.Of",
        // The builder collects every problem and Build() reports them all in one PipelineDefinitionException, a null
        // exit criterion among them, by stage and position (PipelineBuilder_NullExitCriterion_... below).
        ["PipelineBuilder.Stage(exitCriteria)"] = "reported by Build()",
    };

    private static bool IsSkipped(MemberInfo member, string name) =>
        ResultRecords.Contains(member.DeclaringType!.Name) || Skipped.ContainsKey(name);

    // "Deal 1 is null.", "Entry 1 of the batch is null.": the element's position, then that it is null.
    private static bool NamesIndexOne(string message) =>
        System.Text.RegularExpressions.Regex.IsMatch(message, @"^[^.]* 1( of the \w+)? is null\.");

    private static IEnumerable<(MethodBase Member, ParameterInfo Parameter, Type Element)> ListParameters() =>
        SampleArguments
            .PublicMembers()
            .SelectMany(m =>
                m.GetParameters().Select(p => (Member: m, Parameter: p, Element: SampleArguments.ElementTypeOf(p.ParameterType)))
            )
            .Where(x => x.Element is { IsValueType: false })
            .Select(x => (x.Member, x.Parameter, x.Element!));

    [Fact]
    public void EveryListParameter_WithANullElement_ThrowsArgumentNull_NamingTheParameterAndTheIndex()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (member, parameter, element) in ListParameters())
        {
            var name = SampleArguments.Describe(member, parameter);
            if (IsSkipped(member, name))
            {
                continue;
            }
            object?[] arguments;
            Array list;
            try
            {
                arguments = member.GetParameters().Select(SampleArguments.Fill).ToArray();
                // A valid element first, so the message must name index 1, not just "an element".
                list = Array.CreateInstance(element, 2);
                list.SetValue(SampleArguments.SampleOf(element) ?? throw new InvalidOperationException($"No sample {element.Name}."), 0);
            }
            catch (InvalidOperationException e)
            {
                failures.Add($"{name}: {e.Message}");
                continue;
            }
            arguments[parameter.Position] = list;
            checkedCount++;
            var thrown = SampleArguments.Call(member, arguments);
            if (thrown is not ArgumentNullException ane || ane.ParamName != parameter.Name || !NamesIndexOne(ane.Message))
            {
                failures.Add(
                    $"{name}: {thrown?.GetType().Name ?? "no exception"} {(thrown as ArgumentException)?.ParamName} {thrown?.Message}"
                );
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // The walk found the entry points (a broken filter would pass vacuously): deals alone are taken by dozens.
        Assert.True(checkedCount > 60, $"only {checkedCount} list parameters were checked");
    }

    // Options and inputs take their lists through init accessors; each checks its list when it is set.
    private static IEnumerable<(PropertyInfo Property, Type Element)> InitListProperties() =>
        typeof(Money)
            .Assembly.GetExportedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => (Property: p, Element: SampleArguments.ElementTypeOf(p.PropertyType)))
            .Where(x => x.Element is { IsValueType: false })
            .Select(x => (x.Property, x.Element!));

    [Fact]
    public void EveryInitListProperty_WithANullElement_ThrowsArgumentNull_NamingThePropertyAndTheIndex()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (property, element) in InitListProperties())
        {
            var name = $"{property.DeclaringType!.Name}.{property.Name}";
            if (IsSkipped(property, name))
            {
                continue;
            }
            var list = Array.CreateInstance(element, 2);
            list.SetValue(SampleArguments.SampleOf(element), 0);
            checkedCount++;
            var thrown = SampleArguments.Call(property.SetMethod!, [list]);
            if (thrown is not ArgumentNullException ane || ane.ParamName != property.Name || !NamesIndexOne(ane.Message))
            {
                failures.Add(
                    $"{name}: {thrown?.GetType().Name ?? "no exception"} {(thrown as ArgumentException)?.ParamName} {thrown?.Message}"
                );
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedCount >= 3, $"only {checkedCount} list properties were checked");
    }

    [Fact]
    public void SkippedMembers_StillExist()
    {
        var names = ListParameters()
            .Select(x => SampleArguments.Describe(x.Member, x.Parameter))
            .Concat(InitListProperties().Select(x => $"{x.Property.DeclaringType!.Name}.{x.Property.Name}"))
            .ToHashSet();
        var types = typeof(Money).Assembly.GetExportedTypes().Select(t => t.Name).ToHashSet();

        Assert.All(Skipped.Keys, k => Assert.Contains(k, names));
        Assert.All(ResultRecords, r => Assert.Contains(r, types));
    }

    [Fact]
    public void VisibleTo_NullDeal_NamesDealsAndTheIndex_WhenEnumerated()
    {
        var org = (SalesOrg)SampleArguments.Instance(typeof(SalesOrg));
        var deal = (Deal)SampleArguments.SampleOf(typeof(Deal))!;

        // Lazy, as documented: the viewer is checked at once, the deals as they are read.
        var visible = org.VisibleTo("alice", [deal, deal, null!]);
        var e = Assert.Throws<ArgumentNullException>(() => visible.ToList());

        Assert.Equal("deals", e.ParamName);
        Assert.StartsWith("Deal 2 is null.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoneySum_NullAmount_NamesAmounts_NotTheOperand()
    {
        var usd = Money.Of(1m, Currency.USD);

        var e = Assert.Throws<ArgumentNullException>(() => Money.Sum([usd, null!, usd], Currency.USD));

        Assert.Equal("amounts", e.ParamName);
        Assert.StartsWith("Amount 1 is null.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CashForecastOptions_NullWonOrOpenDeal_NamesOptionsAndTheIndex()
    {
        var schedule = (CollectionSchedule)SampleArguments.SampleOf(typeof(CollectionSchedule))!;
        var deal = (Deal)SampleArguments.SampleOf(typeof(Deal))!;
        var terms = (PaymentTerms)SampleArguments.SampleOf(typeof(PaymentTerms))!;
        FiscalPeriod[] periods = [SampleArguments.Quarter];

        var won = Assert.Throws<ArgumentNullException>(() =>
            CashForecast.Of([schedule], SampleArguments.Date, periods, new CashForecastOptions { DefaultTerms = terms, WonDeals = [null!] })
        );
        var open = Assert.Throws<ArgumentNullException>(() =>
            CashForecast.Of(
                [schedule],
                SampleArguments.Date,
                periods,
                new CashForecastOptions
                {
                    DefaultTerms = terms,
                    Pipeline = PipelineDefinition.Default,
                    OpenDeals = [deal, null!],
                }
            )
        );

        Assert.Equal("options", won.ParamName);
        Assert.StartsWith("Won deal 0 is null.", won.Message, StringComparison.Ordinal);
        Assert.Equal("options", open.ParamName);
        Assert.StartsWith("Open deal 1 is null.", open.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CashForecastOptions_NullZone_IsRefusedWhenSet()
    {
        // It used to be accepted and fail inside NodaTime's Instant.InZone when a won deal was projected.
        var e = Assert.Throws<ArgumentNullException>(() => new CashForecastOptions { Zone = null! });

        Assert.Equal("Zone", e.ParamName);
    }

    [Fact]
    public void PipelineBuilder_NullExitCriterion_IsReportedByBuild_WithItsStageAndPosition()
    {
        var builder = PipelineDefinition
            .CreateBuilder("Sample")
            .Stage("Qualified", 0.2m, exitCriteria: [ExitCriterion.FromId("budget"), null!])
            .Won("Won")
            .Lost("Lost");

        var e = Assert.Throws<PipelineDefinitionException>(builder.Build);

        var problem = Assert.Single(e.Problems);
        Assert.Contains("exit criterion 1 is null.", problem, StringComparison.Ordinal);
        Assert.Contains("Qualified", problem, StringComparison.Ordinal);
    }
}
