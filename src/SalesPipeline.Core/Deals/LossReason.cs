using System;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

/// <summary>
/// Why a deal was lost, as a short code for loss-reason analysis: one of the common ones (<see cref="Price"/>,
/// <see cref="Timing"/>, <see cref="Competitor"/>, <see cref="NoDecision"/>, <see cref="Budget"/>,
/// <see cref="ProductFit"/>, <see cref="Other"/>), <see cref="Unknown"/> when the reason was never recorded, or your own.
/// </summary>
/// <remarks>An immutable value; equality is ordinal on the code. Thread-safe.</remarks>
public sealed record LossReason
{
    /// <summary>Creates a loss reason.</summary>
    /// <param name="code">A short code, for example "price" or "no-decision"; surrounding whitespace is removed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty or whitespace.</exception>
    public LossReason(string code) => Code = Preconditions.CheckNotBlank(code).Trim();

    /// <summary>The code.</summary>
    public string Code { get; }

    /// <summary>Too expensive.</summary>
    public static LossReason Price { get; } = new("price");

    /// <summary>Wrong time; the need may return.</summary>
    public static LossReason Timing { get; } = new("timing");

    /// <summary>Went with a competitor (record which one on the lost event).</summary>
    public static LossReason Competitor { get; } = new("competitor");

    /// <summary>The customer decided nothing.</summary>
    public static LossReason NoDecision { get; } = new("no-decision");

    /// <summary>No budget.</summary>
    public static LossReason Budget { get; } = new("budget");

    /// <summary>The product did not fit the need.</summary>
    public static LossReason ProductFit { get; } = new("product-fit");

    /// <summary>Anything else: a reason that was given but fits none of the common ones.</summary>
    public static LossReason Other { get; } = new("other");

    /// <summary>
    /// The reason was never recorded (code "unknown"), for example a lost deal imported from an export without a loss-reason
    /// column. Loss-reason analysis shows it on its own line, apart from <see cref="Other"/>, so a missing reason never
    /// passes for a real one.
    /// </summary>
    public static LossReason Unknown { get; } = new("unknown");

    /// <summary>The code.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;
}
