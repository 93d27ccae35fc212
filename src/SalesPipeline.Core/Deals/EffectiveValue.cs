namespace SalesPipeline.Deals;

/// <summary>A deal's effective value (win probability or forecast category) and where it comes from.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value in force.</param>
/// <param name="Source">The stage default, a manual override or a model override.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public readonly record struct EffectiveValue<T>(T Value, ValueSource Source)
{
    /// <summary>"value (source)", for example "0.35 (Manual)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value} ({Source})");
}
