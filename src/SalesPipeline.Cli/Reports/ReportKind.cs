namespace SalesPipeline.Cli.Reports;

/// <summary>Which sections a command prints.</summary>
internal enum ReportKind
{
    /// <summary>Every section (<c>report</c>).</summary>
    Report,

    /// <summary>The pipeline by stage, both forecasts and the revenue distribution (<c>forecast</c>).</summary>
    Forecast,

    /// <summary>The funnel, win rates, sales cycle and velocity (<c>funnel</c>).</summary>
    Funnel,

    /// <summary>The health findings, the review shortlist and the coverage (<c>health</c>).</summary>
    Health,

    /// <summary>Aging and the cash forecast of the contracts (<c>collections</c>).</summary>
    Collections,
}
