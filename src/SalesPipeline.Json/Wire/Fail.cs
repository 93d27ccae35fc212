using System;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SalesPipeline.Json.Wire;

// The errors of the wire format, worded in one place.
internal static class Fail
{
    public static SalesPipelineJsonException At(string path, string rule, Exception? inner = null) => new(path, rule, inner);

    public static SalesPipelineJsonException Expected(string path, string expected, ref Utf8JsonReader reader) =>
        new(path, $"Expected {expected}, found {Describe(ref reader)}.");

    public static SalesPipelineJsonException Domain(string path, string what, Exception inner) =>
        new(path, $"{what} is not valid: {inner.Message}", inner);

    // The text as a JSON string literal, so that a blank or odd value is visible in a message.
    public static string Quote(string text) => "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    public static string Describe(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.String => "the string " + Quote(reader.GetString()!),
            JsonTokenType.Number => "the number " + Number(ref reader),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => "null",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            _ => reader.TokenType.ToString(),
        };

    private static string Number(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? "(long number)" : Encoding.UTF8.GetString(reader.ValueSpan);
}
