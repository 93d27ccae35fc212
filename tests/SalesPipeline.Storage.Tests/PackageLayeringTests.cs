using System.Reflection;
using System.Text.RegularExpressions;
using SalesPipeline.Csv;
using SalesPipeline.DependencyInjection;
using SalesPipeline.Html;
using SalesPipeline.Interactive;
using SalesPipeline.Json;
using SalesPipeline.Parquet;
using SalesPipeline.Samples;
using SalesPipeline.Storage.PostgreSql;
using SalesPipeline.Storage.Sqlite;

namespace SalesPipeline.Storage.Tests;

// docs/architecture.md lists the packages in layers; each package may reference only packages of lower layers. This
// project sees every package of the family, so it holds the assemblies to that table.
public partial class PackageLayeringTests
{
    private static readonly Assembly[] Packages =
    [
        typeof(Money).Assembly,
        typeof(SalesPipelineJson).Assembly,
        typeof(DealCsv).Assembly,
        typeof(DealParquet).Assembly,
        typeof(IEventStore).Assembly,
        typeof(SqliteEventStore).Assembly,
        typeof(PostgreSqlEventStore).Assembly,
        typeof(SalesPipelineOptions).Assembly,
        typeof(HtmlReport).Assembly,
        typeof(SampleData).Assembly,
        typeof(SalesPipelineFormatters).Assembly,
    ];

    [GeneratedRegex(@"^\| (\d+) \| (.+?) \|", RegexOptions.Multiline)]
    private static partial Regex LayerRow();

    [GeneratedRegex("`(SalesPipeline[A-Za-z.]*)`")]
    private static partial Regex PackageName();

    private static Dictionary<string, int> LayersFromDocs()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SalesPipeline.Core.sln")))
        {
            dir = dir.Parent;
        }
        var page = File.ReadAllText(Path.Combine(dir!.FullName, "docs", "architecture.md"));
        var start = page.IndexOf("## Packages", StringComparison.Ordinal);
        var text = page[start..page.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
        var layers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match row in LayerRow().Matches(text))
        {
            foreach (Match name in PackageName().Matches(row.Groups[2].Value))
            {
                layers.Add(name.Groups[1].Value, int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return layers;
    }

    [Fact]
    public void Every_package_is_in_the_table_and_references_only_lower_layers()
    {
        var layers = LayersFromDocs();
        var problems = new List<string>();
        foreach (var package in Packages)
        {
            var name = package.GetName().Name!;
            if (!layers.TryGetValue(name, out var layer))
            {
                problems.Add($"{name} is not in the package table of docs/architecture.md.");
                continue;
            }
            foreach (
                var reference in package
                    .GetReferencedAssemblies()
                    .Select(r => r.Name!)
                    .Where(r => r.StartsWith("SalesPipeline", StringComparison.Ordinal))
            )
            {
                if (!layers.TryGetValue(reference, out var referenced) || referenced >= layer)
                {
                    problems.Add(
                        $"{name} (layer {layer}) references {reference} (layer {(layers.TryGetValue(reference, out var l) ? l : "none")})."
                    );
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(Packages.Length, layers.Count);
    }
}
