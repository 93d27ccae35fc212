using System;
using System.Linq;

namespace SalesPipeline.Csv.Reading;

// The headers of the canonical format (docs/csv.md); CsvReadOptions.Columns maps them to another CRM's headers.
internal static class CanonicalColumns
{
    internal const string DealId = "deal_id";

    // The deals file, in the order of the Deal* indexes below.
    internal static readonly string[] DealColumns =
    [
        DealId,
        "name",
        "owner",
        "amount",
        "currency",
        "stage",
        "status",
        "created_at",
        "expected_close",
        "closed_at",
        "loss_reason",
        "competitor",
        "source",
        "product",
        "lead_id",
        "probability",
        "category",
        "stage_entered_at",
        "customer_id",
        "customer_name",
        "team",
        "stop_reason",
        "stopped_at",
    ];

    // Columns some export formats have beyond the canonical ones (Reading/Formats), after them in a file's index: the
    // pipeline's name, and Pipedrive's won and lost instants. Not canonical: CsvReadOptions.Columns cannot map them.
    internal static readonly string[] FormatColumns = ["pipeline", "won_time", "lost_time"];

    internal static readonly string[] AllDealColumns = [.. DealColumns, .. FormatColumns];

    internal static readonly bool[] DealsRequired =
    [
        .. DealColumns.Select(c => c is DealId or "owner" or "amount" or "stage" or "created_at" or "expected_close"),
    ];

    // The history file, in the order of the History* indexes below.
    internal static readonly string[] HistoryColumns =
    [
        DealId,
        "at",
        "kind",
        "from_stage",
        "to_stage",
        "by",
        "field",
        "old_value",
        "new_value",
    ];

    // to_stage is required too when the file has no field column (ImportSession checks it: one of them is needed).
    internal static readonly bool[] HistoryRequired = [.. HistoryColumns.Select(c => c is DealId or "at")];

    // The canonical values of the field column (docs/csv.md), and of CsvReadOptions.Fields.
    internal static readonly string[] FieldNames = ["amount", "expected_close", "owner", "stage", "created"];

    internal const int DId = 0,
        DName = 1,
        DOwner = 2,
        DAmount = 3,
        DCurrency = 4,
        DStage = 5,
        DStatus = 6,
        DCreatedAt = 7,
        DExpectedClose = 8,
        DClosedAt = 9,
        DLossReason = 10,
        DCompetitor = 11,
        DSource = 12,
        DProduct = 13,
        DLeadId = 14,
        DProbability = 15,
        DCategory = 16,
        DStageEnteredAt = 17,
        DCustomerId = 18,
        DCustomerName = 19,
        DTeam = 20,
        DStopReason = 21,
        DStoppedAt = 22,
        DPipeline = 23,
        DWonTime = 24,
        DLostTime = 25;

    internal const int HId = 0,
        HAt = 1,
        HKind = 2,
        HFrom = 3,
        HTo = 4,
        HBy = 5,
        HField = 6,
        HOld = 7,
        HNew = 8;

    // Every canonical name of every kind, once each, in the order of the docs' files: CsvReadOptions.Columns may map any.
    private static readonly string[] All =
    [
        .. DealColumns
            .Concat(HistoryColumns)
            .Concat(LeadRows.Schema.Columns)
            .Concat(ActivityRows.Schema.Columns)
            .Concat(PaymentRows.Schema.Columns)
            .Concat(QuotaRows.Schema.Columns)
            .Distinct(StringComparer.Ordinal),
    ];

    internal static string List => string.Join(", ", All);

    internal static bool IsCanonical(string name) => Array.IndexOf(All, name) >= 0;
}
