namespace SalesPipeline.Cli.Reports;

/// <summary>What the report options ask for. Immutable.</summary>
/// <param name="Periods">How many fiscal months the forecasts and the cash forecast cover, from the month of the as-of date.</param>
/// <param name="Target">The revenue target whose chance the distribution gives, in the reporting currency; the company's
/// quota for the quarter when null (no chance is given when there is none).</param>
internal sealed record ReportSettings(int Periods, decimal? Target);
