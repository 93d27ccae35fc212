using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace SalesPipeline.Json.Wire;

// The wire form of one concrete type: its stable type name, the newest schema version this package writes and reads,
// its field table in the order written, and how an instance is made from the values read (through the type's public
// constructor or factory, so every domain rule applies). Create receives the version read, for upcasting
// (docs/json.md, "Versioning").
internal sealed class Shape
{
    public Shape(Type type, string name, int version, Func<FieldValues, object> create, params Field[] fields)
    {
        Type = type;
        Name = name;
        Utf8Name = System.Text.Encoding.UTF8.GetBytes(name);
        Version = version;
        Create = create;
        Fields = fields;
        if (fields.Length > 64)
        {
            throw new InvalidOperationException($"The field table of {name} has {fields.Length} fields; a shape holds at most 64.");
        }
        var duplicate = fields.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The field table of {name} names \"{duplicate.Key}\" twice.");
        }
    }

    public Type Type { get; }

    public string Name { get; }

    public byte[] Utf8Name { get; }

    public int Version { get; }

    public IReadOnlyList<Field> Fields { get; }

    public Func<FieldValues, object> Create { get; }

    // The field whose name the reader is on, or -1; fields usually come in the order written, so the one after the
    // previous match is tried first.
    public int IndexOf(ref Utf8JsonReader reader, int next)
    {
        var count = Fields.Count;
        for (var k = 0; k < count; k++)
        {
            var i = (next + k) % count;
            if (reader.ValueTextEquals(Fields[i].Utf8Name))
            {
                return i;
            }
        }
        return -1;
    }

    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    public static Shape Of<T>(string name, int version, Func<FieldValues, T> create, params Field[] fields)
        where T : class => new(typeof(T), name, version, v => create(v), fields);
}

// The values read for one object, by field name, handed to Shape.Create.
internal sealed class FieldValues(Shape shape, int version)
{
    private readonly object?[] slots = new object?[shape.Fields.Count];

    // The schema version the object was written with (1 for objects without a version).
    public int Version { get; } = version;

    public T Get<T>(string name)
        where T : notnull => (T)(slots[Index(name)] ?? throw new InvalidOperationException($"{shape.Name}.{name} was not read."));

    public T? Optional<T>(string name)
        where T : class => (T?)slots[Index(name)];

    public T? OptionalValue<T>(string name)
        where T : struct => slots[Index(name)] is T value ? value : null;

    internal bool Has(int index) => slots[index] is not null;

    internal void Set(int index, object value) => slots[index] = value;

    private int Index(string name)
    {
        var i = shape.IndexOf(name);
        return i >= 0 ? i : throw new InvalidOperationException($"{shape.Name} has no field \"{name}\".");
    }
}
