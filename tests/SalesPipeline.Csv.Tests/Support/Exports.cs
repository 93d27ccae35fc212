using System.Globalization;
using System.IO;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Csv.Tests.Support;

// The sample exports under Samples/ (written by hand from the column lists of docs/csv-salesforce.md, csv-hubspot.md and
// csv-pipedrive.md), the pipelines they belong to, and the options each is read with.
internal static class Exports
{
    // Every sample is an export taken on 2026-03-01 at midnight UTC.
    public static readonly Instant AsOf = Instant.FromUtc(2026, 3, 1, 0, 0);

    // Salesforce's sample stages (a subset of a new org's Opportunity stages), named as the export writes them.
    public static readonly PipelineDefinition Salesforce = PipelineDefinition
        .CreateBuilder("Salesforce")
        .Stage("Prospecting", 0.10m, ForecastCategory.Pipeline)
        .Stage("Qualification", 0.20m, ForecastCategory.Pipeline)
        .Stage("Needs Analysis", 0.20m, ForecastCategory.Pipeline)
        .Stage("Proposal/Price Quote", 0.75m, ForecastCategory.BestCase)
        .Stage("Negotiation/Review", 0.90m, ForecastCategory.Commit)
        .Won("Closed Won")
        .Lost("Closed Lost")
        .Build();

    // HubSpot's default deal pipeline, "Sales Pipeline", with its default stage probabilities.
    public static readonly PipelineDefinition HubSpot = PipelineDefinition
        .CreateBuilder("Sales Pipeline")
        .Stage("Appointment Scheduled", 0.20m, ForecastCategory.Pipeline)
        .Stage("Qualified To Buy", 0.40m, ForecastCategory.Pipeline)
        .Stage("Presentation Scheduled", 0.60m, ForecastCategory.BestCase)
        .Stage("Decision Maker Bought-In", 0.80m, ForecastCategory.Commit)
        .Stage("Contract Sent", 0.90m, ForecastCategory.Commit)
        .Won("Closed Won")
        .Lost("Closed Lost")
        .Build();

    // Pipedrive's default pipeline stages.
    public static readonly PipelineDefinition Pipedrive = PipelineDefinition
        .CreateBuilder("Sales pipeline")
        .Stage("Qualified", 0.10m, ForecastCategory.Pipeline)
        .Stage("Contact Made", 0.20m, ForecastCategory.Pipeline)
        .Stage("Demo Scheduled", 0.40m, ForecastCategory.Pipeline)
        .Stage("Proposal Made", 0.60m, ForecastCategory.BestCase)
        .Stage("Negotiations Started", 0.80m, ForecastCategory.Commit)
        .Won("Won")
        .Lost("Lost")
        .Build();

    public static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    // en-US as CLDR has it (M/d/yyyy, h:mm AM/PM, 1,234.56). The tests run with invariant globalization (no ICU data),
    // so the culture is built by hand; an application with ICU passes CultureInfo.GetCultureInfo("en-US").
    public static CultureInfo EnUs
    {
        get
        {
            var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            culture.DateTimeFormat.ShortDatePattern = "M/d/yyyy";
            culture.DateTimeFormat.ShortTimePattern = "h:mm tt";
            culture.NumberFormat.NumberDecimalSeparator = ".";
            culture.NumberFormat.NumberGroupSeparator = ",";
            return culture;
        }
    }

    public static CsvReadOptions SalesforceOptions =>
        new()
        {
            Format = CsvFormat.Salesforce,
            Culture = EnUs,
            Zone = LosAngeles,
        };

    public static CsvReadOptions HubSpotOptions =>
        new()
        {
            Format = CsvFormat.HubSpot,
            Zone = NewYork,
            DefaultCurrency = Currency.USD,
        };

    public static CsvReadOptions PipedriveOptions => new() { Format = CsvFormat.Pipedrive };

    public static string PathOf(string format, string file)
    {
        // The samples stay in the source tree: found from the test binaries' folder upwards.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = System.IO.Path.Combine(dir.FullName, "Samples", format, file);
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException($"Samples/{format}/{file} not found above {AppContext.BaseDirectory}.");
    }

    public static byte[] Bytes(string format, string file) => File.ReadAllBytes(PathOf(format, file));

    public static CsvImportResult Read(PipelineDefinition pipeline, byte[] deals, byte[]? history, CsvReadOptions options) =>
        DealCsv.Read(pipeline, new MemoryStream(deals), history is null ? null : new MemoryStream(history), AsOf, options);

    public static CsvImportResult ReadSalesforce(CsvReadOptions? options = null) =>
        Read(
            Salesforce,
            Bytes("Salesforce", "opportunities.csv"),
            Bytes("Salesforce", "opportunity-history.csv"),
            options ?? SalesforceOptions
        );

    public static CsvImportResult ReadHubSpot() => Read(HubSpot, Bytes("HubSpot", "deals.csv"), null, HubSpotOptions);

    public static CsvImportResult ReadPipedrive() => Read(Pipedrive, Bytes("Pipedrive", "deals.csv"), null, PipedriveOptions);

    // The stages a deal entered by its history, with the instants: what each sample test compares.
    public static (string Stage, Instant At)[] Path(Deal deal) =>
        [
            .. deal
                .History.Select(e =>
                    e switch
                    {
                        DealImported i => (i.StageId, i.At),
                        StageMoved m => (m.ToStageId, m.At),
                        DealWon w => (w.StageId, w.At),
                        DealLost l => (l.StageId, l.At),
                        DealReopened r => (r.StageId, r.At),
                        _ => (null!, default),
                    }
                )
                .Where(p => p.Item1 is not null),
        ];

    public static Deal Deal(CsvImportResult result, string id) => result.Deals.Single(d => d.Id.Value == id);

    public static Instant Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        Instant.FromUtc(year, month, day, hour, minute, second);
}
