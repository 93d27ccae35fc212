using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SalesPipeline.Forecasting;

/// <summary>
/// The accuracy of a set of probability forecasts against the outcomes: the Brier score and a reliability table of ten
/// bins, [0, 0.1), [0.1, 0.2), ..., [0.8, 0.9), [0.9, 1.0].
/// </summary>
/// <remarks>
/// <para>The Brier score is the mean of (p - o)^2 over the forecasts, with p the forecast probability and o the outcome
/// (1 won, 0 lost): 0 is perfect, 0.25 is what always saying 0.5 scores. Example: forecasts 0.1 and 0.3 for a deal that
/// was won and 0.1 for one that was lost score ((0.9)^2 + (0.7)^2 + (0.1)^2) / 3 = 1.31 / 3 = 0.4367.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class ReliabilityTable
{
    private ReliabilityTable(int count, double? brier, IReadOnlyList<ReliabilityBin> bins)
    {
        Count = count;
        Brier = brier;
        Bins = bins;
    }

    /// <summary>How many forecasts were scored.</summary>
    public int Count { get; }

    /// <summary>The Brier score, mean (p - o)^2, in [0, 1]; null when there are no forecasts.</summary>
    public double? Brier { get; }

    /// <summary>The ten bins in order, empty ones included.</summary>
    public IReadOnlyList<ReliabilityBin> Bins { get; }

    internal static ReliabilityTable Of(IEnumerable<(decimal Probability, bool Won)> forecasts)
    {
        var counts = new int[10];
        var sums = new double[10];
        var wins = new int[10];
        var squares = 0.0;
        var count = 0;
        foreach (var (probability, won) in forecasts)
        {
            // Decimal arithmetic puts 0.3 in [0.3, 0.4) exactly, where double would see 2.9999... .
            var bin = probability >= 1m ? 9 : (int)(probability * 10m);
            var p = (double)probability;
            var o = won ? 1.0 : 0.0;
            counts[bin]++;
            sums[bin] += p;
            wins[bin] += won ? 1 : 0;
            squares += (p - o) * (p - o);
            count++;
        }
        var bins = new ReliabilityBin[10];
        for (var b = 0; b < 10; b++)
        {
            bins[b] = new ReliabilityBin(
                b / 10m,
                (b + 1) / 10m,
                counts[b],
                counts[b] == 0 ? null : sums[b] / counts[b],
                counts[b] == 0 ? null : (double)wins[b] / counts[b]
            );
        }
        return new ReliabilityTable(count, count == 0 ? null : squares / count, bins.AsReadOnly());
    }

    /// <summary>The Brier score, then one row per bin: range, count, mean forecast, observed frequency.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Brier {PipelineChain.Fixed(Brier, "0.0000")} over {Count} forecasts\n");
        return AppendBins(sb).ToString();
    }

    internal StringBuilder AppendBins(StringBuilder sb)
    {
        sb.Append(CultureInfo.InvariantCulture, $"{"Bin", -12} {"Count", 6} {"Forecast", 9} {"Won", 6}\n");
        foreach (var bin in Bins)
        {
            var range = string.Create(CultureInfo.InvariantCulture, $"[{bin.Lower:0.0}, {bin.Upper:0.0}{(bin.Upper == 1m ? "]" : ")")}");
            sb.Append(
                CultureInfo.InvariantCulture,
                $"{range, -12} {bin.Count, 6} {PipelineChain.Fixed(bin.MeanForecast, "0.000"), 9} {PipelineChain.Fixed(bin.ObservedFrequency, "0.000"), 6}\n"
            );
        }
        return sb;
    }
}
