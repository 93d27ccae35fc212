using System.Text.Json;
using SalesPipeline.Json;

namespace SalesPipeline.Json.Tests;

// Reading bad JSON: the error is a SalesPipelineJsonException whose message starts with the full path and states the rule.
internal static class JsonAssert
{
    public static SalesPipelineJsonException Fails<T>(string json, string path, string rule, JsonSerializerOptions? options = null)
    {
        var error = Assert.Throws<SalesPipelineJsonException>(() =>
            JsonSerializer.Deserialize<T>(json, options ?? SalesPipelineJson.Options)
        );
        Assert.Equal(path, error.FullPath);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
        return error;
    }

    public static SalesPipelineJsonException WriteFails<T>(T value, string path, string rule)
    {
        var error = Assert.Throws<SalesPipelineJsonException>(() => JsonSerializer.Serialize(value, SalesPipelineJson.Options));
        Assert.Equal(path, error.FullPath);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
        return error;
    }

    // Writes, compares with the expected text exactly, reads back and returns what was read.
    public static T RoundTrip<T>(T value, string expectedJson)
    {
        var json = JsonSerializer.Serialize(value, SalesPipelineJson.Options);
        Assert.Equal(expectedJson, json);
        return JsonSerializer.Deserialize<T>(json, SalesPipelineJson.Options)!;
    }
}
