using System.IO;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SalesPipeline.Tests.Docs;

// The package page on NuGet shows the packed readme out of the repository: relative links there lead nowhere, and its
// example must be code CI runs. The readme is found through the project file, so the test follows what is packed.
public class PackageReadmeTests
{
    private const string Project = "src/SalesPipeline.Core/SalesPipeline.Core.csproj";
    private static readonly string Root = DocumentationTests.FindRoot();

    [Fact]
    public void PackedReadme_IsTheOneTheProjectNames()
    {
        var (name, path) = PackedReadme();

        Assert.Equal("PACKAGE.md", name);
        Assert.True(File.Exists(path), $"{Project} packs {path}, which does not exist");
    }

    [Fact]
    // nuget.org cannot follow a relative link; the readme may have no link at all (it names the docs instead).
    public void PackedReadme_HasOnlyAbsoluteLinks()
    {
        var markdown = File.ReadAllText(PackedReadme().Path);
        var links = Links(markdown).ToList();

        Assert.All(
            links,
            link =>
                Assert.True(link.StartsWith("https://", StringComparison.Ordinal), $"PACKAGE.md links to \"{link}\", which is not absolute")
        );
    }

    [Fact]
    public void PackedReadme_ExampleAppearsWholeInReadmeScript()
    {
        var block = Regex
            .Matches(File.ReadAllText(PackedReadme().Path), "```csharp\n(.*?)```", RegexOptions.Singleline)
            .Single()
            .Groups[1]
            .Value;
        var script = File.ReadAllText(Path.Combine(Root, "docs/examples/readme.cs"));

        // Whole and in order (only the line breaks and indentation may differ), so the packed example is the code CI runs.
        Assert.Contains(Squeeze(block), Squeeze(script), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("See [the docs](docs/index.md).", "docs/index.md")]
    [InlineData("![logo](https://example.org/logo.png)", "https://example.org/logo.png")]
    [InlineData("[docs]: ../docs/index.md", "../docs/index.md")]
    [InlineData("<a href=\"docs/x.md\">x</a>", "docs/x.md")]
    [InlineData("<img src='img/a.png'>", "img/a.png")]
    public void Links_FindsEveryKindOfLink(string markdown, string expected) => Assert.Equal([expected], Links(markdown));

    // Inline links and images, reference definitions, and HTML href/src attributes.
    private static IEnumerable<string> Links(string markdown) =>
        Regex
            .Matches(
                markdown,
                @"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$|(?:href|src)\s*=\s*[""']([^""']+)",
                RegexOptions.Multiline
            )
            .Select(m => m.Groups.Values.Skip(1).First(g => g.Success).Value);

    private static (string Name, string Path) PackedReadme()
    {
        var project = XDocument.Load(Path.Combine(Root, Project));
        var name = project.Descendants("PackageReadmeFile").Single().Value;
        var packed = project
            .Descendants("None")
            .Where(item => (string?)item.Attribute("Pack") == "true")
            .Select(item => (string)item.Attribute("Include")!)
            .Single(include => Path.GetFileName(include) == name);
        return (name, Path.GetFullPath(Path.Combine(Root, Path.GetDirectoryName(Project)!, packed)));
    }

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");
}
