using System;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

/// <summary>
/// Why a deal was stopped (paused) rather than lost, as a short code for the loss-and-stop analysis: one of the common
/// ones (<see cref="OnHold"/>, <see cref="CustomerPaused"/>, <see cref="BudgetFrozen"/>, <see cref="Reorganisation"/>,
/// <see cref="Other"/>), <see cref="Unknown"/> when no reason was recorded, or your own.
/// </summary>
/// <remarks>An immutable value; equality is ordinal on the code. Thread-safe.</remarks>
public sealed record StopReason
{
    /// <summary>Creates a stop reason.</summary>
    /// <param name="code">A short code, for example "on-hold"; surrounding whitespace is removed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty or whitespace.</exception>
    public StopReason(string code) => Code = Preconditions.CheckNotBlank(code).Trim();

    /// <summary>The code.</summary>
    public string Code { get; }

    /// <summary>The customer's project was put on hold.</summary>
    public static StopReason OnHold { get; } = new("on-hold");

    /// <summary>The customer paused the purchase.</summary>
    public static StopReason CustomerPaused { get; } = new("customer-paused");

    /// <summary>The customer's budget was frozen.</summary>
    public static StopReason BudgetFrozen { get; } = new("budget-frozen");

    /// <summary>The customer is reorganising (a merger, new management).</summary>
    public static StopReason Reorganisation { get; } = new("reorganisation");

    /// <summary>Anything else.</summary>
    public static StopReason Other { get; } = new("other");

    /// <summary>The reason was never recorded (code "unknown"); shown on its own line, apart from <see cref="Other"/>.</summary>
    public static StopReason Unknown { get; } = new("unknown");

    /// <summary>The code.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;
}
