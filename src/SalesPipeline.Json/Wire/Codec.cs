using System.Text.Json;

namespace SalesPipeline.Json.Wire;

// How one kind of value is written and read, with the path of the value inside the converter's value for messages.
// Read is called with the reader on the value's first token (never a null token: the caller decides what null means)
// and leaves it on the value's last token, as a JsonConverter does.
internal abstract class Codec<T>
    where T : notnull
{
    // The JSON type as docs/json.md names it, for example "string (ISO date)".
    public abstract string JsonType { get; }

    public abstract void Write(Utf8JsonWriter writer, T value, string path);

    public abstract T Read(ref Utf8JsonReader reader, string path);
}
