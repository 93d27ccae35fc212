using System.Globalization;

namespace SalesPipeline.Forecasting;

/// <summary>How one forecasting method did over a back-test, errors being forecast minus actual.</summary>
/// <param name="Method">The method: "Stage-weighted", "Commit (cumulative)", "Best case (cumulative)", "Pipeline (cumulative)" or "Distribution P50".</param>
/// <param name="Bias">The mean error: positive when the method forecast too much on average.</param>
/// <param name="MeanAbsoluteError">The mean of the absolute errors.</param>
/// <param name="RootMeanSquaredError">The square root of the mean squared error.</param>
/// <remarks>Errors are in the reporting currency's units. Immutable; thread-safe.</remarks>
public sealed record MethodAccuracy(string Method, decimal Bias, decimal MeanAbsoluteError, double RootMeanSquaredError)
{
    /// <summary>"method: bias X, MAE X, RMSE X".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Method, -24} bias {Bias, 16:N2}  MAE {MeanAbsoluteError, 16:N2}  RMSE {RootMeanSquaredError, 16:N2}"
        );
}
