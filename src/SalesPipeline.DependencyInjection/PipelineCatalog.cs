using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.DependencyInjection;

/// <summary>
/// The pipeline definitions an application registered with <c>AddSalesPipeline</c>, by name, and the default one (the
/// definition injected as <see cref="PipelineDefinition"/>).
/// </summary>
/// <remarks>
/// <para>Names compare ordinally (case matters), as the event stores compare them: a deal is checked against the
/// pipeline whose <see cref="PipelineDefinition.Name"/> it carries.</para>
/// <para>Which pipeline is the default: the one named by <see cref="SalesPipelineOptions.DefaultPipeline"/>; when that is
/// not set, the only pipeline added; when none was added, <see cref="PipelineDefinition.Default"/> (which is then the
/// catalog's only pipeline). Several pipelines without a named default are refused when they are registered, so the
/// default never depends on the order of the calls.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
/// <example><code>
/// services.AddSalesPipeline(o => o.AddPipeline(enterprise).AddPipeline(smb).DefaultPipeline = "Enterprise");
/// var catalog = provider.GetRequiredService&lt;PipelineCatalog&gt;();
/// PipelineDefinition smbPipeline = catalog.Get("SMB");
/// </code></example>
public sealed class PipelineCatalog
{
    private readonly Dictionary<string, PipelineDefinition> byName;

    internal PipelineCatalog(IReadOnlyList<PipelineDefinition> pipelines, PipelineDefinition defaultPipeline)
    {
        // A copy behind a read-only wrapper: the array given (or a cast of this property) cannot change the catalog.
        Pipelines = Array.AsReadOnly(pipelines.ToArray());
        Default = defaultPipeline;
        byName = pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>Every registered pipeline, in the order they were added; at least one.</summary>
    public IReadOnlyList<PipelineDefinition> Pipelines { get; }

    /// <summary>The default pipeline: the one injected as <see cref="PipelineDefinition"/>.</summary>
    public PipelineDefinition Default { get; }

    /// <summary>The pipeline named <paramref name="name"/>.</summary>
    /// <param name="name">The pipeline's name (ordinal).</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No registered pipeline has that name (the message lists the names there are).</exception>
    public PipelineDefinition Get(string name)
    {
        Preconditions.CheckNotNull(name);
        return byName.TryGetValue(name, out var pipeline)
            ? pipeline
            : throw new KeyNotFoundException(
                $"No pipeline named \"{name}\" is registered; the registered pipelines are {NameList(Pipelines)} (names are case-sensitive)."
            );
    }

    /// <summary>The pipeline named <paramref name="name"/>, if one is registered.</summary>
    /// <param name="name">The pipeline's name (ordinal); null finds nothing.</param>
    /// <param name="pipeline">The pipeline, or null.</param>
    /// <returns>True when found.</returns>
    public bool TryGet(string? name, [NotNullWhen(true)] out PipelineDefinition? pipeline)
    {
        if (name is null)
        {
            pipeline = null;
            return false;
        }
        return byName.TryGetValue(name, out pipeline);
    }

    /// <summary>"PipelineCatalog: Enterprise (default), SMB".</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        "PipelineCatalog: " + string.Join(", ", Pipelines.Select(p => ReferenceEquals(p, Default) ? $"{p.Name} (default)" : p.Name));

    // The pipelines the event store is opened with: the catalog's, plus the PipelineDefinition the container injects when
    // the application registered one of its own, so the deals of the injected pipeline can be saved. A pipeline of the
    // same name but another definition would make the store check a deal against the wrong one: refused.
    internal IReadOnlyList<PipelineDefinition> WithInjected(PipelineDefinition injected)
    {
        if (TryGet(injected.Name, out var registered))
        {
            return ReferenceEquals(registered, injected) || registered.Equals(injected)
                ? Pipelines
                : throw new InvalidOperationException(
                    $"The PipelineDefinition registered in the container is named \"{injected.Name}\", as a different pipeline of the catalog "
                        + $"({this}); a deal is checked against the pipeline of its name, so the two must be the same definition."
                );
        }
        return Array.AsReadOnly([.. Pipelines, injected]);
    }

    internal static string NameList(IEnumerable<PipelineDefinition> pipelines) => string.Join(", ", pipelines.Select(p => $"\"{p.Name}\""));
}
