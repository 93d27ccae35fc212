using System;
using System.Text;
using System.Text.Json;

namespace SalesPipeline.Json.Wire;

// One row of a type's field table: its fixed JSON name, whether it is required, how its value is written and read, and
// how the value is taken from an instance. An optional field is omitted when null and read as absent or null.
internal abstract class Field
{
    protected Field(string name, bool required, int since)
    {
        Name = name;
        Utf8Name = Encoding.UTF8.GetBytes(name);
        DotName = "." + name;
        IsRequired = required;
        Since = since;
    }

    public string Name { get; }

    // The name as the reader compares it (no string per property read), and as the path inside an object shows it.
    public byte[] Utf8Name { get; }

    public string DotName { get; }

    public bool IsRequired { get; }

    // The schema version that added the field: a required field is required only in objects of that version or later;
    // the type's Create supplies what an older version implies (docs/json.md, "Versioning and upcasting").
    public int Since { get; }

    public abstract string JsonType { get; }

    public abstract void Write(Utf8JsonWriter writer, object owner, string path);

    public abstract object Read(ref Utf8JsonReader reader, string path);

    public static Field Required<TOwner, TValue>(string name, Codec<TValue> codec, Func<TOwner, TValue> get, int since = 1)
        where TValue : notnull => new Field<TValue>(name, true, codec, o => get((TOwner)o), since);

    public static Field Optional<TOwner, TValue>(string name, Codec<TValue> codec, Func<TOwner, TValue?> get)
        where TValue : class => new Field<TValue>(name, false, codec, o => get((TOwner)o), 1);

    public static Field OptionalValue<TOwner, TValue>(string name, Codec<TValue> codec, Func<TOwner, TValue?> get)
        where TValue : struct => new Field<TValue>(name, false, codec, o => get((TOwner)o), 1);
}

internal sealed class Field<TValue>(string name, bool required, Codec<TValue> codec, Func<object, object?> get, int since)
    : Field(name, required, since)
    where TValue : notnull
{
    public override string JsonType => codec.JsonType;

    public override void Write(Utf8JsonWriter writer, object owner, string path)
    {
        switch (get(owner))
        {
            case TValue value:
                writer.WritePropertyName(Name);
                codec.Write(writer, value, path + "." + Name);
                break;
            case null when IsRequired:
                throw Fail.At(path + "." + Name, $"The required field \"{Name}\" is null; it cannot be written.");
        }
    }

    public override object Read(ref Utf8JsonReader reader, string path) => codec.Read(ref reader, path);
}
