using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Html.Report;
using SalesPipeline.Html.Tests.Support;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests;

namespace SalesPipeline.Html.Tests.Report;

// AddSection's chart check (docs/html.md, "Self-contained"): an allow-list of what SvgCharts writes, read the way a
// browser's HTML parser reads it. Each hostile chart below is accepted by a case-sensitive block list read through XML,
// and would run a script, fetch something or leave the <svg> in a browser.
public sealed class ChartCheckTests
{
    private const string S = "xmlns=\"http://www.w3.org/2000/svg\"";

    [Theory]
    // The reviewer's four: an upper-case <SCRIPT> (a browser lowercases it and runs it), an upper-case link, a refresh to
    // another site, and an <img> (which ends the <svg> in HTML) followed by an <object> that fetches.
    [InlineData("<svg " + S + "><SCRIPT>alert(1)</SCRIPT></svg>", "a <SCRIPT> element inside <svg>", "the only elements are")]
    [InlineData("<A HREF=\"javascript:alert(1)\">x</A>", "a <A> element in the namespace \"\"", "in the SVG namespace")]
    [InlineData("<svg " + S + "><A HREF=\"javascript:alert(1)\">x</A></svg>", "a <A> element inside <svg>", "the only elements are")]
    [InlineData(
        "<meta http-equiv=\"refresh\" content=\"0; url=https://example.invalid/\"/>",
        "a <meta> element in the namespace \"\"",
        "in the SVG namespace"
    )]
    [InlineData(
        "<svg " + S + "><img/><object data=\"https://example.invalid/x\"/></svg>",
        "a <img> element inside <svg>",
        "the only elements are"
    )]
    // Mixed case and event handlers in any case.
    [InlineData("<svg " + S + "><ScRiPt>alert(1)</ScRiPt></svg>", "a <ScRiPt> element inside <svg>", "the only elements are")]
    [InlineData("<svg " + S + " OnLoad=\"alert(1)\"/>", "the attribute \"OnLoad\" on <svg>", "the only attributes of <svg> are")]
    [InlineData(
        "<svg " + S + "><rect ONCLICK=\"alert(1)\"/></svg>",
        "the attribute \"ONCLICK\" on <rect>",
        "the only attributes of <rect>"
    )]
    [InlineData("<svg " + S + "><title onmouseover=\"alert(1)\">t</title></svg>", "\"onmouseover\" on <title>", "takes no attribute")]
    // Links: entity-encoded, with a tab a URL parser skips, xlink:href, <use href>, url() in a colour, a style attribute.
    [InlineData(
        "<svg " + S + "><rect fill=\"&#106;avascript:alert(1)\"/></svg>",
        "fill=\"javascript:alert(1)\" on <rect>",
        "\"javascript:\""
    )]
    [InlineData(
        "<svg " + S + "><rect fill=\"&#x6A;ava&#9;script:x\"/></svg>",
        "on <rect>",
        "no link or code in a value (it holds \"javascript:\")"
    )]
    [InlineData("<svg " + S + "><rect fill=\"&#117;rl(https://example.invalid/#p)\"/></svg>", "on <rect>", "(it holds \"url(\")")]
    [InlineData(
        "<svg " + S + " xmlns:xlink=\"http://www.w3.org/1999/xlink\"><rect xlink:href=\"#a\"/></svg>",
        "the attribute \"xmlns:xlink\" on <svg>",
        "the only attributes of <svg>"
    )]
    [InlineData(
        "<svg " + S + "><rect xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href=\"javascript:alert(1)\"/></svg>",
        "the attribute \"xmlns:xlink\" on <rect>",
        "the only attributes of <rect>"
    )]
    [InlineData(
        "<svg " + S + "><use href=\"data:image/svg+xml,&lt;svg/&gt;\"/></svg>",
        "a <use> element inside <svg>",
        "the only elements"
    )]
    [InlineData(
        "<svg " + S + "><rect href=\"https://example.invalid/\"/></svg>",
        "the attribute \"href\" on <rect>",
        "the only attributes"
    )]
    [InlineData("<svg " + S + "><rect style=\"fill:red\"/></svg>", "the attribute \"style\" on <rect>", "the only attributes of <rect>")]
    [InlineData("<svg " + S + "><style>@import 'x.css';</style></svg>", "a <style> element inside <svg>", "the only elements are")]
    // Content that a browser parses as HTML: foreignObject, and CDATA, a comment or a processing instruction hiding a tag.
    [InlineData(
        "<svg " + S + "><foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">x</p></foreignObject></svg>",
        "a <foreignObject> element inside <svg>",
        "the only elements are"
    )]
    [InlineData(
        "<svg " + S + "><desc><![CDATA[</svg><script>alert(1)</script>]]></desc></svg>",
        "a CDATA section inside <desc>",
        "a browser reads it as markup"
    )]
    [InlineData("<svg " + S + "><title><!--></title><script>alert(1)</script>--></title></svg>", "holds a comment", "\"<!-->\"")]
    [InlineData("<svg " + S + "><?x </svg><script>alert(1)</script>?></svg>", "a processing instruction (<?x)", "at the first \">\"")]
    [InlineData("<?xml version=\"1.0\"?><svg " + S + "/>", "an XML declaration", "none inside a page")]
    [InlineData(
        "<svg " + S + "><text><title>t</title></text></svg>",
        "a <title> element inside <text>",
        "<title> may only be inside <svg> or <rect> or <line>"
    )]
    [InlineData("<svg " + S + "><title><rect/></title></svg>", "a <rect> element inside <title>", "<rect> may only be inside <svg>")]
    [InlineData("<svg " + S + ">hello</svg>", "text directly inside <svg>", "only be inside <title>, <desc> and <text>")]
    // Structure: a second root, a DTD with an entity, another or no namespace, a prefix, a nested <svg>, xmlns inside.
    [InlineData("<svg " + S + "/><svg " + S + "/>", "markup after its closing </svg>", "exactly one well-formed <svg>")]
    [InlineData("<svg " + S + "></svg><script>alert(1)</script>", "markup after its closing </svg>", "exactly one")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg " + S + ">&x;</svg>", "a document type declaration", "no DTD")]
    [InlineData("<svg/>", "a <svg> element in the namespace \"\"", "every element is unprefixed in the SVG namespace")]
    [InlineData("<svg xmlns=\"http://www.w3.org/1999/xhtml\"/>", "in the namespace \"http://www.w3.org/1999/xhtml\"", "SVG namespace")]
    [InlineData("<s:svg xmlns:s=\"http://www.w3.org/2000/svg\"/>", "a <s:svg> element", "every element is unprefixed")]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"/>", "a <div> element in the namespace", "SVG namespace")]
    [InlineData("<svg " + S + "><svg " + S + "/></svg>", "a <svg> element inside <svg>", "inside the one <svg>")]
    [InlineData("<svg " + S + "><rect " + S + "/></svg>", "the attribute \"xmlns\" on <rect>", "the only attributes of <rect>")]
    [InlineData("<g " + S + "/>", "is a <g> element, not an <svg> element", "a chart is one <svg> element")]
    // Values: each attribute has a pattern; a dotless i (which OrdinalIgnoreCase folds onto "I") is not an ASCII name.
    [InlineData("<svg " + S + "><rect fill=\"red\"/></svg>", "fill=\"red\" on <rect>", "a colour #rgb or #rrggbb, or none")]
    [InlineData("<svg " + S + "><rect x=\"1&#10;\"/></svg>", "on <rect>", "the value of x is decimal numbers")]
    [InlineData("<svg " + S + "><text transform=\"translate(1 2)\">t</text></svg>", "on <text>", "rotate(angle [x y])")]
    [InlineData("<svg " + S + " class=\"a;b\"/>", "class=\"a;b\" on <svg>", "class names of ASCII letters")]
    [InlineData("<svg " + S + "><t\u0131tle>x</t\u0131tle></svg>", "a <t\u0131tle> element inside <svg>", "the only elements are")]
    // Not XML at all.
    [InlineData("", "is not well-formed XML", "exactly one well-formed <svg>")]
    [InlineData("<svg " + S + "><rect></svg>", "is not well-formed XML", "exactly one")]
    [InlineData("<svg " + S + "><text>&nbsp;</text></svg>", "is not well-formed XML", "exactly one")]
    public void A_chart_that_could_run_fetch_or_escape_is_rejected_naming_what_and_the_rule_and_nothing_is_added(
        string chart,
        string what,
        string rule
    )
    {
        var report = new HtmlReport("R").AddSection("Kept", null);

        var error = Assert.Throws<ArgumentException>(() => report.AddSection("Bad", chart));

        Assert.Equal("chart", error.ParamName);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.SectionCount);
        Assert.DoesNotContain("Bad", report.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_strictest_accepted_chart_is_accepted() =>
        // Every element and attribute of the allow-list, names in any ASCII case, text that looks like markup escaped.
        new HtmlReport("R").AddSection("Edge", EdgeChart);

    // The chart at the edge of the allow-list, also opened in Chromium (BrowserTests): every allowed element and attribute,
    // names in mixed ASCII case (a browser lowercases them, and restores viewBox), whitespace between elements, and text
    // that reads like markup, escaped.
    internal const string EdgeChart = """
        <SVG xmlns="http://www.w3.org/2000/svg" Class="sp-chart sp-edge" ROLE="img" viewbox="0 0 300 120" Width="300" HEIGHT="120"
             Font-Family="system-ui, 'Segoe UI', sans-serif" font-size="12" fill="#1f2933">
          <TITLE>Edge &lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#60;!--&gt;</TITLE>
          <Desc>]]&gt; &lt;![CDATA[ &lt;?x?&gt; javascript:alert(1) url(https://example.invalid/)</Desc>
          <rect X="0" y="0" width="300" height="120" FILL="#fff" stroke="none" RX="4"/>
          <Rect class="sp-mark sp-bar" x="10" y="20.5" width="40" height="80" fill="#4e79a7" stroke="#1F2933"><Title>Bar</Title></Rect>
          <LINE class="sp-mark sp-marker" X1="60" y1="10" x2="60" Y2="110" stroke="#e15759" Stroke-Width="2" stroke-dasharray="5 3"><title>P50</title></LINE>
          <polyline CLASS="sp-mark sp-cdf" points="70,100 90,60.25 110,-0.5" fill="none" stroke="#59a14f" stroke-width="2"/>
          <POLYGON points="120,10 130,20 120,30" fill="#b07aa1"/>
          <Text x="150" y="60" text-anchor="middle" fill="#616e7c" font-size="11" FONT-WEIGHT="bold" transform="rotate(-90 150 60)">&lt;b&gt;x&lt;/b&gt;</Text>
          <text x="200" y="60"></text>
        </SVG>
        """;

    [Fact]
    public void The_allow_list_is_exactly_what_the_charts_write()
    {
        // Every chart of the book and the "No data" charts, read with an XML parser: the elements under their parents and
        // the attributes of each element must be the allow-list, no more (else it allows what SvgCharts never writes) and
        // no less (else a chart would be refused; the property below checks that on generated inputs).
        var quiet = FiscalCalendar.Calendar.Quarter(2025, 3);
        string[] charts =
        [
            .. BookCharts(),
            SvgCharts.Aging(Aging.Of([Paid], Book.ContractsAsOf)),
            SvgCharts.VelocityLevers(SalesVelocity.Compare(SalesVelocity.Of(Book.Deals, quiet), Book.VelocityQ1())),
        ];
        var elements = charts.SelectMany(c => XElement.Parse(c).DescendantsAndSelf()).ToList();

        var seenParents = elements
            .Where(e => e.Parent is not null)
            .Select(e => (e.Name.LocalName, e.Parent!.Name.LocalName))
            .Distinct()
            .Order()
            .ToList();
        var seenAttributes = elements
            .SelectMany(e => e.Attributes().Select(a => (e.Name.LocalName, a.IsNamespaceDeclaration ? "xmlns" : a.Name.LocalName)))
            .Distinct()
            .Order()
            .ToList();

        Assert.Equal(ChartCheck.Elements.SelectMany(r => r.Value.Parents.Select(p => (r.Key, p))).Order(), seenParents);
        Assert.Equal(ChartCheck.Elements.SelectMany(r => r.Value.Attributes.Keys.Select(a => (r.Key, a))).Order(), seenAttributes);
        Assert.All(elements.Where(e => e.Nodes().OfType<XText>().Any()), e => Assert.True(ChartCheck.Elements[e.Name.LocalName].HoldsText));
    }

    [Fact]
    public void Every_chart_SvgCharts_draws_passes_the_check() =>
        PropertyAssert.Holds(
            Prop.ForAll(Arb.From(Books), Arb.From(HostileText.Strings), (book, name) => Assert.All(Charts(book, name), Accepted))
        );

    private static void Accepted(string chart) => ChartCheck.Check(chart, "chart");

    private static IEnumerable<string> BookCharts() =>
        [
            SvgCharts.Funnel(Book.Funnel()),
            SvgCharts.Forecast(Book.StageWeighted(), Book.Categories()),
            SvgCharts.Distribution(Book.MarchDistribution(), Money.Of(100_000m, Book.Usd)),
            SvgCharts.VelocityLevers(Book.VelocityQ1()),
            SvgCharts.VelocityLevers(SalesVelocity.Compare(Book.VelocityQ4(), Book.VelocityQ1())),
            SvgCharts.Aging(Book.Aging()),
            SvgCharts.CashForecast(Book.Cash()),
            SvgCharts.Pipeline(Book.Pipeline),
        ];

    // A contract paid in full: nothing outstanding, a "No data" aging chart.
    private static readonly CollectionSchedule Paid = CollectionSchedule
        .Create(
            Money.Of(1_000m, Book.Usd),
            new LocalDate(2026, 1, 5),
            PaymentTerms.Create(TermsLine.Percentage(100m, DueRule.DaysAfterStart(0))),
            new ContractInfo("C-9", "Paid", "alice")
        )
        .Record(new Payment("P-9", new LocalDate(2026, 1, 5), Money.Of(1_000m, Book.Usd)));

    // A deal that is won was first brought to Negotiation (the default pipeline wins only from there).
    private static readonly string[] Stages = ["prospecting", "qualified", "proposal", "negotiation"];

    // 1 to 12 deals (the forecasts take their currency from them), each: amount in hundreds (1 .. 10,000,000), its open stage, 0 open / 1 won / 2 lost, and its close day (0 .. 150 days
    // after 2026-01-01); 1 to 6 contracts, each: amount in hundreds, start day, and the share paid (0 .. 100%).
    private sealed record GeneratedBook((int Amount, int Stage, int Outcome, int Day)[] Deals, (int Amount, int Day, int Paid)[] Contracts);

    private static readonly Gen<GeneratedBook> Books = Gen.Zip(
            Gen.Zip(Gen.Zip(Gen.Choose(1, 100_000), Gen.Choose(0, 3)), Gen.Zip(Gen.Choose(0, 2), Gen.Choose(0, 150)))
                .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2))
                .ArrayOf()
                .Where(a => a.Length is >= 1 and <= 12),
            Gen.Zip(Gen.Choose(1, 100_000), Gen.Zip(Gen.Choose(0, 150), Gen.Choose(0, 100)))
                .Select(t => (t.Item1, t.Item2.Item1, t.Item2.Item2))
                .ArrayOf()
                .Where(a => a.Length is >= 1 and <= 6)
        )
        .Select(p => new GeneratedBook(p.Item1, p.Item2));

    private static IEnumerable<string> Charts(GeneratedBook book, string name)
    {
        var start = new LocalDate(2026, 1, 1);
        var deals = book
            .Deals.Select(
                (d, i) =>
                {
                    var deal = Book.To(
                        "D" + i,
                        i % 2 == 0 ? "alice" : "bob",
                        100m * d.Amount,
                        start.PlusDays(d.Day),
                        Stages[d.Outcome == 1 ? 3 : d.Stage]
                    );
                    var at = Book.Opened.Plus(Duration.FromDays(1 + d.Day));
                    return d.Outcome switch
                    {
                        1 => Book.Pipeline.Win(deal, at, deal.Owner!),
                        2 => Book.Pipeline.Lose(deal, LossReason.Price, at, deal.Owner!),
                        _ => deal,
                    };
                }
            )
            .ToList();
        var contracts = book
            .Contracts.Select(
                (c, i) =>
                {
                    var total = 100m * c.Amount;
                    var schedule = CollectionSchedule.Create(
                        Money.Of(total, Book.Usd),
                        start.PlusDays(c.Day),
                        PaymentTerms.Create(TermsLine.Percentage(100m, DueRule.DaysAfterStart(30))),
                        new ContractInfo("C" + i, "Customer " + i, "alice")
                    );
                    var paid = decimal.Round(total * c.Paid / 100m, 2);
                    return paid > 0 ? schedule.Record(new Payment("P" + i, start.PlusDays(c.Day), Money.Of(paid, Book.Usd))) : schedule;
                }
            )
            .ToList();
        var months = FiscalCalendar.Calendar.Months(2026).Take(5).ToList();
        var asOf = new LocalDate(2026, 6, 1);
        var pipeline = PipelineDefinition
            .CreateBuilder("P" + name)
            .Stage("Stage " + name, 0.5m, ForecastCategory.Pipeline, id: "s1")
            .Won("Won " + name, id: "won")
            .Lost("Lost")
            .Build();
        var q1 = SalesVelocity.Of(deals, FiscalCalendar.Calendar.Quarter(2026, 1));
        return
        [
            SvgCharts.Funnel(Funnel.Of(deals, Book.Pipeline, new FunnelOptions { Rates = ExchangeRates.In(Book.Usd) })),
            SvgCharts.Forecast(
                Forecast.StageWeighted(deals, Book.Pipeline, months),
                Forecast.ByCategory(deals, Book.Pipeline, months, Book.Organization)
            ),
            SvgCharts.Distribution(Forecast.Distribution(deals, Book.Pipeline, months[2]), Money.Of(50_000m, Book.Usd)),
            SvgCharts.VelocityLevers(q1),
            SvgCharts.VelocityLevers(SalesVelocity.Compare(SalesVelocity.Of(deals, FiscalCalendar.Calendar.Quarter(2025, 4)), q1)),
            SvgCharts.Aging(Aging.Of(contracts, asOf)),
            SvgCharts.CashForecast(CashForecast.Of(contracts, asOf, FiscalCalendar.Calendar.Months(2026).Skip(5).Take(3))),
            SvgCharts.Pipeline(pipeline),
        ];
    }
}
