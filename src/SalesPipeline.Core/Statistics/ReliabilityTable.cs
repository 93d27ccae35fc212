using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SalesPipeline.Utility;

namespace SalesPipeline.Statistics;

/// <summary>
/// The accuracy of any list of probability forecasts against what happened: the Brier score, its Murphy decomposition
/// (<see cref="BrierDecomposition"/>), the Brier skill score against the base rate, and a reliability table of equal-width
/// bins.
/// </summary>
/// <remarks>
/// <para><b>Brier score</b>: the mean of (p - o)^2 over the N forecasts, with p the forecast probability and o the outcome
/// (1 true, 0 false): 0 is perfect, 0.25 is what always saying 0.5 scores. Example: forecasts 0.1 and 0.3 for deals that
/// were won and 0.1 for one that was lost score ((0.9)^2 + (0.7)^2 + (0.1)^2) / 3 = 1.31 / 3 = 0.4367.</para>
/// <para><b>Bins</b>: B equal-width bins (10 by default); the j-th (j = 0 .. B-1) is [j/B, (j+1)/B), the last one
/// [(B-1)/B, 1] with 1 included. A probability goes in bin floor(p B), computed in <c>decimal</c> on p converted with
/// <c>(decimal)p</c> (which keeps 15 significant digits), so 0.3 lands in [0.3, 0.4) as written, not in [0.2, 0.3) as the
/// double 0.29999999999999998 times 10 would put it. The bin only groups forecasts; every score uses p unchanged.</para>
/// <para><b>Skill</b>: <see cref="SkillScore"/> = 1 - Brier / UNC, the Brier skill score against climatology (always
/// forecasting the sample's base rate o, which scores UNC = o (1 - o)): 1 is perfect, 0 no better than the base rate,
/// negative worse. It is null when every outcome is the same (UNC = 0: nothing to be skilful about).</para>
/// <para>Example (worked by hand in the tests): 0.1 lost, 0.1 won, 0.15 lost, 0.7 won, 0.8 won, 0.8 lost. Brier =
/// 1.6125 / 6 = 0.26875; base rate 0.5, UNC 0.25; REL 493/7200 = 0.06847, RES 1/18 = 0.05556, WBV 1/3600 = 0.00028,
/// WBC -1/180 = -0.00556; skill 1 - 0.26875 / 0.25 = -0.075.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class ReliabilityTable
{
    private ReliabilityTable(
        int count,
        double? brier,
        double? baseRate,
        BrierDecomposition? decomposition,
        IReadOnlyList<ReliabilityBin> bins
    )
    {
        Count = count;
        Brier = brier;
        BaseRate = baseRate;
        Decomposition = decomposition;
        Bins = bins;
    }

    /// <summary>How many forecasts were scored.</summary>
    public int Count { get; }

    /// <summary>The Brier score, mean (p - o)^2, in [0, 1]; null when there are no forecasts.</summary>
    public double? Brier { get; }

    /// <summary>The base rate o, the share of outcomes that were true; null when there are no forecasts.</summary>
    public double? BaseRate { get; }

    /// <summary>The Brier score's decomposition over <see cref="Bins"/>; null when there are no forecasts.</summary>
    public BrierDecomposition? Decomposition { get; }

    /// <summary>The Brier skill score against the base rate, 1 - Brier / UNC; null when there are no forecasts or every
    /// outcome is the same (UNC = 0).</summary>
    public double? SkillScore => Decomposition is { Uncertainty: > 0 } d ? 1 - Brier!.Value / d.Uncertainty : null;

    /// <summary>The bins in order, empty ones included.</summary>
    public IReadOnlyList<ReliabilityBin> Bins { get; }

    /// <summary>Scores probability forecasts against their outcomes.</summary>
    /// <param name="forecasts">The forecasts: each a probability in [0, 1] and whether the event happened (a deal won).</param>
    /// <param name="bins">The number of equal-width bins; 1 to 1000, 10 by default.</param>
    /// <returns>The table; with no forecasts, every score is null and the bins are empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="forecasts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability is NaN or outside [0, 1] (the message gives its
    /// position), or <paramref name="bins"/> is not between 1 and 1000.</exception>
    /// <example><code>
    /// var table = ReliabilityTable.Of([(0.1, false), (0.1, true), (0.15, false), (0.7, true), (0.8, true), (0.8, false)]);
    /// // table.Brier = 0.26875, table.SkillScore = -0.075, table.Decomposition.Resolution = 0.0556
    /// </code></example>
    public static ReliabilityTable Of(IEnumerable<(double Probability, bool Outcome)> forecasts, int bins = 10)
    {
        Preconditions.CheckNotNull(forecasts);
        Preconditions.CheckRange(
            bins is >= 1 and <= 1000,
            nameof(bins),
            bins,
            $"The number of bins must be between 1 and 1000; it was {bins.ToString(CultureInfo.InvariantCulture)}."
        );
        var probabilities = new List<double>();
        var outcomes = new List<bool>();
        var binOf = new List<int>();
        var counts = new int[bins];
        var sums = new double[bins];
        var hits = new int[bins];
        var squares = 0.0;
        foreach (var (p, outcome) in forecasts)
        {
            // Tested before the call: the message (and the boxed value) would otherwise be made for every forecast,
            // which was most of StageCalibration.FromHistory's time over a million deals.
            if (p is not (>= 0 and <= 1))
            {
                Preconditions.CheckRange(
                    false,
                    nameof(forecasts),
                    p,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Forecast {probabilities.Count} has probability {p:R}; a probability must be between 0 and 1."
                    )
                );
            }
            var bin = BinOf(p, bins);
            var o = outcome ? 1.0 : 0.0;
            probabilities.Add(p);
            outcomes.Add(outcome);
            binOf.Add(bin);
            counts[bin]++;
            sums[bin] += p;
            hits[bin] += outcome ? 1 : 0;
            squares += (p - o) * (p - o);
        }

        var n = probabilities.Count;
        var means = new double[bins];
        var frequencies = new double[bins];
        var table = new ReliabilityBin[bins];
        for (var b = 0; b < bins; b++)
        {
            means[b] = counts[b] == 0 ? 0 : sums[b] / counts[b];
            frequencies[b] = counts[b] == 0 ? 0 : (double)hits[b] / counts[b];
            table[b] = new ReliabilityBin(
                (decimal)b / bins,
                (decimal)(b + 1) / bins,
                counts[b],
                counts[b] == 0 ? null : means[b],
                counts[b] == 0 ? null : frequencies[b]
            );
        }
        if (n == 0)
        {
            return new ReliabilityTable(0, null, null, null, table.AsReadOnly());
        }

        var totalHits = 0;
        foreach (var h in hits)
        {
            totalHits += h;
        }
        var baseRate = (double)totalHits / n;
        double reliability = 0,
            resolution = 0;
        for (var b = 0; b < bins; b++)
        {
            reliability += counts[b] * (means[b] - frequencies[b]) * (means[b] - frequencies[b]);
            resolution += counts[b] * (frequencies[b] - baseRate) * (frequencies[b] - baseRate);
        }
        // The within-bin terms from deviations (a second pass), not from sums of squares, so they carry no cancellation.
        double variance = 0,
            covariance = 0;
        for (var i = 0; i < n; i++)
        {
            var b = binOf[i];
            var df = probabilities[i] - means[b];
            variance += df * df;
            covariance += ((outcomes[i] ? 1.0 : 0.0) - frequencies[b]) * df;
        }
        var decomposition = new BrierDecomposition(
            reliability / n,
            resolution / n,
            baseRate * (1 - baseRate),
            variance / n,
            2 * covariance / n
        );
        return new ReliabilityTable(n, squares / n, baseRate, decomposition, table.AsReadOnly());
    }

    // floor(p B) in decimal arithmetic (see the remarks); 1 goes in the last bin.
    private static int BinOf(double p, int bins)
    {
        var exact = (decimal)p;
        return exact >= 1m ? bins - 1 : (int)decimal.Floor(exact * bins);
    }

    /// <summary>The Brier score, its decomposition and skill, then one row per bin: range, count, mean forecast, observed frequency.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Brier {InvariantText.Fixed(Brier, "0.0000")} over {Count} forecasts\n");
        if (Decomposition is { } d)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{d}; base rate {BaseRate:0.000}, skill {InvariantText.Fixed(SkillScore, "0.000")}\n");
        }
        return AppendBins(sb).ToString();
    }

    internal StringBuilder AppendBins(StringBuilder sb)
    {
        sb.Append(CultureInfo.InvariantCulture, $"{"Bin", -12} {"Count", 6} {"Forecast", 9} {"Won", 6}\n");
        foreach (var bin in Bins)
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"{bin.Range, -12} {bin.Count, 6} {InvariantText.Fixed(bin.MeanForecast, "0.000"), 9} {InvariantText.Fixed(bin.ObservedFrequency, "0.000"), 6}\n"
            );
        }
        return sb;
    }
}
