using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Json;
using SalesPipeline.Leads;
using SalesPipeline.Quotes;

namespace SalesPipeline.Storage.Sql;

// A record as it is stored: the JSON of the package's wire format and a copy of its "type" for SQL users.
internal readonly record struct EncodedRecord(string Type, string Data);

// The one place that turns records into stored text and back: the JSON package's contracts, nothing of our own.
internal static class Codec
{
    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)SalesPipelineJson.Options.GetTypeInfo(typeof(T));

    public static EncodedRecord Encode<T>(T value)
    {
        var data = JsonSerializer.Serialize(value, Info<T>());
        return new EncodedRecord(TypeOf(data), data);
    }

    public static T Decode<T>(string data) =>
        JsonSerializer.Deserialize(data, Info<T>()) ?? throw new JsonException("The record is JSON null; a stored record is an object.");

    // The deal event, lead event, terms document, collection entry or quote event a row of this stream and version holds.
    public static object DecodeAny(StreamKind kind, long version, string data) =>
        kind switch
        {
            StreamKind.Deal => Decode<DealEvent>(data),
            StreamKind.Lead => Decode<LeadEvent>(data),
            StreamKind.CollectionSchedule when version == 1 => Decode<CollectionSchedule>(data),
            StreamKind.CollectionSchedule => Decode<CollectionEntry>(data),
            StreamKind.Quote => Decode<QuoteEvent>(data),
            _ => throw new NotSupportedException($"Stream kind {kind} has no record type."),
        };

    // Whether a stored record is the same record as ours, compared as the current wire format writes them (so a record
    // written by an older version of the format, read through its upcasting, still matches).
    public static bool SameRecord<T>(string stored, EncodedRecord ours) =>
        string.Equals(JsonSerializer.Serialize(Decode<T>(stored), Info<T>()), ours.Data, StringComparison.Ordinal);

    // Exceptions a row's text can raise while it is read back: all of them mean "this row does not read".
    public static bool IsReadFailure(Exception e) =>
        e
            is JsonException
                or NotSupportedException
                or ArgumentException
                or FormatException
                or InvalidOperationException
                or OverflowException;

    // The top-level "type" property of a record's JSON.
    private static string TypeOf(string data)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(data));
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString()!;
                }
                reader.Skip();
            }
        }
        throw new InvalidOperationException(
            "The JSON package wrote a record without a top-level \"type\" string; every stored record needs one (docs/json.md)."
        );
    }
}
