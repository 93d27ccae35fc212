using System;
using System.Globalization;
using System.Text.Json;

namespace SalesPipeline.Json.Wire;

// Text that names something (an id, an actor, a stage): a JSON string that is not empty or whitespace.
internal sealed class TextCodec : Codec<string>
{
    public static readonly TextCodec Instance = new();

    public override string JsonType => "string, not blank";

    public override void Write(Utf8JsonWriter writer, string value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Fail.At(path, $"The text {Fail.Quote(value)} is blank; a blank text is never a value (omit an optional field instead).");
        }
        writer.WriteStringValue(value);
    }

    public override string Read(ref Utf8JsonReader reader, string path)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Fail.Expected(path, "a string", ref reader);
        return string.IsNullOrWhiteSpace(text)
            ? throw Fail.At(path, $"The text {Fail.Quote(text)} is blank; a required field needs a value and an optional one is omitted.")
            : text;
    }
}

// Free text kept exactly as given (a reason for the history): any JSON string, the empty one included.
internal sealed class FreeTextCodec : Codec<string>
{
    public static readonly FreeTextCodec Instance = new();

    public override string JsonType => "string";

    public override void Write(Utf8JsonWriter writer, string value, string path) => writer.WriteStringValue(value);

    public override string Read(ref Utf8JsonReader reader, string path) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Fail.Expected(path, "a string", ref reader);
}

internal sealed class IntCodec : Codec<int>
{
    public static readonly IntCodec Instance = new();

    public override string JsonType => "number (whole)";

    public override void Write(Utf8JsonWriter writer, int value, string path) => writer.WriteNumberValue(value);

    public override int Read(ref Utf8JsonReader reader, string path) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : throw Fail.Expected(path, "a whole number from -2147483648 to 2147483647", ref reader);
}

internal sealed class BoolCodec : Codec<bool>
{
    public static readonly BoolCodec Instance = new();

    public override string JsonType => "true or false";

    public override void Write(Utf8JsonWriter writer, bool value, string path) => writer.WriteBooleanValue(value);

    public override bool Read(ref Utf8JsonReader reader, string path) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Fail.Expected(path, "true or false", ref reader),
        };
}

// An exact decimal as a JSON string ("0.25", "1234.50"): no double ever touches it, and its scale is kept.
internal sealed class DecimalCodec : Codec<decimal>
{
    public static readonly DecimalCodec Instance = new();

    public override string JsonType => "string (exact decimal)";

    public override void Write(Utf8JsonWriter writer, decimal value, string path) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));

    public override decimal Read(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            throw Fail.At(
                path,
                $"Expected an exact decimal in a string, like \"0.25\", found the number {Fail.Describe(ref reader)["the number ".Length..]}; numbers are refused so that no binary floating point ever touches the value."
            );
        }
        var text =
            reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw Fail.Expected(path, "an exact decimal in a string", ref reader);
        return Parse(text, path);
    }

    // The canonical invariant form only: an optional minus, digits without needless leading zeros, optionally a point
    // and digits. Anything decimal would round (more than 28-29 significant digits) is refused, never rounded.
    public static decimal Parse(string text, string path)
    {
        if (
            !IsCanonical(text)
            || !decimal.TryParse(
                text,
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture,
                out var value
            )
        )
        {
            throw Fail.At(
                path,
                $"{Fail.Quote(text)} is not a decimal in invariant form: an optional \"-\", digits, optionally \".\" and digits, like \"1234.50\" (no exponent, no thousands separator, no \"+\")."
            );
        }
        // Rounding shows as other digits; the sign is compared apart because decimal writes a negative zero as "0".
        Span<char> formatted = stackalloc char[64];
        if (
            !value.TryFormat(formatted, out var written, default, CultureInfo.InvariantCulture)
            || !formatted[..written].TrimStart('-').SequenceEqual(text.AsSpan().TrimStart('-'))
        )
        {
            throw Fail.At(
                path,
                $"{Fail.Quote(text)} has more digits than a decimal holds exactly (28 to 29 significant digits, 28 decimals); it would be rounded."
            );
        }
        return value;
    }

    private static bool IsCanonical(string text)
    {
        var i = text.StartsWith('-') ? 1 : 0;
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        var integerDigits = i - start;
        if (integerDigits == 0 || (integerDigits > 1 && text[start] == '0'))
        {
            return false;
        }
        if (i == text.Length)
        {
            return true;
        }
        if (text[i] != '.')
        {
            return false;
        }
        var fraction = ++i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        return i == text.Length && i > fraction;
    }
}

// An enum as the name of one of its defined members, case-sensitive; never a number, never an undefined value.
internal sealed class EnumCodec<TEnum> : Codec<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Members = Enum.GetValues<TEnum>();
    private static readonly string[] Names = Array.ConvertAll(Members, m => m.ToString());
    private static readonly byte[][] Utf8Names = Array.ConvertAll(Names, System.Text.Encoding.UTF8.GetBytes);

    public static readonly EnumCodec<TEnum> Instance = new();

    public override string JsonType => "string: " + string.Join(", ", Names);

    public override void Write(Utf8JsonWriter writer, TEnum value, string path)
    {
        var i = Array.IndexOf(Members, value);
        if (i < 0)
        {
            throw Fail.At(path, $"{value} is not a defined {typeof(TEnum).Name}; the defined ones are {string.Join(", ", Names)}.");
        }
        writer.WriteStringValue(Names[i]);
    }

    public override TEnum Read(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Fail.Expected(path, $"the name of a {typeof(TEnum).Name} ({string.Join(", ", Names)})", ref reader);
        }
        for (var k = 0; k < Utf8Names.Length; k++)
        {
            if (reader.ValueTextEquals(Utf8Names[k]))
            {
                return Members[k];
            }
        }
        var text = reader.GetString()!;
        throw Fail.At(
            path,
            $"{Fail.Quote(text)} is not a {typeof(TEnum).Name}; expected one of {string.Join(", ", Names)} (names are case-sensitive)."
        );
    }
}
