using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SalesPipeline.Cli.Output;
using SalesPipeline.Cli.Tests.Support;

namespace SalesPipeline.Cli.Tests;

// What the console shows: text from the data made safe for a terminal, the notes' promises, the labels of the tables.
public partial class ConsoleOutputTests
{
    [Theory]
    // By hand: USD has 2 decimals (at least two shown, more when held); JPY none; XAU has no minor unit, so its amount
    // shows the digits it holds (reading MinorUnit of XAU throws, which used to crash the tool); an unknown code gets 2.
    [InlineData("1250.5", "USD", "1,250.50 USD")]
    [InlineData("1250.125", "USD", "1,250.125 USD")]
    [InlineData("1250", "JPY", "1,250 JPY")]
    [InlineData("5.10", "XAU", "5.1 XAU")]
    [InlineData("12", "XAU", "12 XAU")]
    [InlineData("5", "XYZ", "5.00 XYZ")]
    public void Money_cells_show_the_currency_s_decimals(string amount, string code, string shown)
    {
        var table = new SalesPipeline.Reporting.ReportTable(
            "t",
            [
                new SalesPipeline.Reporting.ReportColumn("amount", SalesPipeline.Reporting.ColumnType.ExactNumber, "an amount"),
                new SalesPipeline.Reporting.ReportColumn("amount_currency", SalesPipeline.Reporting.ColumnType.Text, "its currency"),
            ],
            [
                [decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), code],
            ]
        );
        Assert.Equal(shown, ConsoleTables.Format(table, 0, 0));
    }

    [Fact]
    public async Task Control_characters_in_the_data_reach_the_terminal_as_visible_stand_ins()
    {
        var path = Path.Combine(Tool.TempDirectory(), "deals.csv");
        // A deal's name holding ESC [ 2 J (clear the screen), a bell and a C1 control (U+009B, CSI); the deal is past its
        // expected close, so it is on the review shortlist, which shows names.
        await File.WriteAllTextAsync(
            path,
            "deal_id,name,owner,amount,currency,stage,status,created_at,expected_close,closed_at,loss_reason\n"
                + "D1,Evil\u001B[2J\u0007 \u009B2J corp,eve,1000,USD,proposal,open,2026-01-05T09:00:00Z,2026-03-01,,\n"
        );
        var run = await Tool.RunAsync("health", "--deals", path, "--as-of", "2026-03-15");
        Assert.True(run.ExitCode == 0, run.ToString());
        // U+241B SYMBOL FOR ESCAPE, U+2407 SYMBOL FOR BELL (the control pictures, U+2400 + the code); C1 as U+FFFD.
        Assert.Contains("Evil\u241B[2J\u2407 \uFFFD2J corp", run.Output);
        Assert.DoesNotContain(run.Output, c => c < ' ' && c != '\n' || c is >= '\u007F' and <= '\u009F');
    }

    [Fact]
    public async Task An_owner_with_a_control_character_is_bad_input()
    {
        var path = Path.Combine(Tool.TempDirectory(), "deals.csv");
        await File.WriteAllTextAsync(
            path,
            "deal_id,name,owner,amount,currency,stage,status,created_at,expected_close,closed_at,loss_reason\n"
                + "D1,Corp,eve\u001B[2J,1000,USD,proposal,open,2026-01-05T09:00:00Z,2026-03-01,,\n"
        );
        var run = await Tool.RunAsync("report", "--deals", path, "--as-of", "2026-03-15");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("error: The owners cannot be reported on: ", run.Error);
    }

    [Fact]
    public void Visible_replaces_a_lone_surrogate() => Assert.Equal("\uFFFDx\uFFFD", ConsoleTables.Visible("\uD800x\uDC00"));

    [Theory]
    // By hand from the rule (SalesPipeline.Html's Markup/Xml.cs): C0 -> U+2400 + code, DEL -> U+2421, C1 -> U+FFFD.
    [InlineData("\u0000", "\u2400")]
    [InlineData("a\tb\nc\rd", "a\u2409b\u240Ac\u240Dd")]
    [InlineData("\u001B[31m", "\u241B[31m")]
    [InlineData("\u001F\u007F", "\u241F\u2421")]
    [InlineData("\u0080\u009B\u009F", "\uFFFD\uFFFD\uFFFD")]
    [InlineData("Zoë 😀 \u00A0 ~", "Zoë 😀 \u00A0 ~")] // text with no control is unchanged
    public void Visible_replaces_every_control_by_its_stand_in(string text, string shown) =>
        Assert.Equal(shown, ConsoleTables.Visible(text));

    [Fact]
    public void Visible_leaves_no_control_and_changes_nothing_else()
    {
        for (var code = 0; code <= 0xFFFF; code++)
        {
            var c = (char)code;
            if (char.IsSurrogate(c))
            {
                continue;
            }
            var shown = ConsoleTables.Visible(c.ToString());
            var isControl = c < ' ' || c is >= '\u007F' and <= '\u009F';
            Assert.True(isControl ? shown != c.ToString() && !char.IsControl(shown[0]) : shown == c.ToString(), $"U+{code:X4}");
        }
    }

    [Fact]
    public async Task An_empty_file_is_reported_once()
    {
        var path = Path.Combine(Tool.TempDirectory(), "deals.csv");
        await File.WriteAllTextAsync(path, "");
        var run = await Tool.RunAsync("report", "--deals", path);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(Regex.Matches(run.Error, "The deals file is empty"));
    }

    [GeneratedRegex(@"│ kind +│ subject +│ deal id +│ owner +│")]
    private static partial Regex FindingsHeader();

    [GeneratedRegex(@"│ [a-z_]+ +│ deal +│ D-\d+ +│")]
    private static partial Regex FindingOfADeal();

    [Fact]
    public async Task The_findings_name_their_deal()
    {
        var run = await Tool.RunAsync("health");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(FindingsHeader(), run.Output);
        Assert.Matches(FindingOfADeal(), run.Output);
    }

    [GeneratedRegex(@"│ total +│ +[0-9,]+\.[0-9]{2} USD │")]
    private static partial Regex AgingTotal();

    [Fact]
    public async Task The_aging_total_row_is_labelled()
    {
        var run = await Tool.RunAsync("collections");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(AgingTotal(), run.Output);
    }

    [Fact]
    public async Task The_notes_send_left_out_rows_only_where_they_are()
    {
        // The page shows the rows the console shows (at most 40 a table): what the console leaves out is in --json and
        // --csv only.
        var run = await Tool.RunAsync("report");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("--csv and --html", run.Output);
        Assert.Contains("(all in --json and --csv).", run.Output);
        Assert.Contains("Aging by customer, rep and team is in --json and --csv.", run.Output);
    }
}
