using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace SalesPipeline.Json.Wire;

// Writes and reads the objects of one family of shapes: a closed set of types told apart by a discriminator field
// ("type" for events and entries, "kind" for due rules and terms lines), or a single shape without one. With a version,
// the discriminator and "version" are written first; reading accepts the fields in any order.
internal sealed class ShapeCodec<TBase> : Codec<TBase>
    where TBase : class
{
    private const string VersionField = "version";
    private readonly string what;
    private readonly string? discriminator;
    private readonly bool versioned;
    private readonly Dictionary<string, Shape> byName;
    private readonly Func<TBase, string> nameOf;

    private ShapeCodec(string what, string? discriminator, bool versioned, Func<TBase, string> nameOf, IReadOnlyList<Shape> shapes)
    {
        this.what = what;
        this.discriminator = discriminator;
        this.versioned = versioned;
        this.nameOf = nameOf;
        Shapes = shapes;
        byName = shapes.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<Shape> Shapes { get; }

    public string NameOf(TBase value) => nameOf(value);

    public string KnownNames => string.Join(", ", Shapes.Select(s => s.Name));

    public string? Discriminator => discriminator;

    public bool Versioned => versioned;

    public override string JsonType => $"object ({what})";

    // A closed family of types, each its own shape, named by "type", with a schema version.
    public static ShapeCodec<TBase> Types(string what, params Shape[] shapes)
    {
        var byType = shapes.ToDictionary(s => s.Type);
        return new ShapeCodec<TBase>(
            what,
            "type",
            true,
            v => byType.TryGetValue(v.GetType(), out var s) ? s.Name : v.GetType().Name,
            shapes
        );
    }

    // One type whose instances come in kinds, each kind its own shape, named by "kind"; versioned by the enclosing document.
    public static ShapeCodec<TBase> Kinds(string what, Func<TBase, string> kindOf, params Shape[] shapes) =>
        new(what, "kind", false, kindOf, shapes);

    // A plain value object: one shape, no discriminator, no version.
    public static ShapeCodec<TBase> Single(Shape shape) => new(shape.Name, null, false, _ => shape.Name, [shape]);

    public override void Write(Utf8JsonWriter writer, TBase value, string path)
    {
        var name = nameOf(value);
        if (!byName.TryGetValue(name, out var shape))
        {
            throw Fail.At(path, $"{name} has no wire form as a {what}; the known ones are {KnownNames}.");
        }
        writer.WriteStartObject();
        if (discriminator is not null)
        {
            writer.WriteString(discriminator, shape.Name);
        }
        if (versioned)
        {
            writer.WriteNumber(VersionField, shape.Version);
        }
        foreach (var field in shape.Fields)
        {
            field.Write(writer, value, path);
        }
        writer.WriteEndObject();
    }

    public override TBase Read(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Fail.Expected(path, $"a {what} (a JSON object)", ref reader);
        }
        var (shape, version) = Header(reader, path);
        var values = new FieldValues(shape, version);
        var seen = new bool[shape.Fields.Count];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (string.Equals(name, discriminator, StringComparison.Ordinal) || (versioned && name == VersionField))
            {
                continue; // checked by Header, and a string or a number: nothing to skip
            }
            var fieldPath = path + "." + name;
            var i = shape.IndexOf(name);
            if (i < 0)
            {
                throw UnknownField(shape, name, fieldPath);
            }
            if (seen[i])
            {
                throw Fail.At(fieldPath, $"The field \"{name}\" is given twice; give each field once.");
            }
            seen[i] = true;
            var field = shape.Fields[i];
            if (reader.TokenType == JsonTokenType.Null)
            {
                if (field.IsRequired && version >= field.Since)
                {
                    throw Fail.At(fieldPath, $"The field \"{name}\" of {shape.Name} is required and may not be null.");
                }
                continue;
            }
            values.Set(i, field.Read(ref reader, fieldPath));
        }
        var missing = shape.Fields.Where((f, i) => f.IsRequired && version >= f.Since && !values.Has(i)).Select(f => f.Name).ToArray();
        if (missing.Length > 0)
        {
            throw Fail.At(
                path + "." + missing[0],
                $"The required field{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => "\"" + m + "\""))} of {shape.Name} {(missing.Length > 1 ? "are" : "is")} missing; a missing value is never read as a default."
            );
        }
        try
        {
            return (TBase)shape.Create(values);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException)
        {
            var param = e is ArgumentException a ? a.ParamName : null;
            var at = param is not null && shape.IndexOf(param) >= 0 ? path + "." + param : path;
            throw Fail.Domain(at, shape.Name, e);
        }
    }

    // Finds the shape and version without moving the caller's reader (it reads a copy), so the fields may come in any
    // order; the whole value is buffered when a converter runs.
    private (Shape Shape, int Version) Header(Utf8JsonReader scan, string path)
    {
        string? typeName = null;
        int? version = null;
        while (scan.Read() && scan.TokenType != JsonTokenType.EndObject)
        {
            var name = scan.GetString()!;
            scan.Read();
            if (string.Equals(name, discriminator, StringComparison.Ordinal))
            {
                typeName = typeName is null
                    ? scan.TokenType == JsonTokenType.String
                        ? scan.GetString()!
                        : throw Fail.Expected(path + "." + name, $"the {discriminator} name of a {what}, one of {KnownNames}", ref scan)
                    : throw Fail.At(path + "." + name, $"The field \"{name}\" is given twice; give each field once.");
            }
            else if (versioned && name == VersionField)
            {
                version = version is null
                    ? scan.TokenType == JsonTokenType.Number && scan.TryGetInt32(out var v)
                        ? v
                        : throw Fail.Expected(path + "." + VersionField, "the schema version, a whole number from 1", ref scan)
                    : throw Fail.At(path + "." + name, $"The field \"{name}\" is given twice; give each field once.");
            }
            else if (!scan.TrySkip())
            {
                throw Fail.At(path + "." + name, "The value is not complete.");
            }
        }
        Shape shape;
        if (discriminator is null)
        {
            shape = Shapes[0];
        }
        else if (typeName is null)
        {
            throw Fail.At(path + "." + discriminator, $"The {what} has no \"{discriminator}\"; it must name one of {KnownNames}.");
        }
        else if (!byName.TryGetValue(typeName, out shape!))
        {
            throw Fail.At(
                path + "." + discriminator,
                $"Unknown {what} {discriminator} {Fail.Quote(typeName)}; the known ones are {KnownNames}."
            );
        }
        if (!versioned)
        {
            return (shape, 1);
        }
        if (version is not { } read)
        {
            throw Fail.At(
                path + "." + VersionField,
                $"The {shape.Name} has no \"version\"; every {what} carries the schema version it was written with."
            );
        }
        if (read < 1)
        {
            throw Fail.At(path + "." + VersionField, $"Version {read} of {shape.Name} does not exist; versions start at 1.");
        }
        if (read > shape.Version)
        {
            throw Fail.At(
                path + "." + VersionField,
                $"{shape.Name} version {read} is newer than this package reads (up to version {shape.Version}); read it with a newer SalesPipeline.Json."
            );
        }
        return (shape, read);
    }

    private static SalesPipelineJsonException UnknownField(Shape shape, string name, string path)
    {
        var near = shape.Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        var hint = near is null ? "" : $" Did you mean \"{near.Name}\"?";
        return Fail.At(
            path,
            $"{shape.Name} has no field {Fail.Quote(name)}.{hint} Its fields are {string.Join(", ", shape.Fields.Select(f => f.Name))} (case-sensitive); an unknown field is refused so that a misspelt one never drops a value."
        );
    }
}
