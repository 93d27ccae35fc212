using SalesPipeline.Reporting;

namespace SalesPipeline.Html.Tests.Support;

// The report page of the book: every chart of SvgCharts with its tables.
internal static class BookReport
{
    public static HtmlReport Build()
    {
        var funnel = Book.Funnel();
        var weighted = Book.StageWeighted();
        var categories = Book.Categories();
        var distribution = Book.MarchDistribution();
        var q4 = Book.VelocityQ4();
        var q1 = Book.VelocityQ1();
        var aging = Book.Aging();
        var cash = Book.Cash();
        return new HtmlReport("Acme pipeline review <Q1 2026> & \"more\"")
            .AddSection("Pipeline", SvgCharts.Pipeline(Book.Pipeline))
            .AddSection("Funnel", SvgCharts.Funnel(funnel), funnel.ToTable())
            .AddSection("Forecast by period", SvgCharts.Forecast(weighted, categories), weighted.ToTable(), categories.ToTable())
            .AddSection(
                "Revenue distribution, March 2026",
                SvgCharts.Distribution(distribution, Money.Of(100_000m, Book.Usd)),
                distribution.ToTable()
            )
            .AddSection("Velocity", SvgCharts.VelocityLevers(q1), q1.ToTable())
            .AddSection("Velocity change", SvgCharts.VelocityLevers(SalesPipeline.Metrics.SalesVelocity.Compare(q4, q1)))
            .AddSection("Aging", SvgCharts.Aging(aging), aging.ToTable())
            .AddSection("Cash forecast", SvgCharts.CashForecast(cash), cash.ToTable());
    }
}
