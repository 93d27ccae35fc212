using System.Text.RegularExpressions;
using System.Xml.Linq;
using SalesPipeline.Html.Tests.Support;
using SalesPipeline.Reporting;

namespace SalesPipeline.Html.Tests.Report;

public sealed partial class HtmlReportTests
{
    [Fact]
    public void The_page_is_well_formed_and_self_contained()
    {
        var html = BookReport.Build().ToHtml();

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        var document = XDocument.Parse(html);
        // No URL but the SVG namespace name (once per chart), nothing that fetches or runs.
        Assert.Equal(8, Http().Count(html));
        Assert.All(Http().Matches(html), m => Assert.Equal("http://www.w3.org/2000/svg", m.Value));
        Assert.DoesNotContain(
            document.Descendants(),
            e => e.Name.LocalName is "script" or "link" or "img" or "iframe" or "object" or "embed"
        );
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.All(document.Descendants().Attributes(), a => Assert.DoesNotMatch("^(src|on.*)$", a.Name.LocalName));
        // Every link is to a section of the page itself.
        var ids = document.Descendants().Select(e => (string?)e.Attribute("id")).Where(id => id is not null).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(document.Descendants("a"), a => Assert.Contains(((string)a.Attribute("href")!)[1..], ids));
        Assert.Equal("utf-8", (string?)document.Descendants("meta").First().Attribute("charset"));
        Assert.Single(document.Descendants("style"));
    }

    [Fact]
    public void The_contents_list_every_section_in_order_and_each_section_holds_its_chart_and_tables()
    {
        var funnel = Book.Funnel();
        var report = new HtmlReport("Review")
            .AddSection("Funnel", SvgCharts.Funnel(funnel), funnel.ToTable(), funnel.ToLeadConversionTable())
            .AddSection("No chart", null, funnel.ToTable())
            .AddSection("Only a chart", SvgCharts.Pipeline(Book.Pipeline));

        var document = XDocument.Parse(report.ToHtml());

        Assert.Equal(3, report.SectionCount);
        Assert.Equal("Review", document.Descendants("title").First().Value);
        Assert.Equal("Review", document.Descendants("h1").Single().Value);
        var links = document.Descendants("nav").Single().Descendants("a").ToList();
        Assert.Equal(["Funnel", "No chart", "Only a chart"], links.Select(a => a.Value));
        Assert.Equal(["#section-1", "#section-2", "#section-3"], links.Select(a => (string?)a.Attribute("href")));
        var sections = document.Descendants("section").ToList();
        Assert.Equal(["section-1", "section-2", "section-3"], sections.Select(s => (string?)s.Attribute("id")));
        Assert.Equal(["Funnel", "No chart", "Only a chart"], sections.Select(s => s.Element("h2")!.Value));
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal([1, 0, 1], sections.Select(s => s.Descendants(svg + "svg").Count()));
        Assert.Equal([2, 1, 0], sections.Select(s => s.Descendants("table").Count()));
        Assert.Equal(["funnel", "lead_conversion"], sections[0].Descendants("caption").Select(c => c.Value));
        // The chart and the tables as SvgCharts and HtmlTables write them, unchanged.
        Assert.Contains(SvgCharts.Funnel(funnel), report.ToHtml(), StringComparison.Ordinal);
        Assert.Contains(funnel.ToTable().ToHtml(), report.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_sections_is_a_page_with_its_title_only()
    {
        var document = XDocument.Parse(new HtmlReport("Empty").ToHtml());

        Assert.Equal("Empty", document.Descendants("h1").Single().Value);
        Assert.Empty(document.Descendants("nav"));
        Assert.Empty(document.Descendants("section"));
    }

    [Fact]
    public void WriteTo_writes_what_ToHtml_returns()
    {
        var report = BookReport.Build();
        var writer = new StringWriter();

        report.WriteTo(writer);

        Assert.Equal(report.ToHtml(), writer.ToString());
        Assert.Equal(report.ToHtml(), report.ToHtml());
    }

    [Fact]
    public void Bad_titles_and_tables_are_rejected_with_their_name()
    {
        var table = Book.Funnel().ToTable();
        var report = new HtmlReport("R");

        Assert.Equal("title", Assert.Throws<ArgumentNullException>(() => new HtmlReport(null!)).ParamName);
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => new HtmlReport(" \t")).ParamName);
        Assert.Equal("title", Assert.Throws<ArgumentNullException>(() => report.AddSection(null!, null)).ParamName);
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => report.AddSection("", null)).ParamName);
        Assert.Equal("tables", Assert.Throws<ArgumentNullException>(() => report.AddSection("S", null, null!)).ParamName);
        var nullTable = Assert.Throws<ArgumentNullException>(() => report.AddSection("S", null, table, null!));
        Assert.Equal("tables", nullTable.ParamName);
        Assert.Contains("Table 1 of the section \"S\" is null", nullTable.Message, StringComparison.Ordinal);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => report.WriteTo(null!)).ParamName);
        Assert.Equal(0, report.SectionCount);
    }

    [Fact]
    public void The_tables_given_are_copied_so_a_later_change_to_the_array_changes_nothing()
    {
        var funnel = Book.Funnel();
        ReportTable[] tables = [funnel.ToTable()];
        var report = new HtmlReport("R").AddSection("S", null, tables);
        var before = report.ToHtml();

        tables[0] = funnel.ToLeadConversionTable();

        Assert.Equal(before, report.ToHtml());
    }

    [GeneratedRegex("https?://[^\"' )]*")]
    private static partial Regex Http();
}
