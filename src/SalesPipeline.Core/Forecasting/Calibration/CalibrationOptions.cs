using System;
using System.Globalization;
using SalesPipeline.Statistics;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>How <see cref="StageCalibration.FromHistory"/> computes its intervals, its smoothing and its suggestions.</summary>
/// <remarks>
/// Each property is checked when it is set, so an options object that exists is valid; <c>new CalibrationOptions()</c>
/// gives the defaults (95% Wilson intervals, a maximum-likelihood prior with a fallback worth 10 deals, suggestions to 2
/// decimals). Immutable; thread-safe.
/// </remarks>
public sealed record CalibrationOptions
{
    private readonly double confidence = 0.95;
    private readonly double priorStrength = 10.0;
    private readonly int decimals = 2;
    private readonly BetaBinomialMethod priorMethod = BetaBinomialMethod.MaximumLikelihood;
    private readonly BinomialIntervalMethod intervalMethod = BinomialIntervalMethod.Wilson;

    /// <summary>The defaults: confidence 0.95, Wilson intervals, maximum-likelihood prior, fallback strength 10, 2 decimals.</summary>
    public static CalibrationOptions Default { get; } = new();

    /// <summary>The confidence level of the stage-rate intervals. Range: strictly between 0 and 1; 0.95 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not strictly between 0 and 1 (or is NaN).</exception>
    public double Confidence
    {
        get => confidence;
        init => confidence = ConfidenceLevel.Check(value, nameof(Confidence));
    }

    /// <summary>The method of the stage-rate intervals: <see cref="BinomialIntervalMethod.Wilson"/> by default, or
    /// <see cref="BinomialIntervalMethod.Jeffreys"/> or <see cref="BinomialIntervalMethod.ClopperPearson"/> (see <see cref="BinomialInterval"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined method.</exception>
    public BinomialIntervalMethod IntervalMethod
    {
        get => intervalMethod;
        init => intervalMethod = BinomialInterval.CheckMethod(value, nameof(IntervalMethod));
    }

    /// <summary>How the stages' Beta prior is fitted: <see cref="BetaBinomialMethod.MaximumLikelihood"/> by default, or
    /// <see cref="BetaBinomialMethod.MethodOfMoments"/> (see <see cref="BetaBinomial"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined method.</exception>
    public BetaBinomialMethod PriorMethod
    {
        get => priorMethod;
        init =>
            priorMethod = Enum.IsDefined(value)
                ? value
                : throw new ArgumentOutOfRangeException(
                    nameof(PriorMethod),
                    value,
                    $"PriorMethod must be MaximumLikelihood or MethodOfMoments; it was {((int)value).ToString(CultureInfo.InvariantCulture)}."
                );
    }

    /// <summary>
    /// The weight, in deals, of the fallback prior used when the stages do not determine an estimate (one stage with
    /// deals, no spread beyond sampling, all-or-nothing stages; see <see cref="BetaBinomial"/>): alpha + beta of that
    /// prior, whose mean is the pooled rate. Range: greater than 0 and finite; 10 by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative, infinite or NaN.</exception>
    public double PriorStrength
    {
        get => priorStrength;
        init
        {
            Preconditions.CheckRange(
                value > 0 && double.IsFinite(value),
                nameof(PriorStrength),
                value,
                $"PriorStrength must be a finite number greater than 0 (a prior worth that many deals); it was {Format(value)}."
            );
            priorStrength = value;
        }
    }

    /// <summary>
    /// The decimals the suggested probabilities are rounded to (half away from zero). Range: 0 to 28; 2 by default, so a
    /// smoothed rate of 0.4544 is suggested as 0.45.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or greater than 28.</exception>
    public int Decimals
    {
        get => decimals;
        init
        {
            Preconditions.CheckRange(
                value is >= 0 and <= 28,
                nameof(Decimals),
                value,
                $"Decimals must be between 0 and 28 (decimal's precision); it was {value.ToString(CultureInfo.InvariantCulture)}."
            );
            decimals = value;
        }
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
