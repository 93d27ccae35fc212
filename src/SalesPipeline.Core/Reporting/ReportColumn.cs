using System;
using SalesPipeline.Utility;

namespace SalesPipeline.Reporting;

/// <summary>A column of a <see cref="ReportTable"/>: its stable name, the type of its values and what they mean.</summary>
/// <remarks>
/// <para>Names are part of the documented, stable output (docs/export.md): lower-case snake case, a letter first, then
/// letters, digits and underscores (<c>stage_id</c>, <c>amount_currency</c>), so they need no quoting in CSV, SQL or
/// pandas.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record ReportColumn
{
    /// <summary>Creates a column.</summary>
    /// <param name="name">The column's name: <c>[a-z][a-z0-9_]*</c>, at most 64 characters.</param>
    /// <param name="type">The type of its values.</param>
    /// <param name="description">What a value means, as one sentence (units included); not blank.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="description"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not snake case, or <paramref name="description"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined <see cref="ColumnType"/>.</exception>
    public ReportColumn(string name, ColumnType type, string description)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(description);
        if (!IsSnakeCase(name))
        {
            throw new ArgumentException(
                $"Column name \"{name}\" must be lower-case snake case: a letter a-z first, then a-z, 0-9 or _, at most 64 characters.",
                nameof(name)
            );
        }
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new ArgumentException($"Column \"{name}\" needs a description (what a value means, with its unit).", nameof(description));
        }
        Preconditions.CheckRange(Enum.IsDefined(type), nameof(type), type, "The type must be a defined ColumnType.");
        Name = name;
        Type = type;
        Description = description;
    }

    /// <summary>The column's stable name.</summary>
    public string Name { get; }

    /// <summary>The type of its values.</summary>
    public ColumnType Type { get; }

    /// <summary>What a value means.</summary>
    public string Description { get; }

    /// <summary>"name (Type)".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name} ({Type})";

    internal static bool IsSnakeCase(string name)
    {
        if (name.Length is 0 or > 64 || name[0] is < 'a' or > 'z')
        {
            return false;
        }
        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }
        return true;
    }
}
