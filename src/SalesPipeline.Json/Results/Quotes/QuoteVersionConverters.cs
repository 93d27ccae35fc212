using System.Text.Json;
using SalesPipeline.Json.Values;
using SalesPipeline.Quotes;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Quotes;

// A quote's priced versions and what changed between two of them. The quote itself is stored as its events; these are
// what it computes from them, written with the quote line and discount in their stored form.
internal sealed class PricedLineConverter : ResultConverter<PricedLine>
{
    public static readonly PricedLineConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, PricedLine value, JsonSerializerOptions options)
    {
        Value(writer, "line", value.Line, QuoteCodecs.Line);
        Money(writer, "listValue", value.ListValue);
        Money(writer, "gross", value.Gross);
        Money(writer, "lineDiscount", value.LineDiscount);
        Money(writer, "quoteDiscountShare", value.QuoteDiscountShare);
        Money(writer, "net", value.Net);
        Money(writer, "discountOffList", value.DiscountOffList);
        Decimal(writer, "discountPercent", value.DiscountPercent);
        Money(writer, "floorValue", value.FloorValue);
        writer.WriteBoolean("isUnderFloor", value.IsUnderFloor);
    }
}

internal sealed class QuoteTotalsConverter : ResultConverter<QuoteTotals>
{
    public static readonly QuoteTotalsConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, QuoteTotals value, JsonSerializerOptions options)
    {
        Currency(writer, value.Currency);
        Array(writer, "lines", value.Lines, PricedLineConverter.Instance, options);
        Value(writer, "quoteDiscount", value.QuoteDiscount, QuoteCodecs.Discount);
        Money(writer, "quoteDiscountAmount", value.QuoteDiscountAmount);
        Money(writer, "listValue", value.ListValue);
        Money(writer, "subtotal", value.Subtotal);
        Money(writer, "lineDiscounts", value.LineDiscounts);
        Money(writer, "total", value.Total);
        Money(writer, "discountOffList", value.DiscountOffList);
        Decimal(writer, "largestLineDiscountPercent", value.LargestLineDiscountPercent);
    }
}

internal sealed class QuoteVersionConverter : ResultConverter<QuoteVersion>
{
    public static readonly QuoteVersionConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, QuoteVersion value, JsonSerializerOptions options)
    {
        writer.WriteNumber("number", value.Number);
        Instant(writer, "createdAt", value.CreatedAt);
        writer.WriteString("createdBy", value.CreatedBy);
        Value(writer, "content", value.Content, QuoteCodecs.Content);
        Object(writer, "totals", value.Totals, QuoteTotalsConverter.Instance, options);
    }
}

internal sealed class LineChangeConverter : ResultConverter<LineChange>
{
    public static readonly LineChangeConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, LineChange value, JsonSerializerOptions options)
    {
        writer.WriteString("productId", value.ProductId);
        Name(writer, "kind", value.Kind);
        Object(writer, "before", value.Before, PricedLineConverter.Instance, options);
        Object(writer, "after", value.After, PricedLineConverter.Instance, options);
        Money(writer, "netChange", value.NetChange);
        Strings(writer, "differences", value.Differences);
    }
}

internal sealed class QuoteComparisonConverter : ResultConverter<QuoteComparison>
{
    public static readonly QuoteComparisonConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, QuoteComparison value, JsonSerializerOptions options)
    {
        Object(writer, "from", value.From, QuoteVersionConverter.Instance, options);
        Object(writer, "to", value.To, QuoteVersionConverter.Instance, options);
        Array(writer, "changes", value.Changes, LineChangeConverter.Instance, options);
        Money(writer, "totalChange", value.TotalChange);
    }
}

internal sealed class QuoteApprovalConverter : ResultConverter<QuoteApproval>
{
    public static readonly QuoteApprovalConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, QuoteApproval value, JsonSerializerOptions options)
    {
        writer.WriteNumber("version", value.Version);
        Instant(writer, "at", value.At);
        writer.WriteString("by", value.By);
        writer.WriteBoolean("approved", value.Approved);
        writer.WriteString("comment", value.Comment);
    }
}

internal sealed class ApprovalDecisionConverter : ResultConverter<ApprovalDecision>
{
    public static readonly ApprovalDecisionConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ApprovalDecision value, JsonSerializerOptions options)
    {
        List(writer, "triggered", value.Triggered, QuoteCodecs.Triggered);
        List(writer, "required", value.Required, QuoteCodecs.Required);
        writer.WriteBoolean("isApprovalRequired", value.IsApprovalRequired);
    }
}
