using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Reporting;

namespace SalesPipeline.Csv.Tests.Docs;

// docs/export.md is the contract of the column names (the CSV and Parquet writers both write them): every table the
// library projects is listed there with exactly its columns, in order, with their types and meanings.
public sealed partial class ExportDocsTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void ExportPage_ListsEveryTable_WithExactlyItsColumns()
    {
        var page = File.ReadAllText(Path.Combine(Root, "docs/export.md"));
        var documented = Sections(page);
        var missing = new StringBuilder();
        foreach (var table in SampleReports.All())
        {
            var expected = Markdown(table);
            if (!documented.TryGetValue(table.Name, out var rows) || rows != expected)
            {
                missing.Append("### `").Append(table.Name).Append("`\n\n").Append(expected).Append('\n');
            }
        }
        Assert.True(missing.Length == 0, "docs/export.md differs from the tables; the sections should read:\n\n" + missing);
    }

    [Fact]
    public void CsvPage_LinksTheExportPage() =>
        Assert.Contains("(export.md)", File.ReadAllText(Path.Combine(Root, "docs/csv.md")), StringComparison.Ordinal);

    // The column rows of a table as the page writes them.
    internal static string Markdown(ReportTable table)
    {
        var text = new StringBuilder("| column | type | meaning |\n|---|---|---|\n");
        foreach (var column in table.Columns)
        {
            text.Append("| `")
                .Append(column.Name)
                .Append("` | ")
                .Append(column.Type)
                .Append(" | ")
                .Append(column.Description.Replace("|", "\\|", StringComparison.Ordinal))
                .Append(" |\n");
        }
        return text.ToString();
    }

    private static Dictionary<string, string> Sections(string page)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Heading().Matches(page))
        {
            var body = page[(match.Index + match.Length)..];
            var start = body.IndexOf("| column | type | meaning |", StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }
            var lines = body[start..].Split('\n').TakeWhile(l => l.StartsWith('|'));
            sections[match.Groups[1].Value] = string.Concat(lines.Select(l => l.TrimEnd('\r') + "\n"));
        }
        return sections;
    }

    [GeneratedRegex(@"^### `([a-z0-9_]+)`", RegexOptions.Multiline)]
    private static partial Regex Heading();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SalesPipeline.Core.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (with SalesPipeline.Core.sln) was not found.");
    }
}
