using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Statistics;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>
/// How the pipeline's stage probabilities compare with what happened: per open stage the observed win rate of the closed
/// deals that were in it, with a confidence interval, a smoothed rate and a suggested probability; the pipeline as an
/// absorbing Markov chain (<see cref="Chain"/>); and the Brier score and reliability of the probabilities in force
/// (<see cref="Reliability"/>).
/// </summary>
/// <remarks>
/// <para>Build one with <see cref="FromHistory"/>. Immutable; thread-safe.</para>
/// </remarks>
public sealed class StageCalibration
{
    private StageCalibration(
        string pipelineName,
        CalibrationOptions options,
        IReadOnlyList<CalibratedStage> stages,
        int closedDeals,
        int wonDeals,
        int openDealsIgnored,
        BetaPrior? prior,
        PipelineChain chain,
        ForecastReliability reliability
    )
    {
        PipelineName = pipelineName;
        Options = options;
        Stages = stages;
        ClosedDeals = closedDeals;
        WonDeals = wonDeals;
        OpenDealsIgnored = openDealsIgnored;
        Prior = prior;
        Chain = chain;
        Reliability = reliability;
    }

    /// <summary>The name of the pipeline calibrated.</summary>
    public string PipelineName { get; }

    /// <summary>The options used.</summary>
    public CalibrationOptions Options { get; }

    /// <summary>One entry per open stage, in pipeline order.</summary>
    public IReadOnlyList<CalibratedStage> Stages { get; }

    /// <summary>How many closed (won or lost) deals were counted.</summary>
    public int ClosedDeals { get; }

    /// <summary>How many of them were won.</summary>
    public int WonDeals { get; }

    /// <summary>How many of them were lost.</summary>
    public int LostDeals => ClosedDeals - WonDeals;

    /// <summary>
    /// How many open deals were left out of the stage rates and the reliability table, whose outcome is not known yet.
    /// (Their completed stints do count in <see cref="Chain"/>.)
    /// </summary>
    public int OpenDealsIgnored { get; }

    /// <summary>The overall win rate, won / closed deals; null when there are no closed deals.</summary>
    public double? OverallWinRate => ClosedDeals == 0 ? null : (double)WonDeals / ClosedDeals;

    /// <summary>The prior the stage rates were smoothed with (see <see cref="BetaPrior.Fallback"/> for whether it was fitted);
    /// null when no closed deal reached an open stage.</summary>
    public BetaPrior? Prior { get; }

    /// <summary>The absorbing Markov chain estimated from the observed stage moves.</summary>
    public PipelineChain Chain { get; }

    /// <summary>The Brier score and reliability tables of the win probabilities in force during the closed deals' lives.</summary>
    public ForecastReliability Reliability { get; }

    /// <summary>
    /// Calibrates a pipeline's stage probabilities from the history of its deals.
    /// </summary>
    /// <param name="deals">The deals, open and closed, all of <paramref name="pipeline"/>. Only closed (won or lost) deals
    /// count in the stage rates and the reliability table; open deals are ignored there (their outcome is unknown) and
    /// counted in <see cref="OpenDealsIgnored"/>; the chain uses their completed stints.</param>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="options">Confidence, interval method, prior method and strength, and decimals; <see cref="CalibrationOptions.Default"/> when null.</param>
    /// <returns>The calibration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, one of the deals, or <paramref name="pipeline"/> is null.</exception>
    /// <exception cref="ArgumentException">A deal belongs to another pipeline, or its history names a stage that is not an
    /// open stage of <paramref name="pipeline"/>; the message names the deal.</exception>
    /// <remarks>
    /// <para>A closed deal has reached every open stage it was ever in: the stage it was created in, every stage a
    /// <see cref="StageMoved"/> took it to, every stage a <see cref="DealReopened"/> put it back in. It counts once per
    /// stage, with its final status (a deal lost, reopened and then won counts as won). A stage's observed rate is Won /
    /// Reached, with a <see cref="BinomialInterval"/> at <see cref="CalibrationOptions.Confidence"/> by <see cref="CalibrationOptions.IntervalMethod"/>, and a smoothed rate
    /// (Won + alpha) / (Reached + alpha + beta) under the <see cref="BetaPrior"/> fitted across the stages by
    /// <see cref="BetaBinomial.Fit"/> with <see cref="CalibrationOptions.PriorMethod"/> (maximum likelihood by default) and
    /// <see cref="CalibrationOptions.PriorStrength"/> as the fallback strength. A deal counts in every stage it reached, so
    /// the stages' counts overlap; the beta-binomial model treats them as independent groups, which makes the prior a
    /// practical smoother rather than an exact posterior.</para>
    /// <para>Example (pipeline A 10% &gt; B 30% &gt; C 60%): 8 closed deals, all created in A; 6 of them reached B and 3
    /// reached C; 3 were won, all of which reached B, 2 of which reached C. Then A is 3/8, B 3/6 and C 2/3. Those rates
    /// differ no more than binomial sampling of 8, 6 and 3 deals explains (Tarone's statistic 278/72 - 17 &lt; 0), so the
    /// prior is the fallback: the pooled rate 8/17 with strength 10, Beta(80/17, 90/17); the smoothed rates are 131/306,
    /// 131/272 and 114/221, suggested as 0.43, 0.48 and 0.52.</para>
    /// <para>Pure and thread-safe; reads no clock.</para>
    /// </remarks>
    public static StageCalibration FromHistory(IEnumerable<Deal> deals, PipelineDefinition pipeline, CalibrationOptions? options = null)
    {
        Preconditions.CheckNotNull(deals);
        Preconditions.CheckNotNull(pipeline);
        options ??= CalibrationOptions.Default;
        var scan = new HistoryScan(pipeline, nameof(deals));
        if (DealFrames.For(deals) is { } frame)
        {
            // The frame's event table walked once; a deal it cannot scan exactly sends the whole list to the deal code.
            if (!scan.TryAdd(frame))
            {
                foreach (var deal in frame.DealList)
                {
                    scan.Add(deal);
                }
            }
        }
        else
        {
            var index = 0;
            foreach (var deal in deals)
            {
                if (deal is null)
                {
                    throw new ArgumentNullException(nameof(deals), $"Deal {index} of the list is null.");
                }
                scan.Add(deal);
                index++;
            }
        }

        var n = pipeline.OpenStages.Count;
        var counts = new (int Won, int Reached)[n];
        for (var i = 0; i < n; i++)
        {
            counts[i] = (scan.Won[i], scan.Reached[i]);
        }
        // No stage reached by a closed deal leaves nothing to fit (and nothing to smooth): the prior is null then.
        var prior = !Array.Exists(counts, c => c.Reached > 0) ? null : BetaBinomial.Fit(counts, options.PriorMethod, options.PriorStrength);
        var stages = new CalibratedStage[n];
        for (var i = 0; i < n; i++)
        {
            var stage = pipeline.OpenStages[i];
            var (won, reached) = counts[i];
            var smoothed = prior?.PosteriorMean(won, reached);
            stages[i] = new CalibratedStage(
                stage.Id,
                stage.Name,
                i,
                stage.Probability,
                reached,
                won,
                reached == 0 ? null : (double)won / reached,
                reached == 0 ? null : BinomialInterval.Of(won, reached, options.Confidence, options.IntervalMethod),
                smoothed,
                smoothed is { } s ? Math.Round((decimal)s, options.Decimals, MidpointRounding.AwayFromZero) : null
            );
        }
        return new StageCalibration(
            pipeline.Name,
            options,
            stages.AsReadOnly(),
            scan.ClosedDeals,
            scan.WonDeals,
            scan.OpenDeals,
            prior,
            PipelineChain.Build(pipeline, scan.Exits, scan.DaysInEndedStints, scan.TimedStints),
            ForecastReliability.Of(scan.Forecasts)
        );
    }

    /// <summary>The entry of an open stage.</summary>
    /// <param name="stageId">An open stage's id.</param>
    /// <returns>The stage's entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stageId"/> is not an open stage of the pipeline.</exception>
    public CalibratedStage ForStage(string stageId)
    {
        Preconditions.CheckNotNull(stageId);
        foreach (var stage in Stages)
        {
            if (string.Equals(stage.StageId, stageId, StringComparison.Ordinal))
            {
                return stage;
            }
        }
        throw new ArgumentException($"Pipeline \"{PipelineName}\" has no open stage with id \"{stageId}\".", nameof(stageId));
    }

    /// <summary>A summary line, the prior, a table with one row per stage (rates, interval, suggestion, chain), and the Brier scores.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(
            CultureInfo.InvariantCulture,
            $"Stage calibration of \"{PipelineName}\": {ClosedDeals} closed deals, {WonDeals} won (overall {PipelineChain.Fixed(OverallWinRate, "0.000")}), {OpenDealsIgnored} open ignored\n"
        );
        sb.Append(CultureInfo.InvariantCulture, $"Prior {(Prior is null ? "-" : Prior.ToString())}\n");
        var wilson = string.Create(
            CultureInfo.InvariantCulture,
            $"{Options.Confidence * 100:0.##}% {BinomialInterval.Name(Options.IntervalMethod)}"
        );
        sb.Append(
            CultureInfo.InvariantCulture,
            $"{"Stage", -20} {"Now", 6} {"Reached", 7} {"Won", 5} {"Rate", 6} {wilson, -16} {"Smoothed", 8} {"Suggest", 7} {"Chain win", 9} {"Days", 7}\n"
        );
        foreach (var s in Stages)
        {
            var chain = Chain.Stages[s.Index];
            var interval = s.Interval is { } w ? string.Create(CultureInfo.InvariantCulture, $"[{w.Lower:0.000}, {w.Upper:0.000}]") : "-";
            sb.Append(
                CultureInfo.InvariantCulture,
                $"{s.Name, -20} {s.CurrentProbability, 6} {s.Reached, 7} {s.Won, 5} {PipelineChain.Fixed(s.ObservedRate, "0.000"), 6} {interval, -16} {PipelineChain.Fixed(s.SmoothedRate, "0.000"), 8} {s.SuggestedProbability?.ToString(CultureInfo.InvariantCulture) ?? "-", 7} {PipelineChain.Fixed(chain.WinProbability, "0.000"), 9} {PipelineChain.Fixed(chain.ExpectedDaysToClose, "0.0"), 7}\n"
            );
        }
        var r = Reliability;
        sb.Append(
            CultureInfo.InvariantCulture,
            $"Brier {PipelineChain.Fixed(r.All.Brier, "0.0000")} over {r.All.Count} forecasts (stage defaults {PipelineChain.Fixed(r.StageDefaults.Brier, "0.0000")} over {r.StageDefaults.Count}; overrides {PipelineChain.Fixed(r.Overrides.Brier, "0.0000")} over {r.Overrides.Count})\n"
        );
        return sb.ToString();
    }
}
