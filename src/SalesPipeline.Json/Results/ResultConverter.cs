using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesPipeline.Json.Results;

// A result (forecast, metric, report) is written for APIs and dashboards and never read back: it is computed again from
// the deals, which are what is stored. Each converter writes fixed camelCase field names, whatever the options' naming
// policy, and writes nested results through their own converters, so a line has one shape wherever it appears.
internal abstract class ResultConverter<T> : JsonConverter<T>
{
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException(
            $"{typeof(T).Name} is a result: SalesPipeline.Json writes it for APIs and dashboards but does not read it back; store the deals (their events) and compute it again (docs/json.md, \"Results\")."
        );

    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteFields(writer, value, options);
        writer.WriteEndObject();
    }

    // The fields alone, so that a caller can add a key to them (a line of a keyed list) in the same object.
    internal abstract void WriteFields(Utf8JsonWriter writer, T value, JsonSerializerOptions options);
}
