using System;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Json.Wire;

namespace SalesPipeline.Json.Values;

// The wire form of every value the events, entries and documents are made of, one codec each (docs/json.md, "Values").
internal static class ValueCodecs
{
    public static readonly Codec<Currency> Currency = new CurrencyCodec();
    public static readonly Codec<DealId> DealId = new IdCodec<DealId>("deal id", t => new DealId(t), id => id.Value);
    public static readonly Codec<LeadId> LeadId = new IdCodec<LeadId>("lead id", t => new LeadId(t), id => id.Value);
    public static readonly Codec<LeadSource> LeadSource = new IdCodec<LeadSource>("lead source", t => new LeadSource(t), s => s.Code);
    public static readonly Codec<LossReason> LossReason = new IdCodec<LossReason>("loss reason", t => new LossReason(t), r => r.Code);
    public static readonly Codec<StopReason> StopReason = new IdCodec<StopReason>("stop reason", t => new StopReason(t), r => r.Code);
    public static readonly Codec<Instant> Instant = new PatternCodec<Instant>(
        InstantPattern.ExtendedIso,
        "string (ISO instant in UTC)",
        "an instant; expected ISO-8601 in UTC, like \"2026-03-01T09:30:00Z\"",
        IsoText.TryInstant
    );
    public static readonly Codec<LocalDate> Date = new PatternCodec<LocalDate>(
        LocalDatePattern.Iso,
        "string (ISO date)",
        "a date; expected ISO-8601 \"yyyy-MM-dd\", like \"2026-03-31\"",
        IsoText.TryDate
    );

    // NodaTime's JSON form of a duration, hours first: 14 days is "336:00:00" (pipeline documents, health reports).
    public static readonly Codec<Duration> Duration = new PatternCodec<Duration>(
        DurationPattern.JsonRoundtrip,
        "string (duration, hours:minutes:seconds)",
        "a duration; expected hours, minutes and seconds, like \"336:00:00\" for 14 days"
    );

    public static readonly ShapeCodec<Money> Money = ShapeCodec<Money>.Single(
        Shape.Of<Money>(
            "Money",
            1,
            v => SalesPipeline.Money.Of(v.Get<decimal>("amount"), v.Get<Currency>("currency")),
            Field.Required<Money, decimal>("amount", DecimalCodec.Instance, m => m.Amount),
            Field.Required<Money, Currency>("currency", Currency, m => m.Currency)
        )
    );

    // A deal's customer as {"accountId":..,"name":..}: both kept exactly as given (Customer does not trim them).
    public static readonly ShapeCodec<Customer> Customer = ShapeCodec<Customer>.Single(
        Shape.Of<Customer>(
            "Customer",
            1,
            v => new SalesPipeline.Customer(v.Get<string>("accountId"), v.Get<string>("name")),
            Field.Required<Customer, string>("accountId", TextCodec.Instance, c => c.AccountId),
            Field.Required<Customer, string>("name", TextCodec.Instance, c => c.Name)
        )
    );

    public static readonly ShapeCodec<DateInterval> DateInterval = ShapeCodec<DateInterval>.Single(
        Shape.Of<DateInterval>(
            "DateInterval",
            1,
            v => new DateInterval(v.Get<LocalDate>("start"), v.Get<LocalDate>("end")),
            Field.Required<DateInterval, LocalDate>("start", Date, i => i.Start),
            Field.Required<DateInterval, LocalDate>("end", Date, i => i.End)
        )
    );

    public static readonly ShapeCodec<FiscalPeriod> FiscalPeriod = ShapeCodec<FiscalPeriod>.Single(
        Shape.Of<FiscalPeriod>(
            "FiscalPeriod",
            1,
            v => new FiscalPeriod(v.Get<string>("label"), new DateInterval(v.Get<LocalDate>("start"), v.Get<LocalDate>("end"))),
            Field.Required<FiscalPeriod, string>("label", TextCodec.Instance, p => p.Label),
            Field.Required<FiscalPeriod, LocalDate>("start", Date, p => p.Start),
            Field.Required<FiscalPeriod, LocalDate>("end", Date, p => p.End)
        )
    );

    private sealed class CurrencyCodec : Codec<Currency>
    {
        public override string JsonType => "string (ISO 4217 code)";

        public override void Write(Utf8JsonWriter writer, Currency value, string path) => writer.WriteStringValue(value.Code);

        public override Currency Read(ref Utf8JsonReader reader, string path)
        {
            var code =
                reader.TokenType == JsonTokenType.String
                    ? reader.GetString()!
                    : throw Fail.Expected(path, "an ISO 4217 currency code in a string, like \"USD\"", ref reader);
            try
            {
                return SalesPipeline.Currency.FromCode(code);
            }
            catch (ArgumentException e)
            {
                throw Fail.At(path, $"Unknown currency {Fail.Quote(code)}: {Fail.Plain(e)}", e);
            }
        }
    }

    // A value written as its text: an id, a lead source, a loss reason. Its constructor refuses blank text.
    private sealed class IdCodec<T>(string what, Func<string, T> create, Func<T, string> text) : Codec<T>
        where T : notnull
    {
        public override string JsonType => "string, not blank";

        public override void Write(Utf8JsonWriter writer, T value, string path)
        {
            var t = text(value);
            if (string.IsNullOrWhiteSpace(t))
            {
                throw Fail.At(path, $"The {what} is empty (default({typeof(T).Name})); an empty {what} is never written.");
            }
            writer.WriteStringValue(t);
        }

        public override T Read(ref Utf8JsonReader reader, string path)
        {
            var t =
                reader.TokenType == JsonTokenType.String
                    ? reader.GetString()!
                    : throw Fail.Expected(path, $"a {what} in a string", ref reader);
            if (string.IsNullOrWhiteSpace(t))
            {
                throw Fail.At(path, $"The {what} {Fail.Quote(t)} is blank; a {what} is never empty.");
            }
            return create(t);
        }
    }

    // A NodaTime value in its ISO text, read and written with the pattern NodaTime.Serialization uses; the usual forms
    // are read by a fast parser first when one is given (IsoText).
    private sealed class PatternCodec<T>(IPattern<T> pattern, string jsonType, string what, IsoText.Parser<T>? fast = null) : Codec<T>
        where T : notnull
    {
        public override string JsonType => jsonType;

        public override void Write(Utf8JsonWriter writer, T value, string path) => writer.WriteStringValue(pattern.Format(value));

        public override T Read(ref Utf8JsonReader reader, string path)
        {
            if (
                fast is not null
                && reader.TokenType == JsonTokenType.String
                && !reader.ValueIsEscaped
                && !reader.HasValueSequence
                && fast(reader.ValueSpan, out var quick)
            )
            {
                return quick;
            }
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Fail.Expected(path, what, ref reader);
            var result = pattern.Parse(text);
            return result.Success ? result.Value : throw Fail.At(path, $"{Fail.Quote(text)} is not {what}.", result.Exception);
        }
    }
}
