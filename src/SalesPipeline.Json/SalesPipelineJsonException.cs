using System;
using System.Text.Json;

namespace SalesPipeline.Json;

/// <summary>
/// JSON that does not follow SalesPipeline's wire format (docs/json.md), or a value that cannot be written in it. The
/// message names the full path of the offending value and the rule it breaks, for example
/// <c>$[3].at: "2026-13-01T09:30:00Z" is not an instant; expected ISO-8601 in UTC, like "2026-03-01T09:30:00Z".</c>
/// </summary>
/// <remarks>
/// <para>Thrown for: an unknown type (the message lists the known ones), an unknown field, a missing, null or empty
/// required field, a field given twice, an unknown currency, a malformed amount, date or instant, an undefined enum
/// name, a version newer than this package reads, and any value the domain refuses (a payment with more decimals than
/// its currency has, a stage move without a stage): then <see cref="Exception.InnerException"/> is the domain's
/// <see cref="ArgumentException"/> or <see cref="InvalidOperationException"/>. Nothing is ever read as a default value
/// in place of a missing one.</para>
/// <para><see cref="FullPath"/> is the full path: the serializer's <see cref="JsonException.Path"/> to the value the
/// converter was given (<c>$[3]</c>) followed by the path inside it (<c>.amount.currency</c>).</para>
/// <para>Instances are immutable once thrown; safe to share across threads.</para>
/// </remarks>
public sealed class SalesPipelineJsonException : JsonException
{
    private readonly string inner;

    internal SalesPipelineJsonException(string pathInside, string rule, Exception? innerException = null)
        : base(rule, innerException)
    {
        inner = pathInside;
        Rule = rule;
    }

    /// <summary>The rule that was broken, in one or two plain sentences, without the path.</summary>
    public string Rule { get; }

    /// <summary>
    /// The full JSON path of the offending value, for example <c>$[3].at</c>: <see cref="JsonException.Path"/> (where the
    /// serializer handed the value to SalesPipeline's converter, <c>$[3]</c>) followed by the path inside that value
    /// (<c>.at</c>). Before the exception has passed through the serializer, the outer part is <c>$</c>.
    /// </summary>
    public string FullPath => (Path ?? "$") + inner;

    /// <summary>The full path and the rule: <c>"$[3].at: ..."</c>.</summary>
    public override string Message => FullPath + ": " + Rule;

    // The same error seen from an enclosing value: the path inside grows at its front.
    internal SalesPipelineJsonException Within(string outerPath) => new(outerPath + inner, Rule, InnerException);
}
