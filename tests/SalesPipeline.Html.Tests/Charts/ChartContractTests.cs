using System.Globalization;
using System.Xml.Linq;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Html.Tests.Support;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Html.Tests.Charts;

// What every chart promises (docs/html.md): one well-formed <svg> with a view box, role="img", a title and a description
// first, nothing external or executable, the same text on every run and in every culture; "No data" rather than an
// exception for an empty input; ArgumentNullException for a null one.
public sealed class ChartContractTests
{
    public static TheoryData<string> ChartNames => new(Charts().Keys);

    private static Dictionary<string, Func<string>> Charts() =>
        new()
        {
            ["funnel"] = () => SvgCharts.Funnel(Book.Funnel()),
            ["forecast"] = () => SvgCharts.Forecast(Book.StageWeighted(), Book.Categories()),
            ["distribution"] = () => SvgCharts.Distribution(Book.MarchDistribution(), Money.Of(100_000m, Book.Usd)),
            ["velocity"] = () => SvgCharts.VelocityLevers(Book.VelocityQ1()),
            ["velocity-change"] = () => SvgCharts.VelocityLevers(SalesVelocity.Compare(Book.VelocityQ4(), Book.VelocityQ1())),
            ["aging"] = () => SvgCharts.Aging(Book.Aging()),
            ["cash-forecast"] = () => SvgCharts.CashForecast(Book.Cash()),
            ["pipeline"] = () => SvgCharts.Pipeline(Book.Pipeline),
        };

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void A_chart_is_one_accessible_self_contained_svg(string name)
    {
        var text = Charts()[name]();
        var svg = XElement.Parse(text);

        Assert.Equal(SvgShapes.Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal($"sp-chart sp-{name}", (string?)svg.Attribute("class"));
        var box = ((string?)svg.Attribute("viewBox"))!.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal([0, 0], box[..2]);
        Assert.True(box[2] > 0 && box[3] > 0);
        var children = svg.Elements().ToList();
        Assert.Equal(SvgShapes.Svg + "title", children[0].Name);
        Assert.False(string.IsNullOrWhiteSpace(children[0].Value));
        Assert.Equal(SvgShapes.Svg + "desc", children[1].Name);
        Assert.NotEmpty(new SvgShapes(text).Marks());
        // Nothing to run or fetch: no script, style, image, link or foreign content, no id, no URL but the namespace name.
        string[] allowed = ["svg", "title", "desc", "rect", "line", "polyline", "polygon", "text"];
        Assert.All(svg.DescendantsAndSelf(), e => Assert.Contains(e.Name.LocalName, allowed));
        Assert.All(svg.DescendantsAndSelf().Attributes(), a => Assert.DoesNotMatch("^(id|href|src|style|on.*)$", a.Name.LocalName));
        Assert.Equal(1, CountOf(text, "http"));
        Assert.Equal(0, CountOf(text, "url("));
        Assert.Equal(text, Charts()[name]());
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void A_chart_reads_the_same_in_every_culture(string name)
    {
        var invariant = Charts()[name]();
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PercentSymbol = "pct";
        culture.NumberFormat.NegativeSign = "~";
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            Assert.Equal(invariant, Charts()[name]());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Empty_inputs_draw_a_no_data_chart_that_says_why()
    {
        var paid = CollectionSchedule
            .Create(
                Money.Of(1_000m, Book.Usd),
                new LocalDate(2026, 1, 5),
                PaymentTerms.Create(TermsLine.Percentage(100m, DueRule.DaysAfterStart(0))),
                new ContractInfo("C-9", "Paid", "alice")
            )
            .Record(new Payment("P-9", new LocalDate(2026, 1, 5), Money.Of(1_000m, Book.Usd)));
        var quiet = FiscalCalendar.Calendar.Quarter(2025, 3);
        (string Kind, string Svg, string Reason)[] empty =
        [
            (
                "forecast",
                SvgCharts.Forecast(
                    Forecast.StageWeighted(Book.Deals, Book.Pipeline, FiscalCalendar.Calendar.Months(2024)),
                    Forecast.ByCategory(Book.Deals, Book.Pipeline, FiscalCalendar.Calendar.Months(2024), Book.Organization)
                ),
                "nothing is won or expected in the periods."
            ),
            ("aging", SvgCharts.Aging(Aging.Of([paid], new LocalDate(2026, 4, 10))), "nothing is outstanding."),
            (
                "cash-forecast",
                SvgCharts.CashForecast(CashForecast.Of([paid], new LocalDate(2026, 4, 10), Book.Months)),
                "no cash is expected."
            ),
            (
                "velocity-change",
                SvgCharts.VelocityLevers(SalesVelocity.Compare(SalesVelocity.Of(Book.Deals, quiet), Book.VelocityQ1())),
                "No deal was won in the window"
            ),
        ];
        foreach (var (kind, text, reason) in empty)
        {
            var svg = new SvgShapes(text);
            Assert.Equal($"sp-chart sp-{kind}", (string?)svg.Root.Attribute("class"));
            Assert.Empty(svg.Marks());
            Assert.Contains(
                svg.Texts(),
                t => t.StartsWith("No data: ", StringComparison.Ordinal) && t.Contains(reason, StringComparison.Ordinal)
            );
            Assert.StartsWith("No data: ", svg.Root.Element(SvgShapes.Svg + "desc")!.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_funnel_no_deal_reached_is_a_no_data_chart()
    {
        var svg = new SvgShapes(SvgCharts.Funnel(Funnel.Of([], Book.Pipeline, new FunnelOptions { Rates = ExchangeRates.In(Book.Usd) })));

        Assert.Empty(svg.Marks());
        Assert.Contains("No data: no deal reached an open stage.", svg.Texts());
    }

    [Fact]
    public void An_undefined_velocity_shows_its_levers_and_the_reason()
    {
        var velocity = SalesVelocity.Of(Book.Deals, FiscalCalendar.Calendar.Quarter(2025, 3));

        var svg = new SvgShapes(SvgCharts.VelocityLevers(velocity));

        // Nothing open at the end of Q3 2025 and nothing won or lost in it.
        Assert.Equal(
            [
                "Open deals (N): 0",
                "Average won (A): undefined",
                "Win rate (W): undefined",
                "Average cycle (C): undefined",
                "Velocity (V): undefined",
            ],
            svg.Marks("lever").Select(SvgShapes.Tooltip)
        );
        Assert.Contains(velocity.Reason!, svg.Texts());
    }

    [Fact]
    public void Null_arguments_are_rejected_with_their_name()
    {
        Assert.Equal("report", Assert.Throws<ArgumentNullException>(() => SvgCharts.Funnel(null!)).ParamName);
        Assert.Equal("stageWeighted", Assert.Throws<ArgumentNullException>(() => SvgCharts.Forecast(null!, null)).ParamName);
        Assert.Equal("distribution", Assert.Throws<ArgumentNullException>(() => SvgCharts.Distribution(null!)).ParamName);
        Assert.Equal("velocity", Assert.Throws<ArgumentNullException>(() => SvgCharts.VelocityLevers((SalesVelocity)null!)).ParamName);
        Assert.Equal(
            "comparison",
            Assert.Throws<ArgumentNullException>(() => SvgCharts.VelocityLevers((VelocityComparison)null!)).ParamName
        );
        Assert.Equal("report", Assert.Throws<ArgumentNullException>(() => SvgCharts.Aging(null!)).ParamName);
        Assert.Equal("report", Assert.Throws<ArgumentNullException>(() => SvgCharts.CashForecast(null!)).ParamName);
        Assert.Equal("pipeline", Assert.Throws<ArgumentNullException>(() => SvgCharts.Pipeline(null!)).ParamName);
    }

    [Fact]
    public void A_target_or_a_category_forecast_in_another_currency_is_rejected()
    {
        var target = Assert.Throws<ArgumentException>(() => SvgCharts.Distribution(Book.MarchDistribution(), Money.Of(1m, Currency.EUR)));
        Assert.Equal("target", target.ParamName);
        Assert.Contains("EUR 1.00", target.Message, StringComparison.Ordinal);
        Assert.Contains("USD", target.Message, StringComparison.Ordinal);

        var euros = Forecast.ByCategory(
            [
                Deal.Open(
                    Book.Pipeline,
                    new DealId("E1"),
                    "E1",
                    "alice",
                    Money.Of(1_000m, Currency.EUR),
                    new LocalDate(2026, 3, 1),
                    Book.Opened
                ),
            ],
            Book.Pipeline,
            Book.Months,
            Book.Organization
        );
        var categories = Assert.Throws<ArgumentException>(() => SvgCharts.Forecast(Book.StageWeighted(), euros));
        Assert.Equal("categories", categories.ParamName);
        Assert.Contains("EUR", categories.Message, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
