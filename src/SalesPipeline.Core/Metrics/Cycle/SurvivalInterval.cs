namespace SalesPipeline.Metrics;

/// <summary>
/// The transform behind the pointwise confidence interval of a Kaplan-Meier survival estimate S(t), all built on
/// Greenwood's variance; the median's interval is read off the same band.
/// </summary>
/// <remarks>
/// With V(t) = sum over event times t_i &lt;= t of d_i / (n_i (n_i - d_i)) (Greenwood) and z the standard normal
/// quantile of the confidence:
/// <list type="bullet">
/// <item><see cref="LogLog"/>: S^exp(+z sqrt(V) / |ln S|) .. S^exp(-z sqrt(V) / |ln S|) (Kalbfleisch and Prentice); always
/// inside [0, 1].</item>
/// <item><see cref="Log"/>: S exp(-z sqrt(V)) .. S exp(+z sqrt(V)), the upper end capped at 1 (the default of R's
/// survival package).</item>
/// <item><see cref="Plain"/>: S -+ z S sqrt(V), capped to [0, 1].</item>
/// </list>
/// </remarks>
public enum SurvivalInterval
{
    /// <summary>The log-log (complementary log-log) transform; the default.</summary>
    LogLog = 0,

    /// <summary>The log transform.</summary>
    Log = 1,

    /// <summary>No transform: the plain Greenwood interval.</summary>
    Plain = 2,
}
