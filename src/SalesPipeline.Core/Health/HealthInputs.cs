using System;
using System.Collections.Generic;
using SalesPipeline.Activities;
using SalesPipeline.Leads;
using SalesPipeline.Utility;

namespace SalesPipeline.Health;

/// <summary>
/// What a health inspection may use besides the deals: the activities (for last touches), the leads to check, a
/// coverage goal, and exchange rates to bring amounts into one currency.
/// </summary>
/// <remarks>
/// Every property is optional; <see cref="None"/> has none of them. Setting <see cref="Activities"/> or
/// <see cref="Leads"/> to null throws <see cref="ArgumentNullException"/> naming the property. Equality: the leads element
/// by element, the coverage goal and the rates by content, but <see cref="Activities"/> by reference: an index is data
/// (often millions of activities), not a setting, and comparing it by content on every merge would cost as much as the
/// inspection; give every partial accumulator the one index. Immutable; thread-safe.
/// </remarks>
public sealed record HealthInputs
{
    private readonly ActivityIndex activities = ActivityIndex.Empty;
    private readonly IReadOnlyList<Lead> leads = ValueList<Lead>.Copy([])!;

    /// <summary>No activities, no leads, no coverage goal, no exchange rates.</summary>
    public static HealthInputs None { get; } = new();

    /// <summary>The activities, counted as touches; <see cref="ActivityIndex.Empty"/> by default (deals' own events still count).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public ActivityIndex Activities
    {
        get => activities;
        init => activities = value ?? throw new ArgumentNullException(nameof(Activities));
    }

    /// <summary>The leads to check for being untouched too long; empty by default.</summary>
    /// <exception cref="ArgumentNullException">The value or one of the leads is null.</exception>
    public IReadOnlyList<Lead> Leads
    {
        get => leads;
        init { leads = ValueList<Lead>.Copy(Preconditions.CheckNoNullElement(value, "Lead", nameof(Leads)))!; }
    }

    /// <summary>The target and win rate of the coverage check; when null, coverage is not checked.</summary>
    public CoverageGoal? Coverage { get; init; }

    /// <summary>
    /// Rates into the reporting currency. When null, the coverage target and every deal (open, won or lost) must be in
    /// one currency, which is the reporting currency; several currencies are then a
    /// <see cref="MissingExchangeRateException"/> naming them all (the one rule of every report: docs/money.md).
    /// </summary>
    public ExchangeRates? Rates { get; init; }
}
