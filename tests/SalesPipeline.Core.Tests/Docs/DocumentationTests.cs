using System.IO;
using System.Text.RegularExpressions;

namespace SalesPipeline.Tests.Docs;

// The concept pages show code that CI runs from docs/examples; these tests keep the two from drifting apart.
public class DocumentationTests
{
    private static readonly string Root = FindRoot();

    [Theory]
    [InlineData("docs/money.md", "docs/examples/money.cs")]
    [InlineData("docs/pipelines-and-deals.md", "docs/examples/pipelines.cs,docs/examples/import.cs")]
    [InlineData("docs/targets.md", "docs/examples/targets.cs")]
    [InlineData("docs/metrics.md", "docs/examples/metrics*.cs,docs/examples/import.cs")]
    [InlineData("docs/health.md", "docs/examples/health.cs")]
    [InlineData("docs/collections.md", "docs/examples/collections.cs")]
    [InlineData("docs/receivables.md", "docs/examples/receivables.cs")]
    [InlineData("docs/quotes.md", "docs/examples/quotes.cs")]
    [InlineData("docs/pools.md", "docs/examples/pools.cs")]
    [InlineData("docs/csv.md", "docs/examples/csv*.cs")]
    public void EveryCodeBlock_AppearsInItsExample(string page, string example)
    {
        var blocks = CodeBlocks(File.ReadAllText(Path.Combine(Root, page))).ToList();
        // A page may be shown by several scripts (metrics.md by metrics*.cs and import.cs, comma-separated): its blocks
        // must be in one of them.
        var scripts = example
            .Split(',')
            .SelectMany(pattern => Directory.GetFiles(Path.Combine(Root, Path.GetDirectoryName(pattern)!), Path.GetFileName(pattern)))
            .ToArray();
        Assert.NotEmpty(scripts);
        var code = string.Join("\n", scripts.Order(StringComparer.Ordinal).Select(file => Squeeze(File.ReadAllText(file))));

        Assert.NotEmpty(blocks);
        Assert.All(
            blocks,
            block =>
                Assert.True(code.Contains(Squeeze(block), StringComparison.Ordinal), $"{page} has a block that {example} lacks:\n{block}")
        );
    }

    [Fact]
    public void ReadmeExample_AppearsInReadmeScript()
    {
        var block = CodeBlocks(File.ReadAllText(Path.Combine(Root, "README.md"))).Single();
        var script = Squeeze(File.ReadAllText(Path.Combine(Root, "docs/examples/readme.cs")));

        // The README's block may drop comments to stay short; its statements must all be in the script.
        var statements = block.Split('\n').Select(StripComment).Where(line => line.Length > 0);
        Assert.All(statements, line => Assert.Contains(Squeeze(line), script, StringComparison.Ordinal));
    }

    private static IEnumerable<string> CodeBlocks(string markdown) =>
        Regex.Matches(markdown, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value);

    private static string StripComment(string line)
    {
        var index = line.IndexOf("//", StringComparison.Ordinal);
        return (index >= 0 ? line[..index] : line).Trim();
    }

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");

    internal static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SalesPipeline.Core.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find the repository root (SalesPipeline.Core.sln) above " + AppContext.BaseDirectory);
    }
}
