using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Forecasting.Calibration.CalibrationFixtures;

namespace SalesPipeline.Tests.Results;

// The forecast, calibration and funnel tables pinned with their exact text. The inputs are small and the numbers in the
// expected text are worked out by hand in the comments; only the column padding is mechanical (the format strings of
// each ToString).
public class ForecastTablesTests
{
    private static readonly PipelineDefinition AbcPipeline = Abc();

    [Fact]
    public void ReliabilityTable()
    {
        // Two bins, [0, 0.5) and [0.5, 1]. 0.2 lost, 0.4 won: n 2, mean 0.3, won 1/2. 0.6 won, 0.8 won: n 2, mean 0.7,
        // won 1. Brier = (0.04 + 0.36 + 0.16 + 0.04) / 4 = 0.15; base rate 3/4, UNC 3/4 x 1/4 = 0.1875.
        // REL = (2 x 0.2^2 + 2 x 0.3^2) / 4 = 0.065; RES = (2 x 0.25^2 + 2 x 0.25^2) / 4 = 0.0625.
        // WBV = (0.1^2 + 0.1^2 + 0.1^2 + 0.1^2) / 4 = 0.01; WBC = 2 x ((-0.1)(-0.5) + (0.1)(0.5) + 0 + 0) / 4 = 0.05.
        // Check: 0.065 - 0.0625 + 0.1875 + 0.01 - 0.05 = 0.15. Skill = 1 - 0.15 / 0.1875 = 0.2.
        var table = SalesPipeline.Statistics.ReliabilityTable.Of([(0.2, false), (0.4, true), (0.6, true), (0.8, true)], bins: 2);

        const string expected = """
            Brier 0.1500 over 4 forecasts
            REL 0.0650 - RES 0.0625 + UNC 0.1875 + WBV 0.0100 - WBC 0.0500; base rate 0.750, skill 0.200
            Bin           Count  Forecast    Won
            [0.0, 0.5)        2     0.300  0.500
            [0.5, 1.0]        2     0.700  1.000
            """;
        Assert.Equal(expected + "\n", table.ToString());
    }

    [Fact]
    public void PipelineChain()
    {
        // Stint lengths in days in brackets; C is never entered, o5 is open in A (censored, no exit).
        //   d1: A [2] -> B [3] -> Won        d2: A [2] -> B [5] -> Won
        //   d3: A [2] -> B [4] -> A [6] -> Lost    d4: A [2] -> B [4] -> Lost
        // Exits of A: to B 4, to Lost 1 (5, days 2+2+2+2+6 = 14, mean 2.8). Exits of B: Won 2, Lost 1, A 1 (4, days
        // 3+5+4+4 = 16, mean 4.0). Win: w_A = 4/5 w_B, w_B = 2/4 + 1/4 w_A, so w_A = 1/2, w_B = 5/8; loss is the rest:
        // 1/2 and 3/8. N = (I - Q)^-1 = [[5/4, 1], [5/16, 5/4]]: days to close from A 5/4 x 2.8 + 1 x 4 = 7.5, from B
        // 5/16 x 2.8 + 5/4 x 4 = 5.875 -> 5.9.
        var deals = new[]
        {
            Script(AbcPipeline, "d1", (2, "b"), (5, "won")),
            Script(AbcPipeline, "d2", (2, "b"), (7, "won")),
            Script(AbcPipeline, "d3", (2, "b"), (6, "a"), (12, "lost")),
            Script(AbcPipeline, "d4", (2, "b"), (6, "lost")),
            Script(AbcPipeline, "o5"),
        };
        var chain = StageCalibration.FromHistory(deals, AbcPipeline).Chain;

        const string expected = """
            Stage                  Exits  Days in    Win   Loss  Days to close
            A                          5      2.8  0.500  0.500            7.5
            B                          4      4.0  0.625  0.375            5.9
            C                          0        -      -      -              -
            """;
        Assert.Equal(expected + "\n", chain.ToString());
    }
}
