using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SalesPipeline.Json.Documents;

// Values of other types inside a document are written by the converter the options hold for them, so each value type has
// one format wherever it appears.
internal static class DocumentValues
{
    public static void Write<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));

    public static void WriteNullable<T>(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        where T : struct
    {
        if (value is { } v)
        {
            Write(writer, v, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
