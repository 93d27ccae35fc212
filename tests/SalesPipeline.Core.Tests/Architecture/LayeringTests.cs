using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NetArchTest.Rules;
using SalesPipeline.Tests.Docs;

namespace SalesPipeline.Tests.Architecture;

// docs/architecture.md draws the namespace layers of SalesPipeline.Core; these tests hold the assembly to the drawing.
public class LayeringTests
{
    private const string RootNamespace = "SalesPipeline";
    private static readonly Assembly Core = typeof(Money).Assembly;
    private static readonly MermaidLayers Layers = MermaidLayers.Parse(
        File.ReadAllText(Path.Combine(DocumentationTests.FindRoot(), "docs/architecture.md"))
    );

    // Our namespaces: the root and those below it. The compiler adds a few attribute types of its own (nullable
    // annotations and the like) in System.* or Microsoft.* namespaces; NamespacesOutsideTheRoot_AreCompilerGenerated
    // checks that nothing else lives outside the root.
    private static readonly IReadOnlyDictionary<string, string[]> TypesByNamespace = Core.GetTypes()
        .Where(type => !type.IsNested && IsOurs(type.Namespace))
        .GroupBy(type => type.Namespace!)
        .ToDictionary(group => group.Key, group => group.Select(type => type.FullName!).Order(StringComparer.Ordinal).ToArray());

    [Fact]
    public void Diagram_IsAcyclic()
    {
        var cycle = Layers.FindCycle();

        Assert.True(cycle is null, $"docs/architecture.md has a cycle: {string.Join(" --> ", cycle ?? [])}");
    }

    [Fact]
    public void EveryNamespace_IsInTheDiagram_AndTheDiagramNamesNoOther()
    {
        var drawn = Layers.Namespaces.Values.ToHashSet();
        var undrawn = TypesByNamespace.Keys.Where(ns => !drawn.Contains(ns)).Order(StringComparer.Ordinal);
        var absent = drawn.Where(ns => !TypesByNamespace.ContainsKey(ns)).Order(StringComparer.Ordinal);

        Assert.True(!undrawn.Any(), $"namespaces missing from docs/architecture.md: {string.Join(", ", undrawn)}");
        Assert.True(!absent.Any(), $"docs/architecture.md draws namespaces the assembly does not have: {string.Join(", ", absent)}");
    }

    [Fact]
    public void EveryDependency_IsAllowedByTheDiagram()
    {
        var types = Types.InAssembly(Core);
        var violations = new List<string>();
        var found = 0;
        foreach (var (to, targets) in TypesByNamespace)
        {
            // HaveDependencyOn matches names by prefix, and the root namespace is a prefix of every other: so the used
            // namespace is given as the full names of its own types, and the users are grouped by their exact namespace
            // (nested and compiler-generated types, such as lambdas' closures, included).
            var usersByNamespace = types
                .That()
                .HaveDependencyOnAny(targets)
                .GetTypes()
                .Where(type => IsOurs(type.Namespace) && type.Namespace != to)
                .GroupBy(type => type.Namespace!);
            foreach (var users in usersByNamespace)
            {
                found++;
                if (!Layers.Allows(users.Key, to))
                {
                    var names = users.Select(type => type.FullName!).Order(StringComparer.Ordinal);
                    violations.Add($"{users.Key} uses {to}, which docs/architecture.md does not allow, in: {string.Join(", ", names)}");
                }
            }
        }

        // The layers are real: the model and the measurements use what is below them (a search that found nothing would pass).
        Assert.True(found >= Layers.Edges.Count, $"only {found} namespace dependencies found; the search is broken");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void DependencySearch_FindsAKnownUse()
    {
        // A use known from the source: Deal.Amount is a Money, so Deal depends on the root namespace.
        var users = Types
            .InAssembly(Core)
            .That()
            .ResideInNamespace("SalesPipeline.Deals")
            .And()
            .HaveDependencyOnAny(TypesByNamespace[RootNamespace])
            .GetTypes()
            .Select(type => type.FullName)
            .ToList();

        Assert.Contains(typeof(SalesPipeline.Deals.Deal).FullName, users);
    }

    [Fact]
    public void NamespacesOutsideTheRoot_AreCompilerGenerated()
    {
        var strays = Core.GetTypes()
            .Where(type => !type.IsNested && !IsOurs(type.Namespace))
            .Where(type => type.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            // Unspeakable names are the compiler's too (on net8.0 collection expressions emit <>y__InlineArrayN`1
            // without the attribute).
            .Where(type => !type.Name.StartsWith('<'))
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(strays);
    }

    [Fact]
    public void NoPublicType_IsNamedLikeANamespaceSegment()
    {
        var segments = TypesByNamespace.Keys.SelectMany(ns => ns.Split('.')).ToHashSet(StringComparer.Ordinal);

        var clashes = Core.GetExportedTypes().Where(type => segments.Contains(SimpleName(type))).Select(type => type.FullName).ToList();

        Assert.True(clashes.Count == 0, $"public types named like a namespace segment: {string.Join(", ", clashes)}");
    }

    [Fact]
    public void NoTwoPublicTypes_ShareASimpleName()
    {
        var offending = Core.GetExportedTypes()
            .GroupBy(SimpleName)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(type => type.FullName))}")
            .ToList();

        Assert.True(offending.Count == 0, $"public types sharing a name:\n{string.Join("\n", offending)}");
    }

    [Fact]
    public void Parse_ReadsNodesAndChainedArrows()
    {
        var layers = MermaidLayers.Parse(
            "text\n```mermaid\nflowchart TD\n    A[\"N.A\"]\n    B[\"N.B\"] --> C[\"N.C\"] & D[\"N.D\"]\n    %% a comment\n    A --> B\n```\n"
        );

        Assert.Equal(["N.A", "N.B", "N.C", "N.D"], layers.Namespaces.Values.Order(StringComparer.Ordinal));
        Assert.Equal([("N.A", "N.B"), ("N.B", "N.C"), ("N.B", "N.D")], layers.Edges.Order());
        Assert.True(layers.Allows("N.A", "N.D"));
        Assert.False(layers.Allows("N.D", "N.A"));
        Assert.False(layers.Allows("N.C", "N.D"));
        Assert.Null(layers.FindCycle());
    }

    [Fact]
    public void FindCycle_NamesTheCycle()
    {
        var layers = MermaidLayers.Parse(
            "```mermaid\nflowchart TD\n    A[\"N.A\"] --> B[\"N.B\"]\n    B --> C[\"N.C\"]\n    C --> A\n    D[\"N.D\"] --> A\n```"
        );

        Assert.Equal(["N.A", "N.B", "N.C", "N.A"], layers.FindCycle());
    }

    [Theory]
    [InlineData("flowchart TD\n    A --> B\n", "has no namespace label")]
    [InlineData("flowchart TD\n    A[\"N.A\"] -.-> B[\"N.B\"]\n", "Cannot read")]
    [InlineData("flowchart TD\n    subgraph L1\n", "Cannot read")]
    [InlineData("graph TD\n    A[\"N.A\"]\n", "flowchart header")]
    [InlineData("flowchart TD\n    A[\"N.A\"]\n    B[\"N.A\"]\n", "drawn by several nodes")]
    public void Parse_RejectsWhatItCannotRead(string diagram, string message)
    {
        var error = Assert.Throws<FormatException>(() => MermaidLayers.Parse($"```mermaid\n{diagram}```"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static bool IsOurs(string? ns) =>
        ns == RootNamespace || (ns?.StartsWith(RootNamespace + ".", StringComparison.Ordinal) ?? false);

    private static string SimpleName(Type type) => Regex.Replace(type.Name, "`[0-9]+$", "");
}
