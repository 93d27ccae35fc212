using System.Xml.Linq;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Metrics;
using SalesPipeline.Samples;
using SalesPipeline.Targets;

namespace SalesPipeline.Interactive.Tests;

// Every report the walkthrough shows, on the embedded sample (about 3,800 deals, 20 reps in 4 teams): well-formed HTML,
// no object tree, at most the default number of rows per table, the text of its tables as text/plain, and a size that
// stays small however large the data.
public class SampleReportTests
{
    private static readonly SampleData Sample = SampleData.Create();

    public SampleReportTests() => SalesPipelineFormatters.Register();

    public static TheoryData<string> Reports() => [.. Build().Keys];

    private static Dictionary<string, object> Build()
    {
        var q3 = Sample.Calendar.Quarter(2026, 3);
        var months = Sample.Calendar.Months(2026).Where(m => q3.Contains(m.Start)).ToList();
        var options = new ForecastOptions
        {
            Zone = Sample.Zone,
            AsOf = Sample.AsOf,
            Organization = Sample.Organization,
        };
        var q2 = Sample.Calendar.Quarter(2026, 2);
        var health = PipelineHealth.Inspect(Sample.Deals, Sample.Pipeline, Sample.AsOfInstant, Sample.HealthPolicy);
        return new()
        {
            ["pipeline"] = Sample.Pipeline,
            ["deals"] = Sample.Deals,
            ["open deals"] = Sample.Deals.Where(d => d.Status == DealStatus.Open),
            ["leads"] = Sample.Leads,
            ["funnel"] = Funnel.Of(Sample.Deals, Sample.Pipeline),
            ["stage-weighted forecast"] = Forecast.StageWeighted(Sample.Deals, Sample.Pipeline, months, options),
            ["category forecast"] = Forecast.ByCategory(Sample.Deals, Sample.Pipeline, [q3], Sample.Organization, options: options),
            ["distribution"] = Forecast.Distribution(Sample.Deals, Sample.Pipeline, q3, new DistributionOptions { Forecast = options }),
            ["health"] = health,
            ["shortlist"] = health.Shortlist,
            ["attainment"] = Attainment.Of(
                Sample.Deals,
                Sample.Pipeline,
                Sample.Quotas.Where(q => q.Period.Start == q2.Start),
                new AttainmentOptions { ForecastOptions = options }
            ),
            ["aging"] = Aging.Of(Sample.Contracts, Sample.AsOf),
            ["cash forecast"] = CashForecast.Of(Sample.Contracts, Sample.AsOf, months),
            ["collection progress"] = CollectionProgress.Of(Sample.Contracts, Sample.AsOf, Sample.Organization),
            ["contracts"] = Sample.Contracts,
        };
    }

    private static readonly Lazy<Dictionary<string, object>> All = new(Build);

    [Theory]
    [MemberData(nameof(Reports))]
    public void Renders_compact_well_formed_html_and_its_text(string name)
    {
        var value = All.Value[name];
        var html = Html.Of(value);
        var root = Html.Parse(html);
        Assert.DoesNotContain("Calendar", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Era", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var table in root.Descendants().Where(e => e.Name.LocalName == "tbody"))
        {
            Assert.True(table.Elements().Count() <= SalesPipelineFormatters.DefaultMaxRows, $"{name}: {table.Elements().Count()} rows");
        }
        // Measured: from 3,379 characters (the shortlist) to 23,721 (the category forecast, two tables of 20 rows); the
        // sample's three-month stage-weighted forecast 13,868. Without the formatters a three-month forecast was 150 KB.
        Assert.True(html.Length < 30_000, $"{name}: {html.Length} characters");
        Assert.NotEqual(html, Html.TextOf(value));
        Assert.False(string.IsNullOrWhiteSpace(Html.TextOf(value)));
    }

    [Fact]
    public void A_report_with_two_tables_gives_both_as_text_a_blank_line_between()
    {
        var text = Html.TextOf(All.Value["category forecast"]);
        Assert.StartsWith("category_forecast\n", text, StringComparison.Ordinal);
        Assert.Contains("\n\ncategory_adjustments\n", text, StringComparison.Ordinal);
        // The sample's 25 nodes exceed the 20 rows shown: the text says so, as the HTML footer does.
        Assert.Contains("more rows)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_come_with_the_funnel_the_forecast_the_distribution_the_aging_and_the_cash_forecast()
    {
        foreach (var name in new[] { "pipeline", "funnel", "stage-weighted forecast", "distribution", "aging", "cash forecast" })
        {
            Assert.Equal(1, Html.Parse(Html.Of(All.Value[name])).Descendants().Count(e => e.Name.LocalName == "svg"));
        }
        foreach (var name in new[] { "deals", "attainment", "shortlist", "collection progress" })
        {
            Assert.Equal(0, Html.Parse(Html.Of(All.Value[name])).Descendants().Count(e => e.Name.LocalName == "svg"));
        }
    }
}
