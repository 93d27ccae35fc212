namespace SalesPipeline.Calendars;

/// <summary>Which calendar year names a fiscal year that does not start in January.</summary>
public enum FiscalYearNaming
{
    /// <summary>The year in which it ends (the common default; Salesforce's default; FY2026 of a July year is Jul 2025 to Jun 2026).</summary>
    ByEndYear = 0,

    /// <summary>The year in which it starts (FY2026 of an April year is Apr 2026 to Mar 2027).</summary>
    ByStartYear = 1,
}
