using System.Collections.Generic;
using System.Text.Json;

namespace SalesPipeline.Json.Wire;

// A JSON array of values; a null element is an error.
internal sealed class ListCodec<T>(Codec<T> item) : Codec<IReadOnlyList<T>>
    where T : notnull
{
    public override string JsonType => "array of " + item.JsonType;

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, string path)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            item.Write(writer, value[i], $"{path}[{i}]");
        }
        writer.WriteEndArray();
    }

    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Fail.Expected(path, "an array", ref reader);
        }
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var itemPath = $"{path}[{list.Count}]";
            list.Add(
                reader.TokenType == JsonTokenType.Null
                    ? throw Fail.At(itemPath, "An element is null; arrays hold no nulls.")
                    : item.Read(ref reader, itemPath)
            );
        }
        return list;
    }
}
