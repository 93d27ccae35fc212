using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesPipeline.Json.Wire;

// A codec as a System.Text.Json converter: the path inside starts at the value the serializer hands over. For an event
// or entry family, null is refused on reading and writing (a list of events never holds a null); for a value (Money), a
// null is the serializer's ordinary null, so optional values of an application's own types keep working.
internal sealed class CodecConverter<T>(Codec<T> codec, bool refuseNull = false) : JsonConverter<T>
    where T : notnull
{
    public override bool HandleNull => refuseNull || typeof(T).IsValueType;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null
            ? throw Fail.At("", $"Expected a {typeof(T).Name}, found null.")
            : codec.Read(ref reader, "");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        codec.Write(writer, value ?? throw Fail.At("", $"A null {typeof(T).Name} is never written."), "");
}

// One concrete type of a family (StageMoved of DealEvent): written as the family writes it; reading anything else of
// the family, or null, is an error.
internal sealed class SubtypeConverter<TBase, T>(ShapeCodec<TBase> codec, string name) : JsonConverter<T>
    where TBase : class
    where T : class, TBase
{
    public override bool HandleNull => true;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null
            ? throw Fail.At("", $"Expected a {name}, found null.")
            : codec.Read(ref reader, "") switch
            {
                T value => value,
                var other => throw Fail.At(
                    ".type",
                    $"Expected a {name}, found a {codec.NameOf(other)}; read the family's base type to accept any of {codec.KnownNames}."
                ),
            };

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        codec.Write(writer, value ?? throw Fail.At("", $"A null {name} is never written."), "");
}
