using System;
using System.Collections.Generic;
using System.Text.Json;
using NodaTime;
using SalesPipeline.Json.Wire;
using SalesPipeline.Quotes;

namespace SalesPipeline.Json.Values;

// The wire form of the values quote events are made of (docs/json.md, "Quote values"). Each is built through its public
// constructor or factory, so every rule of the quote model applies on reading; a refusal names the field it is about.
internal static class QuoteCodecs
{
    private static readonly TextCodec Text = TextCodec.Instance;

    public static readonly Codec<DateTimeZone> Zone = new ZoneCodec();

    // {"kind":"Percentage","percent":"12"} or {"kind":"Amount","amount":{"amount":"50.00","currency":"EUR"}}.
    public static readonly ShapeCodec<Discount> Discount = ShapeCodec<Discount>.Kinds(
        "discount",
        d => d.Percent is null ? "Amount" : "Percentage",
        Shape.Of(
            "Percentage",
            1,
            v => Quotes.Discount.Percentage(v.Get<decimal>("percent")),
            Field.Required<Discount, decimal>("percent", DecimalCodec.Instance, d => d.Percent!.Value)
        ),
        Shape.Of(
            "Amount",
            1,
            v => Quotes.Discount.Of(v.Get<Money>("amount")),
            Field.Required<Discount, Money>("amount", ValueCodecs.Money, d => d.Amount!)
        )
    );

    public static readonly ShapeCodec<QuoteLine> Line = ShapeCodec<QuoteLine>.Single(
        Shape.Of(
            "QuoteLine",
            1,
            v => new QuoteLine(
                v.Get<string>("productId"),
                v.Get<decimal>("quantity"),
                v.Get<Money>("unitPrice"),
                v.Get<Money>("listPrice"),
                v.Optional<Money>("floorPrice"),
                v.Optional<Discount>("discount")
            ),
            Field.Required<QuoteLine, string>("productId", Text, l => l.ProductId),
            Field.Required<QuoteLine, decimal>("quantity", DecimalCodec.Instance, l => l.Quantity),
            Field.Required<QuoteLine, Money>("unitPrice", ValueCodecs.Money, l => l.UnitPrice),
            Field.Required<QuoteLine, Money>("listPrice", ValueCodecs.Money, l => l.ListPrice),
            Field.Optional<QuoteLine, Money>("floorPrice", ValueCodecs.Money, l => l.FloorPrice),
            Field.Optional<QuoteLine, Discount>("discount", Discount, l => l.Discount)
        )
    );

    public static readonly ListCodec<QuoteLine> Lines = new(Line);

    // One version's offer: {"validUntil":"2026-04-30","lines":[...],"quoteDiscount":{...}}; quoteDiscount omitted when none.
    public static readonly ShapeCodec<QuoteContent> Content = ShapeCodec<QuoteContent>.Single(
        Shape.Of(
            "QuoteContent",
            1,
            v => new QuoteContent(
                v.Get<LocalDate>("validUntil"),
                v.Get<IReadOnlyList<QuoteLine>>("lines"),
                v.Optional<Discount>("quoteDiscount")
            ),
            Field.Required<QuoteContent, LocalDate>("validUntil", ValueCodecs.Date, c => c.ValidUntil),
            Field.Required<QuoteContent, IReadOnlyList<QuoteLine>>("lines", Lines, c => c.Lines),
            Field.Optional<QuoteContent, Discount>("quoteDiscount", Discount, c => c.QuoteDiscount)
        )
    );

    public static readonly ShapeCodec<TriggeredRule> Triggered = ShapeCodec<TriggeredRule>.Single(
        Shape.Of(
            "TriggeredRule",
            1,
            v => new TriggeredRule(
                v.Get<string>("rule"),
                v.Get<ApproverLevel>("level"),
                v.Optional<string>("role"),
                v.Get<string>("reason")
            ),
            Field.Required<TriggeredRule, string>("rule", Text, t => t.Rule),
            Field.Required<TriggeredRule, ApproverLevel>("level", EnumCodec<ApproverLevel>.Instance, t => t.Level),
            Field.Optional<TriggeredRule, string>("role", Text, t => t.Role),
            Field.Required<TriggeredRule, string>("reason", Text, t => t.Reason)
        )
    );

    public static readonly ShapeCodec<RequiredApproval> Required = ShapeCodec<RequiredApproval>.Single(
        Shape.Of(
            "RequiredApproval",
            1,
            v => new RequiredApproval(v.Get<ApproverLevel>("level"), v.Optional<string>("personId"), v.Optional<string>("role")),
            Field.Required<RequiredApproval, ApproverLevel>("level", EnumCodec<ApproverLevel>.Instance, r => r.Level),
            Field.Optional<RequiredApproval, string>("personId", Text, r => r.PersonId),
            Field.Optional<RequiredApproval, string>("role", Text, r => r.Role)
        )
    );

    // {"level":"Manager"} or {"level":"Role","role":"deal-desk"}: a role is named exactly when the level is Role.
    public static readonly ShapeCodec<Approver> Approver = ShapeCodec<Approver>.Single(
        Shape.Of(
            "Approver",
            1,
            v => ApproverOf(v.Get<ApproverLevel>("level"), v.Optional<string>("role")),
            Field.Required<Approver, ApproverLevel>("level", EnumCodec<ApproverLevel>.Instance, a => a.Level),
            Field.Optional<Approver, string>("role", Text, a => a.Role)
        )
    );

    // The rule's measure decides which threshold it has: a percentage for LineDiscountPercent, an amount for
    // TotalDiscount and TotalAbove, none for PriceUnderFloor; the other threshold is refused, never ignored.
    public static readonly ShapeCodec<ApprovalRule> Rule = ShapeCodec<ApprovalRule>.Single(
        Shape.Of(
            "ApprovalRule",
            1,
            v =>
                RuleOf(
                    v.Get<string>("name"),
                    v.Get<ApprovalMeasure>("measure"),
                    v.OptionalValue<decimal>("percent"),
                    v.Optional<Money>("amount"),
                    v.Get<Approver>("approver")
                ),
            Field.Required<ApprovalRule, string>("name", Text, r => r.Name),
            Field.Required<ApprovalRule, ApprovalMeasure>("measure", EnumCodec<ApprovalMeasure>.Instance, r => r.Measure),
            Field.OptionalValue<ApprovalRule, decimal>("percent", DecimalCodec.Instance, r => r.Percent),
            Field.Optional<ApprovalRule, Money>("amount", ValueCodecs.Money, r => r.Amount),
            Field.Required<ApprovalRule, Approver>("approver", Approver, r => r.Approver)
        )
    );

    private static Approver ApproverOf(ApproverLevel level, string? role)
    {
        if (level == ApproverLevel.Role)
        {
            return role is null
                ? throw new ArgumentException("An approver of level Role names the role; \"role\" is missing.", nameof(role))
                : Quotes.Approver.InRole(role);
        }
        if (role is not null)
        {
            throw new ArgumentException($"Only an approver of level Role names a role; this one is {level}.", nameof(role));
        }
        return level switch
        {
            ApproverLevel.Nobody => Quotes.Approver.Nobody,
            ApproverLevel.Manager => Quotes.Approver.Manager,
            _ => Quotes.Approver.NextLevelUp,
        };
    }

    private static ApprovalRule RuleOf(string name, ApprovalMeasure measure, decimal? percent, Money? amount, Approver approver)
    {
        var (needsPercent, needsAmount) = (
            measure == ApprovalMeasure.LineDiscountPercent,
            measure is ApprovalMeasure.TotalDiscount or ApprovalMeasure.TotalAbove
        );
        if (percent is null && needsPercent)
        {
            throw new ArgumentException($"A {measure} rule has a percentage threshold; \"percent\" is missing.", nameof(percent));
        }
        if (percent is not null && !needsPercent)
        {
            throw new ArgumentException(
                $"A {measure} rule has no percentage threshold; \"percent\" is not one of its fields.",
                nameof(percent)
            );
        }
        if (amount is null && needsAmount)
        {
            throw new ArgumentException($"A {measure} rule has an amount threshold; \"amount\" is missing.", nameof(amount));
        }
        if (amount is not null && !needsAmount)
        {
            throw new ArgumentException($"A {measure} rule has no amount threshold; \"amount\" is not one of its fields.", nameof(amount));
        }
        return measure switch
        {
            ApprovalMeasure.LineDiscountPercent => ApprovalRule.LineDiscountAbove(percent!.Value, approver, name),
            ApprovalMeasure.TotalDiscount => ApprovalRule.TotalDiscountAbove(amount!, approver, name),
            ApprovalMeasure.TotalAbove => ApprovalRule.TotalAbove(amount!, approver, name),
            _ => ApprovalRule.PriceUnderFloor(approver, name),
        };
    }

    // A time zone by its id in the tz database (NodaTime's DateTimeZoneProviders.Tzdb), the provider the reader resolves
    // it with: "Europe/Paris", "UTC". A zone of another provider is refused on writing, since it could not be read back.
    private sealed class ZoneCodec : Codec<DateTimeZone>
    {
        public override string JsonType => "string (IANA time zone id)";

        public override void Write(Utf8JsonWriter writer, DateTimeZone value, string path)
        {
            if (!ReferenceEquals(DateTimeZoneProviders.Tzdb.GetZoneOrNull(value.Id), value) && !SameFixed(value))
            {
                throw Fail.At(
                    path,
                    $"The time zone {Fail.Quote(value.Id)} is not one of the tz database's (DateTimeZoneProviders.Tzdb), which is where a reader finds zones by id; use DateTimeZoneProviders.Tzdb[id]."
                );
            }
            writer.WriteStringValue(value.Id);
        }

        public override DateTimeZone Read(ref Utf8JsonReader reader, string path)
        {
            var id =
                reader.TokenType == JsonTokenType.String
                    ? reader.GetString()!
                    : throw Fail.Expected(path, "a time zone id in a string, like \"Europe/Paris\"", ref reader);
            return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
                ?? throw Fail.At(
                    path,
                    $"Unknown time zone {Fail.Quote(id)}: it is not a time zone id of the tz database (DateTimeZoneProviders.Tzdb {DateTimeZoneProviders.Tzdb.VersionId}). Ids are case-sensitive, like \"Europe/Paris\" or \"UTC\"."
                );
        }

        // Fixed-offset zones ("UTC+01") are made anew by each lookup; one with the same id is the same zone.
        private static bool SameFixed(DateTimeZone zone) =>
            zone.MinOffset == zone.MaxOffset
            && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone.Id) is { } found
            && found.MinOffset == zone.MinOffset
            && found.MaxOffset == zone.MaxOffset;
    }
}
