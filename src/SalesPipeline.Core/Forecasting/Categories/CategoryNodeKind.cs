namespace SalesPipeline.Forecasting;

/// <summary>What a line of the category forecast is about.</summary>
public enum CategoryNodeKind
{
    /// <summary>The whole company.</summary>
    Company = 0,

    /// <summary>A team with its whole subtree.</summary>
    Team = 1,

    /// <summary>One person's own deals.</summary>
    Person = 2,

    /// <summary>Deals whose owner is not in the organization (they roll up to the company only).</summary>
    Unassigned = 3,
}
