using System.Xml.Linq;
using NodaTime;
using SalesPipeline.Reporting;

namespace SalesPipeline.Html.Tests.Tables;

// Every cell type written out by hand: the expected texts follow docs/html.md's table rules.
public sealed class HtmlTablesTests
{
    private static readonly ReportColumn[] Columns =
    [
        new("name", ColumnType.Text, "The name."),
        new("count", ColumnType.WholeNumber, "How many."),
        new("share", ColumnType.ExactNumber, "An exact share."),
        new("amount", ColumnType.ExactNumber, "The amount."),
        new("amount_currency", ColumnType.Text, "The ISO 4217 code of amount."),
        new("rate", ColumnType.RealNumber, "A rate."),
        new("done", ColumnType.Boolean, "Whether it is done."),
        new("day", ColumnType.Date, "A day."),
        new("at", ColumnType.Instant, "An instant."),
    ];

    [Fact]
    public void Every_column_type_is_written_as_the_page_says()
    {
        var table = new ReportTable(
            "cells",
            Columns,
            [
                [
                    "Acme <GmbH> & \"Söhne\"",
                    1_234_567L,
                    0.10m,
                    60_000m,
                    "USD",
                    0.4,
                    true,
                    new LocalDate(2026, 3, 10),
                    Instant.FromUtc(2026, 3, 10, 12, 0),
                ],
                [
                    "line one\nline two",
                    -5L,
                    1_234.5m,
                    125_000m,
                    "JPY",
                    1.0 / 3.0,
                    false,
                    new LocalDate(1, 1, 1),
                    Instant.FromUtc(2026, 3, 10, 12, 0, 0).PlusNanoseconds(500_000_000),
                ],
                [null, 0L, -0.5m, 10.125m, "USD", 1.5e-7, null, null, null],
                ["", null, null, 3.5m, "KWD", 1_234.5, null, null, null],
                ["x", null, null, 5m, "XYZ", 0.0, null, null, null],
                ["y", null, null, null, "USD", -2.25, null, null, null],
                ["z", null, null, 7m, null, null, null, null, null],
            ]
        );

        var html = XElement.Parse(table.ToHtml());

        Assert.Equal("table", html.Name.LocalName);
        Assert.Equal("sp-table", (string?)html.Attribute("class"));
        Assert.Equal("cells", html.Element("caption")!.Value);
        // The money pair is one column, headed by the amount's name with its description as the tooltip.
        var headers = html.Element("thead")!.Descendants("th").ToList();
        Assert.Equal(["name", "count", "share", "amount", "rate", "done", "day", "at"], headers.Select(h => h.Value));
        Assert.Equal(
            ["The name.", "How many.", "An exact share.", "The amount.", "A rate.", "Whether it is done.", "A day.", "An instant."],
            headers.Select(h => (string?)h.Attribute("title"))
        );
        Assert.All(headers, h => Assert.Equal("col", (string?)h.Attribute("scope")));
        // Numbers (whole, exact, money, real) are right-aligned, in the heading and in every cell.
        bool[] right = [false, true, true, true, true, false, false, false];
        Assert.Equal(right, headers.Select(h => (string?)h.Attribute("style") == "text-align:right"));

        string[][] expected =
        [
            ["Acme <GmbH> & \"Söhne\"", "1,234,567", "0.10", "60,000.00 USD", "0.4", "true", "2026-03-10", "2026-03-10T12:00:00Z"],
            ["line one\nline two", "-5", "1,234.5", "125,000 JPY", "0.3333", "false", "0001-01-01", "2026-03-10T12:00:00.5Z"],
            // 10.125 keeps its third decimal (nothing rounded away); a real below 0.001 in scientific notation.
            ["", "0", "-0.5", "10.125 USD", "1.5E-7", "", "", ""],
            // KWD has three decimals; an empty text is an empty cell.
            ["", "", "", "3.500 KWD", "1,234.5", "", "", ""],
            // An unknown code keeps the amount's own digits.
            ["x", "", "", "5 XYZ", "0", "", "", ""],
            // No amount: an empty cell, whatever the code.
            ["y", "", "", "", "-2.25", "", "", ""],
            // An amount without a code: the amount alone.
            ["z", "", "", "7", "", "", "", ""],
        ];
        var rows = html.Element("tbody")!.Elements("tr").ToList();
        Assert.Equal(expected.Length, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].Elements("td").ToList();
            Assert.Equal(expected[r], cells.Select(c => c.Value));
            Assert.Equal(right, cells.Select(c => (string?)c.Attribute("style") == "text-align:right"));
        }
        Assert.Null(html.Element("tfoot"));
    }

    [Fact]
    public void A_rounded_real_carries_its_exact_value_as_a_tooltip_and_an_exact_one_none()
    {
        var table = new ReportTable(
            "reals",
            [new ReportColumn("rate", ColumnType.RealNumber, "A rate.")],
            [
                [1.0 / 3.0],
                [0.25],
                [1.5e-7],
                [2.0 / 3.0 * 1e-5],
            ]
        );

        var cells = XElement.Parse(table.ToHtml()).Descendants("td").ToList();

        Assert.Equal(["0.3333", "0.25", "1.5E-7", "6.67E-6"], cells.Select(c => c.Value));
        Assert.Equal(["0.3333333333333333", null, null, "6.666666666666667E-06"], cells.Select(c => (string?)c.Attribute("title")));
    }

    [Fact]
    public void A_currency_column_that_does_not_follow_its_amount_stays_a_column_of_its_own()
    {
        var table = new ReportTable(
            "loose",
            [
                new ReportColumn("amount_currency", ColumnType.Text, "A code first."),
                new ReportColumn("amount", ColumnType.ExactNumber, "An amount after it."),
                new ReportColumn("fee", ColumnType.ExactNumber, "A fee."),
                new ReportColumn("other_currency", ColumnType.Text, "Not the fee's code."),
            ],
            [
                ["USD", 1.5m, 2m, "EUR"],
            ]
        );

        var html = XElement.Parse(table.ToHtml());

        Assert.Equal(["amount_currency", "amount", "fee", "other_currency"], html.Descendants("th").Select(h => h.Value));
        Assert.Equal(["USD", "1.5", "2", "EUR"], html.Descendants("td").Select(c => c.Value));
    }

    [Theory]
    [InlineData(1, 1, "4 more rows")]
    [InlineData(2, 2, "3 more rows")]
    [InlineData(4, 4, "1 more row")]
    [InlineData(5, 5, null)]
    [InlineData(100, 5, null)]
    public void A_row_limit_shows_the_first_rows_and_says_how_many_more_there_are(int maxRows, int shown, string? note)
    {
        var table = new ReportTable(
            "numbers",
            [new ReportColumn("n", ColumnType.WholeNumber, "A number."), new ReportColumn("label", ColumnType.Text, "Its label.")],
            Enumerable.Range(1, 5).Select(i => (IReadOnlyList<object?>)[(long)i, "row " + i])
        );

        var html = XElement.Parse(table.ToHtml(maxRows));

        Assert.Equal(
            Enumerable.Range(1, shown).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            html.Element("tbody")!.Elements("tr").Select(r => r.Elements("td").First().Value)
        );
        var footer = html.Element("tfoot");
        Assert.Equal(note, footer?.Value);
        if (footer is not null)
        {
            Assert.Equal("2", (string?)footer.Descendants("td").Single().Attribute("colspan"));
        }
    }

    [Fact]
    public void Without_a_limit_every_row_is_shown_and_an_empty_table_has_an_empty_body()
    {
        var empty = new ReportTable("empty", [new ReportColumn("n", ColumnType.WholeNumber, "A number.")], []);

        var html = XElement.Parse(empty.ToHtml());

        Assert.Empty(html.Element("tbody")!.Elements());
        Assert.Single(html.Descendants("th"));
        Assert.Equal(XElement.Parse(empty.ToHtml(3)).ToString(), html.ToString());
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_their_name()
    {
        var table = new ReportTable(
            "t",
            [new ReportColumn("n", ColumnType.WholeNumber, "A number.")],
            [
                [1L],
            ]
        );

        Assert.Equal("table", Assert.Throws<ArgumentNullException>(() => HtmlTables.ToHtml(null!)).ParamName);
        Assert.Equal("table", Assert.Throws<ArgumentNullException>(() => HtmlTables.ToHtml(null!, 3)).ParamName);
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => table.ToHtml(0));
        Assert.Equal("maxRows", zero.ParamName);
        Assert.Contains("maxRows was 0", zero.Message, StringComparison.Ordinal);
        Assert.Equal("maxRows", Assert.Throws<ArgumentOutOfRangeException>(() => table.ToHtml(-1)).ParamName);
    }

    [Fact]
    public void A_real_report_table_keeps_its_rows_and_merges_every_money_pair()
    {
        // The book's funnel table: 4 stages for the group of all deals (no breakdown groups asked for).
        var table = Support.Book.Funnel().ToTable();
        var moneyPairs = table.Columns.Count(c => c.Name.EndsWith("_currency", StringComparison.Ordinal));

        var html = XElement.Parse(table.ToHtml());

        Assert.Equal(table.Columns.Count - moneyPairs, html.Descendants("th").Count());
        Assert.Equal(table.RowCount, html.Element("tbody")!.Elements("tr").Count());
        Assert.Equal(4, table.RowCount);
    }
}
