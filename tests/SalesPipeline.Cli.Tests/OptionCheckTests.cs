using System.IO;
using System.Threading.Tasks;
using SalesPipeline.Cli.Tests.Support;

namespace SalesPipeline.Cli.Tests;

// Option values the parse checks (exit 2, nothing printed on standard output, the message naming the option, the value
// and the rule), and what only the write can find (exit 1, a clear message).
public class OptionCheckTests
{
    private static readonly string Deals = Tool.DataPath("Canonical", "deals.csv");

    private static async Task<CliRun> UsageAsync(params string[] args)
    {
        var run = await Tool.RunAsync(args);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("usage: ", run.Error);
        // Nothing is printed before a usage error: not the report, not a "Wrote" line.
        Assert.Equal("", run.Output);
        return run;
    }

    [Fact]
    public async Task An_html_target_that_is_a_folder_is_a_usage_error()
    {
        var folder = Tool.TempDirectory();
        var run = await UsageAsync("report", "--html", folder);
        Assert.Contains($"--html \"{folder}\" is a folder: give a file.", run.Error);
    }

    [Fact]
    public async Task An_html_target_in_a_missing_folder_is_a_usage_error()
    {
        var missing = Path.Combine(Tool.TempDirectory(), "missing");
        var run = await UsageAsync("report", "--html", Path.Combine(missing, "report.html"));
        Assert.Contains($"its folder {missing} does not exist", run.Error);
    }

    [Fact]
    public async Task A_csv_target_that_is_a_file_is_a_usage_error_before_the_report_prints()
    {
        var run = await UsageAsync("report", "--csv", Deals);
        Assert.Contains($"--csv \"{Deals}\" is a file: give a folder", run.Error);
    }

    [Fact]
    public async Task An_output_the_write_cannot_make_exits_1_with_a_clear_message()
    {
        // A folder where the CSV file of a table must go: the parse cannot see it; the write is refused (even as root).
        var directory = Tool.TempDirectory();
        Directory.CreateDirectory(Path.Combine(directory, "pipeline_by_stage.csv"));
        var run = await Tool.RunAsync("forecast", "--csv", directory);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("error: Cannot write the output: ", run.Error);
        Assert.Contains("pipeline_by_stage.csv", run.Error);
    }

    [Theory]
    [InlineData("--deals")]
    [InlineData("--history")]
    [InlineData("--quotas")]
    [InlineData("--pipeline")]
    [InlineData("--store")]
    public async Task A_folder_given_as_an_input_file_is_a_usage_error(string option)
    {
        var folder = Tool.TempDirectory();
        string[] args = option == "--history" ? ["report", "--deals", Deals, option, folder] : ["report", option, folder];
        var run = await UsageAsync(args);
        Assert.Contains($"{option} \"{folder}\" is a folder: give a file.", run.Error);
    }

    [Fact]
    public async Task Import_into_a_store_in_a_missing_folder_or_a_folder_is_a_usage_error()
    {
        var folder = Tool.TempDirectory();
        await UsageAsync("import", "--deals", Deals, "--store", folder);
        var run = await UsageAsync("import", "--deals", Deals, "--store", Path.Combine(folder, "missing", "deals.db"));
        Assert.Contains("does not exist", run.Error);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("import")]
    public async Task A_connection_string_that_does_not_parse_is_a_usage_error(string command)
    {
        string[] args =
            command == "import" ? [command, "--deals", Deals, "--postgres", "garbage=;;"] : [command, "--postgres", "garbage=;;"];
        var run = await UsageAsync(args);
        Assert.Contains("--postgres: the value is not a PostgreSQL connection string", run.Error);
        // The value is not echoed: a connection string may hold a password.
        Assert.DoesNotContain("garbage", run.Error);
    }

    [Theory]
    // decimal.MaxValue: above 10^18, the largest amount Money holds in any currency (JPY, no decimals).
    [InlineData("79228162514264337593543950335", "is above 1,000,000,000,000,000,000, the largest amount of any currency")]
    [InlineData("0", "is not an amount above zero")]
    [InlineData("1e6", "is not an amount above zero")]
    public async Task A_target_out_of_range_is_a_usage_error(string target, string rule)
    {
        var run = await UsageAsync("forecast", "--target", target);
        Assert.Contains($"--target \"{target}\" {rule}", run.Error);
    }

    [Fact]
    public async Task A_target_beyond_the_report_currencys_range_is_a_usage_error()
    {
        // USD holds at most 10^18 cents = 10^16 dollars; 2 x 10^16 is within JPY's range, so only the currency tells.
        var given = await UsageAsync("forecast", "--deals", Deals, "--currency", "USD", "--target", "20000000000000000");
        Assert.Contains("is above 10,000,000,000,000,000, the largest amount of USD", given.Error);
        // The sample's currency (USD) is known only once it is loaded: the same message and exit code, nothing printed.
        var sample = await UsageAsync("forecast", "--target", "20000000000000000");
        Assert.Contains("is above 10,000,000,000,000,000, the largest amount of USD", sample.Error);
    }
}
