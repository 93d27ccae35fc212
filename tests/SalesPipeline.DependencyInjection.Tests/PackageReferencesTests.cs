using System.Reflection;

namespace SalesPipeline.DependencyInjection.Tests;

/// <summary>The package depends only on the DI abstractions and the packages it wires (issue 12, section 3).</summary>
public sealed class PackageReferencesTests
{
    [Fact]
    public void The_assembly_references_only_the_abstractions_nodatime_core_and_storage()
    {
        var references = typeof(PipelineCatalog)
            .Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name != "netstandard" && !name.StartsWith("System", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        // Not Microsoft.Extensions.DependencyInjection (the container), and no storage backend.
        Assert.Equal(
            ["Microsoft.Extensions.DependencyInjection.Abstractions", "NodaTime", "SalesPipeline.Core", "SalesPipeline.Storage"],
            references
        );
    }

    [Fact]
    public void The_package_asks_for_the_abstractions_8_0_so_a_net8_application_is_not_made_to_upgrade()
    {
        var abstractions = typeof(PipelineCatalog)
            .Assembly.GetReferencedAssemblies()
            .Single(a => a.Name == "Microsoft.Extensions.DependencyInjection.Abstractions");

        Assert.Equal(new Version(8, 0, 0, 0), abstractions.Version);
    }
}
