using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using SalesPipeline.Html.Markup;
using SalesPipeline.Html.Report;
using SalesPipeline.Reporting;

namespace SalesPipeline.Html;

/// <summary>
/// A one-page HTML report: a title, a table of contents and sections, each with an optional chart and any number of
/// tables; written as one self-contained file.
/// </summary>
/// <remarks>
/// <para>The page needs nothing else: its style sheet is inline, it has no script, no web font, no image file and no
/// link to anything outside itself (the only URL in it is the SVG namespace name), so it opens offline and from a mail
/// attachment. It prints well: the contents on a page of their own, sections and table rows kept whole, table headings
/// repeated on each page.</para>
/// <para>The markup is HTML5 and well-formed XML at once (XHTML syntax, every text escaped), so an XML parser reads the
/// page. Charts come from <see cref="SvgCharts"/>; tables are written by <see cref="HtmlTables.ToHtml(ReportTable)"/>.</para>
/// <para>Not thread-safe: a builder, to fill from one thread; <see cref="ToHtml"/> and <see cref="WriteTo"/> change
/// nothing and may be called any number of times.</para>
/// </remarks>
/// <example><code>
/// var report = new HtmlReport("Pipeline review, March 2026")
///     .AddSection("Funnel", SvgCharts.Funnel(funnel), funnel.ToTable())
///     .AddSection("Forecast", SvgCharts.Forecast(weighted, categories), weighted.ToTable(), categories.ToTable())
///     .AddSection("Health", null, health.ToTable());
/// File.WriteAllText("report.html", report.ToHtml());
/// </code></example>
public sealed class HtmlReport
{
    private readonly List<(string Title, string? Chart, ReportTable[] Tables)> sections = [];

    /// <summary>Starts a report.</summary>
    /// <param name="title">The page's title and heading; not blank.</param>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="title"/> is empty or only white space.</exception>
    public HtmlReport(string title)
    {
        CheckTitle(title, nameof(title));
        Title = title;
    }

    /// <summary>The report's title.</summary>
    public string Title { get; }

    /// <summary>How many sections have been added.</summary>
    public int SectionCount => sections.Count;

    /// <summary>Adds a section at the end: a heading (also an entry of the table of contents), a chart and tables.</summary>
    /// <param name="title">The section's heading; not blank.</param>
    /// <param name="chart">A chart from <see cref="SvgCharts"/> (one <c>&lt;svg&gt;</c> element), or null for none.</param>
    /// <param name="tables">The tables to show under the chart, in order (none is fine).</param>
    /// <returns>This report, to chain calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="title"/>, <paramref name="tables"/> or one of the tables is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="title"/> is blank; or <paramref name="chart"/> is not exactly what <see cref="SvgCharts"/> writes:
    /// one well-formed <c>&lt;svg&gt;</c> element in the SVG namespace holding only <c>title</c>, <c>desc</c>, <c>rect</c>,
    /// <c>line</c>, <c>polyline</c>, <c>polygon</c> and <c>text</c> elements, each with only the attributes SvgCharts gives
    /// it and values of their kind (numbers, <c>#rrggbb</c> colours, class names, <c>rotate(...)</c>: no URL, no
    /// <c>url(</c>, no <c>javascript:</c>), with no prefix, comment, CDATA, processing instruction or DTD. Names compare
    /// ASCII case-insensitively, as a browser's HTML parser reads them. The message names the element or attribute and
    /// the rule (docs/html.md, "The chart check"). Nothing is added then.
    /// </exception>
    public HtmlReport AddSection(string title, string? chart, params ReportTable[] tables)
    {
        CheckTitle(title, nameof(title));
        ArgumentNullException.ThrowIfNull(tables);
        for (var i = 0; i < tables.Length; i++)
        {
            if (tables[i] is null)
            {
                throw new ArgumentNullException(
                    nameof(tables),
                    string.Create(CultureInfo.InvariantCulture, $"Table {i} of the section \"{title}\" is null.")
                );
            }
        }
        if (chart is not null)
        {
            ChartCheck.Check(chart, nameof(chart));
        }
        sections.Add((title, chart, (ReportTable[])tables.Clone()));
        return this;
    }

    /// <summary>The whole page.</summary>
    /// <returns>The HTML text, starting with <c>&lt;!DOCTYPE html&gt;</c>.</returns>
    public string ToHtml()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteTo(writer);
        return writer.ToString();
    }

    /// <summary>Writes the whole page to a text writer (give it UTF-8: the page declares that encoding).</summary>
    /// <param name="writer">The writer; written, not flushed or closed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="IOException">The writer failed.</exception>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var sb = new StringBuilder(4096);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .Append("<meta name=\"generator\" content=\"SalesPipeline.Html\"/>\n<title>");
        Xml.AppendText(sb, Title);
        sb.Append("</title>\n<style>\n").Append(PageStyle.Css).Append("\n</style>\n</head>\n<body>\n<header><h1>");
        Xml.AppendText(sb, Title);
        sb.Append("</h1></header>\n");
        if (sections.Count > 0)
        {
            sb.Append("<nav aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2><ol>\n");
            for (var i = 0; i < sections.Count; i++)
            {
                sb.Append("<li><a href=\"#").Append(Id(i)).Append("\">");
                Xml.AppendText(sb, sections[i].Title);
                sb.Append("</a></li>\n");
            }
            sb.Append("</ol></nav>\n");
        }
        sb.Append("<main>\n");
        writer.Write(sb.ToString());
        for (var i = 0; i < sections.Count; i++)
        {
            var (title, chart, tables) = sections[i];
            sb.Clear();
            sb.Append("<section id=\"").Append(Id(i)).Append("\" aria-labelledby=\"").Append(Id(i)).Append("-title\">\n");
            sb.Append("<h2 id=\"").Append(Id(i)).Append("-title\">");
            Xml.AppendText(sb, title);
            sb.Append("</h2>\n");
            if (chart is not null)
            {
                sb.Append("<figure class=\"sp-figure\">").Append(chart).Append("</figure>\n");
            }
            foreach (var table in tables)
            {
                sb.Append("<div class=\"sp-scroll\">").Append(table.ToHtml()).Append("</div>\n");
            }
            sb.Append("</section>\n");
            writer.Write(sb.ToString());
        }
        writer.Write("</main>\n</body>\n</html>\n");
    }

    // Section ids are positions, so they are unique and stable whatever the titles hold.
    private static string Id(int index) => "section-" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static void CheckTitle(string title, string parameter)
    {
        ArgumentNullException.ThrowIfNull(title, parameter);
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException("A title must not be empty or only white space.", parameter);
        }
    }
}
