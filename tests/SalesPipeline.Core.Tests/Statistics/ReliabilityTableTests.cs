using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Statistics;

namespace SalesPipeline.Tests.Statistics;

public sealed class ReliabilityTableTests
{
    // Worked by hand (N = 6, 10 bins):
    //   0.1 lost, 0.1 won, 0.15 lost -> bin [0.1, 0.2): n 3, mean f 0.35/3, frequency 1/3
    //   0.7 won                      -> bin [0.7, 0.8): n 1, mean 0.7, frequency 1
    //   0.8 won, 0.8 lost            -> bin [0.8, 0.9): n 2, mean 0.8, frequency 1/2
    // Brier = (0.01 + 0.81 + 0.0225 + 0.09 + 0.04 + 0.64) / 6 = 1.6125 / 6 = 0.26875; base rate 3/6, UNC 0.25.
    // REL = (3 (0.65/3)^2 + 1 (0.3)^2 + 2 (0.3)^2) / 6 = (169/1200 + 324/1200) / 6 = 493/7200.
    // RES = (3 (1/3 - 1/2)^2 + 1 (1/2)^2 + 2 * 0) / 6 = (1/12 + 3/12) / 6 = 1/18.
    // WBV: deviations in the first bin -1/60, -1/60, +1/30: (1/3600 + 1/3600 + 4/3600) / 6 = 1/3600.
    // WBC: outcome deviations -1/3, 2/3, -1/3 times those: 1/180 - 2/180 - 2/180 = -1/60; 2 (-1/60) / 6 = -1/180.
    // Check: 493/7200 - 400/7200 + 1800/7200 + 2/7200 + 40/7200 = 1935/7200 = 0.26875. Skill 1 - 0.26875/0.25 = -0.075.
    private static readonly (double, bool)[] Worked = [(0.1, false), (0.1, true), (0.15, false), (0.7, true), (0.8, true), (0.8, false)];

    [Fact]
    public void Of_WorkedExample_MatchesTheHandDecomposition()
    {
        var table = ReliabilityTable.Of(Worked);
        var d = table.Decomposition!;

        Assert.Equal(6, table.Count);
        Assert.Equal(0.26875, table.Brier!.Value, 12);
        Assert.Equal(0.5, table.BaseRate!.Value, 12);
        Assert.Equal(493.0 / 7200, d.Reliability, 12);
        Assert.Equal(1.0 / 18, d.Resolution, 12);
        Assert.Equal(0.25, d.Uncertainty, 12);
        Assert.Equal(1.0 / 3600, d.WithinBinVariance, 12);
        Assert.Equal(-1.0 / 180, d.WithinBinCovariance, 12);
        Assert.Equal(0.26875, d.Total, 12);
        Assert.Equal(-0.075, table.SkillScore!.Value, 12);
        Assert.Equal(3, table.Bins[1].Count);
        Assert.Equal(0.35 / 3, table.Bins[1].MeanForecast!.Value, 12);
        Assert.Equal(1.0 / 3, table.Bins[1].ObservedFrequency!.Value, 12);
    }

    [Fact]
    public void Of_OneValuePerBin_GivesMurphysThreeTermsExactly()
    {
        // Forecasts 0.2 (x4, 1 event) and 0.7 (x4, 3 events): one value per bin, so WBV = WBC = 0 and
        // REL = (4 (0.2 - 0.25)^2 + 4 (0.7 - 0.75)^2) / 8 = 0.0025, RES = (4 (0.25 - 0.5)^2 * 2) / 8 = 0.0625, UNC = 0.25;
        // By terms: 0.0025 - 0.0625 + 0.25 = 0.19.
        // Directly: 0.2 forecasts: one event (0.64), three non-events (0.04 each) = 0.76; 0.7 forecasts: three events
        // (0.09 each), one non-event (0.49) = 0.76; (0.76 + 0.76) / 8 = 0.19.
        var forecasts = new List<(double, bool)>();
        forecasts.AddRange([(0.2, true), (0.2, false), (0.2, false), (0.2, false)]);
        forecasts.AddRange([(0.7, true), (0.7, true), (0.7, true), (0.7, false)]);

        var table = ReliabilityTable.Of(forecasts);
        var d = table.Decomposition!;

        Assert.Equal(0.19, table.Brier!.Value, 12);
        Assert.Equal(0.0025, d.Reliability, 12);
        Assert.Equal(0.0625, d.Resolution, 12);
        Assert.Equal(0.25, d.Uncertainty, 12);
        Assert.Equal(0.0, d.WithinBinVariance, 15);
        Assert.Equal(0.0, d.WithinBinCovariance, 15);
        Assert.Equal(1 - 0.19 / 0.25, table.SkillScore!.Value, 12);
    }

    [Fact]
    public void Of_BinRule_PutsWrittenEdgesInTheBinTheyStart()
    {
        // 0.3 as a double is 0.29999999999999998; the decimal rule still puts it in [0.3, 0.4). 1 goes in the last bin.
        var table = ReliabilityTable.Of([(0.3, true), (0.0, false), (1.0, true), (0.999, false)]);

        Assert.Equal(1, table.Bins[3].Count);
        Assert.Equal(0, table.Bins[2].Count);
        Assert.Equal(1, table.Bins[0].Count);
        Assert.Equal(2, table.Bins[9].Count);
    }

    [Fact]
    public void Of_ThreeBins_HasThirdsAsBounds()
    {
        var table = ReliabilityTable.Of([(0.5, true)], bins: 3);

        Assert.Equal(3, table.Bins.Count);
        Assert.Equal(1, table.Bins[1].Count);
        Assert.Equal("[0.333, 0.667): 1 forecasts, mean 0.500, won 1.000", table.Bins[1].ToString());
        Assert.Equal("[0.667, 1.0]: 0 forecasts, mean -, won -", table.Bins[2].ToString());
    }

    [Fact]
    public void Of_NoForecasts_HasNullScoresAndEmptyBins()
    {
        var table = ReliabilityTable.Of([]);

        Assert.Equal(0, table.Count);
        Assert.Null(table.Brier);
        Assert.Null(table.BaseRate);
        Assert.Null(table.Decomposition);
        Assert.Null(table.SkillScore);
        Assert.All(table.Bins, b => Assert.Equal(0, b.Count));
    }

    [Fact]
    public void Of_AllOutcomesTheSame_HasNoSkillScore()
    {
        // UNC = 1 (1 - 1) = 0: climatology is perfect, so skill relative to it is undefined (null, not NaN or -infinity).
        var table = ReliabilityTable.Of([(0.9, true), (0.6, true)]);

        Assert.Equal(0.0, table.Decomposition!.Uncertainty);
        Assert.Null(table.SkillScore);
        Assert.Equal((0.01 + 0.16) / 2, table.Brier!.Value, 12);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Of_ProbabilityOutsideZeroOne_ThrowsNamingThePosition(double p)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ReliabilityTable.Of([(0.5, true), (p, false)]));

        Assert.Equal("forecasts", ex.ParamName);
        Assert.Contains("Forecast 1 has probability", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Of_BinsOutOfRange_Throws(int bins)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ReliabilityTable.Of([(0.5, true)], bins));

        Assert.Equal("bins", ex.ParamName);
        Assert.Equal(bins, ex.ActualValue);
    }

    [Fact]
    public void Of_Null_Throws() => Assert.Throws<ArgumentNullException>("forecasts", () => ReliabilityTable.Of(null!));

    [Fact]
    public void ToString_PrintsTheScoreTheDecompositionAndTheBins()
    {
        var lines = ReliabilityTable.Of(Worked).ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(13, lines.Length);
        Assert.Equal("Brier 0.2688 over 6 forecasts", lines[0]);
        Assert.Equal("REL 0.0685 - RES 0.0556 + UNC 0.2500 + WBV 0.0003 - WBC -0.0056; base rate 0.500, skill -0.075", lines[1]);
        Assert.Equal("Bin           Count  Forecast    Won", lines[2]);
        Assert.Equal("[0.1, 0.2)        3     0.117  0.333", lines[4]);
        Assert.Equal("[0.9, 1.0]        0         -      -", lines[12]);
    }

    private static readonly Arbitrary<(double Probability, bool Outcome)[]> Forecasts = (
        from n in Gen.Choose(1, 60)
        from items in Gen.ArrayOf(
            from micro in Gen.Choose(0, 1_000_000)
            from outcome in Gen.Elements(true, false)
            select (micro / 1_000_000.0, outcome),
            n
        )
        select items
    ).ToArbitrary();

    [Fact]
    public void Of_DecompositionAddsUpToTheBrierScore_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Forecasts,
                Gen.Choose(1, 20).ToArbitrary(),
                (forecasts, bins) =>
                {
                    var table = ReliabilityTable.Of(forecasts, bins);
                    var brier = forecasts.Average(f => Math.Pow(f.Probability - (f.Outcome ? 1 : 0), 2));
                    var d = table.Decomposition!;
                    return Math.Abs(d.Total - table.Brier!.Value) < 1e-12
                        && Math.Abs(brier - table.Brier.Value) < 1e-12
                        && d.Reliability >= 0
                        && d.Resolution >= 0
                        && d.WithinBinVariance >= 0
                        && table.Bins.Sum(b => b.Count) == forecasts.Length;
                }
            )
        );

    [Fact]
    public void Of_OneBin_HasNoResolutionAndReliabilityIsTheMeanBias_Property() =>
        // Second characterisation: with a single bin, RES = 0 and REL = (mean forecast - base rate)^2.
        PropertyAssert.Holds(
            Prop.ForAll(
                Forecasts,
                forecasts =>
                {
                    var d = ReliabilityTable.Of(forecasts, 1).Decomposition!;
                    var bias = forecasts.Average(f => f.Probability) - forecasts.Average(f => f.Outcome ? 1.0 : 0.0);
                    return Math.Abs(d.Resolution) < 1e-15 && Math.Abs(d.Reliability - bias * bias) < 1e-12;
                }
            )
        );
}
