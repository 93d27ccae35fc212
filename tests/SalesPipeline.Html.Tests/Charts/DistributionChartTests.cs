using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Html.Tests.Support;
using SalesPipeline.Tests;
using static SalesPipeline.Html.Tests.Support.SvgShapes;

namespace SalesPipeline.Html.Tests.Charts;

public sealed class DistributionChartTests
{
    private static readonly string[] Stages = ["prospecting", "qualified", "proposal", "negotiation"];

    [Fact]
    public void More_than_60_values_are_gathered_into_50_equal_bins()
    {
        // Six deals in Proposal (50%) of 1,000, 2,000, 4,000 ... 32,000: each sum 0, 1,000 ... 63,000 has probability 1/64.
        Deal[] deals =
        [
            .. Enumerable.Range(0, 6).Select(i => Book.To("B" + i, "alice", 1_000m * (1 << i), new LocalDate(2026, 3, 20), "proposal")),
        ];
        var distribution = Forecast.Distribution(deals, Book.Pipeline, Book.March);
        Assert.Equal(64, distribution.Points.Count);

        var svg = new SvgShapes(SvgCharts.Distribution(distribution));

        // 50 bins of 63,000 / 50 = 1,260 over 568 px: 11.36 px from x 84, bars 1 px narrower. Value 1,000 k falls in bin
        // floor(k x 1,000 / 1,260) (the last, 63,000, in bin 49): 14 bins hold two values, 36 one. The tallest, 2 / 64 =
        // 3.125%, sets the axis to 0..4% (0.03125 / 5 rounds up to 0.01): 2 / 64 -> 165.63 px, 1 / 64 -> 82.81 px.
        var bars = svg.Marks("bar");
        Assert.Equal(50, bars.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => Math.Round(84 + (11.36 * i), 2)), bars.Select(b => Number(b, "x")));
        Assert.All(bars, b => Assert.Equal(10.36, Number(b, "width")));
        var perBin = Enumerable.Range(0, 64).GroupBy(k => Math.Min(49, k * 1_000 / 1_260)).Select(g => g.Count()).ToList();
        Assert.Equal(14, perBin.Count(c => c == 2));
        Assert.Equal(perBin.Select(c => c == 2 ? 165.63 : 82.81), bars.Select(b => Number(b, "height")));
        // P10: the 7th value (7 / 64 >= 0.1), 6,000; P50: the 32nd, 31,000; P90: the 58th, 57,000; x = 84 + v / 63,000 x 568.
        Assert.Equal([138.1, 363.49, 597.9], svg.Marks("marker").Select(m => Number(m, "x1")));
    }

    [Fact]
    public void The_markers_sit_where_the_axis_maps_the_distributions_percentiles() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Arb.From(
                    Gen.Zip(Gen.Choose(1, 300), Gen.Choose(0, 3)).ListOf().Where(l => l.Count is > 0 and <= 9).Select(l => l.ToArray())
                ),
                specs =>
                {
                    Deal[] deals =
                    [
                        .. specs.Select(
                            (s, i) => Book.To("R" + i, "alice", 250m * s.Item1, new LocalDate(2026, 3, 1 + i), Stages[s.Item2])
                        ),
                    ];
                    var distribution = Forecast.Distribution(deals, Book.Pipeline, Book.March);

                    var svg = new SvgShapes(SvgCharts.Distribution(distribution));

                    var lo = (double)distribution.Points[0].Value.Amount;
                    var hi = (double)distribution.Points[^1].Value.Amount;
                    double X(Money p) => hi > lo ? 84 + ((double)p.Amount - lo) / (hi - lo) * 568 : 368;
                    var expected = new[] { distribution.P10, distribution.P50, distribution.P90 }.Select(p =>
                        Math.Round(X(p), 2, MidpointRounding.AwayFromZero)
                    );
                    Assert.Equal(expected, svg.Marks("marker").Select(m => Number(m, "x1")));
                    // One bar per value with a positive probability, or one per non-empty bin beyond 60 values.
                    var bars = svg.Marks("bar").Count;
                    Assert.True(
                        distribution.Points.Count <= 60 ? bars == distribution.Points.Count(p => p.Probability > 0) : bars is > 0 and <= 50
                    );
                }
            )
        );
}
