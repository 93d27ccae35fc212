using System;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>
/// A manager's adjustment of one figure in the category forecast: the amount a manager believes for a direct report
/// (a person, or a child team with its whole subtree) in one category and period, kept with who made it and when.
/// </summary>
/// <remarks>
/// <para>The adjusted amount replaces the report's figure in the adjusted roll-up at that level and above; the gross
/// (unadjusted) roll-up never changes. When several adjustments name the same subject, category and period, the latest
/// (by <see cref="At"/>, then by position in the list) is in force and the others stay in the history.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record CategoryAdjustment
{
    /// <summary>Creates an adjustment.</summary>
    /// <param name="subjectId">The person or team whose figure is adjusted.</param>
    /// <param name="period">The period.</param>
    /// <param name="category">Commit, BestCase or Pipeline (won revenue is a fact, and Omitted never counts).</param>
    /// <param name="amount">The adjusted amount, in the forecast's reporting currency; not negative.</param>
    /// <param name="by">The manager who adjusts.</param>
    /// <param name="at">When.</param>
    /// <param name="note">Why, optionally.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The category is Closed, Omitted or undefined, the amount is negative, or <paramref name="at"/> is not a supported instant (0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z).</exception>
    public CategoryAdjustment(
        string subjectId,
        FiscalPeriod period,
        ForecastCategory category,
        Money amount,
        string by,
        Instant at,
        string? note = null
    )
    {
        SubjectId = Preconditions.CheckNotBlank(subjectId);
        Period = Preconditions.CheckNotNull(period);
        Preconditions.CheckRange(
            category is ForecastCategory.Commit or ForecastCategory.BestCase or ForecastCategory.Pipeline,
            nameof(category),
            category,
            $"Adjustments apply to Commit, BestCase or Pipeline; {category} was given."
        );
        Category = category;
        Amount = Preconditions.CheckNotNull(amount);
        Preconditions.CheckRange(!amount.IsNegative, nameof(amount), amount, $"An adjusted amount must not be negative; it was {amount}.");
        By = Preconditions.CheckNotBlank(by);
        At = Preconditions.CheckInstant(at);
        Note = note;
    }

    /// <summary>The person or team whose figure is adjusted.</summary>
    public string SubjectId { get; }

    /// <summary>The period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>The category.</summary>
    public ForecastCategory Category { get; }

    /// <summary>The adjusted amount.</summary>
    public Money Amount { get; }

    /// <summary>The manager who adjusted.</summary>
    public string By { get; }

    /// <summary>When.</summary>
    public Instant At { get; }

    /// <summary>Why, if given.</summary>
    public string? Note { get; }
}
