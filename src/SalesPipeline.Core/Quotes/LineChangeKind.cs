namespace SalesPipeline.Quotes;

/// <summary>How a line differs between two versions of a quote.</summary>
public enum LineChangeKind
{
    /// <summary>The product is only in the later version.</summary>
    Added,

    /// <summary>The product is only in the earlier version.</summary>
    Removed,

    /// <summary>The product is in both, and its quantity, prices, discount or net differ.</summary>
    Changed,
}
