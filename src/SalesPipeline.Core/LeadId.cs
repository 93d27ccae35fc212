using System;
using SalesPipeline.Utility;

namespace SalesPipeline;

/// <summary>The identity of a lead, for example "L-2001": any non-empty text chosen by the caller (a CRM key, a GUID).</summary>
/// <remarks>An immutable value; equality is ordinal on the text.</remarks>
public readonly struct LeadId : IEquatable<LeadId>
{
    private readonly string? value;

    /// <summary>Creates an id.</summary>
    /// <param name="value">The text of the id; not empty or whitespace.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or whitespace.</exception>
    public LeadId(string value) => this.value = Preconditions.CheckNotBlank(value);

    /// <summary>The text of the id (empty for <c>default(LeadId)</c>).</summary>
    public string Value => value ?? "";

    /// <inheritdoc/>
    public bool Equals(LeadId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LeadId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The text of the id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Value;

    /// <summary>Whether two ids are equal.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(LeadId left, LeadId right) => left.Equals(right);

    /// <summary>Whether two ids differ.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(LeadId left, LeadId right) => !left.Equals(right);
}
