using System.Text.Json;
using SalesPipeline.Quotes;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Quotes;

// The four quote reports of QuoteReports, field for field: a rate or a percentage is an exact decimal string, a figure
// with no data (no list value, no decided deal, an undecided request) is null.
internal sealed class QuoteStatusCountConverter : ResultConverter<QuoteStatusCount>
{
    public static readonly QuoteStatusCountConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, QuoteStatusCount value, JsonSerializerOptions options)
    {
        Name(writer, "status", value.Status);
        Currency(writer, value.Currency);
        writer.WriteNumber("count", value.Count);
        Money(writer, "total", value.Total);
    }
}

internal sealed class QuoteStatusReportConverter : ResultConverter<QuoteStatusReport>
{
    public static readonly QuoteStatusReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, QuoteStatusReport value, JsonSerializerOptions options)
    {
        Date(writer, "asOf", value.AsOf);
        Array(writer, "rows", value.Rows, QuoteStatusCountConverter.Instance, options);
    }
}

internal sealed class QuoteDiscountRowConverter : ResultConverter<QuoteDiscountRow>
{
    public static readonly QuoteDiscountRowConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, QuoteDiscountRow value, JsonSerializerOptions options)
    {
        writer.WriteString("key", value.Key);
        Currency(writer, value.Currency);
        writer.WriteNumber("quotes", value.Quotes);
        Money(writer, "listValue", value.ListValue);
        Money(writer, "discount", value.Discount);
        Decimal(writer, "discountPercent", value.DiscountPercent);
    }
}

internal sealed class QuoteDiscountReportConverter : ResultConverter<QuoteDiscountReport>
{
    public static readonly QuoteDiscountReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, QuoteDiscountReport value, JsonSerializerOptions options)
    {
        Name(writer, "by", value.By);
        Array(writer, "rows", value.Rows, QuoteDiscountRowConverter.Instance, options);
    }
}

internal sealed class ApprovalRequestConverter : ResultConverter<ApprovalRequest>
{
    public static readonly ApprovalRequestConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ApprovalRequest value, JsonSerializerOptions options)
    {
        writer.WriteString("quoteId", value.QuoteId);
        writer.WriteNumber("version", value.Version);
        Instant(writer, "submittedAt", value.SubmittedAt);
        Instant(writer, "decidedAt", value.DecidedAt);
        Boolean(writer, "approved", value.Approved);
        Duration(writer, "turnaround", value.Turnaround);
    }
}

internal sealed class ApprovalTurnaroundReportConverter : ResultConverter<ApprovalTurnaroundReport>
{
    public static readonly ApprovalTurnaroundReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ApprovalTurnaroundReport value, JsonSerializerOptions options)
    {
        Array(writer, "requests", value.Requests, ApprovalRequestConverter.Instance, options);
        Duration(writer, "median", value.Median);
        Duration(writer, "mean", value.Mean);
        Duration(writer, "longest", value.Longest);
    }
}

internal sealed class QuoteToWinRowConverter : ResultConverter<QuoteToWinRow>
{
    public static readonly QuoteToWinRowConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, QuoteToWinRow value, JsonSerializerOptions options)
    {
        // null on the row of every quoted deal (Utf8JsonWriter writes a null string as null).
        writer.WriteString("owner", value.Owner);
        writer.WriteNumber("quoted", value.Quoted);
        writer.WriteNumber("won", value.Won);
        writer.WriteNumber("lost", value.Lost);
        Decimal(writer, "rate", value.Rate);
        Decimal(writer, "decidedRate", value.DecidedRate);
    }
}

internal sealed class QuoteToWinReportConverter : ResultConverter<QuoteToWinReport>
{
    public static readonly QuoteToWinReportConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, QuoteToWinReport value, JsonSerializerOptions options) =>
        Array(writer, "rows", value.Rows, QuoteToWinRowConverter.Instance, options);
}
