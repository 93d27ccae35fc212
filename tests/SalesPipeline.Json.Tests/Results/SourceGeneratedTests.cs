using System.Text.Json;
using SalesPipeline.Collections;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Json;
using SalesPipeline.Json.Tests.Documents;
using SalesPipeline.Metrics;
using static SalesPipeline.Json.Tests.Results.ResultScenario;

namespace SalesPipeline.Json.Tests.Results;

// Where reflection is off (trimming, native AOT) the package's source-generated contracts alone must serve the documents
// and results: the same text as the ready options, and documents read back.
public class SourceGeneratedTests
{
    private static readonly JsonSerializerOptions ContextOnly = new JsonSerializerOptions
    {
        TypeInfoResolver = SalesPipelineJsonContext.Default,
    }.ConfigureForSalesPipeline();

    private static void SameText<T>(T value) =>
        Assert.Equal(JsonSerializer.Serialize(value, SalesPipelineJson.Options), JsonSerializer.Serialize(value, ContextOnly));

    [Fact]
    public void Documents_write_and_read_without_reflection()
    {
        var pipeline = PipelineDocumentTests.Quickstart();
        SameText(pipeline);
        PipelineAssert.Same(
            pipeline,
            JsonSerializer.Deserialize<SalesPipeline.Pipelines.PipelineDefinition>(
                JsonSerializer.Serialize(pipeline, ContextOnly),
                ContextOnly
            )!
        );
        var org = SalesOrgDocumentTests.Acme();
        Assert.Equal(
            org,
            JsonSerializer.Deserialize<SalesPipeline.Organization.SalesOrg>(JsonSerializer.Serialize(org, ContextOnly), ContextOnly)
        );
    }

    [Fact]
    public void Results_write_without_reflection()
    {
        SameText(Forecast.StageWeighted(AllDeals, Pipeline, Quarters));
        SameText(Forecast.Distribution(AllDeals, Pipeline, Q1));
        SameText(WinRate.By(AllDeals, Breakdown.Owner));
        SameText(Funnel.Of(AllDeals, Pipeline));
        SameText(PipelineHealth.Inspect(AllDeals, Pipeline, AsOf));
        SameText(CashForecast.Of(Schedules, AsOfDate, Quarters));
        SameText<IReadOnlyList<SalesVelocity>>([SalesVelocity.Of(AllDeals, Q1)]);
    }

    [Fact]
    public void Quote_results_write_without_reflection()
    {
        var quote = SalesPipeline.Json.Tests.Quotes.QuoteSamples.WorkedExample();
        SameText(SalesPipeline.Quotes.QuoteReports.ByStatus([quote], new NodaTime.LocalDate(2026, 3, 31)));
        SameText(SalesPipeline.Quotes.QuoteReports.AverageDiscount([quote], Breakdown.Product));
        SameText(SalesPipeline.Quotes.QuoteReports.ApprovalTurnaround([quote]));
        SameText(SalesPipeline.Quotes.QuoteReports.QuoteToWin([quote], []));
        SameText(SalesPipeline.Quotes.QuoteComparison.Between(quote.GetVersion(1), quote.GetVersion(2)));
        SameText(quote.GetVersion(2));
        SameText(quote.GetVersion(2).Totals);
        SameText(quote.Approvals[0]);
        SameText(
            SalesPipeline.Json.Tests.Quotes.QuoteSamples.Policy.Decide(
                quote.GetVersion(1).Totals,
                "alice",
                SalesPipeline.Json.Tests.Quotes.QuoteSamples.Org
            )
        );
    }

    [Fact]
    public void Quote_histories_write_and_read_without_reflection()
    {
        var quote = SalesPipeline.Json.Tests.Quotes.QuoteSamples.WorkedExample();
        SameText(quote.Events);
        var json = JsonSerializer.Serialize(quote.Events, ContextOnly);
        Assert.Equal(quote.Events, JsonSerializer.Deserialize<IReadOnlyList<SalesPipeline.Quotes.QuoteEvent>>(json, ContextOnly));
        Assert.Equal(quote.Events, JsonSerializer.Deserialize<SalesPipeline.Quotes.QuoteEvent[]>(json, ContextOnly));
        var line = quote.Content.Lines[0];
        Assert.Equal(
            line,
            JsonSerializer.Deserialize<SalesPipeline.Quotes.QuoteLine>(JsonSerializer.Serialize(line, ContextOnly), ContextOnly)
        );
    }
}
