using System.Net;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.DotNet.Interactive.Formatting;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Tests;

namespace SalesPipeline.Interactive.Tests;

// Values shown as one piece of plain text, written out by hand from the types' documented forms (Money: code, a space,
// the amount with a comma every three digits and the currency's minor unit; NodaTime's ISO patterns).
public class ScalarFormatterTests
{
    public ScalarFormatterTests() => SalesPipelineFormatters.Register();

    private static string Html(object value) => value.ToDisplayString(HtmlFormatter.MimeType);

    private static string Text(object value) => value.ToDisplayString(PlainTextFormatter.MimeType);

    [Fact]
    public void Money_is_its_text()
    {
        Assert.Equal("USD 1,234.50", Html(Money.Of(1234.5m, Currency.USD)));
        Assert.Equal("JPY 1,000,000", Html(Money.Of(1_000_000m, Currency.FromCode("JPY"))));
        Assert.Equal("USD 1,234.50", Text(Money.Of(1234.5m, Currency.USD)));
    }

    [Fact]
    public void Dates_and_instants_are_iso_text_without_their_calendar()
    {
        Assert.Equal("2026-03-31", Html(new LocalDate(2026, 3, 31)));
        Assert.Equal("2026-11-02T09:00:00Z", Html(Instant.FromUtc(2026, 11, 2, 9, 0)));
        Assert.Equal("2026-11-02T09:00:00", Html(new LocalDateTime(2026, 11, 2, 9, 0)));
        Assert.Equal("2026-11", Html(new YearMonth(2026, 11)));
        Assert.Equal("2026-01-01..2026-03-31", Html(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31))));
        Assert.Equal("P1M2D", Html(Period.FromMonths(1) + Period.FromDays(2)));
        Assert.Equal("1:02:00:00", Html(Duration.FromHours(26)));
        Assert.Equal("Europe/Paris", Html(DateTimeZoneProviders.Tzdb["Europe/Paris"]));
    }

    [Fact]
    public void Without_the_formatters_a_date_is_the_tree_the_issue_describes()
    {
        // The problem the package fixes, so the assertion below can fail: the default HTML opens the date into its
        // calendar and era.
        Formatter.ResetToDefault();
        try
        {
            var tree = Html(new LocalDate(2026, 3, 31));
            Assert.Contains("Calendar", tree, StringComparison.Ordinal);
            Assert.Contains("Era", tree, StringComparison.Ordinal);
        }
        finally
        {
            SalesPipelineFormatters.Register();
        }
        Assert.DoesNotContain("Era", Html(new LocalDate(2026, 3, 31)), StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_currencies_sources_and_periods_are_their_text()
    {
        Assert.Equal("D-1001", Html(new DealId("D-1001")));
        Assert.Equal("L-7", Html(new LeadId("L-7")));
        Assert.Equal("EUR", Html(Currency.FromCode("EUR")));
        Assert.Equal("webinar", Html(new LeadSource("webinar")));
        // FiscalPeriod prints "label (start..end)"; a calendar starting in January has Q1 = January to March.
        var q1 = FiscalCalendar.Calendar.Quarter(2026, 1);
        Assert.Equal($"{q1.Label} (2026-01-01..2026-03-31)", Html(q1));
    }

    // Any text reads back from its HTML; one line is bare text, several lines are a pre (so their breaks show).
    [Fact]
    public void Text_is_html_encoded_and_reads_back_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                ArbMap.Default.GeneratorFor<NonEmptyString>().Where(s => !string.IsNullOrWhiteSpace(s.Get)).ToArbitrary(),
                s =>
                {
                    var code = new LeadSource(s.Get).Code;
                    var html = Html(new LeadSource(s.Get));
                    const string Open = "<pre class=\"sp-text\">";
                    var multiLine = code.Contains('\n', StringComparison.Ordinal);
                    var inner =
                        multiLine && html.StartsWith(Open, StringComparison.Ordinal) && html.EndsWith("</pre>", StringComparison.Ordinal)
                            ? html[Open.Length..^"</pre>".Length]
                            : html;
                    return !inner.Contains('<', StringComparison.Ordinal)
                        && WebUtility.HtmlDecode(inner) == code
                        && (multiLine == (inner != html));
                }
            )
        );

    [Fact]
    public void Markup_characters_are_encoded()
    {
        Assert.Equal("&lt;b&gt; &amp; &quot;x&quot;", Html(new DealId("<b> & \"x\"")));
        // The text form is the value itself.
        Assert.Equal("<b> & \"x\"", Text(new DealId("<b> & \"x\"")));
    }
}
