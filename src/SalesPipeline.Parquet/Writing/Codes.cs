using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Parquet.Writing;

// The text codes of the library's enums in files: lower-case snake case, as the canonical CSV format writes them.
internal static class Codes
{
    internal static string Status(DealStatus status) =>
        status switch
        {
            DealStatus.Won => "won",
            DealStatus.Lost => "lost",
            DealStatus.Stopped => "stopped",
            _ => "open",
        };

    internal static string Category(ForecastCategory category) =>
        category switch
        {
            ForecastCategory.Pipeline => "pipeline",
            ForecastCategory.BestCase => "best_case",
            ForecastCategory.Commit => "commit",
            ForecastCategory.Closed => "closed",
            _ => "omitted",
        };

    internal static string Source(ValueSource source) =>
        source switch
        {
            ValueSource.Manual => "manual",
            ValueSource.Model => "model",
            ValueSource.Status => "status",
            _ => "stage_default",
        };

    internal static string Direction(MoveDirection direction) => direction == MoveDirection.Backward ? "backward" : "forward";
}
