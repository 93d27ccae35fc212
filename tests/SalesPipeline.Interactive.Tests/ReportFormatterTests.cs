using Microsoft.DotNet.Interactive.Formatting;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;
using SalesPipeline.Reporting;
using SalesPipeline.Statistics;

namespace SalesPipeline.Interactive.Tests;

// Reports as their tables and charts. The figures are TeamDeals' (worked out by hand there).
public class ReportFormatterTests
{
    private static readonly IReadOnlyList<Deal> Deals = TeamDeals.Create();

    public ReportFormatterTests() => SalesPipelineFormatters.Register();

    private static StageWeightedForecast Forecast3Months() => Forecast.StageWeighted(Deals, TeamDeals.Pipeline, TeamDeals.Q1Months);

    [Fact]
    public void A_three_month_forecast_is_a_compact_table_and_chart_with_the_hand_worked_figures()
    {
        var html = Html.Of(Forecast3Months());
        var root = Html.Parse(html);
        Assert.Equal(1, Html.Count(root, "svg"));
        Assert.True(Html.Count(root, "table") >= 1);
        Assert.DoesNotContain("Calendar", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Era", html, StringComparison.Ordinal);
        // Measured 9,014 characters (a 3,039-character chart and the 13-column table of 10 rows); the bound leaves room
        // for styling, not for an object tree (the default formatter writes over 5 times as much: the test below).
        Assert.True(html.Length < 10_000, $"{html.Length} characters");
        var rows = Html.Rows(root);
        var header = rows.First(r => r.Contains("expected"));
        string Expected(string label) =>
            rows.Single(r => r.Length == header.Length && r[Array.IndexOf(header, "label")] == label)[Array.IndexOf(header, "expected")];
        Assert.Equal("27,000.00 USD", Expected("2026-01"));
        Assert.Equal("48,800.00 USD", Expected("2026-02"));
        Assert.Equal("60,000.00 USD", Expected("2026-03"));
    }

    [Fact]
    public void Without_the_formatters_the_same_forecast_is_the_object_tree_of_the_issue()
    {
        var compact = Html.Of(Forecast3Months()).Length;
        Formatter.ResetToDefault();
        try
        {
            var tree = Html.Of(Forecast3Months());
            Assert.Contains("Calendar", tree, StringComparison.Ordinal);
            Assert.True(tree.Length > 5 * compact, $"default {tree.Length}, compact {compact}");
        }
        finally
        {
            SalesPipelineFormatters.Register();
        }
    }

    [Fact]
    public void A_funnel_is_a_chart_above_its_table_with_the_counts_of_each_stage()
    {
        var root = Html.Parse(Html.Of(Funnel.Of(Deals, TeamDeals.Pipeline)));
        Assert.Equal(1, Html.Count(root, "svg"));
        var rows = Html.Rows(root);
        var header = rows.First(r => r.Contains("reached"));
        var reached = Array.IndexOf(header, "reached");
        var stage = Array.IndexOf(header, "stage_id");
        var counts = rows.Where(r => r.Length == header.Length && r != header).ToDictionary(r => r[stage], r => r[reached]);
        Assert.Equal("5", counts["prospecting"]);
        Assert.Equal("4", counts["qualified"]);
        Assert.Equal("3", counts["proposal"]);
        Assert.Equal("2", counts["negotiation"]);
    }

    [Fact]
    public void A_distribution_is_its_chart_and_summary_with_the_percentiles_worked_out_by_hand()
    {
        // Two deals in Proposal (50%) closing in Q1: USD 100 and USD 200, won or not independently, so revenue is 0, 100,
        // 200 or 300, each with probability 1/4. Percentile(p) is the least V with P(revenue <= V) >= p:
        // P10 = 0 (P(0) = 0.25), P50 = 100 (P(<= 100) = 0.5), P90 = 300 (P(<= 200) = 0.75 < 0.9). Mean 150.
        var at = NodaTime.Instant.FromUtc(2026, 1, 5, 9, 0);
        Deal Proposal(string id, decimal amount)
        {
            var deal = Deal.Open(
                TeamDeals.Pipeline,
                new DealId(id),
                id,
                "alice",
                Money.Of(amount, Currency.USD),
                new NodaTime.LocalDate(2026, 3, 1),
                at
            );
            foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
            {
                deal = TeamDeals.Pipeline.Answer(deal, criterion, at, "alice");
            }
            return TeamDeals.Pipeline.Move(TeamDeals.Pipeline.Move(deal, "qualified", at, "alice"), "proposal", at, "alice");
        }
        var q1 = SalesPipeline.Calendars.FiscalCalendar.Calendar.Quarter(2026, 1);
        var distribution = Forecast.Distribution([Proposal("P-1", 100m), Proposal("P-2", 200m)], TeamDeals.Pipeline, q1);
        var root = Html.Parse(Html.Of(distribution));
        Assert.Equal(1, Html.Count(root, "svg"));
        var rows = Html.Rows(root);
        var header = rows.First(r => r.Contains("p50"));
        var values = rows.Single(r => r.Length == header.Length && r != header);
        string Cell(string column) => values[Array.IndexOf(header, column)];
        Assert.Equal("0.00 USD", Cell("p10"));
        Assert.Equal("100.00 USD", Cell("p50"));
        Assert.Equal("300.00 USD", Cell("p90"));
        Assert.Equal("150.00 USD", Cell("mean"));
        // The text is the same summary table (not the report's ToString()), its cells in the export forms.
        var text = Html.TextOf(distribution).Split('\n');
        Assert.Equal("revenue_distribution_summary", text[0]);
        Assert.Equal(3, text.Length); // the name, the header, one row
        var cells = Html.TextRows(text[1..])[1];
        decimal TextCell(string column) => decimal.Parse(cells[column], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0m, TextCell("p10"));
        Assert.Equal(100m, TextCell("p50"));
        Assert.Equal(300m, TextCell("p90"));
        Assert.Equal(150m, TextCell("mean"));
    }

    [Fact]
    public void A_reports_text_is_the_text_of_the_tables_its_html_shows()
    {
        // The funnel of TeamDeals: reached 5, 4, 3, 2 from prospecting to negotiation (worked out there). Its text is the
        // funnel table, aligned, so a check that reads the text reads the table the notebook shows.
        var text = Html.TextOf(Funnel.Of(Deals, TeamDeals.Pipeline)).Split('\n');
        Assert.Equal("funnel", text[0]);
        // The first rows are the whole funnel's (no owner, team, source or product), one per stage.
        var counts = Html.TextRows(text[1..])
            .Skip(1)
            .Where(r => r["owner"] == "" && r["team"] == "" && r["source"] == "" && r["product"] == "")
            .ToDictionary(r => r["stage_id"], r => r["reached"]);
        Assert.Equal("5", counts["prospecting"]);
        Assert.Equal("4", counts["qualified"]);
        Assert.Equal("3", counts["proposal"]);
        Assert.Equal("2", counts["negotiation"]);
    }

    [Fact]
    public void A_pipeline_is_its_diagram_naming_every_stage()
    {
        var root = Html.Parse(Html.Of(PipelineDefinition.Default));
        Assert.Equal(1, Html.Count(root, "svg"));
        var text = root.Value;
        foreach (var name in new[] { "Prospecting", "Qualified", "Proposal", "Negotiation", "Won", "Lost" })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }
        Assert.Equal(PipelineDefinition.Default.ToString(), Html.TextOf(PipelineDefinition.Default));
    }

    [Fact]
    public void A_list_of_deals_is_one_row_each_and_its_text_is_an_aligned_table()
    {
        var two = Deals.Where(d => d.Id.Value is "D-3" or "D-5").ToList();
        var root = Html.Parse(Html.Of(two));
        Assert.Equal(0, Html.Count(root, "svg"));
        var rows = Html.Rows(root);
        Assert.Equal(3, rows.Count); // the header and two deals
        Assert.Contains(rows, r => r.Contains("Initech pilot") && r.Contains("qualified"));
        Assert.Contains(rows, r => r.Contains("Stark support") && r.Contains("won"));
        // By hand: widths are the longest cell of each column, numbers right-aligned; amounts as the deals hold them
        // (Money.Of(15_000m) keeps the scale it was given, as the CSV files write it).
        Assert.Equal(
            """
            deals
            deal_id  name           owner  stage_id   status  amount  amount_currency  expected_close
            D-3      Initech pilot  bob    qualified  open     15000  USD              2026-01-30
            D-5      Stark support  bob    won        won      24000  USD              2026-01-15
            """.ReplaceLineEndings("\n"),
            Html.TextOf(two)
        );
    }

    [Fact]
    public void A_table_longer_than_the_limit_shows_its_first_rows_and_says_how_many_it_left_out()
    {
        var many = Enumerable
            .Range(1, 60)
            .Select(i =>
                Deal.Open(
                    TeamDeals.Pipeline,
                    new DealId($"X-{i}"),
                    $"Deal {i}",
                    "alice",
                    Money.Of(i, Currency.USD),
                    new NodaTime.LocalDate(2026, 6, 30),
                    NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0)
                )
            )
            .ToList();
        var html = Html.Of(many);
        var rows = Html.Rows(Html.Parse(html));
        // The header, 20 deals, and the footer's line.
        Assert.Equal(20, SalesPipelineFormatters.DefaultMaxRows);
        Assert.Equal(1 + 20 + 1, rows.Count);
        Assert.Equal(["40 more rows"], rows[^1]);
        Assert.Contains(rows, r => r.Contains("Deal 20"));
        Assert.DoesNotContain(rows, r => r.Contains("Deal 21"));
        var text = Html.TextOf(many).Split('\n');
        Assert.Equal(1 + 1 + 20 + 1, text.Length); // the name, the header, 20 deals, the footer
        Assert.Equal("(40 more rows)", text[^1]);
        try
        {
            SalesPipelineFormatters.Register(maxRows: 60);
            Assert.Equal(1 + 60, Html.Rows(Html.Parse(Html.Of(many))).Count);
            Assert.Equal(1 + 1 + 60, Html.TextOf(many).Split('\n').Length);
        }
        finally
        {
            SalesPipelineFormatters.Register();
        }
    }

    [Fact]
    public void A_limit_below_one_row_is_refused_and_changes_nothing()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SalesPipelineFormatters.Register(0));
        Assert.Equal("maxRows", e.ParamName);
        Assert.Equal("USD 1.00", Html.Of(Money.Of(1m, Currency.USD)));
    }

    [Fact]
    public void A_report_table_is_that_table()
    {
        var table = new ReportTable(
            "funnel",
            [
                new ReportColumn("stage_id", ColumnType.Text, "The stage."),
                new ReportColumn("reached", ColumnType.WholeNumber, "Deals that reached it."),
            ],
            [
                ["qualify", 120L],
                ["proposal", 48L],
            ]
        );
        var rows = Html.Rows(Html.Parse(Html.Of(table)));
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.Contains("qualify") && r.Contains("120"));
        Assert.Equal("funnel\nstage_id  reached\nqualify       120\nproposal       48", Html.TextOf(table));
    }

    [Fact]
    public void A_result_without_a_table_is_its_own_text_with_its_lines_kept()
    {
        // ReliabilityTable prints several lines; a notebook would squash them into one without the pre.
        var reliability = ReliabilityTable.Of([(0.1, false), (0.1, true), (0.7, true), (0.8, true), (0.8, false)]);
        var text = reliability.ToString();
        Assert.Contains('\n', text);
        Assert.Equal($"<pre class=\"sp-text\">{System.Net.WebUtility.HtmlEncode(text)}</pre>", Html.Of(reliability));
        Assert.Equal(text, Html.TextOf(reliability));
    }
}

// Every type Core projects to a table with ToTable() has a formatter of its own, so a report added to Core without one
// fails here rather than rendering as an object tree in a notebook.
public class EveryReportTests
{
    public EveryReportTests() => SalesPipelineFormatters.Register();

    public static TheoryData<Type> TableTypes() =>
        [
            .. typeof(ReportTable)
                .Assembly.GetExportedTypes()
                .Where(t => t.Namespace == "SalesPipeline.Reporting" && t.IsAbstract && t.IsSealed)
                .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
                .Where(m => m.Name == "ToTable")
                .Select(m => m.GetParameters()[0].ParameterType)
                .Distinct(),
        ];

    [Theory]
    [MemberData(nameof(TableTypes))]
    public void Has_its_own_html_and_text_formatter(Type type)
    {
        Assert.Equal(type, Formatter.GetPreferredFormatterFor(type, HtmlFormatter.MimeType).Type);
        Assert.Equal(type, Formatter.GetPreferredFormatterFor(type, PlainTextFormatter.MimeType).Type);
    }

    [Fact]
    public void There_are_as_many_as_Core_has()
    {
        // 33 ToTable overloads in Core's Reporting namespace today, one per type (grep "ToTable(this" there); the count
        // guards the reflection above against finding nothing, and grows with Core.
        Assert.True(TableTypes().Count >= 33, $"{TableTypes().Count} types");
    }
}
