using System.Globalization;

namespace SalesPipeline.Deals;

/// <summary>One reason an import record was rejected: which record, which field, the value and the rule it breaks.</summary>
/// <param name="Index">The record's position in the input, from 0.</param>
/// <param name="Id">The record's deal id, or null when the record is null or has the default id.</param>
/// <param name="Field">The field, for example "StageId" or "History[2].EnteredAt".</param>
/// <param name="Value">The offending value as invariant text: text in quotes, instants and dates in ISO form, "null" for a missing one.</param>
/// <param name="Rule">The rule it breaks, as a plain sentence.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ImportError(int Index, DealId? Id, string Field, string Value, string Rule)
{
    /// <summary>"record 3 (SF-0061): StageId = "closing": Pipeline "Default" has no stage "closing"; ...".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"record {Index} ({(Id is { } id ? id.ToString() : "no id")}): {Field} = {Value}: {Rule}"
        );
}
