using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using SalesPipeline.Cli.Tests.Support;
using SalesPipeline.Csv;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Cli.Tests;

// import: the canonical files into a SQLite store in a temporary folder, then reports from the store.
public class ImportTests
{
    private static readonly string[] Files =
    [
        "--deals",
        Tool.DataPath("Canonical", "deals.csv"),
        "--history",
        Tool.DataPath("Canonical", "history.csv"),
        "--as-of",
        "2026-03-15",
    ];

    private static int EventsInFiles() =>
        DealCsv
            .ReadFiles(
                PipelineDefinition.Default,
                Tool.DataPath("Canonical", "deals.csv"),
                Tool.DataPath("Canonical", "history.csv"),
                Instant.FromUtc(2026, 3, 16, 0, 0)
            )
            .GetDealsOrThrow()
            .Sum(d => d.Events.Count);

    [Fact]
    public async Task Import_saves_every_deal_and_a_rerun_changes_nothing()
    {
        var store = Path.Combine(Tool.TempDirectory(), "deals.db");
        var first = await Tool.RunAsync(["import", .. Files, "--store", store]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(
            $"deals: read 6, new 6, extended 0, unchanged 0, refused 0; events appended {EventsInFiles()}\n",
            first.Output.Replace("\r\n", "\n", StringComparison.Ordinal)
        );
        var again = await Tool.RunAsync(["import", .. Files, "--store", store]);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.StartsWith("deals: read 6, new 0, extended 0, unchanged 6, refused 0; events appended 0", again.Output);
    }

    [Fact]
    public async Task On_a_terminal_the_import_shows_its_progress_and_saves_the_same()
    {
        var store = Path.Combine(Tool.TempDirectory(), "deals.db");
        var run = await Tool.RunAsync(terminal: true, ["import", .. Files, "--store", store]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Reading the CSV files", run.Output);
        Assert.Contains("Saving to the store", run.Output);
        Assert.Contains($"deals: read 6, new 6, extended 0, unchanged 0, refused 0; events appended {EventsInFiles()}", run.Output);
    }

    [Fact]
    public async Task A_report_from_the_store_equals_the_report_from_the_files()
    {
        var store = Path.Combine(Tool.TempDirectory(), "deals.db");
        Assert.Equal(0, (await Tool.RunAsync(["import", .. Files, "--store", store])).ExitCode);
        var fromFiles = await Tool.RunAsync(["report", .. Files, "--json"]);
        var fromStore = await Tool.RunAsync("report", "--store", store, "--as-of", "2026-03-15", "--json");
        Assert.True(fromStore.ExitCode == 0, fromStore.ToString());
        var files = ReportJson.Parse(fromFiles.Output).Root.GetProperty("tables");
        var stored = ReportJson.Parse(fromStore.Output).Root.GetProperty("tables");
        Assert.NotEmpty(files.EnumerateObject());
        Assert.Equal(JsonSerializer.Serialize(files), JsonSerializer.Serialize(stored));
    }

    // Writes deals.csv and history.csv into the folder: the canonical files with D5 in the stage given and the extra
    // history rows.
    private static string[] WriteFiles(string directory, string name, string d5Stage, string extraHistory, string asOf)
    {
        var deals = File.ReadAllText(Tool.DataPath("Canonical", "deals.csv"))
            .Replace("D5,Hooli starter,carol,8000,USD,prospecting", "D5,Hooli starter,carol,8000,USD," + d5Stage, StringComparison.Ordinal);
        var history = File.ReadAllText(Tool.DataPath("Canonical", "history.csv")) + extraHistory;
        File.WriteAllText(Path.Combine(directory, name + "-deals.csv"), deals);
        File.WriteAllText(Path.Combine(directory, name + "-history.csv"), history);
        return
        [
            "--deals",
            Path.Combine(directory, name + "-deals.csv"),
            "--history",
            Path.Combine(directory, name + "-history.csv"),
            "--as-of",
            asOf,
        ];
    }

    [Fact]
    public async Task A_later_export_with_more_history_extends_the_stored_deals()
    {
        var directory = Tool.TempDirectory();
        var store = Path.Combine(directory, "deals.db");
        const string Created = "D5,2026-03-01T09:00:00Z,created,,prospecting,carol\n";
        var first = WriteFiles(directory, "first", "prospecting", Created, "2026-03-15");
        Assert.Equal(0, (await Tool.RunAsync(["import", .. first, "--store", store])).ExitCode);
        // A week later D5 has moved from Prospecting to Qualified: one more history row.
        var later = WriteFiles(
            directory,
            "later",
            "qualified",
            Created + "D5,2026-03-18T10:00:00Z,moved,prospecting,qualified,carol\n",
            "2026-03-20"
        );
        var run = await Tool.RunAsync(["import", .. later, "--store", store]);
        // D5 gains its move; the other five, as of a later date, hold the same events.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("deals: read 6, new 0, extended 1, unchanged 5, refused 0; events appended 1", run.Output);
        var report = await Tool.RunAsync("forecast", "--store", store, "--as-of", "2026-03-20", "--json");
        var qualified = ReportJson.Parse(report.Output).Row("pipeline_by_stage", "stage_id", "qualified");
        // Qualified now holds D6 (30,000) and D5 (8,000) at 20%.
        Assert.Equal(38_000m, ReportJson.Money(qualified, "amount"));
        Assert.Equal(7_600m, ReportJson.Money(qualified, "weighted"));
    }

    [Fact]
    public async Task An_export_that_rewrites_a_stored_history_is_refused_for_that_deal()
    {
        var directory = Tool.TempDirectory();
        var store = Path.Combine(directory, "deals.db");
        // First without D5's history (it is imported as first seen in Prospecting), then with its creation: the
        // store holds another first event, so the new history does not continue it.
        Assert.Equal(0, (await Tool.RunAsync(["import", .. Files, "--store", store])).ExitCode);
        var later = WriteFiles(
            directory,
            "later",
            "qualified",
            "D5,2026-03-01T09:00:00Z,created,,prospecting,carol\nD5,2026-03-18T10:00:00Z,moved,prospecting,qualified,carol\n",
            "2026-03-20"
        );
        var run = await Tool.RunAsync(["import", .. later, "--store", store]);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("deals: read 6, new 0, extended 0, unchanged 5, refused 1; events appended 0", run.Output);
        Assert.Contains("  D5: ", run.Error);
        Assert.Contains("does not continue the stored stream", run.Error);
    }

    [PostgresFact]
    public async Task Import_into_PostgreSQL_then_report_equals_the_report_from_the_files()
    {
        var connection =
            PostgresFactAttribute.ConnectionString
            ?? throw new InvalidOperationException($"{PostgresFactAttribute.Variable} is not set and CI=true: the test needs its server.");
        // A schema of its own, so runs and other tests never meet.
        var schema = "cli_" + Guid.NewGuid().ToString("N")[..12];
        string[] store = ["--postgres", connection, "--postgres-schema", schema];
        var first = await Tool.RunAsync(["import", .. Files, .. store]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("deals: read 6, new 6, extended 0, unchanged 0, refused 0", first.Output);
        var again = await Tool.RunAsync(["import", .. Files, .. store]);
        Assert.StartsWith("deals: read 6, new 0, extended 0, unchanged 6, refused 0; events appended 0", again.Output);
        var fromFiles = await Tool.RunAsync(["report", .. Files, "--json"]);
        var fromStore = await Tool.RunAsync(["report", .. store, "--as-of", "2026-03-15", "--json"]);
        Assert.True(fromStore.ExitCode == 0, fromStore.ToString());
        Assert.Equal(
            JsonSerializer.Serialize(ReportJson.Parse(fromFiles.Output).Root.GetProperty("tables")),
            JsonSerializer.Serialize(ReportJson.Parse(fromStore.Output).Root.GetProperty("tables"))
        );
    }

    [Fact]
    public async Task Bad_rows_exit_1_and_create_no_store()
    {
        var store = Path.Combine(Tool.TempDirectory(), "deals.db");
        var run = await Tool.RunAsync("import", "--deals", Tool.DataPath("Canonical", "bad-deals.csv"), "--store", store);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("12,5", run.Error);
        Assert.False(File.Exists(store));
    }
}
