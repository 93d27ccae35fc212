using System.IO;
using System.Text.Json;
using SalesPipeline.Json;

namespace SalesPipeline.Json.Tests.Documents;

// Golden files pin the wire format: a test writes a value indented and compares it with the file in Golden/. A change of
// format is a deliberate act: SALESPIPELINE_UPDATE_GOLDEN=1 rewrites the files and fails, so they are reviewed first.
// The folder is found from the test binaries (bin/<configuration>/<tfm>/ below the project), not from the source
// file's compile-time path, which a CI build maps to /_/.
internal static class GoldenFile
{
    public static readonly JsonSerializerOptions Indented = new(SalesPipelineJson.Options) { WriteIndented = true };

    public static string PathOf(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SalesPipeline.Json.Tests.csproj")))
            {
                return Path.Combine(dir.FullName, "Golden", name);
            }
        }
        throw new DirectoryNotFoundException($"No SalesPipeline.Json.Tests.csproj above {AppContext.BaseDirectory}.");
    }

    // Writes value indented and asserts it equals the golden file; returns the file's text for reading back.
    public static string AssertMatches<T>(string name, T value)
    {
        var written = JsonSerializer.Serialize(value, Indented) + "\n";
        var path = PathOf(name);
        if (Environment.GetEnvironmentVariable("SALESPIPELINE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, written);
            Assert.Fail($"{path} was rewritten; review it, then run the tests without SALESPIPELINE_UPDATE_GOLDEN.");
        }
        Assert.True(File.Exists(path), $"No golden file {path}; this package writes:\n{written}");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, written.Replace("\r\n", "\n", StringComparison.Ordinal));
        return expected;
    }
}
