using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests;

namespace SalesPipeline.DependencyInjection.Tests;

/// <summary>For any set of pipelines and any one of them named default, the container gives back exactly what was added.</summary>
public sealed class PipelineCatalogPropertyTests
{
    private static PipelineDefinition Named(string name) =>
        PipelineDefinition.CreateBuilder(name).Stage("Open", 0.5m, ForecastCategory.Pipeline).Won("Won").Lost("Lost").Build();

    // 1 to 6 distinct names (ordinal: "a" and "A" are two pipelines) and the index of the default among them.
    private static readonly Arbitrary<(string[] Names, int Default)> Setups = Gen.Choose(1, 6)
        .SelectMany(count =>
            Gen.Elements("Enterprise", "enterprise", "SMB", "Renewals", "Partner", "EMEA", "Ä", "a b")
                .ArrayOf(count)
                .Where(names => names.Distinct(StringComparer.Ordinal).Count() == names.Length)
                .SelectMany(names => Gen.Choose(0, names.Length - 1).Select(index => (names, index)))
        )
        .ToArbitrary();

    [Fact]
    public void Every_added_pipeline_resolves_by_its_name_and_the_named_default_is_injected() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Setups,
                setup =>
                {
                    var pipelines = setup.Names.Select(Named).ToArray();
                    using var provider = Fixtures.Build(o =>
                    {
                        foreach (var pipeline in pipelines)
                        {
                            o.AddPipeline(pipeline);
                        }
                        // Naming the default is optional with one pipeline; name it either way half the time.
                        if (pipelines.Length > 1 || setup.Names[0].Length % 2 == 0)
                        {
                            o.DefaultPipeline = setup.Names[setup.Default];
                        }
                    });
                    var catalog = provider.GetRequiredService<PipelineCatalog>();
                    return pipelines.All(p => ReferenceEquals(catalog.Get(p.Name), p))
                        && catalog.Pipelines.SequenceEqual(pipelines)
                        && ReferenceEquals(provider.GetRequiredService<PipelineDefinition>(), pipelines[setup.Default])
                        && ReferenceEquals(catalog.Default, pipelines[setup.Default]);
                }
            )
        );
}
