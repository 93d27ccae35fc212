using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SalesPipeline.Json.Documents;

// Reads one JSON object of a document field by field, each error naming the field's path and the rule. A document is
// read whole into a JsonElement first, so every field can be checked against the fields the object may have (a typo is
// an error, never a setting dropped in silence) before any value is used.
internal readonly struct DocumentFields
{
    private readonly JsonElement element;

    private DocumentFields(JsonElement element, string path)
    {
        this.element = element;
        Path = path;
    }

    public string Path { get; }

    // Opens the object at path: it must be a JSON object with no field outside allowed and no field twice.
    public static DocumentFields Open(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw DocumentErrors.At(path, $"expected a JSON object, found {Describe(element)}.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (System.Array.IndexOf(allowed, property.Name) < 0)
            {
                throw DocumentErrors.At(
                    $"{path}.{property.Name}",
                    $"unknown field \"{property.Name}\"; the fields here are {string.Join(", ", allowed.Select(a => $"\"{a}\""))} (names are case-sensitive)."
                );
            }
            if (!seen.Add(property.Name))
            {
                throw DocumentErrors.At($"{path}.{property.Name}", $"the field \"{property.Name}\" appears more than once.");
            }
        }
        return new DocumentFields(element, path);
    }

    public string PathOf(string name) => $"{Path}.{name}";

    public JsonElement Required(string name) =>
        element.TryGetProperty(name, out var value)
            ? value
            : throw DocumentErrors.At(PathOf(name), "a required field is missing (write null where the field allows no value).");

    public string String(string name) =>
        NullableString(name) ?? throw DocumentErrors.At(PathOf(name), "expected a string, found null; this field needs a value.");

    public string? NullableString(string name)
    {
        var value = Required(name);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => throw DocumentErrors.At(PathOf(name), $"expected a string, found {Describe(value)}."),
        };
    }

    public bool Boolean(string name)
    {
        var value = Required(name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw DocumentErrors.At(PathOf(name), $"expected true or false, found {Describe(value)}."),
        };
    }

    public int Int32(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var result)
            ? result
            : throw DocumentErrors.At(PathOf(name), $"expected a whole number, found {Describe(value)}.");
    }

    // A JSON number read as decimal keeps its written scale (0.10 stays 0.10), so a round trip is exact.
    public decimal Decimal(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var result)
            ? result
            : throw DocumentErrors.At(PathOf(name), $"expected a decimal number such as 0.25, found {Describe(value)}.");
    }

    // Enum values are written by name; a number, or a name in another case, is refused so the stored text stays one form.
    public T Enum<T>(string name)
        where T : struct, Enum
    {
        var text = String(name);
        var names = System.Enum.GetNames<T>();
        return System.Array.IndexOf(names, text) >= 0
            ? System.Enum.Parse<T>(text)
            : throw DocumentErrors.At(
                PathOf(name),
                $"\"{text}\" is not a {typeof(T).Name}; use one of {string.Join(", ", names)} (case-sensitive)."
            );
    }

    public IEnumerable<(JsonElement Item, string Path)> Array(string name)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw DocumentErrors.At(PathOf(name), $"expected an array, found {Describe(value)}.");
        }
        var arrayPath = PathOf(name);
        return value.EnumerateArray().Select((item, i) => (item, $"{arrayPath}[{i.ToString(CultureInfo.InvariantCulture)}]"));
    }

    // A value of a type the options know (NodaTime, money, ...), read by the converter registered for it; null allowed.
    public T? NullableValue<T>(string name, JsonSerializerOptions options)
        where T : struct
    {
        var value = Required(name);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw DocumentErrors.At(PathOf(name), $"\"{value.GetRawText()}\" is not a valid {typeof(T).Name}: {e.Message}", e);
        }
    }

    internal static string Describe(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"the string \"{value.GetString()}\"",
            JsonValueKind.Number => $"the number {value.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Null => "null",
            _ => "nothing",
        };
}
