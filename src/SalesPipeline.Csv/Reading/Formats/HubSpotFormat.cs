using static SalesPipeline.Csv.Reading.Formats.FormatSpec;

namespace SalesPipeline.Csv.Reading.Formats;

// A HubSpot deals export; the sources of each header are in docs/csv-hubspot.md. Its stage history is in its
// Date entered "<stage> (<pipeline>)" columns (StageDateColumns).
internal static class HubSpotFormat
{
    internal static readonly FormatSpec Spec = new()
    {
        Format = CsvFormat.HubSpot,
        DealHeaders = Headers(
            ("deal_id", ["Record ID"]),
            ("name", ["Deal Name"]),
            ("owner", ["Deal owner"]),
            ("amount", ["Amount"]),
            ("currency", ["Currency"]),
            ("stage", ["Deal Stage"]),
            ("created_at", ["Create Date"]),
            ("expected_close", ["Close Date"]),
            ("loss_reason", ["Closed Lost Reason"]),
            ("pipeline", ["Pipeline"]),
            ("customer_id", ["Associated Company IDs (Primary)", "Associated Company ID"]),
            ("customer_name", ["Associated Company (Primary)", "Associated Company"])
        ),
        DealRequired = Required("deal_id", "owner", "amount", "stage", "created_at", "expected_close"),
        Close = CloseSource.ExpectedClose,
        StageDateColumns = true,
    };
}
