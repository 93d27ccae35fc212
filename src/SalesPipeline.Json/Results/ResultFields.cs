using System;
using System.Collections.Generic;
using System.Text.Json;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Json.Values;
using SalesPipeline.Json.Wire;
using SalesPipeline.Statistics;

namespace SalesPipeline.Json.Results;

// The small vocabulary every result converter writes with, on the package's value codecs so that a value has one form
// in events, documents and results alike: money as {"amount","currency"}, periods as {"label","start","end"}, exact
// decimals as strings, enums as their names. A double that is undefined (no data) is null, as JSON has no NaN; a value
// that is absent is null, so that every result object has the same fields every time.
internal static class ResultFields
{
    public static void Money(Utf8JsonWriter writer, string name, Money? value) => Write(writer, name, value, ValueCodecs.Money);

    public static void Period(Utf8JsonWriter writer, string name, FiscalPeriod? value) =>
        Write(writer, name, value, ValueCodecs.FiscalPeriod);

    public static void Currency(Utf8JsonWriter writer, Currency? value) => Write(writer, "currency", value, ValueCodecs.Currency);

    public static void Instant(Utf8JsonWriter writer, string name, Instant? value) => WriteValue(writer, name, value, ValueCodecs.Instant);

    public static void Date(Utf8JsonWriter writer, string name, LocalDate? value) => WriteValue(writer, name, value, ValueCodecs.Date);

    public static void Duration(Utf8JsonWriter writer, string name, Duration? value) =>
        WriteValue(writer, name, value, ValueCodecs.Duration);

    public static void Id(Utf8JsonWriter writer, string name, DealId? value) => WriteValue(writer, name, value, ValueCodecs.DealId);

    public static void Id(Utf8JsonWriter writer, string name, LeadId? value) => WriteValue(writer, name, value, ValueCodecs.LeadId);

    // An exact decimal (a rate, a probability, a coverage) as a string, like the amounts: "0.8", never 0.800000001.
    public static void Decimal(Utf8JsonWriter writer, string name, decimal? value) =>
        WriteValue(writer, name, value, DecimalCodec.Instance);

    public static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void Number(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void Name<T>(Utf8JsonWriter writer, string name, T value)
        where T : struct, Enum => WriteValue<T>(writer, name, value, EnumCodec<T>.Instance);

    public static void Name<T>(Utf8JsonWriter writer, string name, T? value)
        where T : struct, Enum => WriteValue(writer, name, value, EnumCodec<T>.Instance);

    public static void Boolean(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } v)
        {
            writer.WriteBoolean(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    // A value that is stored as well (a quote line, a discount): written in its stored form, so it reads the same in an
    // event and in a result.
    public static void Value<T>(Utf8JsonWriter writer, string name, T? value, Codec<T> codec)
        where T : class => Write(writer, name, value, codec);

    public static void List<T>(Utf8JsonWriter writer, string name, IEnumerable<T> values, Codec<T> codec)
        where T : notnull
    {
        writer.WriteStartArray(name);
        var i = 0;
        foreach (var value in values)
        {
            codec.Write(writer, value, $".{name}[{i++}]");
        }
        writer.WriteEndArray();
    }

    public static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }

    public static void Object<T>(Utf8JsonWriter writer, string name, T? value, ResultConverter<T> converter, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            converter.Write(writer, value, options);
        }
    }

    public static void Array<T>(
        Utf8JsonWriter writer,
        string name,
        IEnumerable<T> values,
        ResultConverter<T> converter,
        JsonSerializerOptions options
    )
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            converter.Write(writer, value, options);
        }
        writer.WriteEndArray();
    }

    // A binomial interval where the library reports one (win rates, conversions): the estimate is null with no trials.
    public static void Interval(Utf8JsonWriter writer, string name, BinomialInterval? value)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        writer.WriteNumber("successes", value.Successes);
        writer.WriteNumber("trials", value.Trials);
        Number(writer, "estimate", value.Trials == 0 ? null : value.Estimate);
        Number(writer, "lower", value.Lower);
        Number(writer, "upper", value.Upper);
        writer.WriteNumber("confidence", value.Confidence);
        Name(writer, "method", value.Method);
        writer.WriteEndObject();
    }

    private static void Write<T>(Utf8JsonWriter writer, string name, T? value, Codec<T> codec)
        where T : class
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            codec.Write(writer, value, "." + name);
        }
    }

    private static void WriteValue<T>(Utf8JsonWriter writer, string name, T? value, Codec<T> codec)
        where T : struct
    {
        writer.WritePropertyName(name);
        if (value is { } v)
        {
            codec.Write(writer, v, "." + name);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
