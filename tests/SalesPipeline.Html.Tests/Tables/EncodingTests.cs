using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Html.Tests.Support;
using SalesPipeline.Pipelines;
using SalesPipeline.Reporting;
using SalesPipeline.Tests;

namespace SalesPipeline.Html.Tests.Tables;

// Hostile text anywhere (cells, column descriptions, titles, stage names) is escaped: an XML parser reads every fragment
// and the page, finds no element but the ones the package writes, and gets each text back (docs/html.md's stand-ins for
// the few characters neither HTML nor XML can hold).
public sealed class EncodingTests
{
    private static readonly HashSet<string> TableElements = ["table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"];

    [Fact]
    public void Any_text_in_a_cell_or_a_description_reads_back_through_an_XML_parser() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Arb.From(HostileText.Strings),
                Arb.From(HostileText.Strings),
                (cell, description) =>
                {
                    var describe = string.IsNullOrWhiteSpace(description) ? "blank" : description;
                    var table = new ReportTable(
                        "hostile",
                        [new ReportColumn("text", ColumnType.Text, describe), new ReportColumn("n", ColumnType.WholeNumber, "A number.")],
                        [
                            [cell, 1L],
                        ]
                    );

                    var html = XElement.Parse(table.ToHtml(), LoadOptions.PreserveWhitespace);

                    Assert.All(html.DescendantsAndSelf(), e => Assert.Contains(e.Name.LocalName, TableElements));
                    Assert.Equal(HostileText.ReadBack(cell), html.Descendants("td").First().Value);
                    Assert.Equal(HostileText.ReadBack(describe), (string?)html.Descendants("th").First().Attribute("title"));
                }
            )
        );

    [Fact]
    public void Text_without_a_forbidden_character_reads_back_exactly()
    {
        const string text = "<script>alert('x')</script> & \"quotes\" ]]> <!-- \r\n\t\u00a0 \ud83d\ude00 \ufdd0 Söhne";
        var table = new ReportTable(
            "plain",
            [new ReportColumn("text", ColumnType.Text, text)],
            [
                [text],
            ]
        );

        var markup = table.ToHtml();
        var html = XElement.Parse(markup, LoadOptions.PreserveWhitespace);

        Assert.Equal(text, html.Descendants("td").Single().Value);
        Assert.Equal(text, (string?)html.Descendants("th").Single().Attribute("title"));
        Assert.DoesNotContain("<script", markup, StringComparison.Ordinal);
        // The one escaping, spelled out: markup characters and the carriage return as references.
        Assert.Contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; ]]&gt; &lt;!-- &#13;\n\t",
            markup,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Control_characters_show_as_visible_stand_ins()
    {
        var table = new ReportTable(
            "controls",
            [new ReportColumn("text", ColumnType.Text, "Controls.")],
            [
                ["a\0b\u001bc\u007fd\u0085e\uffff"],
            ]
        );

        var cell = XElement.Parse(table.ToHtml()).Descendants("td").Single().Value;

        Assert.Equal("a\u2400b\u241bc\u2421d\ufffde\ufffd", cell);
    }

    [Fact]
    public void Any_title_and_table_text_leave_the_page_well_formed_with_every_text_in_place() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Arb.From(HostileText.Strings),
                Arb.From(HostileText.Strings),
                (title, text) =>
                {
                    var pageTitle = "T" + title;
                    var sectionTitle = "S" + text;
                    var table = new ReportTable(
                        "cells",
                        [new ReportColumn("text", ColumnType.Text, "Text.")],
                        [
                            [text],
                        ]
                    );
                    var page = new HtmlReport(pageTitle).AddSection(sectionTitle, null, table).ToHtml();

                    var document = XDocument.Parse(page, LoadOptions.PreserveWhitespace);

                    Assert.Equal(HostileText.ReadBack(pageTitle), document.Descendants("title").Single().Value);
                    Assert.Equal(HostileText.ReadBack(pageTitle), document.Descendants("h1").Single().Value);
                    Assert.Equal(HostileText.ReadBack(sectionTitle), document.Descendants("nav").Single().Descendants("a").Single().Value);
                    Assert.Equal(HostileText.ReadBack(text), document.Descendants("td").Single().Value);
                    Assert.Empty(document.Descendants("script"));
                    Assert.Empty(document.Descendants("img"));
                }
            )
        );

    [Fact]
    public void Any_stage_name_leaves_the_pipeline_diagram_well_formed_with_the_name_in_its_tooltip() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Arb.From(HostileText.Strings),
                text =>
                {
                    var name = "Stage " + text;
                    var pipeline = PipelineDefinition
                        .CreateBuilder("P" + text)
                        .Stage(name, 0.5m, ForecastCategory.Pipeline, id: "s1")
                        .Won("Won")
                        .Lost("Lost")
                        .Build();

                    var svg = new SvgShapes(SvgCharts.Pipeline(pipeline));

                    var tooltip = SvgShapes.Tooltip(svg.Marks("stage").Single());
                    Assert.StartsWith(HostileText.ReadBack(name) + " (s1)", tooltip, StringComparison.Ordinal);
                    Assert.Empty(svg.Root.Descendants(SvgShapes.Svg + "script"));
                }
            )
        );
}
