using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SalesPipeline.Cli.Tests.Support;

namespace SalesPipeline.Cli.Tests;

// docs/cli.md's example is the tool's output, character for character (trailing spaces aside), as SampleDocsTests holds
// docs/samples.md to the sample.
public partial class DocsTests
{
    private const string Heading = "## Example: `sales-pipeline forecast` on the sample";

    [GeneratedRegex(@"[ \t]+$", RegexOptions.Multiline)]
    private static partial Regex TrailingSpace();

    private static string Normalise(string text) =>
        TrailingSpace().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "").Trim('\n');

    [Fact]
    public async Task The_forecast_example_of_docs_cli_md_is_the_tools_output()
    {
        var page = (await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "cli.md"))).Replace(
            "\r\n",
            "\n",
            StringComparison.Ordinal
        );
        var start = page.IndexOf(Heading, StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/cli.md has no section " + Heading);
        var open = page.IndexOf("```\n", start, StringComparison.Ordinal) + 4;
        var close = page.IndexOf("\n```", open, StringComparison.Ordinal);
        var documented = page[open..close];

        var run = await Tool.RunAsync("forecast");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Normalise(run.Output), Normalise(documented));

        // The sentence under the example: the pipeline's weighted total is the forecast's months plus its overdue and
        // outside-the-periods lines; each figure is the output's.
        var sentence = page[(close + 4)..].TrimStart('\n');
        var end = sentence.IndexOf("\n\n", StringComparison.Ordinal);
        var figures = Regex.Matches(end < 0 ? sentence : sentence[..end], @"[0-9][0-9,]*\.[0-9]{2}").Select(m => m.Value).ToList();
        Assert.Equal(4, figures.Count);
        Assert.All(figures, f => Assert.Contains(f + " USD", run.Output));
        var values = figures
            .Select(f => decimal.Parse(f, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(values[0], values[1] + values[2] + values[3]);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SalesPipeline.Core.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (with SalesPipeline.Core.sln) was not found.");
    }
}
