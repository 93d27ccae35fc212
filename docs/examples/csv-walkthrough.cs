#:project ../../src/SalesPipeline.Csv/SalesPipeline.Csv.csproj
// The walkthrough of docs/csv-hubspot.md: the sample HubSpot deals export of the tests (Samples/HubSpot/deals.csv) read
// into HubSpot's default "Sales Pipeline", then its funnel and its stage-weighted forecast for January to April 2026,
// each number checked against the page.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Calendars;
using SalesPipeline.Csv;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

// The pipeline named as in the export's Pipeline column, its stages named as in its Deal Stage column.
var pipeline = PipelineDefinition
    .CreateBuilder("Sales Pipeline")
    .Stage("Appointment Scheduled", 0.20m, ForecastCategory.Pipeline)
    .Stage("Qualified To Buy", 0.40m, ForecastCategory.Pipeline)
    .Stage("Presentation Scheduled", 0.60m, ForecastCategory.BestCase)
    .Stage("Decision Maker Bought-In", 0.80m, ForecastCategory.Commit)
    .Stage("Contract Sent", 0.90m, ForecastCategory.Commit)
    .Won("Closed Won")
    .Lost("Closed Lost")
    .Build();

// The export's times are in the exporting user's zone; its portal has one currency, so the file has no Currency column.
var options = new CsvReadOptions
{
    Format = CsvFormat.HubSpot,
    Zone = DateTimeZoneProviders.Tzdb["America/New_York"],
    DefaultCurrency = Currency.USD,
};
var folder = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("docs", "examples");
var sample = Path.Combine(folder, "..", "..", "tests", "SalesPipeline.Csv.Tests", "Samples", "HubSpot", "deals.csv");
var result = DealCsv.ReadFiles(pipeline, sample, null, Instant.FromUtc(2026, 3, 1, 0, 0), options);
Console.WriteLine(result);
Check(result.DealRows == new CsvRowCounts(14, 8, 6), "8 deals accepted, 6 rows rejected");
Check(result.Errors[0].Line == 9 && result.Errors[0].Column == "Date entered \"Appointment Scheduled (Sales Pipeline)\"", "1008's error");

var funnel = Funnel.Of(result.Deals, pipeline);
Console.WriteLine();
Console.WriteLine(funnel);
Check(funnel.Stages.Select(s => s.Reached).SequenceEqual([8, 7, 6, 4, 3]), "the deals reaching each stage");
Check(funnel["contract-sent"].Won == 2 && funnel["presentation-scheduled"].Won == 1, "the wins by the stage they were won from");
Check(funnel["qualified-to-buy"].Lost == 1, "the loss from Qualified To Buy");

var months = FiscalCalendar.Calendar.Months(2026).Take(4).ToList();
var forecast = Forecast.StageWeighted(result.Deals, pipeline, months);
Console.WriteLine();
Console.WriteLine(forecast);
Check(forecast[months[0]].Won == Money.Of(48_000m, Currency.USD), "January's win (Globex renewal)");
Check(forecast[months[1]].Won == Money.Of(50_000.50m, Currency.USD), "February's wins (Wayne 32,000.50, Pied Piper 18,000.00)");
Check(forecast[months[2]].Weighted == Money.Of(178_500m, Currency.USD), "March: 25,000 x 0.9 + 60,000 x 0.6 + 150,000 x 0.8");
Check(forecast[months[3]].Weighted == Money.Of(1_600m, Currency.USD), "April: 8,000 x 0.2");
Check(forecast.Total.Expected == Money.Of(278_100.50m, Currency.USD), "the total expected revenue");

static void Check(bool ok, string what)
{
    if (!ok)
    {
        throw new InvalidOperationException($"docs/csv-hubspot.md walkthrough: {what} differ from the page.");
    }
}
