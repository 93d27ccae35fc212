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
        new(path, $"{what} is not valid: {Plain(inner)}", inner);

    // The exception's own sentences, without the " (Parameter 'x')" ArgumentException appends (and the "Actual value
    // was" line after it): the path says where, and the domain's sentence names the value.
    public static string Plain(Exception e)
    {
        if (e is ArgumentException { ParamName: { } name } a)
        {
            var i = a.Message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal);
            return i >= 0 ? a.Message[..i] : a.Message;
        }
        return e.Message;
    }

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
