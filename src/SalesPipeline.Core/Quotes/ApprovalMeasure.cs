namespace SalesPipeline.Quotes;

/// <summary>What an <see cref="ApprovalRule"/> looks at in a priced quote (<see cref="QuoteTotals"/>).</summary>
public enum ApprovalMeasure
{
    /// <summary>The largest line discount off list, in percent (<see cref="QuoteTotals.LargestLineDiscountPercent"/>): above the rule's percentage triggers.</summary>
    LineDiscountPercent,

    /// <summary>The quote's whole discount off list (<see cref="QuoteTotals.DiscountOffList"/>): above the rule's amount triggers.</summary>
    TotalDiscount,

    /// <summary>Any line priced under its floor (<see cref="PricedLine.IsUnderFloor"/>) triggers.</summary>
    PriceUnderFloor,

    /// <summary>The quote total (<see cref="QuoteTotals.Total"/>): above the rule's amount triggers.</summary>
    TotalAbove,
}
