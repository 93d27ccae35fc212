using System.Text.Json;
using NodaTime;
using SalesPipeline.Json;

namespace SalesPipeline.Json.Tests;

public class OptionsTests
{
    [Fact]
    public void Ready_options_are_read_only_and_write_instants_as_iso_text()
    {
        Assert.True(SalesPipelineJson.Options.IsReadOnly);
        // 2026-03-01T09:30:00Z is 1,772,357,400 s after the Unix epoch (20,513 days x 86,400 s + 9.5 h).
        var instant = Instant.FromUnixTimeSeconds(1_772_357_400);
        Assert.Equal("\"2026-03-01T09:30:00Z\"", JsonSerializer.Serialize(instant, SalesPipelineJson.Options));
    }

    [Fact]
    public void Configuring_used_options_is_refused_and_changes_nothing()
    {
        var options = new JsonSerializerOptions();
        _ = JsonSerializer.Serialize(1, options);
        var count = options.Converters.Count;
        var error = Assert.Throws<InvalidOperationException>(() => options.ConfigureForSalesPipeline());
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(count, options.Converters.Count);
    }
}
