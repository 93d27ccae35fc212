using System;
using Microsoft.DotNet.Interactive.Formatting;

namespace SalesPipeline.Interactive;

/// <summary>
/// The .NET Interactive formatters of SalesPipeline: money, dates and ids as plain text, every report as a compact HTML
/// table, deals and leads as tables, funnels, forecasts, distributions, velocity, aging and cash forecasts as inline SVG
/// charts, a pipeline definition as its diagram, and every other result as its own text with its line breaks kept.
/// </summary>
/// <remarks>
/// <para>In a notebook there is nothing to call: <c>#r "nuget: SalesPipeline.Interactive, 0.1.0"</c> loads the package and
/// the kernel runs its extension script, which calls <see cref="Register()"/>. Another host of
/// Microsoft.DotNet.Interactive.Formatting (a test, a tool that renders results) calls it itself; the package references
/// that library privately, so such a host references it too.</para>
/// <para>Each value is rendered as text/html and text/plain. The HTML needs no script, no style sheet and no network: tables
/// and charts come from SalesPipeline.Html. A table shows at most <see cref="DefaultMaxRows"/> rows (or the number given to
/// <see cref="Register(int)"/>) and says how many it left out; <c>report.ToTable()</c> has them all.</para>
/// <para>Registering changes the formatting library's process-wide table of formatters: call it once, before formatting,
/// not while another thread formats. Calling it again replaces the same formatters.</para>
/// </remarks>
/// <example><code>
/// SalesPipelineFormatters.Register();
/// Money.Of(1234.5m, Currency.USD).ToDisplayString("text/html");   // USD 1,234.50
/// new LocalDate(2026, 3, 31).ToDisplayString("text/html");        // 2026-03-31, not a tree of calendar and era
/// Funnel.Of(deals, pipeline).ToDisplayString("text/html");        // an SVG funnel and the funnel table
/// </code></example>
public static class SalesPipelineFormatters
{
    /// <summary>The most rows a table shows by default: 20 (pandas shows 10 of a long frame); <c>report.ToTable()</c> has them all.</summary>
    public const int DefaultMaxRows = 20;

    /// <summary>Registers the formatters, tables showing at most <see cref="DefaultMaxRows"/> rows.</summary>
    public static void Register() => Register(DefaultMaxRows);

    /// <summary>Registers the formatters.</summary>
    /// <param name="maxRows">The most rows a table shows, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRows"/> is less than 1.</exception>
    public static void Register(int maxRows)
    {
        if (maxRows < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxRows),
                maxRows,
                $"A table must show at least 1 row; maxRows was {maxRows.ToString(System.Globalization.CultureInfo.InvariantCulture)}."
            );
        }
        var on = new Registrar(maxRows);
        Scalars.Register(on);
        Reports.Register(on);
        TextFallback.Register(on.Covered);
        foreach (var type in on.Covered)
        {
            // Both forms go out with every result: the HTML for the reader, the text for diffs and consoles.
            Formatter.SetPreferredMimeTypesFor(type, HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
        }
    }
}
