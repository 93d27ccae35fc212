using System;
using System.Globalization;

namespace SalesPipeline.Forecasting;

/// <summary>How <see cref="Forecast.Distribution"/> reads its deals and computes the distribution.</summary>
/// <remarks>
/// <para>Every property has a default, so <c>new DistributionOptions()</c> works; invalid values are refused when
/// set, with the property's name, the value and the rule.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record DistributionOptions
{
    /// <summary>The smallest allowed <see cref="Trials"/>.</summary>
    public const int MinTrials = 100;

    /// <summary>The largest allowed <see cref="Trials"/>.</summary>
    public const int MaxTrials = 10_000_000;

    /// <summary>The smallest allowed <see cref="MaxGridPoints"/>.</summary>
    public const int MinGridPoints = 64;

    /// <summary>The largest allowed <see cref="MaxGridPoints"/> (2^22).</summary>
    public const int MaxGridPointsLimit = 4_194_304;

    /// <summary>The default options: <see cref="ForecastOptions.Default"/>, the exact method, 10,000 trials, seed 1, 65,536 grid points.</summary>
    public static DistributionOptions Default { get; } = new();

    /// <summary>
    /// Currency conversion, the time zone of won deals' close dates, and the as-of date; <see cref="ForecastOptions.Default"/>
    /// by default. <see cref="ForecastOptions.Organization"/> is not used.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public ForecastOptions Forecast
    {
        get;
        init =>
            field =
                value
                ?? throw new ArgumentNullException(
                    nameof(Forecast),
                    "DistributionOptions.Forecast must not be null; use ForecastOptions.Default."
                );
    } = ForecastOptions.Default;

    /// <summary>The method; <see cref="DistributionMethod.Exact"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="DistributionMethod"/>.</exception>
    public DistributionMethod Method
    {
        get;
        init =>
            field = Enum.IsDefined(value)
                ? value
                : throw new ArgumentOutOfRangeException(
                    nameof(Method),
                    value,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"DistributionOptions.Method must be Exact or MonteCarlo; it was {(int)value}."
                    )
                );
    } = DistributionMethod.Exact;

    /// <summary>
    /// The number of Monte Carlo samples, from <see cref="MinTrials"/> to <see cref="MaxTrials"/>; 10,000 by default.
    /// Used by <see cref="DistributionMethod.MonteCarlo"/> only.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [<see cref="MinTrials"/>, <see cref="MaxTrials"/>].</exception>
    public int Trials
    {
        get;
        init =>
            field = value is >= MinTrials and <= MaxTrials
                ? value
                : throw new ArgumentOutOfRangeException(
                    nameof(Trials),
                    value,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"DistributionOptions.Trials must be between {MinTrials} and {MaxTrials:N0}; it was {value}."
                    )
                );
    } = 10_000;

    /// <summary>
    /// The seed of the Monte Carlo generator (MathNet's xoshiro256**, whose constructor takes a 32-bit seed); 1 by default.
    /// The same seed, deals (in the same order) and options give the same result on every run and platform.
    /// </summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The most points the exact method's money grid may have, from <see cref="MinGridPoints"/> to
    /// <see cref="MaxGridPointsLimit"/>; 65,536 by default. More points give a finer grid (a smaller
    /// <see cref="RevenueDistribution.ErrorBound"/>) and take longer. It must also exceed the number of open deals with
    /// an uncertain outcome in the period, or <see cref="Forecast.Distribution"/> refuses the options.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [<see cref="MinGridPoints"/>, <see cref="MaxGridPointsLimit"/>].</exception>
    public int MaxGridPoints
    {
        get;
        init =>
            field = value is >= MinGridPoints and <= MaxGridPointsLimit
                ? value
                : throw new ArgumentOutOfRangeException(
                    nameof(MaxGridPoints),
                    value,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"DistributionOptions.MaxGridPoints must be between {MinGridPoints} and {MaxGridPointsLimit:N0}; it was {value}."
                    )
                );
    } = 65_536;
}
