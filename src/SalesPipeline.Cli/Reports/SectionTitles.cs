namespace SalesPipeline.Cli.Reports;

/// <summary>The titles of the report's sections: the console's rules, the JSON's section keys, the HTML page's headings.</summary>
internal static class SectionTitles
{
    public const string PipelineByStage = "Pipeline by stage";
    public const string Forecast = "Forecast";
    public const string Distribution = "Revenue distribution";
    public const string WinRate = "Win rate";
    public const string Funnel = "Funnel";
    public const string SalesCycle = "Sales cycle";
    public const string Velocity = "Sales velocity";
    public const string Health = "Pipeline health";
    public const string Attainment = "Attainment";
    public const string Aging = "Receivables aging";
    public const string CashForecast = "Cash forecast";
    public const string Collections = "Collections";
}
