using System;
using System.Collections.Generic;
using System.Text.Json;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Json.Documents;
using SalesPipeline.Statistics;

namespace SalesPipeline.Json.Results;

// The small vocabulary every result converter writes with: values of the library's own types go through the converters
// the options hold (money, periods, ids, NodaTime), numbers that may be undefined are null rather than NaN, and enums are
// their names.
internal static class ResultFields
{
    public static void Money(Utf8JsonWriter writer, string name, Money? value, JsonSerializerOptions options) =>
        Value(writer, name, value, options);

    public static void Period(Utf8JsonWriter writer, string name, FiscalPeriod? value, JsonSerializerOptions options) =>
        Value(writer, name, value, options);

    public static void Currency(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) =>
        Value(writer, "currency", value, options);

    public static void Value<T>(Utf8JsonWriter writer, string name, T? value, JsonSerializerOptions options)
        where T : class
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            DocumentValues.Write(writer, value, options);
        }
    }

    public static void Struct<T>(Utf8JsonWriter writer, string name, T? value, JsonSerializerOptions options)
        where T : struct
    {
        writer.WritePropertyName(name);
        DocumentValues.WriteNullable(writer, value, options);
    }

    public static void Instant(Utf8JsonWriter writer, string name, Instant value, JsonSerializerOptions options) =>
        Struct<Instant>(writer, name, value, options);

    public static void Date(Utf8JsonWriter writer, string name, LocalDate value, JsonSerializerOptions options) =>
        Struct<LocalDate>(writer, name, value, options);

    // A rate or mean that is undefined (no data) is null; JSON has no NaN.
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

    public static void Number(Utf8JsonWriter writer, string name, decimal? value)
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
        where T : struct, Enum => writer.WriteString(name, value.ToString());

    public static void Name<T>(Utf8JsonWriter writer, string name, T? value)
        where T : struct, Enum => writer.WriteString(name, value?.ToString());

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
        writer.WriteString("method", value.Method.ToString());
        writer.WriteEndObject();
    }
}
