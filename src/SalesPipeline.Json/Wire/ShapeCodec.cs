using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
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
    private static readonly byte[] VersionUtf8 = Encoding.UTF8.GetBytes(VersionField);
    private readonly string? discriminator;
    private readonly byte[]? discriminatorUtf8;
    private readonly bool versioned;
    private readonly Dictionary<string, Shape> byName;
    private readonly Func<TBase, string> nameOf;

    private ShapeCodec(string what, string? discriminator, bool versioned, Func<TBase, string> nameOf, IReadOnlyList<Shape> shapes)
    {
        this.what = what;
        this.discriminator = discriminator;
        discriminatorUtf8 = discriminator is null ? null : Encoding.UTF8.GetBytes(discriminator);
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
        var seen = 0UL;
        var (seenDiscriminator, seenVersion, next) = (false, false, 0);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var i = shape.IndexOf(ref reader, next);
            if (i < 0)
            {
                // The header fields (checked by Header; a string or a number, nothing to skip), or an unknown one.
                var isDiscriminator = discriminatorUtf8 is not null && reader.ValueTextEquals(discriminatorUtf8);
                if (isDiscriminator || (versioned && reader.ValueTextEquals(VersionUtf8)))
                {
                    if (isDiscriminator ? seenDiscriminator : seenVersion)
                    {
                        var name = reader.GetString()!;
                        throw Fail.At(path + "." + name, $"The field \"{name}\" is given twice; give each field once.");
                    }
                    seenDiscriminator |= isDiscriminator;
                    seenVersion |= !isDiscriminator;
                    reader.Read();
                    continue;
                }
                var unknown = reader.GetString()!;
                throw UnknownField(shape, unknown, path + "." + unknown);
            }
            var field = shape.Fields[i];
            var fieldPath = path + field.DotName;
            if ((seen & (1UL << i)) != 0)
            {
                throw Fail.At(fieldPath, $"The field \"{field.Name}\" is given twice; give each field once.");
            }
            seen |= 1UL << i;
            next = i + 1;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                if (field.IsRequired && version >= field.Since)
                {
                    throw Fail.At(fieldPath, $"The field \"{field.Name}\" of {shape.Name} is required and may not be null.");
                }
                continue;
            }
            values.Set(i, field.Read(ref reader, fieldPath));
        }
        for (var i = 0; i < shape.Fields.Count; i++)
        {
            if (shape.Fields[i].IsRequired && version >= shape.Fields[i].Since && !values.Has(i))
            {
                var missing = shape
                    .Fields.Where((f, j) => f.IsRequired && version >= f.Since && !values.Has(j))
                    .Select(f => f.Name)
                    .ToArray();
                throw Fail.At(
                    path + "." + missing[0],
                    $"The required field{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => "\"" + m + "\""))} of {shape.Name} {(missing.Length > 1 ? "are" : "is")} missing; a missing value is never read as a default."
                );
            }
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
        // Written first, so the scan usually stops after two fields; a duplicate later is caught by Read.
        while ((typeName is null && discriminator is not null) || (version is null && versioned))
        {
            if (!scan.Read() || scan.TokenType == JsonTokenType.EndObject)
            {
                break;
            }
            if (discriminatorUtf8 is not null && scan.ValueTextEquals(discriminatorUtf8))
            {
                scan.Read();
                typeName =
                    scan.TokenType == JsonTokenType.String
                        ? KnownName(ref scan) ?? scan.GetString()!
                        : throw Fail.Expected(
                            path + "." + discriminator,
                            $"the {discriminator} name of a {what}, one of {KnownNames}",
                            ref scan
                        );
            }
            else if (versioned && scan.ValueTextEquals(VersionUtf8))
            {
                scan.Read();
                version =
                    scan.TokenType == JsonTokenType.Number && scan.TryGetInt32(out var v)
                        ? v
                        : throw Fail.Expected(path + "." + VersionField, "the schema version, a whole number from 1", ref scan);
            }
            else if (!scan.Read() || !scan.TrySkip())
            {
                throw Fail.At(path, "The value is not complete.");
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

    // The name of a known shape that the string token spells, without allocating it; null when none does.
    private string? KnownName(ref Utf8JsonReader reader)
    {
        foreach (var shape in Shapes)
        {
            if (reader.ValueTextEquals(shape.Utf8Name))
            {
                return shape.Name;
            }
        }
        return null;
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
