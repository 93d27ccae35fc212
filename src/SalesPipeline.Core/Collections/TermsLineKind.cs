namespace SalesPipeline.Collections;

/// <summary>How a <see cref="TermsLine"/> states its amount.</summary>
public enum TermsLineKind
{
    /// <summary>A percentage of the contract total, for example 30%.</summary>
    Percentage,

    /// <summary>A fixed amount, for example USD 5,000.00 set-up fee.</summary>
    Fixed,

    /// <summary>Whatever the other lines leave of the contract total.</summary>
    Balance,
}
