using System.IO;
using System.Net;
using System.Text;
using SalesPipeline.Csv;

namespace SalesPipeline.Interactive.Tests;

// Results of any SalesPipeline package that print themselves, generic ones included, show as their text with the
// lines kept, whether the package was loaded before Register() or after it (a notebook's #r loads it later).
public class TextFallbackTests
{
    public TextFallbackTests() => SalesPipelineFormatters.Register();

    [Fact]
    public void A_generic_csv_result_with_errors_is_its_text_in_a_pre()
    {
        // Two quotas, the second with a target that is not a number: read 2, accepted 1, rejected 1, and the error's line.
        var csv =
            "level,subject_id,period,start,end,target,currency\nperson,alice,Q1,2026-01-01,2026-03-31,1000,USD\nperson,bob,Q1,2026-01-01,2026-03-31,lots,USD\n";
        var result = QuotaCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        var text = result.ToString();
        Assert.Contains("rejected 1", text, StringComparison.Ordinal);
        Assert.Contains('\n', text);
        Assert.Equal($"<pre class=\"sp-text\">{WebUtility.HtmlEncode(text)}</pre>", Html.Of(result));
        Assert.Equal(text, Html.TextOf(result));
    }

    [Fact]
    public void The_fallback_takes_only_types_that_wrote_their_own_ToString()
    {
        var types = TextFallback.TypesOf(typeof(CsvImportResult).Assembly).ToList();
        Assert.Contains(typeof(CsvImportResult), types);
        Assert.Contains(typeof(CsvReadResult<>), types);
        // Static classes (DealCsv), options records whose ToString the compiler wrote (CsvReadOptions) and exceptions
        // keep the notebook's own display.
        Assert.DoesNotContain(typeof(DealCsv), types);
        Assert.DoesNotContain(typeof(CsvReadOptions), types);
        Assert.DoesNotContain(typeof(CsvImportException), types);
        // Types with a formatter of their own are not taken over.
        var core = TextFallback.TypesOf(typeof(Money).Assembly).ToList();
        Assert.DoesNotContain(typeof(Money), core);
        Assert.DoesNotContain(typeof(SalesPipeline.Deals.Deal), core);
        // Assemblies of other libraries are left alone.
        Assert.Empty(TextFallback.TypesOf(typeof(NodaTime.LocalDate).Assembly));
    }
}
