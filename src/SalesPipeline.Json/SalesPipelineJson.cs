using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace SalesPipeline.Json;

/// <summary>
/// The one place that makes System.Text.Json read and write SalesPipeline's values, events, entries, documents and
/// results: <see cref="ConfigureForSalesPipeline"/> for options of your own, <see cref="Options"/> ready to use.
/// </summary>
/// <remarks>
/// <para>The wire format is a contract (docs/json.md): field names and type names are fixed by this package, whatever
/// naming policy the options carry, so a stored event reads the same in every application.</para>
/// <para>Thread-safe: <see cref="Options"/> is read-only and may be shared.</para>
/// </remarks>
public static class SalesPipelineJson
{
    /// <summary>
    /// Ready options: every SalesPipeline converter, NodaTime's ISO converters (TZDB zones), and the package's
    /// source-generated contracts in front of reflection, so its own types need no reflection (trimming, native AOT);
    /// read-only.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Adds every SalesPipeline converter and then NodaTime's ISO converters (with the TZDB zone provider) to
    /// <paramref name="options"/>, and returns it. SalesPipeline's come first, so <c>DateInterval</c> is written as
    /// <c>{"start":"2026-01-01","end":"2026-03-31"}</c> whatever the naming policy (docs/json.md).
    /// </summary>
    /// <param name="options">Options that are not yet read-only (not yet used for serializing).</param>
    /// <returns>The same <paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/> is read-only (already used, or made read-only).</exception>
    public static JsonSerializerOptions ConfigureForSalesPipeline(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsReadOnly)
        {
            throw new InvalidOperationException(
                "These JsonSerializerOptions are read-only (they were already used or made read-only); configure new options, or copy them with new JsonSerializerOptions(options)."
            );
        }
        // Ours first: the first converter that can convert a type wins, and DateInterval has one in each list.
        foreach (var converter in Converters.All())
        {
            options.Converters.Add(converter);
        }
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    // The package's source-generated contracts first, so that its own types never need reflection; reflection after them
    // only where the application allows it (as JsonSerializerOptions.Default does), for the application's own types.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Guarded by JsonSerializer.IsReflectionEnabledByDefault.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Guarded by JsonSerializer.IsReflectionEnabledByDefault.")]
    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions().ConfigureForSalesPipeline();
        options.TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault
            ? JsonTypeInfoResolver.Combine(SalesPipelineJsonContext.Default, new DefaultJsonTypeInfoResolver())
            : SalesPipelineJsonContext.Default;
        options.MakeReadOnly();
        return options;
    }
}
