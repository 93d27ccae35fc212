using System.Globalization;
using NodaTime;

namespace SalesPipeline.Csv.Tests;

public class OptionsTests
{
    [Fact]
    public void Null_culture_and_zone_are_refused_naming_the_property()
    {
        Assert.Equal("Culture", Assert.Throws<ArgumentNullException>(() => new CsvReadOptions { Culture = null! }).ParamName);
        Assert.Equal("Zone", Assert.Throws<ArgumentNullException>(() => new CsvReadOptions { Zone = null! }).ParamName);
    }

    [Fact]
    public void Defaults_read_the_canonical_format()
    {
        var options = new CsvReadOptions();

        Assert.Same(CultureInfo.InvariantCulture, options.Culture);
        Assert.Same(DateTimeZone.Utc, options.Zone);
        Assert.Equal(
            (null, null, null, null, null, false),
            (options.Delimiter, options.DefaultCurrency, options.Stages, options.Owners, options.Columns, options.StopAtFirstError)
        );
    }

    [Fact]
    public void A_column_map_with_a_name_that_is_not_canonical_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new CsvReadOptions { Columns = new Dictionary<string, string> { ["dealid"] = "Record ID" } }
        );

        Assert.Equal("Columns", e.ParamName);
        Assert.StartsWith("Columns maps \"dealid\", which is not a canonical column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_map_entries_and_a_quote_delimiter_are_refused()
    {
        Assert.Equal(
            "Stages",
            Assert
                .Throws<ArgumentException>(() => new CsvReadOptions { Stages = new Dictionary<string, string> { ["Won"] = " " } })
                .ParamName
        );
        Assert.Equal(
            "Owners",
            Assert.Throws<ArgumentException>(() => new CsvReadOptions { Owners = new Dictionary<string, string> { [""] = "x" } }).ParamName
        );
        Assert.Equal("Delimiter", Assert.Throws<ArgumentException>(() => new CsvReadOptions { Delimiter = '"' }).ParamName);
        Assert.Equal("Delimiter", Assert.Throws<ArgumentException>(() => new CsvReadOptions { Delimiter = '\0' }).ParamName);
        Assert.Equal("Delimiter", Assert.Throws<ArgumentException>(() => new CsvReadOptions { Delimiter = '\u00a7' }).ParamName);
        Assert.Equal('\t', new CsvReadOptions { Delimiter = '\t' }.Delimiter);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var deals = new System.IO.MemoryStream();
        Assert.Equal(
            "pipeline",
            Assert.Throws<ArgumentNullException>(() => DealCsv.Read(null!, deals, null, Instant.FromUtc(2025, 1, 1, 0, 0))).ParamName
        );
        Assert.Equal(
            "deals",
            Assert
                .Throws<ArgumentNullException>(() =>
                    DealCsv.Read(Pipelines.PipelineDefinition.Default, null!, null, Instant.FromUtc(2025, 1, 1, 0, 0))
                )
                .ParamName
        );
        Assert.Equal(
            "asOf",
            Assert
                .Throws<ArgumentOutOfRangeException>(() =>
                    DealCsv.Read(Pipelines.PipelineDefinition.Default, deals, null, Instant.MinValue)
                )
                .ParamName
        );
    }
}
