using static SalesPipeline.Csv.Reading.Formats.FormatSpec;

namespace SalesPipeline.Csv.Reading.Formats;

// A Pipedrive deals export; the sources of each header are in docs/csv-pipedrive.md.
internal static class PipedriveFormat
{
    internal static readonly FormatSpec Spec = new()
    {
        Format = CsvFormat.Pipedrive,
        DealHeaders = Headers(
            ("deal_id", ["Deal - ID"]),
            ("name", ["Deal - Title"]),
            ("owner", ["Deal - Owner"]),
            ("amount", ["Deal - Value"]),
            ("currency", ["Deal - Currency of value", "Deal - Currency"]),
            ("stage", ["Deal - Stage"]),
            ("status", ["Deal - Status"]),
            ("created_at", ["Deal - Deal created", "Deal - Creation date"]),
            ("expected_close", ["Deal - Expected close date"]),
            ("loss_reason", ["Deal - Lost reason"]),
            ("stage_entered_at", ["Deal - Last stage change"]),
            ("pipeline", ["Deal - Pipeline"]),
            ("won_time", ["Deal - Won time"]),
            ("lost_time", ["Deal - Lost time"]),
            ("customer_id", ["Deal - Organization ID", "Organization - ID"]),
            ("customer_name", ["Deal - Organization", "Organization - Name"])
        ),
        DealRequired = Required("deal_id", "owner", "amount", "stage", "status", "created_at"),
        StatusClosesStage = true,
        Close = CloseSource.StatusTime,
        ExpectedCloseFromClose = true,
        ProbabilityInPercent = true,
    };
}
