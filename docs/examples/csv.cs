#:project ../../src/SalesPipeline.Csv/SalesPipeline.Csv.csproj
// Deals and their history from the canonical CSV files (docs/csv.md): the page's example files read as the page says,
// then the same deals file with two bad rows, each reported with its line, column, value and rule, then field changes.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Csv;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

const string dealsCsv = """
    deal_id,name,owner,amount,currency,stage,status,created_at,expected_close,closed_at,loss_reason,competitor,source,product,lead_id,probability,category,stage_entered_at
    D1,Acme,alice,1250.50,USD,proposal,open,2025-03-13T13:36:13Z,2025-06-30,,,,web,core,L-7,0.35,commit,
    D2,Beta,bob,900,EUR,won,won,2025-01-10T09:00:00Z,2025-02-28,2025-02-20T16:00:00Z,,,,,,,,
    D3,"Gamma, Inc.",alice,50,USD,Lost,,2025-02-01 00:00,2025-03-31,2025-03-15T13:00:00+01:00,price,Initech,,,,,,
    """;
const string historyCsv = """
    deal_id,at,kind,from_stage,to_stage,by
    D1,2025-04-02T10:00:00Z,moved,prospecting,proposal,carol
    D2,2025-01-10T09:00:00Z,created,,negotiation,
    D1,2025-03-13T13:36:13Z,created,,prospecting,
    D2,2025-02-20T16:00:00Z,won,negotiation,won,
    """;

var folder = Directory.CreateTempSubdirectory("salespipeline-csv-example-");
File.WriteAllText(Path.Combine(folder.FullName, "deals.csv"), dealsCsv);
File.WriteAllText(Path.Combine(folder.FullName, "history.csv"), historyCsv);
Directory.SetCurrentDirectory(folder.FullName);

var result = DealCsv.ReadFiles(PipelineDefinition.Default, "deals.csv", "history.csv", Instant.FromUtc(2025, 12, 1, 0, 0));
Console.WriteLine(result); // deals: read 3, accepted 3, rejected 0; history: read 4, accepted 4, rejected 0
IReadOnlyList<Deal> deals = result.Deals; // or result.GetDealsOrThrow()

Check(result.ToString() == "deals: read 3, accepted 3, rejected 0; history: read 4, accepted 4, rejected 0", "the counts");
var d1 = deals[0];
Console.WriteLine($"{d1.Id}: {d1.Amount} in {d1.StageId} since {d1.StageEnteredAt}, {d1.History.Count} events");
Check(
    d1.StageEnteredAt == Instant.FromUtc(2025, 4, 2, 10, 0) && d1.Amount == Money.Of(1250.50m, Currency.USD),
    "D1's stage entry and amount"
);
Check(deals[2].ClosedAt == Instant.FromUtc(2025, 3, 15, 12, 0) && deals[2].Status == DealStatus.Lost, "D3's close at 13:00+01:00");

// A stage the pipeline does not have and a German amount in an invariant file: both rows rejected, the rest imported.
var bad = dealsCsv.Replace("D2,Beta,bob,900,EUR,won", "D2,Beta,bob,900,EUR,closing").Replace("1250.50", "\"1250,50\"");
var withErrors = DealCsv.Read(
    PipelineDefinition.Default,
    new MemoryStream(System.Text.Encoding.UTF8.GetBytes(bad)),
    null,
    Instant.FromUtc(2025, 12, 1, 0, 0)
);
Console.WriteLine(withErrors);
Check(withErrors.DealRows == new CsvRowCounts(3, 1, 2), "two rows rejected");
Check(
    withErrors.Errors[0]
        == new CsvRowError(
            "deals",
            2,
            "amount",
            "1250,50",
            "A number is written like 1234.56 or -0.5 (a point before the decimals, no thousands separators)."
        ),
    "the amount's error"
);
Check(
    withErrors.Errors[1].Line == 3 && withErrors.Errors[1].Column == "stage" && withErrors.Errors[1].Value == "closing",
    "the stage's error"
);

// Field changes (docs/csv.md, "Field changes"): the amount, close date and owner before them go into the first event.
const string changesCsv = """
    deal_id,at,kind,from_stage,to_stage,by,field,old_value,new_value
    D1,2025-03-01T09:00:00Z,created,,prospecting,,,,
    D1,2025-03-05T10:00:00Z,changed,,,alice,amount,10000,12000
    D1,2025-03-10T10:00:00Z,,,,,expected_close,2025-04-30,2025-05-31
    D1,2025-03-20T10:00:00Z,,,,,owner,alice,bob
    D1,2025-04-02T10:00:00Z,moved,prospecting,proposal,carol,,,
    D1,2025-04-02T10:00:00Z,changed,,,carol,expected_close,2025-05-31,2025-06-30
    """;
var changed = DealCsv.Read(
    PipelineDefinition.Default,
    new MemoryStream(
        System.Text.Encoding.UTF8.GetBytes(
            "deal_id,owner,amount,currency,stage,status,created_at,expected_close,closed_at\nD1,bob,12000,USD,proposal,open,2025-03-01T09:00:00Z,2025-06-30,\n"
        )
    ),
    new MemoryStream(System.Text.Encoding.UTF8.GetBytes(changesCsv)),
    Instant.FromUtc(2025, 12, 1, 0, 0)
);
var events = string.Join(", ", changed.GetDealsOrThrow()[0].History.Select(e => e.GetType().Name));
Console.WriteLine(events); // DealImported, AmountChanged, ExpectedCloseChanged, OwnerReassigned, ExpectedCloseChanged, StageMoved
Check(events == "DealImported, AmountChanged, ExpectedCloseChanged, OwnerReassigned, ExpectedCloseChanged, StageMoved", "D1's events");
var first = (DealImported)changed.Deals[0].History[0];
Check(
    (first.Owner, first.Amount, first.ExpectedClose) == ("alice", Money.Of(10_000m, Currency.USD), new LocalDate(2025, 4, 30)),
    "D1's first values"
);

// Writing the deals back out in the canonical format (docs/csv.md, "Writing deals"), and reading them again.
var asOf = Instant.FromUtc(2025, 12, 1, 0, 0);
using (var dealsFile = File.Create("deals.csv"))
using (var historyFile = File.Create("history.csv"))
{
    DealCsv.Write(deals, dealsFile, historyFile); // historyFile may be null: deals.csv alone
}
var again = DealCsv.ReadFiles(PipelineDefinition.Default, "deals.csv", "history.csv", asOf);
Check(
    again.IsComplete
        && again
            .Deals.Select(d => (d.Id, d.Amount, d.StageId, d.StageEnteredAt, d.ClosedAt))
            .SequenceEqual(deals.Select(d => (d.Id, d.Amount, d.StageId, d.StageEnteredAt, d.ClosedAt))),
    "the deals read back"
);

folder.Delete(recursive: true);

static void Check(bool ok, string what)
{
    if (!ok)
    {
        throw new InvalidOperationException($"docs/csv.md example: {what} differ from the page.");
    }
}
