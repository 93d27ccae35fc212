using System.IO;
using System.Text.Json;
using SalesPipeline.Json;

namespace SalesPipeline.Json.Tests.Documents;

// Golden files pin the wire format: a test writes a value indented and compares it with the file in Golden/. A change of
// format is a deliberate act: run the tests with UPDATE_GOLDEN=1 to rewrite the files, then review the diff.
internal static class Golden
{
    public static readonly JsonSerializerOptions Indented = new(SalesPipelineJson.Options) { WriteIndented = true };

    public static string PathOf(string name)
    {
        // The test binaries sit in bin/<configuration>/<tfm>/ below the project folder, which holds Golden/.
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
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, written);
        }
        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the tests once with UPDATE_GOLDEN=1 and review it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, written.Replace("\r\n", "\n", StringComparison.Ordinal));
        return expected;
    }
}
