using System.Reflection;
using System.Text.Json;
using SalesPipeline.Json;

namespace SalesPipeline.Json.Tests.Results;

// Every public type of the measurement namespaces has a converter of this package, so a new result cannot be
// forgotten: it fails here until it gets a converter (Results/) or is listed below as an input, with the reason.
public class ResultCoverageTests
{
    private static readonly string[] Namespaces =
    [
        "SalesPipeline.Forecasting",
        "SalesPipeline.Metrics",
        "SalesPipeline.Health",
        "SalesPipeline.Targets",
        "SalesPipeline.Collections",
        "SalesPipeline.Quotes",
    ];

    // Types of those namespaces that are neither results nor stored (collection schedules, their terms and entries are,
    // and have converters of their own). Settings (*Options) and accumulators (*Accumulator) are left out by name, enums
    // are written by name inside results, static classes and exceptions are not values.
    private static readonly Dictionary<string, string> NotResults = new(StringComparer.Ordinal)
    {
        ["ForecastSnapshot"] = "a prepared input of the forecasts (built from deals, which are stored as events)",
        ["ForecastSnapshotBuilder"] = "a mutable builder of ForecastSnapshot, which is an input",
        ["BacktestPoint"] = "an input of ForecastBacktest.Run",
        ["CategoryBands"] = "an input of Forecast.Compare",
        ["HealthPolicy"] = "an input of PipelineHealth.Inspect",
        ["HealthInputs"] = "an input of PipelineHealth.Inspect",
        ["CoverageGoal"] = "an input of PipelineHealth.Inspect (its figures come back in CoverageResult)",
        ["Instalment"] = "part of a CollectionSchedule, stored as the schedule's terms (its status comes back in InstalmentStatus)",
        ["Quote"] = "stored as its events (QuoteEvent), from which Quote.FromEvents rebuilds it",
        ["QuoteDealResult"] =
            "the outcome of QuoteDeals.SendQuote and AcceptQuote: the quote and deal are stored as their events, the rejections are messages",
        ["Product"] = "an input of PriceBook",
        ["PriceBook"] = "an input of the quote lines (PriceBook.Line), which are stored in the quote events",
        ["ApprovalPolicy"] = "an input of Quote.Submit and ApprovalPolicy.Decide (its decision comes back in ApprovalDecision)",
    };

    private static IEnumerable<Type> PublicTypesOfTheNamespaces() =>
        typeof(Money).Assembly.GetExportedTypes().Where(t => Namespaces.Contains(t.Namespace, StringComparer.Ordinal));

    internal static IEnumerable<Type> ResultTypes() =>
        PublicTypesOfTheNamespaces()
            .Where(t => !t.IsEnum && !(t.IsAbstract && t.IsSealed) && !typeof(Exception).IsAssignableFrom(t))
            .Where(t => !t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.Name.EndsWith("Accumulator", StringComparison.Ordinal))
            .Where(t => !NotResults.ContainsKey(t.Name));

    [Fact]
    public void Every_public_result_type_has_a_converter_of_this_package()
    {
        var missing = ResultTypes()
            .Where(t => SalesPipelineJson.Options.GetConverter(t).GetType().Assembly != typeof(SalesPipelineJson).Assembly)
            .Select(t => t.FullName)
            .ToArray();
        Assert.True(missing.Length == 0, "Result types without a converter: " + string.Join(", ", missing));
        // The walk sees the results named in the issue, so it is not vacuous.
        Assert.Contains(typeof(SalesPipeline.Forecasting.StageWeightedForecast), ResultTypes());
        Assert.Contains(typeof(SalesPipeline.Collections.CashForecastReport), ResultTypes());
        Assert.Contains(typeof(SalesPipeline.Quotes.QuoteComparison), ResultTypes());
        Assert.True(ResultTypes().Count() >= 60, $"Only {ResultTypes().Count()} result types were found.");
    }

    [Fact]
    public void Every_type_listed_as_not_a_result_exists_so_the_list_cannot_rot()
    {
        var names = PublicTypesOfTheNamespaces().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(NotResults.Keys, n => Assert.Contains(n, names));
    }

    [Fact]
    public void Results_are_write_only_and_say_so()
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            JsonSerializer.Deserialize<SalesPipeline.Metrics.WinRateTable>("{}", SalesPipelineJson.Options)
        );
        Assert.Contains("does not read it back", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_results_are_write_only_too()
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            JsonSerializer.Deserialize<SalesPipeline.Quotes.QuoteComparison>("{}", SalesPipelineJson.Options)
        );
        Assert.Contains("QuoteComparison is a result", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Field_names_are_fixed_whatever_the_naming_policy()
    {
        var snake = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }.ConfigureForSalesPipeline();
        var forecast = SalesPipeline.Forecasting.Forecast.StageWeighted(
            ResultScenario.AllDeals,
            ResultScenario.Pipeline,
            ResultScenario.Quarters
        );
        Assert.Equal(JsonSerializer.Serialize(forecast, SalesPipelineJson.Options), JsonSerializer.Serialize(forecast, snake));
        Assert.Contains("\"openAmount\"", JsonSerializer.Serialize(forecast, snake), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_result_converter_is_registered_once()
    {
        var converters = Converters.All().Select(c => c.GetType()).ToArray();
        Assert.Equal(converters.Length, converters.Distinct().Count());
        var inPackage = typeof(SalesPipelineJson)
            .Assembly.GetTypes()
            .Where(t =>
                !t.IsAbstract
                && t.BaseType is { IsGenericType: true } b
                && b.GetGenericTypeDefinition().Name.StartsWith("ResultConverter", StringComparison.Ordinal)
            )
            .ToArray();
        Assert.Empty(inPackage.Except(converters));
    }
}
