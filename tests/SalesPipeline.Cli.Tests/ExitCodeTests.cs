using System.IO;
using System.Threading.Tasks;
using NodaTime;
using SalesPipeline.Cli.Tests.Support;
using SalesPipeline.Csv;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Cli.Tests;

// 0 ok, 1 bad input (with every row error), 2 usage.
public class ExitCodeTests
{
    private static readonly string Deals = Tool.DataPath("Canonical", "deals.csv");

    [Theory]
    [InlineData("report")]
    [InlineData("forecast")]
    [InlineData("funnel")]
    [InlineData("health")]
    [InlineData("collections")]
    [InlineData("import")]
    public async Task Help_of_every_command_exits_0_and_describes_it(string command)
    {
        var run = await Tool.RunAsync(command, "--help");
        Assert.True(run.ExitCode == 0, run.ToString());
        // The usage line starts with the executable's name (sales-pipeline in the tool, the test host here).
        Assert.Contains($" {command} [options]", run.Output);
        Assert.Contains("Description:", run.Output);
        Assert.Contains("--store", run.Output);
    }

    [Fact]
    public async Task Root_help_lists_every_command()
    {
        var run = await Tool.RunAsync("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "report", "forecast", "funnel", "health", "collections", "import" })
        {
            Assert.Contains("  " + command + " ", run.Output);
        }
    }

    [Theory]
    [InlineData("reprot")] // an unknown command
    [InlineData("report", "--bogus")] // an unknown option
    [InlineData("report", "extra")] // an argument no command takes
    [InlineData("report", "--periods", "x")] // a bad option value
    [InlineData("report", "--periods", "0")]
    [InlineData("report", "--as-of", "2026-13-01")]
    [InlineData("report", "--deals", "DEALS", "--as-of", "9999-12-31")] // its day would end after the calendar (was an OverflowException)
    [InlineData("report", "--deals", "DEALS", "--as-of", "0001-12-31")]
    [InlineData("report", "--zone", "Mars/Olympus")]
    [InlineData("report", "--currency", "usd")]
    [InlineData("report", "--format", "excel", "--deals", "DEALS")]
    [InlineData("report", "--target", "-5")]
    [InlineData("report", "--deals", "missing.csv")] // a missing file
    [InlineData("report", "--store", "missing.db")]
    [InlineData("report", "--history", "DEALS")] // --history without --deals
    [InlineData("report", "--format", "hubspot")] // --format without --deals
    [InlineData("report", "--deals", "DEALS", "--postgres", "Host=x")] // two inputs
    [InlineData("import", "--deals", "DEALS")] // no store
    [InlineData("import", "--store", "x.db")] // no deals
    [InlineData("import", "--deals", "DEALS", "--store", "x.db", "--quotas", "DEALS")] // an option import has not
    [InlineData()] // no command
    public async Task Usage_errors_exit_2_before_anything_runs(params string[] args)
    {
        var run = await Tool.RunAsync([.. args.Select(a => a == "DEALS" ? Deals : a)]);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("usage: ", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Rejected_rows_exit_1_with_line_column_value_and_reason()
    {
        var bad = Tool.DataPath("Canonical", "bad-deals.csv");
        var run = await Tool.RunAsync("report", "--deals", bad, "--as-of", "2026-03-15");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Output);
        // The second path: the library's own errors for the same file, each printed on its own line.
        var result = DealCsv.ReadFiles(PipelineDefinition.Default, bad, null, Instant.FromUtc(2026, 3, 16, 0, 0));
        Assert.Equal(2, result.Errors.Count);
        foreach (var error in result.Errors)
        {
            Assert.Contains("  " + error + "\n", run.Error.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        // By hand: line 3's amount "12,5" and line 4's stage "closing".
        Assert.Contains("line 3", run.Error);
        Assert.Contains("12,5", run.Error);
        Assert.Contains("line 4", run.Error);
        Assert.Contains("closing", run.Error);
    }

    [Fact]
    public async Task A_file_that_is_not_csv_of_deals_exits_1()
    {
        var directory = Tool.TempDirectory();
        var path = Path.Combine(directory, "deals.csv");
        await File.WriteAllTextAsync(path, "just,some,columns\n1,2,3\n");
        var run = await Tool.RunAsync("report", "--deals", path);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("error: ", run.Error);
    }

    [Fact]
    public async Task A_pipeline_file_that_is_not_a_definition_exits_1()
    {
        var directory = Tool.TempDirectory();
        var path = Path.Combine(directory, "pipeline.json");
        await File.WriteAllTextAsync(path, "{\"type\":\"PipelineDefinition\",\"version\":1}");
        var run = await Tool.RunAsync("report", "--deals", Deals, "--pipeline", path);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("pipeline.json: not a pipeline definition", run.Error);
    }

    [Fact]
    public async Task A_team_the_organisation_lacks_exits_1()
    {
        var run = await Tool.RunAsync("report", "--deals", Deals, "--team", "emea");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("--team emea: no such team", run.Error);
    }
}
