using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Html;
using SalesPipeline.Leads;
using SalesPipeline.Reporting;
using SalesPipeline.Tests;

namespace SalesPipeline.Interactive.Tests;

// Lists of deals and leads are shown as the head of their table without building the whole table: a list of a million
// imported deals decodes each deal it is read for. The output must be what the whole table, cut, gives.
public class ListFormatterTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 1, 5, 9, 0);

    public ListFormatterTests() => SalesPipelineFormatters.Register();

    private static Deal[] Deals(int count) =>
        [
            .. Enumerable
                .Range(1, count)
                .Select(i =>
                    Deal.Open(
                        TeamDeals.Pipeline,
                        new DealId($"X-{i}"),
                        $"Deal {i}",
                        i % 3 == 0 ? "bob" : "alice",
                        Money.Of(i * 1_000.5m, Currency.USD),
                        new LocalDate(2026, 6, 30).PlusDays(-i),
                        At
                    )
                ),
        ];

    private static Lead[] Leads(int count) =>
        [
            .. Enumerable
                .Range(1, count)
                .Select(i => Lead.Create(new LeadId($"L-{i}"), $"Lead {i}", LeadSource.Web, "alice", At.Plus(Duration.FromHours(i)))),
        ];

    // What a cell showed before the formatters cut lists: the whole table, then its first rows.
    private static string WholeHtml(ReportTable table, int maxRows) => "<div class=\"sp-report\">" + table.ToHtml(maxRows) + "</div>";

    [Fact]
    public void A_long_list_is_read_only_for_the_rows_shown()
    {
        var deals = new CountingList<Deal>(Deals(1_000));
        var html = Html.Of(deals);
        Assert.Equal(SalesPipelineFormatters.DefaultMaxRows, deals.Reads);
        Assert.Equal(["980 more rows"], Html.Rows(Html.Parse(html))[^1]);
        deals.Reads = 0;
        var text = Html.TextOf(deals);
        Assert.Equal(SalesPipelineFormatters.DefaultMaxRows, deals.Reads);
        Assert.EndsWith("\n(980 more rows)", text, StringComparison.Ordinal);

        var leads = new CountingList<Lead>(Leads(50));
        Assert.Equal(["30 more rows"], Html.Rows(Html.Parse(Html.Of(leads)))[^1]);
        Assert.Equal(SalesPipelineFormatters.DefaultMaxRows, leads.Reads);
    }

    [Fact]
    public void A_sequence_without_a_count_is_enumerated_once()
    {
        var deals = new CountingSequence<Deal>(Deals(100));
        Assert.Equal(["80 more rows"], Html.Rows(Html.Parse(Html.Of(deals)))[^1]);
        Assert.Equal(1, deals.Enumerations);
        Assert.EndsWith("\n(80 more rows)", Html.TextOf(deals), StringComparison.Ordinal);
        Assert.Equal(2, deals.Enumerations);
    }

    // For every length and limit, and a list, a counted list and a sequence without a count alike, the HTML and the
    // text are those of the whole table cut to the limit.
    [Fact]
    public void A_list_shows_what_its_whole_table_cut_shows_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.Choose(0, 70).ToArbitrary(),
                Gen.Choose(1, 30).ToArbitrary(),
                Gen.Choose(0, 2).ToArbitrary(),
                (count, maxRows, kind) =>
                {
                    var deals = Deals(count);
                    var leads = Leads(count);
                    IEnumerable<T> As<T>(T[] items) =>
                        kind switch
                        {
                            0 => items,
                            1 => new CountingList<T>(items),
                            _ => new CountingSequence<T>(items),
                        };
                    SalesPipelineFormatters.Register(maxRows);
                    try
                    {
                        var dealTable = EntityTables.Deals(deals);
                        var leadTable = EntityTables.Leads(leads);
                        return Html.Of(As(deals)) == WholeHtml(dealTable, maxRows)
                            && Html.TextOf(As(deals)) == TableText.Format(dealTable, maxRows)
                            && Html.Of(As(leads)) == WholeHtml(leadTable, maxRows)
                            && Html.TextOf(As(leads)) == TableText.Format(leadTable, maxRows);
                    }
                    finally
                    {
                        SalesPipelineFormatters.Register();
                    }
                }
            )
        );
}
