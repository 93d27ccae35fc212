using System.Xml.Linq;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Html.Tests.Support;
using SalesPipeline.Metrics;
using static SalesPipeline.Html.Tests.Support.SvgShapes;

namespace SalesPipeline.Html.Tests.Charts;

// The charts of the book (Support/Book.cs, figures worked out there by hand) measured shape by shape. The layouts are in
// docs/html.md; each expected number is derived in the comment above it.
public sealed class ChartGeometryTests
{
    private static double[] Attr(IEnumerable<XElement> shapes, string attribute) => [.. shapes.Select(s => Number(s, attribute))];

    [Fact]
    public void Funnel_bars_are_proportional_to_the_deals_that_reached_each_stage()
    {
        var svg = new SvgShapes(SvgCharts.Funnel(Book.Funnel()));
        var bars = svg.Marks("bar");

        // Reached 7, 5, 4, 3. The axis runs from 0 to 8 (ticks every 2: 7 / 5 = 1.4 rounds up to 2) over 320 px from x 168,
        // so a bar is 40 px per deal: 280, 200, 160, 120. Rows are 32 px from y 40, bars 22 px high and centred: y 45 + 32 i.
        Assert.Equal([280, 200, 160, 120], Attr(bars, "width"));
        Assert.Equal([168, 168, 168, 168], Attr(bars, "x"));
        Assert.Equal([45, 77, 109, 141], Attr(bars, "y"));
        Assert.Equal([22, 22, 22, 22], Attr(bars, "height"));
        var widths = Attr(bars, "width");
        int[] reached = [7, 5, 4, 3];
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(widths[0] / reached[0], widths[i] / reached[i], 9));
        Assert.Equal(["Prospecting", "Qualified", "Proposal", "Negotiation"], bars.Select(b => Tooltip(b).Split(':')[0]));
        // The bottleneck (Qualified: 1 of 5 lost, the largest loss rate) is the one red bar.
        Assert.Equal(["#4e79a7", "#e15759", "#4e79a7", "#4e79a7"], bars.Select(b => (string?)b.Attribute("fill")));
        Assert.Contains("7, 71.4% to next", svg.Texts());
    }

    [Fact]
    public void Forecast_bars_show_won_expected_commit_and_best_case_side_by_side()
    {
        var svg = new SvgShapes(SvgCharts.Forecast(Book.StageWeighted(), Book.Categories()));
        var bars = svg.Marks("bar");

        // 3 periods x 4 series. March: won 25,000 (C); expected 25,000 + 100,000 x 0.5 + 40,000 x 0.8 = 107,000; commit
        // (closed + commit) 25,000 + 40,000 (B in Negotiation, Commit) = 65,000; best case 65,000 + 100,000 (A in Proposal,
        // Best case) = 165,000. January and February: nothing.
        Assert.Equal(12, bars.Count);
        var march = bars.Skip(8).ToList();
        // Axis 0..200,000 (165,000 / 5 = 33,000 rounds up to a 50,000 step) over 220 px: 0.0011 px per dollar.
        Assert.Equal([27.5, 117.7, 71.5, 181.5], Attr(march, "height"));
        Assert.Equal([248.5, 158.3, 204.5, 94.5], Attr(march, "y"));
        // Groups of 624 / 3 = 208 px from x 80, bars in the middle 80%: 41.6 px each from 496 + 20.8 = 516.8.
        Assert.Equal([516.8, 558.4, 600, 641.6], Attr(march, "x"));
        Assert.All(march, b => Assert.Equal(41.6, Number(b, "width")));
        Assert.All(bars.Take(8), b => Assert.Equal(0, Number(b, "height")));
        Assert.Equal("2026-03, Expected (stage-weighted): 107,000.00 USD", Tooltip(march[1]));
        Assert.Contains("107k", svg.Texts());
        Assert.Contains("Revenue (USD)", svg.Texts());
    }

    [Fact]
    public void Forecast_without_categories_draws_two_series()
    {
        var bars = new SvgShapes(SvgCharts.Forecast(Book.StageWeighted())).Marks("bar");

        // Groups of 208 px, two bars of 208 x 0.8 / 2 = 83.2 px; March: 25,000 and 107,000 on an axis to 150,000
        // (107,000 / 5 = 21,400 rounds up to 50,000): 220 x 25 / 150 = 36.67 and 220 x 107 / 150 = 156.93.
        Assert.Equal(6, bars.Count);
        Assert.Equal([36.67, 156.93], Attr(bars.Skip(4), "height"));
        Assert.Equal([516.8, 600], Attr(bars.Skip(4), "x"));
    }

    [Fact]
    public void Distribution_marks_P10_P50_P90_where_the_axis_maps_the_percentiles()
    {
        var distribution = Book.MarchDistribution();
        var svg = new SvgShapes(SvgCharts.Distribution(distribution, Money.Of(100_000m, Book.Usd)));

        // Revenue 25,000 (0.1), 65,000 (0.4), 125,000 (0.1), 165,000 (0.4): P10 25,000, P50 65,000, P90 165,000. The axis
        // maps 25,000..165,000 to x 84..652: x(v) = 84 + (v - 25,000) / 140,000 x 568.
        var markers = svg.Marks("marker");
        Assert.Equal([84, 246.29, 652], Attr(markers, "x1"));
        Assert.Equal(Attr(markers, "x1"), Attr(markers, "x2"));
        Assert.Equal(["P10: 25,000.00 USD", "P50: 65,000.00 USD", "P90: 165,000.00 USD"], markers.Select(Tooltip));
        // The same positions from the distribution's own percentiles through the axis.
        foreach (var (marker, p) in markers.Zip(new[] { distribution.P10, distribution.P50, distribution.P90 }))
        {
            Assert.Equal(Math.Round(84 + ((double)(p.Amount - 25_000m) / 140_000 * 568), 2), Number(marker, "x1"));
        }
        // The target, 100,000: x 84 + 75,000 / 140,000 x 568 = 388.29; reached with 0.1 + 0.4 = 50%.
        var target = svg.Marks("target").Single();
        Assert.Equal(388.29, Number(target, "x1"));
        Assert.Equal("Target 100,000.00 USD: chance of reaching it 50.0%", Tooltip(target));
        Assert.Contains(svg.Texts(), t => t.EndsWith("chance of reaching 100,000.00 USD: 50.0%", StringComparison.Ordinal));
        // One bar per value, 24 px wide (568 / 4 x 0.6 = 85.2, at most 24), centred on x(v): 84, 246.29, 489.71, 652.
        // Heights on an axis 0..40% (0.4 / 5 = 0.08 rounds to 0.1) over 212 px: 0.1 -> 53, 0.4 -> 212.
        var bars = svg.Marks("bar");
        Assert.Equal([72, 234.29, 477.71, 640], Attr(bars, "x"));
        Assert.Equal([53, 212, 53, 212], Attr(bars, "height"));
        Assert.Equal([247, 88, 247, 88], Attr(bars, "y"));
        // The cumulative curve steps 0 -> 0.1 -> 0.5 -> 0.6 -> 1 at the four values (y 300 - 212 x cumulative).
        var cdf = svg.Marks("cdf").Single();
        Assert.Equal(
            "72,300 84,300 84,278.8 246.29,278.8 246.29,194 489.71,194 489.71,172.8 652,172.8 652,88 664,88",
            (string?)cdf.Attribute("points")
        );
    }

    [Fact]
    public void A_target_beyond_the_outcomes_widens_the_axis_to_it()
    {
        var svg = new SvgShapes(SvgCharts.Distribution(Book.MarchDistribution(), Money.Of(200_000m, Book.Usd)));

        // The axis now runs 25,000..200,000: x(165,000) = 84 + 140,000 / 175,000 x 568 = 538.4; no outcome reaches 200,000.
        // x(65,000) = 84 + 40,000 / 175,000 x 568 = 213.83.
        Assert.Equal([84, 213.83, 538.4], Attr(svg.Marks("marker"), "x1"));
        Assert.Equal(652, Number(svg.Marks("target").Single(), "x1"));
        Assert.Contains(svg.Texts(), t => t.EndsWith("chance of reaching 200,000.00 USD: 0.0%", StringComparison.Ordinal));
    }

    [Fact]
    public void Velocity_tiles_give_the_four_levers_and_the_result()
    {
        var svg = new SvgShapes(SvgCharts.VelocityLevers(Book.VelocityQ1()));

        // Q1 2026: N = 3 (A, B, G), A = 25,000 (C), W = 1 / 2 (C won, D lost), C = 64 days 3 hours = 64.125 days,
        // V = 3 x 25,000 x 0.5 / 64.125 = 584.795... = 584.80 per day.
        var tiles = svg.Marks("lever");
        Assert.Equal(
            [
                "Open deals (N): 3",
                "Average won (A): 25,000.00 USD",
                "Win rate (W): 50.0%",
                "Average cycle (C): 64.1 days",
                "Velocity (V): 584.80 USD/day",
            ],
            tiles.Select(Tooltip)
        );
        Assert.Equal([8, 152, 296, 440, 584], Attr(tiles, "x"));
    }

    [Fact]
    public void A_long_amount_on_a_tile_is_shown_short_and_whole_in_its_tooltip()
    {
        // One deal of 123,456,789.00 won in Q1 2026 and nothing open at its end: A = 123,456,789.00 USD (18 characters,
        // more than a tile holds) is shown as 123.46M USD; V = 0 x A x 1 / C = 0.00 USD/day fits.
        var won = Book.Pipeline.Win(
            Book.To("BIG", "alice", 123_456_789m, new LocalDate(2026, 3, 15), "negotiation"),
            NodaTime.Instant.FromUtc(2026, 3, 10, 12, 0),
            "alice"
        );
        var svg = new SvgShapes(
            SvgCharts.VelocityLevers(SalesVelocity.Of([won], SalesPipeline.Calendars.FiscalCalendar.Calendar.Quarter(2026, 1)))
        );

        Assert.Contains("123.46M USD", svg.Texts());
        Assert.Contains("0.00 USD/day", svg.Texts());
        Assert.Equal("Average won (A): 123,456,789.00 USD", Tooltip(svg.Marks("lever")[1]));
    }

    [Fact]
    public void Velocity_change_is_a_waterfall_from_before_to_after()
    {
        var before = Book.VelocityQ4();
        var after = Book.VelocityQ1();
        var comparison = SalesVelocity.Compare(before, after);
        var svg = new SvgShapes(SvgCharts.VelocityLevers(comparison));

        // Before 1 x 30,000 x 0.5 / 45 = 333.33; after 584.80; the running top reaches 333.33 + the open deals' step, under
        // 1,000 (ticks of 200); the plot spans y 48..276, so 228 px stand for 1,000: 0.228 px per dollar a day.
        Assert.Equal(333.33m, before.PerDay!.Amount);
        Assert.Equal(584.80m, after.PerDay!.Amount);
        var totals = svg.Marks("bar");
        Assert.Equal([76, 133.33], Attr(totals, "height"));
        Assert.Equal([200, 142.67], Attr(totals, "y"));
        // The four steps, each as tall as its contribution, chain from before's top to after's: their signed heights add
        // up to after - before (251.47 x 0.228 = 57.33), within the 0.01 px rounding of each.
        var steps = svg.Marks("step");
        Assert.Equal(4, steps.Count);
        var signed = steps.Select(s => ((string?)s.Attribute("fill") == "#59a14f" ? 1 : -1) * Number(s, "height")).Sum();
        Assert.Equal(57.33, signed, 0.05);
        Assert.Equal(["Open deals", "Average won", "Win rate", "Cycle length"], steps.Select(s => Tooltip(s).Split(':')[0]));
    }

    [Fact]
    public void Aging_bars_give_the_outstanding_amount_of_each_bucket()
    {
        var svg = new SvgShapes(SvgCharts.Aging(Book.Aging()));
        var bars = svg.Marks("bar");

        // docs/receivables.md's book on 2026-04-10: current 1,000 (C-2 due that day), 1-30 3,500 (C-1's third, due 03-31),
        // 31-60 2,500 (C-1's second, 6,000 paid down to 2,500), 61-90 0, over 90 900 (C-3 due 2025-12-01): 7,900 in all.
        // Axis 0..4,000 (3,500 / 5 = 700 rounds up to 1,000) over 220 px: 55, 192.5, 137.5, 0, 49.5.
        Assert.Equal([55, 192.5, 137.5, 0, 49.5], Attr(bars, "height"));
        // Five groups of 124.8 px from x 80, one bar of 99.84 px in the middle 80% of each.
        Assert.Equal([92.48, 217.28, 342.08, 466.88, 591.68], Attr(bars, "x"));
        Assert.Equal(["current", "1-30", "31-60", "61-90", "over 90"], bars.Select(b => Tooltip(b).Split(',')[0]));
    }

    [Fact]
    public void Cash_forecast_bars_keep_scheduled_won_and_pipeline_apart()
    {
        var svg = new SvgShapes(SvgCharts.CashForecast(Book.Cash()));
        var bars = svg.Marks("bar");

        // Groups: overdue (6,900), April, May, June, undated (1,000); outside periods holds nothing and is left out.
        // Scheduled 6,900 / 1,000 / 0 / 0 / 1,000; won not scheduled 0 / 1,000 / 1,000 / 0 / 0; weighted pipeline
        // 0 / 2,500 / 2,500 / 0 / 0 (Book.Cash). Axis 0..8,000 (6,900 / 5 = 1,380 rounds to 2,000): 220 / 8,000 px each.
        Assert.Equal(15, bars.Count);
        Assert.Equal([189.75, 0, 0, 27.5, 27.5, 68.75, 0, 27.5, 68.75, 0, 0, 0, 27.5, 0, 0], Attr(bars, "height"));
        Assert.Equal(
            ["overdue", "2026-04", "2026-05", "2026-06", "undated"],
            bars.Where((_, i) => i % 3 == 0).Select(b => Tooltip(b).Split(',')[0])
        );
    }

    [Fact]
    public void Pipeline_diagram_has_a_tile_per_open_stage_in_order_then_won_and_lost()
    {
        var svg = new SvgShapes(SvgCharts.Pipeline(Book.Pipeline));

        // PipelineDefinition.Default: four open stages at x 16 + 160 i, then Won at 656 and Lost under it; 16 + 5 x 160 - 28 + 16 = 804 wide.
        var stages = svg.Marks("stage");
        Assert.Equal([16, 176, 336, 496], Attr(stages, "x"));
        Assert.Equal(
            [
                "Prospecting (prospecting): win probability 10.0%, category Pipeline, no exit criteria",
                "Qualified (qualified): win probability 20.0%, category Pipeline, 3 exit criteria: use-case, technical-fit, budget",
                "Proposal (proposal): win probability 50.0%, category Best case, no exit criteria",
                "Negotiation (negotiation): win probability 80.0%, category Commit, no exit criteria",
            ],
            stages.Select(Tooltip)
        );
        Assert.Equal(656, Number(svg.Marks("won").Single(), "x"));
        Assert.Equal([656, 156], [Number(svg.Marks("lost").Single(), "x"), Number(svg.Marks("lost").Single(), "y")]);
        Assert.Equal("0 0 804 236", (string?)svg.Root.Attribute("viewBox"));
        // An arrow from each open stage to the next tile, and the rail to Lost.
        Assert.Equal(5, svg.Marks("arrow").Count);
    }
}
