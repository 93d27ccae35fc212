#:project ../../src/SalesPipeline.Parquet/SalesPipeline.Parquet.csproj
#:project ../../src/SalesPipeline.Csv/SalesPipeline.Csv.csproj
#:package ParquetSharp
// The program would be named "parquet", as Parquet.Net's assembly is: it takes another name.
#:property AssemblyName=SalesPipeline.Examples.Parquet
// Deals, their events and a report table written as Parquet (docs/parquet.md), then read back with ParquetSharp
// (Apache Arrow's C++ reader, the one behind pyarrow) to show the schema pandas, polars and DuckDB see; and the same
// deals written as canonical CSV and read back (docs/csv.md, "Writing deals").
using NodaTime;
using ParquetSharp;
using SalesPipeline;
using SalesPipeline.Csv;
using SalesPipeline.Deals;
using SalesPipeline.Parquet;
using SalesPipeline.Pipelines;
using SalesPipeline.Reporting;

var pipeline = PipelineDefinition.Default;
var d1 = Deal.Open(
    pipeline,
    new DealId("D1"),
    "Acme, Inc.",
    "alice",
    Money.Of(1250.50m, Currency.USD),
    new LocalDate(2025, 6, 30),
    Instant.FromUtc(2025, 3, 13, 13, 36, 13),
    source: LeadSource.Web
);
d1 = pipeline.Move(d1, "qualified", Instant.FromUtc(2025, 4, 2, 10, 0), "carol");
var d2 = Deal.Open(
    pipeline,
    new DealId("D2"),
    "Beta",
    "bob",
    Money.Of(900m, Currency.EUR),
    new LocalDate(2025, 5, 31),
    Instant.FromUtc(2025, 1, 10, 9, 0)
);
d2 = pipeline.Lose(d2, LossReason.Price, Instant.FromUtc(2025, 2, 20, 16, 0), "bob", "Initech");
Deal[] deals = [d1, d2];

var folder = Directory.CreateTempSubdirectory("salespipeline-parquet-example-");
var dealsPath = Path.Combine(folder.FullName, "deals.parquet");
var eventsPath = Path.Combine(folder.FullName, "events.parquet");
var funnelPath = Path.Combine(folder.FullName, "funnel.parquet");

await using (var file = File.Create(dealsPath))
{
    await DealParquet.WriteDealsAsync(deals, file);
}
await using (var file = File.Create(eventsPath))
{
    await DealParquet.WriteEventsAsync(deals.SelectMany(d => d.Events), file);
}
var funnel = new ReportTable(
    "funnel",
    [
        new ReportColumn("stage_id", ColumnType.Text, "The stage."),
        new ReportColumn("reached", ColumnType.WholeNumber, "Deals that reached it."),
    ],
    [
        ["prospecting", 2L],
        ["qualified", 1L],
    ]
);
await using (var file = File.Create(funnelPath))
{
    await ReportParquet.WriteAsync(funnel, file);
}

// What a reader sees: the column types and the rows.
using (var reader = new ParquetFileReader(dealsPath))
{
    var schema = reader.FileMetaData.Schema;
    var types = Enumerable
        .Range(0, schema.NumColumns)
        .ToDictionary(c => schema.Column(c).Name, c => schema.Column(c).LogicalType.ToString());
    Console.WriteLine($"deals.parquet: {reader.FileMetaData.NumRows} rows, {schema.NumColumns} columns");
    foreach (var name in new[] { "amount", "created_at", "expected_close", "currency" })
    {
        Console.WriteLine($"  {name}: {types[name]}");
    }
    Check(reader.FileMetaData.NumRows == 2 && schema.NumColumns == 24, "the deals file's shape");
    Check(types["amount"] == "Decimal(precision=38, scale=18)", "amount is DECIMAL(38, 18)");
    Check(
        types["created_at"]
            == "Timestamp(isAdjustedToUTC=true, timeUnit=microseconds, is_from_converted_type=false, force_set_converted_type=false)",
        "created_at is a UTC timestamp"
    );
    Check(types["expected_close"] == "Date", "expected_close is a DATE");
    using var group = reader.RowGroup(0);
    using var amounts = group.Column(3).LogicalReader<decimal>();
    var read = amounts.ReadAll(2);
    Console.WriteLine($"  amounts read back: {string.Join(", ", read)}");
    Check(read[0] == 1250.50m && read[1] == 900m, "the amounts, exactly");
}
using (var reader = new ParquetFileReader(eventsPath))
{
    using var group = reader.RowGroup(0);
    using var kinds = group.Column(3).LogicalReader<string>();
    var read = kinds.ReadAll(checked((int)reader.FileMetaData.NumRows));
    Console.WriteLine($"events.parquet: {string.Join(", ", read)}");
    Check(read.SequenceEqual(["DealCreated", "StageMoved", "DealCreated", "DealLost"]), "the event kinds");
}

// The same deals as canonical CSV, read back as equal in stage, amount, owner, status and dates.
var csvFolder = folder.CreateSubdirectory("csv");
var dealsCsv = Path.Combine(csvFolder.FullName, "deals.csv");
var historyCsv = Path.Combine(csvFolder.FullName, "history.csv");
using (var dealsFile = File.Create(dealsCsv))
using (var historyFile = File.Create(historyCsv))
{
    DealCsv.Write(deals, dealsFile, historyFile);
}
Console.WriteLine(File.ReadAllText(historyCsv));
var again = DealCsv.ReadFiles(pipeline, dealsCsv, historyCsv, Instant.FromUtc(2025, 12, 1, 0, 0));
Console.WriteLine(again);
Check(again.IsComplete && again.Deals.Count == 2, "the CSV files read back");
Check(again.Deals[0].StageId == "qualified" && again.Deals[0].StageEnteredAt == Instant.FromUtc(2025, 4, 2, 10, 0), "D1's stage and entry");
Check(again.Deals[1].Status == DealStatus.Lost && again.Deals[1].Competitor == "Initech", "D2's loss");

folder.Delete(recursive: true);

static void Check(bool ok, string what)
{
    if (!ok)
    {
        throw new InvalidOperationException($"docs/parquet.md example: {what} differ from the page.");
    }
}
