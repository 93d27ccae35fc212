using System;
using System.Globalization;
using SalesPipeline.Forecasting;

namespace SalesPipeline.Targets;

/// <summary>How an attainment report reads its deals, and the historical win rate its required coverage comes from.</summary>
/// <remarks>Immutable; thread-safe. <c>new AttainmentOptions()</c> works: the forecast defaults and no win rate.</remarks>
public sealed record AttainmentOptions
{
    private readonly ForecastOptions forecastOptions = ForecastOptions.Default;
    private readonly decimal? winRate;

    /// <summary>
    /// How deals are read, exactly as a forecast reads them: <see cref="ForecastOptions.Rates"/> into the quotas'
    /// currency, <see cref="ForecastOptions.Zone"/> for the day a deal was won, <see cref="ForecastOptions.AsOf"/> (open
    /// deals expected to close before it are overdue and count in no period; the earliest quota period's start when
    /// null) and <see cref="ForecastOptions.Organization"/> (needed for team quotas).
    /// </summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public ForecastOptions ForecastOptions
    {
        get => forecastOptions;
        init => forecastOptions = value ?? throw new ArgumentNullException(nameof(ForecastOptions));
    }

    /// <summary>
    /// The historical win rate (for example the value-based rate from <c>WinRate.Of(...)</c>), above 0 and at most 1;
    /// required coverage is 1 / win rate. When null, required coverage and the coverage gaps are not computed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not above 0 and at most 1.</exception>
    public decimal? WinRate
    {
        get => winRate;
        init => winRate = CheckWinRate(value, nameof(WinRate));
    }

    /// <summary>The default options: forecast defaults, no win rate.</summary>
    public static AttainmentOptions Default { get; } = new();

    internal static decimal? CheckWinRate(decimal? value, string paramName) =>
        value is null or (> 0m and <= 1m)
            ? value
            : throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"A win rate must be above 0 and at most 1; it was {value.Value.ToString(CultureInfo.InvariantCulture)}."
            );
}
